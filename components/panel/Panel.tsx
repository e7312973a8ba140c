import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { answerOf, answerText } from '@/components/shared/answer';
import { FigureList } from '@/components/shared/FigureList';
import { countBySeverity, FindingList, type ReviewHandler } from '@/components/shared/FindingList';
import { ReportFacts } from '@/components/shared/ReportHeader';
import { langTag, strings } from '@/utils/i18n';
import type { SavedState } from '@/utils/messaging';
import type { PdfLink } from '@/utils/pdf/url';
import type { Era, FigureKey, Figures, Finding, Locale } from '@/utils/report/types';
import type { ReviewMap } from '@/utils/reviews';
import type { RuleHelp } from '@/utils/rules/help-source';
import type { PanelState } from '@/utils/settings';

export interface PanelModel {
  /** Title as printed (the page's own script), else the normalised title. */
  title: string | null;
  /** Agency as printed (the page's own script), else the normalised agency. */
  agency: string | null;
  year: number | null;
  era: Era | null;
  figures: Figures;
  /** Figures read from a table cell whose column is a guess (Report.doubtfulFigures). */
  doubtfulFigures?: FigureKey[];
  findings: Finding[];
  /** Reviews of the saved report (findingKey → review). */
  reviews: ReviewMap;
  locale: Locale;
  saved: SavedState | null;
  saving: boolean;
  saveError?: string;
  /** false: a page named like a report that only links it (附件): the panel offers its PDFs and nothing else. */
  isReport?: boolean;
  /** PDF attachments the page links, each offered to pdf.html. */
  attachments?: PdfLink[];
  /**
   * 'page': the page's own check is shown (first paint); 'complete': the prose rules have run and the
   * background has answered (saved state, reviews, cross-year findings), or could not. Shown as data-stage.
   */
  stage?: 'page' | 'complete';
  /** Relations and figures the rules compared (the answer line's 已核对 N 项). */
  checked?: number;
  /** The key figures folded away (remembered). */
  figuresFolded?: boolean;
  /** Folded to its tab for now, out of the way of a place it points at (not remembered). */
  tucked?: boolean;
  /** The rules' 为什么 / 怎么改, once loaded. */
  help?: Readonly<Record<string, RuleHelp>> | null;
  /** A mark clicked in the page: open that finding's card. */
  reveal?: { index: number; n: number } | null;
}

export interface PanelProps {
  model: PanelModel;
  state: PanelState;
  onState: (state: PanelState) => void;
  /** Scroll to and highlight the finding's place; false when it cannot be found in the page. */
  onSelect: (finding: Finding) => boolean;
  onSave: () => void;
  /** Confirm / dismiss / clear a finding's review; resolves to an error message or null. */
  onReview: ReviewHandler;
  onOpenLibrary: () => void;
  /** Open an attached PDF in the extension's PDF page. */
  onCheckPdf?: (url: string) => void;
  onFigures?: (folded: boolean) => void;
  /** Load the rules' 为什么 / 怎么改 (a card's help opened). */
  onHelp?: () => void;
  /** Tables published as pictures (issue 18): the reading's line (components/panel/PictureProgress.tsx), from the report script's part. */
  pictures?: ComponentChildren;
}

