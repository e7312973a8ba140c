/**
 * pdf.html?src=<absolute URL>: a report published as PDF, checked like a page. Downloads the file
 * (gov.cn hosts are granted; another host only after the user allows it), reads it with pdf.js from the
 * extension's own worker, CMaps and fonts, rebuilds it as a document in a detached Document for the same
 * parser and rules, and shows the figures and findings beside the rendered pages. Clicking a finding
 * scrolls to its page and marks the sentence or cell. The Report goes to the background once (pageChecked,
 * as a page's report script does): the answer brings the saved state, reviews and cross-year findings
 * against the agency's other years; saving keeps it in the library as a PDF (source kind, file hash).
 */

import * as pdfjs from 'pdfjs-dist';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { FigureList } from '@/components/shared/FigureList';
import { FindingList } from '@/components/shared/FindingList';
import { ReportFacts } from '@/components/shared/ReportHeader';
import { pictureFigures } from '@/entrypoints/shared/picture-figures';
import { pdfBoxes } from '@/utils/anchor/pdf';
import { langTag, strings } from '@/utils/i18n';
import { PDF_STRINGS } from '@/utils/i18n/pdf-page';
import { type Said, saidText } from '@/utils/i18n/said';
import { scanStrings } from '@/utils/i18n/scan';
import { onMessage, type PageState, sendMessage } from '@/utils/messaging';
import { closePdf, MAX_PDF_BYTES, type PdfJsModule, type PdfPageInput, PdfReadError } from '@/utils/pdf';
import { type CheckResult, checkPdf, type PdfCheckHost, type PdfProgress, unreadablePdfReport } from '@/utils/pipeline';
import type { Finding, Locale, LocalizedText, Report } from '@/utils/report/types';
import { getSettings, resolveLocale } from '@/utils/settings';
import { pictureCensus, pictureMark, type ScanInfo, ScanStatus, scanBusy, useScanReading } from './scan';
import { mountPages, type PageViewer } from './viewer';
import '@/components/shared/shared.css';
import './style.css';

const getURL = browser.runtime.getURL as (path: string) => string;
pdfjs.GlobalWorkerOptions.workerSrc = getURL('/pdfjs/pdf.worker.min.mjs');

type Phase =
  | { kind: 'loading' }
  /** Reading: how many pages are read, and the latest check of the first pages (`partialPages` of them), whose figures are shown. */
  | { kind: 'reading'; progress?: PdfProgress; partial?: CheckResult; partialPages?: number }
  | {
      kind: 'problem';
      messages: LocalizedText;
      grantOrigin?: string /** A scanned PDF's unreadable report, to keep. */;
      unreadable?: Report;
      scan?: ScanInfo;
    }
  | {
      kind: 'done';
      result: CheckResult;
      pages: PdfPageInput[];
      pdf: pdfjs.PDFDocumentProxy /** Pages that are pictures, to read by OCR (./scan.tsx). */;
      scan?: ScanInfo;
    };

const isGovHost = (host: string) => host === 'gov.cn' || host.endsWith('.gov.cn');

function sourceUrl(): URL | null {
  const raw = new URLSearchParams(location.search).get('src');
  if (!raw) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** `early`: the fetch public/pdf-early.js began for this address, taken once (a retry fetches again). */
async function download(url: URL, early?: Promise<Response>): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await (early ?? fetch(url.href, { credentials: 'omit', cache: 'no-store' }));
  } catch (cause) {
    // Without host access the request fails before any status (CORS or a missing permission).
    const granted = isGovHost(url.hostname) || (await browser.permissions.contains({ origins: [`${url.origin}/*`] }).catch(() => false));
    throw Object.assign(new PdfReadError('fetch-failed', {}, { cause }), { grantOrigin: granted ? undefined : url.origin });
  }
  if (!response.ok) throw new PdfReadError('fetch-failed', { status: `HTTP ${response.status}` });
  const length = Number(response.headers.get('content-length'));
  if (length > MAX_PDF_BYTES) throw new PdfReadError('too-large', { megabytes: Math.round(MAX_PDF_BYTES / 1024 / 1024) });
  return new Uint8Array(await response.arrayBuffer());
}

/** What public/pdf-early.js started. */
interface EarlyStart {
  /** The ?src= address as given (compared with the one checked). */
  src: string;
  response: Promise<Response>;
  worker: Worker | null;
}
// The download and pdf.js's worker, started by public/pdf-early.js before this module was evaluated: the
// download is met in check() below (its failure too); the worker serves every document of this page (a retry
// too), and pdf.js leaves a worker port it was given running when a document closes.
const scope = globalThis as { __reportLensEarly?: EarlyStart };
const early = scope.__reportLensEarly;
scope.__reportLensEarly = undefined;
if (early?.worker) pdfjs.GlobalWorkerOptions.workerPort = early.worker;
let earlyResponse = early?.response;
const sameAddress = (raw: string, url: URL) => {
  try {
    return new URL(raw).href === url.href;
  } catch {
    return false;
  }
};

