/**
 * The panel's line about a page whose tables are pictures (issue 18): the button that reads them (the
 * 'ask' setting, or again after a cancel), "正在识别图片表格… n/N" with a cancel button while they are read,
 * then what came of it. No hooks: it is rendered from the report script's 'pictures' part, whose own
 * Preact builds the elements the panel's Preact renders.
 */

import type { ComponentChildren } from 'preact';
import { pictureStrings } from '@/utils/i18n/pictures';
import type { Locale } from '@/utils/report/types';

export type PictureProgressState =
  | { phase: 'ask' }
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'read'; tables: number }
  | { phase: 'saved'; tables: number }
  | { phase: 'cancelled' }
  | { phase: 'none' }
  /** `error`: what went wrong, as the browser said it (a tooltip; the line itself stays plain). */
  | { phase: 'failed'; error?: string };

export interface PictureProgressProps {
  state: PictureProgressState;
  locale: Locale;
  onRead: () => void;
  onCancel: () => void;
}

export function PictureProgress({ state, locale, onRead, onCancel }: PictureProgressProps) {
  const t = pictureStrings(locale);
  const readButton = (
    <button type="button" class="rl-button rl-secondary" data-action="read-pictures" onClick={onRead}>
      {t.readPictures}
    </button>
  );
  let body: ComponentChildren;
  switch (state.phase) {
    case 'ask':
      body = (
        <>
          <span>{t.tablesArePictures}</span> {readButton}
        </>
      );
      break;
    case 'reading':
      body = (
        <>
          <span role="status" data-done={state.done} data-total={state.total}>
            {t.reading(state.done, state.total)}
          </span>{' '}
          <progress max={state.total} value={state.done} />{' '}
          <button type="button" class="rl-button rl-secondary" data-action="cancel-pictures" onClick={onCancel}>
            {t.cancel}
          </button>
        </>
      );
      break;
    case 'read':
      body = <span role="status">{t.read(state.tables)}</span>;
      break;
    case 'saved':
      body = <span role="status">{t.fromLibrary(state.tables)}</span>;
      break;
    case 'cancelled':
      body = (
        <>
          <span role="status">{t.cancelled}</span> {readButton}
        </>
      );
      break;
    case 'none':
      body = <span role="status">{t.none}</span>;
      break;
    default:
      body = (
        <>
          <span role="status" title={state.error}>
            {t.failed}
          </span>{' '}
          {readButton}
        </>
      );
  }
  return (
    <p class="rl-pictures" data-pictures={state.phase}>
      {body}
    </p>
  );
}