export function Panel({
  model,
  state,
  onState,
  onSelect,
  onSave,
  onReview,
  onOpenLibrary,
  onCheckPdf,
  onFigures,
  onHelp,
  pictures,
}: PanelProps) {
  const t = strings(model.locale);
  const isReport = model.isReport !== false;
  const attachments = model.attachments ?? [];
  const [selected, setSelected] = useState<number | null>(null);
  const [notFound, setNotFound] = useState<number | null>(null);
  const pillRef = useRef<HTMLButtonElement>(null);
  const collapseRef = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  // A new parse invalidates the selection.
  useEffect(() => {
    setSelected(null);
    setNotFound(null);
  }, [model.findings]);
  // A mark clicked in the page selects its finding (the card opens in FindingList).
  useEffect(() => {
    if (model.reveal) setSelected(model.reveal.index);
  }, [model.reveal]);

  // Move focus with the state change (not on first render: never steal focus from the page).
  useLayoutEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (state === 'collapsed') pillRef.current?.focus();
    else if (state === 'expanded') collapseRef.current?.focus();
  }, [state]);

  const counts = countBySeverity(model.findings, model.reviews);
  const total = counts.error + counts.warning + counts.info;
  const badgeCount = counts.error || counts.warning;
  // The first paint shows the page's own check; until the rest has run it must not look final (issue 19).
  const checking = isReport && model.stage === 'page';

  if (state === 'closed') return null;

  if (state === 'collapsed' || model.tucked) {
    return (
      <div class="rl-root" lang={langTag(model.locale)} data-stage={model.stage ?? 'complete'}>
        <button
          ref={pillRef}
          type="button"
          class={`rl-pill${counts.error ? ' rl-pill-error' : counts.warning ? ' rl-pill-warning' : ''}`}
          aria-label={`${t.expand}（${t.severityLabels.error} ${counts.error}，${t.severityLabels.warning} ${counts.warning}）${checking ? t.stillChecking : ''}`}
          aria-expanded="false"
          onClick={() => onState('expanded')}
        >
          <span class="rl-pill-name">{t.appName}</span>
          {badgeCount ? <span class="rl-pill-count">{badgeCount}</span> : null}
          {checking ? (
            <span class="rl-pill-checking" title={t.stillChecking}>
              …
            </span>
          ) : null}
        </button>
      </div>
    );
  }

  const answer = answerOf(model.findings, model.reviews, model.checked);
  const select = (finding: Finding, index: number) => {
    setSelected(index);
    setNotFound(onSelect(finding) ? null : index);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the panel folds it; the controls inside take the focus.
    <div
      class="rl-root"
      lang={langTag(model.locale)}
      data-stage={model.stage ?? 'complete'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onState('collapsed');
        }
      }}
    >
      <aside class="rl-panel" aria-label={t.panelLabel}>
        <header class="rl-header">
          <h2>{t.appName}</h2>
          <button
            ref={collapseRef}
            type="button"
            class="rl-icon"
            aria-label={t.collapse}
            title={t.collapse}
            aria-expanded="true"
            onClick={() => onState('collapsed')}
          >
            –
          </button>
          <button
            type="button"
            class="rl-icon"
            aria-label={t.closeThisPage}
            title={t.closeThisPage}
            data-action="close"
            onClick={() => onState('closed')}
          >
            ×
          </button>
        </header>
        {/* Focusable: when it scrolls and holds no control (a clean report), keys must still scroll it (axe scrollable-region-focusable). */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: see above; axe asks for it. */}
        <div class="rl-body" tabIndex={0}>
          {isReport && answer ? (
            <p
              class="rl-answer"
              data-checked={answer.checked ?? undefined}
              data-problems={answer.problems.reduce((n, p) => n + p.count, 0)}
            >
              {answerText(answer, model.locale)}
            </p>
          ) : null}
          {checking ? (
            <p class="rl-checking" role="status">
              {t.stillChecking}
            </p>
          ) : null}
          {model.title ? <p class="rl-title">{model.title}</p> : null}
          {isReport ? (
            <>
              <ReportFacts agency={model.agency} year={model.year} era={model.era} t={t} />
              {pictures}
              <h3 class="rl-subhead">
                <button
                  type="button"
                  class="rl-fold"
                  aria-expanded={!model.figuresFolded}
                  onClick={() => onFigures?.(!model.figuresFolded)}
                >
                  <span aria-hidden="true">{model.figuresFolded ? '▸' : '▾'}</span> {t.figures}
                </button>
              </h3>
              {model.figuresFolded ? null : <FigureList figures={model.figures} doubtful={model.doubtfulFigures} t={t} />}
              <h3 class="rl-subhead">
                {t.findings}{' '}
                <span class="rl-total" data-total={total}>
                  {total}
                </span>
              </h3>
              {checking && !model.findings.length ? null : (
                <FindingList
                  findings={model.findings}
                  locale={model.locale}
                  t={t}
                  onSelect={select}
                  selected={selected}
                  notFound={notFound}
                  reviews={model.reviews}
                  onReview={onReview}
                  help={model.help}
                  onHelp={onHelp}
                  reveal={model.reveal}
                />
              )}
            </>
          ) : null}
          {attachments.length ? (
            <div class="rl-attachments" data-attachments={attachments.length}>
              <h3 class="rl-subhead">{t.attachments}</h3>
              <ul>
                {attachments.map((a) => (
                  <li key={a.url}>
                    <button
                      type="button"
                      class="rl-button rl-secondary"
                      data-action="check-attachment"
                      data-src={a.url}
                      title={a.url}
                      onClick={() => onCheckPdf?.(a.url)}
                    >
                      {t.checkAttachment}
                    </button>{' '}
                    <span class="rl-attachment-name">{a.label}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
        {isReport ? (
          <footer class="rl-footer" data-save-state={model.saved ? 'saved' : model.saving ? 'saving' : 'unsaved'}>
            <span class="rl-save-state" role="status">
              {model.saving ? t.saving : model.saved ? (model.saved.status === 'revised' ? t.savedRevised : t.saved) : t.notSaved}
              {model.saveError ? <span class="rl-save-error">{model.saveError}</span> : null}
            </span>
            <span class="rl-actions">
              {!model.saved && !model.saving ? (
                <button type="button" class="rl-button" onClick={onSave}>
                  {t.save}
                </button>
              ) : null}
              <button type="button" class="rl-button rl-secondary" data-action="library" onClick={onOpenLibrary}>
                {t.openLibrary}
              </button>
            </span>
          </footer>
        ) : null}
      </aside>
    </div>
  );
}