/** This page as the PDF check's host: the extension's own pdf.js worker, CMaps and fonts. */
const pdfHost: PdfCheckHost = {
  pdfjs: async () => pdfjs as unknown as PdfJsModule,
  pdfOptions: {
    cMapUrl: getURL('/pdfjs/cmaps/'),
    standardFontDataUrl: getURL('/pdfjs/standard_fonts/'),
    wasmUrl: getURL('/pdfjs/wasm/'),
  },
  // A detached document: the reconstruction is never shown or run, only parsed.
  emptyDocument: () => document.implementation.createHTMLDocument(''),
};

/** Wall time of each stage of the last check (the bench reads them from data-stages). */
let stages: Record<string, number> = {};

async function check(url: URL, onReading: (progress?: PdfProgress) => void): Promise<Phase> {
  stages = {};
  // The first check takes the download pdf-early.js began for this address; a retry (after a grant) fetches again.
  const started = early && sameAddress(early.src, url) ? earlyResponse : undefined;
  earlyResponse = undefined;
  const bytes = await download(url, started);
  onReading();
  // The one PDF check (as in the batch and the CLI); the document stays open to draw its pages.
  let result: Awaited<ReturnType<typeof checkPdf>>;
  // The pages that are pictures are noted, not read: the text's check comes first (./scan.tsx reads them).
  const census = pictureCensus();
  const scan = (): ScanInfo | undefined => (census.pages.length ? { bytes, pages: census.pages } : undefined);
  try {
    result = await checkPdf(bytes, pdfHost, {
      url: url.href,
      keepOpen: true,
      readPictures: census.reader,
      onProgress: onReading,
      onStage: (stage, ms) => (stages[stage] = Math.round(ms)),
    });
  } catch (error) {
    // A scanned PDF is still the agency's report: its unreadable report goes with the refusal, to be kept.
    if (error instanceof PdfReadError && error.problem === 'scanned')
      throw Object.assign(error, { unreadable: unreadablePdfReport(bytes, url.href, pdfHost.emptyDocument()), scan: scan() });
    throw error;
  }
  return { kind: 'done', result, pages: result.pages, pdf: result.pdf as unknown as pdfjs.PDFDocumentProxy, scan: scan() };
}

