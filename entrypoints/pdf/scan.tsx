/**
 * pdf.html and scanned pages (issue 18): the text check comes first, as before; when pages of the PDF are
 * pictures, they are read by OCR in this page (entrypoints/shared/picture-reader.ts, loaded only then), with
 * progress "正在识别扫描页面… n/N" and a cancel button, and the check made again with the pages read. The
 * setting readPictures ('auto' | 'ask') says whether that starts at once or on the reader's click. A cancel
 * leaves what the text gave (for a scan: the unreadable-scan message and the kept row, as before).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScanStrings } from '@/utils/i18n/scan';
import { closePdf } from '@/utils/pdf';
import { checkPdf, type PdfCheckHost, type PdfCheckResult, type PictureReader } from '@/utils/pipeline';
import type { FigureKey } from '@/utils/report/types';
import { getSettings, updateSettings } from '@/utils/settings';

/** What the text check found out about pictures: the PDF's bytes and its pages that are pictures. */
export interface ScanInfo {
  bytes: Uint8Array;
  pages: number[];
}

export type ScanState =
  | { status: 'none' }
  /** The setting is being read: nothing is saved or sent meanwhile. */
  | { status: 'pending'; total: number }
  | { status: 'ask' | 'cancelled' | 'failed' | 'read'; total: number }
  | { status: 'reading'; total: number; done: number };

/** While the pages may still be read, the text check's report is neither sent nor saved. */
export const scanBusy = (state: ScanState) => state.status === 'pending' || state.status === 'reading';

/**
 * checkPdf's readPictures slot for the text check: notes the pages that are pictures (checkPdf asks only of
 * those) and reads none, so the text check stays what it was.
 */
export function pictureCensus(): { reader: PictureReader; pages: number[] } {
  const pages: number[] = [];
  return {
    pages,
    reader: async (page) => {
      pages.push(page.page);
      return null;
    },
  };
}

/**
 * The reading of a PDF's scanned pages: starts by itself with readPictures 'auto', on start() with 'ask'.
 * `onRead` receives the check made with the pages read (its document kept open, for the page view).
 */
export function useScanReading(info: ScanInfo | null, host: PdfCheckHost, url: string | null, onRead: (result: PdfCheckResult) => void) {
  const [state, setState] = useState<ScanState>({ status: 'none' });
  const [mode, setMode] = useState<'auto' | 'ask'>('auto');
  const run = useRef<AbortController | null>(null);
  const onReadRef = useRef(onRead);
  onReadRef.current = onRead;

  const start = (total: number) => {
    if (!info) return;
    run.current?.abort();
    const controller = new AbortController();
    run.current = controller;
    setState({ status: 'reading', total, done: 0 });
    void (async () => {
      try {
        const { scanPictureReader } = await import('@/entrypoints/shared/picture-reader');
        const reader = scanPictureReader({
          signal: controller.signal,
          onPage: ({ done }) => !controller.signal.aborted && setState({ status: 'reading', total, done }),
        });
        const result = await checkPdf(info.bytes, host, { url, keepOpen: true, readPictures: reader });
        if (controller.signal.aborted) return void closePdf(result.pdf);
        setState({ status: 'read', total });
        onReadRef.current(result);
      } catch (error) {
        if (controller.signal.aborted) return;
        console.warn('[report-lens] reading the scanned pages failed', error);
        setState({ status: 'failed', total });
      }
    })();
  };

  useEffect(() => {
    if (!info?.pages.length) {
      setState({ status: 'none' });
      return;
    }
    const total = info.pages.length;
    let live = true;
    setState({ status: 'pending', total });
    void getSettings()
      .then((s) => s.readPictures)
      .catch(() => 'auto' as const)
      .then((mode) => {
        if (!live) return;
        setMode(mode);
        if (mode === 'auto') start(total);
        else setState({ status: 'ask', total });
      });
    return () => {
      live = false;
      run.current?.abort();
      run.current = null;
    };
  }, [info]);

  return {
    state,
    mode,
    /** The setting, changed from this page: applies to the next PDF (this one is read or offered already). */
    setMode: (next: 'auto' | 'ask') => {
      setMode(next);
      void updateSettings({ readPictures: next }).catch(() => undefined);
    },
    start: () => info && start(info.pages.length),
    cancel: () => {
      run.current?.abort();
      run.current = null;
      setState((s) => ({ status: 'cancelled', total: 'total' in s ? s.total : 0 }));
    },
  };
}

/** The reading's line in the side panel: the offer, the progress with its cancel button, or how it ended. */
export function ScanStatus(props: {
  state: ScanState;
  mode: 'auto' | 'ask';
  s: ScanStrings;
  onStart(): void;
  onCancel(): void;
  onMode(mode: 'auto' | 'ask'): void;
}) {
  if (props.state.status === 'none' || props.state.status === 'pending') return null;
  return (
    <div class="pdf-scan-box">
      <ScanLine {...props} />
      <label class="pdf-scan-auto">
        <input
          type="checkbox"
          data-setting="readPictures"
          checked={props.mode === 'auto'}
          onChange={(e) => props.onMode((e.currentTarget as HTMLInputElement).checked ? 'auto' : 'ask')}
        />{' '}
        {props.s.autoRead}
      </label>
    </div>
  );
}

function ScanLine({ state, s, onStart, onCancel }: { state: ScanState; s: ScanStrings; onStart(): void; onCancel(): void }) {
  if (state.status === 'none' || state.status === 'pending') return null;
  if (state.status === 'reading') {
    return (
      <p class="pdf-status pdf-scan" role="status" data-pdf-scan="reading" data-done={state.done} data-total={state.total}>
        <span>{s.reading(state.done, state.total)}</span>{' '}
        <button type="button" class="rl-button" data-action="scan-cancel" onClick={onCancel}>
          {s.cancel}
        </button>
      </p>
    );
  }
  if (state.status === 'read') {
    return (
      <p class="pdf-status pdf-scan" role="status" data-pdf-scan="read">
        {s.readDone(state.total)}
      </p>
    );
  }
  const said = state.status === 'cancelled' ? s.cancelled : state.status === 'failed' ? s.failed : s.pagesArePictures(state.total);
  return (
    <p class="pdf-status pdf-scan" role="status" data-pdf-scan={state.status}>
      <span>{said}</span>{' '}
      <button type="button" class="rl-button" data-action="scan-read" onClick={onStart}>
        {s.read}
      </button>
    </p>
  );
}

/**
 * FigureList's mark for a figure taken from values read by OCR: the least confidence in % (rounded down,
 * so 89.9 % never shows as 90 %), with a tooltip that says what it means.
 */
export function pictureMark(read: Partial<Record<FigureKey, number>>, s: ScanStrings) {
  return (key: FigureKey) => {
    const confidence = read[key];
    if (confidence === undefined) return null;
    const percent = Math.floor(confidence * 100);
    return (
      <abbr class="rl-picture-read" data-picture-confidence={String(confidence)} title={s.figureTitle(percent)}>
        {s.figureMark(percent)}
      </abbr>
    );
  };
}