function App({ url }: { url: URL | null }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [locale, setLocale] = useState<Locale>('zh-Hans');
  const [language, setLanguage] = useState<Parameters<typeof resolveLocale>[0]>('auto');
  const [selected, setSelected] = useState<number | null>(null);
  const [notFound, setNotFound] = useState<number | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PageState | null>(null);
  const [saving, setSaving] = useState(false);
  const pagesRef = useRef<HTMLDivElement>(null);
  const viewer = useRef<PageViewer | null>(null);

  useEffect(() => {
    void getSettings()
      .then((s) => setLanguage(s.language))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!url) return;
    setPhase({ kind: 'loading' });
    performance.mark('pdf:start');
    // Every end of the check is a phase (done or a problem said plainly); an answer that comes after a
    // retry started is dropped and its document closed.
    let live = true;
    check(url, (progress) => {
      if (!live) return;
      // A later count keeps the first pages' check until a newer one comes.
      setPhase((prev) => {
        const before = prev.kind === 'reading' ? prev : null;
        // A check of the first pages comes after the count has moved on: the count shown never goes back.
        const count = before?.progress && progress && before.progress.read > progress.read ? before.progress : progress;
        return progress?.partial
          ? { kind: 'reading', progress: count, partial: progress.partial, partialPages: progress.read }
          : { kind: 'reading', progress: count, partial: before?.partial, partialPages: before?.partialPages };
      });
    })
      .then((next) => {
        if (live) setPhase(next);
        else if (next.kind === 'done') void closePdf(next.pdf);
      })
      .catch((error: unknown) => {
        if (!live) return;
        const problem =
          error instanceof PdfReadError ? error : new PdfReadError('failed', { detail: String(error).slice(0, 200) }, { cause: error });
        if (!(error instanceof PdfReadError)) console.warn('[report-lens] PDF check failed', error);
        const { grantOrigin, unreadable, scan } = error as { grantOrigin?: string; unreadable?: Report; scan?: ScanInfo };
        setPhase({ kind: 'problem', messages: problem.messages, grantOrigin, unreadable, scan });
      });
    return () => {
      live = false;
    };
  }, [url?.href, attempt]);

  // The open document of a finished check is closed when another check replaces it.
  useEffect(() => (phase.kind === 'done' ? () => void closePdf(phase.pdf) : undefined), [phase]);

  // Scanned pages read by OCR: the check made with them replaces the text's (same ScanInfo: read once).
  const scanInfo = phase.kind === 'done' || phase.kind === 'problem' ? (phase.scan ?? null) : null;
  const scan = useScanReading(scanInfo, pdfHost, url?.href ?? null, (result) =>
    setPhase({
      kind: 'done',
      result,
      pages: result.pages,
      pdf: result.pdf as unknown as pdfjs.PDFDocumentProxy,
      scan: scanInfo ?? undefined,
    }),
  );
  const scanning = scanBusy(scan.state);

  const report = phase.kind === 'done' ? phase.result.report : null;
  useEffect(() => setLocale(resolveLocale(language, report?.meta.script)), [language, report]);

  // The one message carrying the Report; auto-save as on pages. Not while scanned pages are being read:
  // the check with them is the one sent.
  useEffect(() => {
    setState(null);
    if (scanning) return;
    if (phase.kind === 'problem' && phase.unreadable && url) {
      // Kept as an unreadable row when saving is automatic: it appears in the scores, never scored.
      const r = phase.unreadable;
      void (async () => {
        if (!(await getSettings().catch(() => null))?.autoSave) return;
        const answer = await sendMessage('pageChecked', { url: url.href, report: r, findings: [], save: true }).catch(() => null);
        if (answer) setState(answer);
      })();
      return;
    }
    if (phase.kind !== 'done' || !url) return;
    const { report: r, findings: own } = phase.result;
    void (async () => {
      const save = r.isReport && !!(await getSettings().catch(() => null))?.autoSave;
      const answer = await sendMessage('pageChecked', { url: url.href, report: r, findings: own, save }).catch(() => null);
      if (answer) setState(answer);
    })();
  }, [phase, scanning]);

  // Later library changes (a review, a deletion, a neighbour year saved) pushed to this tab.
  useEffect(() => onMessage('pageStateChanged', ({ data }) => setState(data)), []);

  const save = async () => {
    setSaving(true);
    const answer = await sendMessage('saveChecked', undefined).catch(() => ({
      ok: false as const,
      error: { notice: 'saveUnanswered' } as Said,
    }));
    setSaving(false);
    setState((s) =>
      answer.ok
        ? { ...(s ?? { findings: [], reviews: {} }), saved: answer.saved, saveError: undefined }
        : { ...(s ?? { findings: [], reviews: {}, saved: null }), saveError: answer.error },
    );
  };

  const openLibrary = () => void sendMessage('openLibrary', { tabId: -1 }).catch(() => undefined);

  // The bench's marks: the first pages' figures shown, and the findings (from this page's navigation, and from
  // the check's start), with each stage's wall time.
  const partialShown = phase.kind === 'reading' && !!phase.partial?.report.isReport;
  useEffect(() => {
    if (partialShown && !document.documentElement.dataset.firstFiguresAt)
      document.documentElement.dataset.firstFiguresAt = String(Math.round(performance.now()));
  }, [partialShown]);

  useEffect(() => {
    if (phase.kind !== 'done' || !pagesRef.current) return;
    performance.mark('pdf:findings');
    document.documentElement.dataset.findingsMs = String(
      Math.round(performance.measure('pdf:check', 'pdf:start', 'pdf:findings').duration),
    );
    document.documentElement.dataset.findingsAt = String(Math.round(performance.now()));
    document.documentElement.dataset.stages = JSON.stringify(stages);
    const v = mountPages(pagesRef.current, phase.pdf, phase.pages, PDF_STRINGS[locale].page);
    viewer.current = v;
    return () => {
      v.destroy();
      viewer.current = null;
    };
  }, [phase]);

  const t = strings(locale);
  const p = PDF_STRINGS[locale];
  const s = scanStrings(locale);

  const select = (finding: Finding, index: number) => {
    setSelected(index);
    if (phase.kind !== 'done' || !viewer.current) return;
    const boxes = pdfBoxes(phase.result.anchors, finding.location, phase.pages);
    viewer.current.highlight(boxes);
    setNotFound(boxes.length ? null : index);
  };

  const grant = async (origin: string) => {
    if (await browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false)) setAttempt((n) => n + 1);
  };

  // The background's findings include the cross-year ones (carry-over against a saved year…).
  const findings = phase.kind === 'done' ? (state?.findings ?? phase.result.findings) : [];
  return (
    <div class="pdf-app" lang={langTag(locale)}>
      <main class="pdf-pages" ref={pagesRef} />
      <aside class="pdf-side rl-root" aria-label={t.panelLabel}>
        <header class="pdf-head">
          <h1>{t.appName}</h1>
          {url ? (
            <a class="pdf-source" href={url.href} rel="noreferrer" target="_blank" title={url.href}>
              {p.source}
            </a>
          ) : null}
        </header>
        {!url ? (
          <p class="pdf-problem" data-pdf-problem="bad-source" role="alert">
            {p.badSource}
          </p>
        ) : null}
        {url && (phase.kind === 'loading' || phase.kind === 'reading') ? (
          <p
            class="pdf-status"
            role="status"
            data-pdf-status={phase.kind}
            data-pdf-read={phase.kind === 'reading' ? phase.progress?.read : undefined}
          >
            {phase.kind === 'loading' ? p.loading : phase.progress ? p.readingPages(phase.progress.read, phase.progress.total) : p.reading}
          </p>
        ) : null}
        {/* The first pages' figures while the rest is read. Their findings wait for the whole report: on a part of
            it the rules would call every later section and table missing. */}
        {phase.kind === 'reading' && phase.partial?.report.isReport ? (
          <div class="rl-body" data-pdf-partial={phase.partialPages}>
            <p class="pdf-status">{p.partial(phase.partialPages ?? 0)}</p>
            <FigureList figures={phase.partial.report.figures} t={t} />
          </div>
        ) : null}
        {/* A scan being read says so instead of "cannot be read". */}
        {phase.kind === 'problem' && !(phase.scan && scanning) ? (
          <div class="pdf-problem" data-pdf-problem role="alert">
            <p>{phase.messages[locale]}</p>
            {phase.grantOrigin ? (
              <p>
                {p.grantHint}{' '}
                <button type="button" class="rl-button" data-action="grant-host" onClick={() => void grant(phase.grantOrigin!)}>
                  {p.grant(new URL(phase.grantOrigin).host)}
                </button>
              </p>
            ) : null}
          </div>
        ) : null}
        <ScanStatus state={scan.state} mode={scan.mode} s={s} onStart={scan.start} onCancel={scan.cancel} onMode={scan.setMode} />
        {/* Beside the refusal, not inside it: the refusal says why, this says what was kept. */}
        {phase.kind === 'problem' && phase.unreadable && state?.saved ? (
          <p class="pdf-status" role="status" data-pdf-unreadable-saved>
            {p.unreadableSaved}
          </p>
        ) : null}
        {phase.kind === 'done' && report ? (
          <div class="rl-body" data-pdf-pages={phase.pages.length}>
            {(report.meta.printed?.title ?? report.meta.title) ? (
              <p class="rl-title">{report.meta.printed?.title ?? report.meta.title}</p>
            ) : null}
            <p class="pdf-count">{p.pages(phase.pages.length)}</p>
            {!report.isReport ? (
              <p class="pdf-problem" data-pdf-problem="not-report">
                {p.notReport}
              </p>
            ) : null}
            <ReportFacts
              agency={report.meta.printed?.agency ?? report.meta.agency}
              year={report.meta.year}
              era={report.meta.format}
              t={t}
            />
            <h2 class="rl-subhead">{t.figures}</h2>
            <FigureList
              figures={report.figures}
              doubtful={report.doubtfulFigures}
              mark={pictureMark(pictureFigures(report.standard, report.figures), s)}
              t={t}
            />
            <h2 class="rl-subhead">
              {t.findings}{' '}
              <span class="rl-total" data-total={findings.length}>
                {findings.length}
              </span>
            </h2>
            <FindingList
              findings={findings}
              locale={locale}
              t={t}
              reviews={state?.reviews}
              onSelect={select}
              selected={selected}
              notFound={notFound}
            />
            {report.isReport ? (
              <div class="pdf-save" data-save-state={state?.saved ? 'saved' : state ? 'unsaved' : 'pending'}>
                <span role="status">{state?.saved ? (state.saved.status === 'revised' ? t.savedRevised : t.saved) : t.notSaved}</span>
                {state?.saveError ? <span class="pdf-problem">{saidText(state.saveError, locale)}</span> : null}
                {state && !state.saved ? (
                  <button type="button" class="rl-button" disabled={saving} data-action="save" onClick={() => void save()}>
                    {saving ? t.saving : t.save}
                  </button>
                ) : null}
                <button type="button" class="rl-button" data-action="library" onClick={openLibrary}>
                  {t.openLibrary}
                </button>
              </div>
            ) : null}
          </div>
        ) : null}
      </aside>
    </div>
  );
}

render(<App url={sourceUrl()} />, document.getElementById('app')!);
