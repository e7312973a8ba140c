import type { PageAnchors } from './anchor/resolve';
import { type ParseResult, type ParseStage, parseDocument, parseReportText, type StageHook, timeStage } from './parse';
import {
  closePdf,
  type OpenedPdf,
  openPdf,
  type PdfJsModule,
  type PdfPageInput,
  PdfReadError,
  pdfToDocument,
  type ReadPdfOptions,
  readOpenedPages,
} from './pdf';
import { hashBytes } from './report/hash';
import type { Finding, Report } from './report/types';
import { type CheckTally, newTally, runRules } from './rules';
import type { RuleContext } from './rules/types';

export interface CheckResult {
  report: Report;
  findings: Finding[];
  anchors: PageAnchors;
  /** What the rules compared, per rule (relations and figures, held or not). */
  tally: CheckTally;
}

/** The parser's stages, then the rules. */
export type CheckStage = ParseStage | 'rules';

export interface CheckOptions {
  url?: string | null;
  context?: RuleContext;
  /** Told each stage's wall time (parse stages, then 'rules'). */
  onStage?: StageHook<CheckStage>;
  /** Tables rebuilt in the page from its pictures by OCR (see ParseOptions.pictureTables). */
  pictureTables?: ReadonlySet<Element>;
}

/** Document → Report → findings: the same composition in the page, in the CLI, in the bench and in tests. */
export function checkDocument(doc: Document, options: CheckOptions = {}): CheckResult {
  return withFindings(
    parseDocument(doc, { url: options.url ?? null, onStage: options.onStage, pictureTables: options.pictureTables }),
    options,
  );
}

/**
 * A document we rebuilt ourselves (a PDF's pages, a picture of a table read by OCR) → findings: parsed like a
 * text dump, so the reads it states (data-read, picture confidence) are honoured and its first lines give the title.
 */
export function checkRebuiltDocument(doc: Document, options: CheckOptions = {}): CheckResult {
  return withFindings(parseDocument(doc, { url: options.url ?? null, onStage: options.onStage, fromTextDump: true }), options);
}

/** A text dump (copied or extracted text) → findings: the dump becomes a document in `doc`, then as above. */
export function checkText(text: string, doc: Document, options: CheckOptions = {}): CheckResult {
  return withFindings(parseReportText(text, doc, { url: options.url ?? null, onStage: options.onStage }), options);
}

/** Where the PDF check finds pdf.js and a document to rebuild into (pdf.html, the batch hosts, Node). */
export interface PdfCheckHost {
  /** pdf.js, loaded when a PDF comes. */
  pdfjs(): Promise<PdfJsModule>;
  /** Where pdf.js finds the bundled CMaps and fonts (and the page cap, the size cap). */
  pdfOptions: ReadPdfOptions;
  /** An empty document the reconstruction is written into: never shown, only parsed. */
  emptyDocument(): Document;
}

/**
 * A page with pictures and (almost) no text → the same page with the text read from its pictures, or null
 * to leave it as it is. The slot for a picture reader (OCR): checkPdf calls it for such pages only, before
 * the reconstruction, so read text goes through the same tables, parser and rules.
 */
export type PictureReader = (page: PdfPageInput, pdf: OpenedPdf) => Promise<PdfPageInput | null>;

/** The PDF check's own stages, told with their wall time before the parse stages and 'rules'. */
export type PdfStage = 'pdf-open' | 'pdf-read' | 'pdf-rebuild';

/** How far the read of a PDF has come (PdfCheckOptions.onProgress). */
export interface PdfProgress {
  /** Pages read, from page 1 without a gap (with `partial`: the pages it checked; the read may be further), and the PDF's pages. */
  read: number;
  total: number;
  /**
   * The check of those pages alone, when one was made: what a reader of the first pages sees (figures,
   * findings), before the rest is read. Provisional: a table or section that goes on over a later page is
   * cut short in it. Made while the pages read are at most half the PDF (at 1, 2, 4, 8… pages), in a
   * task of its own so the reading goes on; absent otherwise.
   */
  partial?: CheckResult;
}

export interface PdfCheckOptions extends Omit<CheckOptions, 'onStage'> {
  /** Told each stage's wall time: the PDF's (open, read, rebuild), then the parse stages and 'rules'. */
  onStage?: StageHook<CheckStage | PdfStage>;
  /** Give the open pdf.js document back (pdf.html draws its pages); the caller closes it (closePdf). */
  keepOpen?: boolean;
  readPictures?: PictureReader;
  /** Wall time allowed before the read is stopped and refused ('timeout'); default PDF_TIME_LIMIT_MS. */
  timeLimitMs?: number;
  /** Told as pages are read (see PdfProgress); a failure in it is the check's failure. */
  onProgress?: (progress: PdfProgress) => void;
  /** Pages asked of pdf.js at once (default 4; 1 reads them one after another). */
  lanes?: number;
}

export interface PdfCheckResult extends CheckResult {
  pages: PdfPageInput[];
  /** The open document with keepOpen, else null (already closed). */
  pdf: OpenedPdf | null;
}

/** A report of 200 pages reads in well under a minute here; a file still being read after two is stuck. */
const PDF_TIME_LIMIT_MS = 120_000;

/** Pages whose text is too little to be anything but a picture of text (as the reconstruction's 'scanned'). */
const PICTURE_PAGE_MAX_CHARS = 20;

/**
 * PDF bytes → findings: the one PDF check of pdf.html, the batch and the CLI. pdf.js reads the pages
 * (utils/pdf), the report is rebuilt as a document and parsed like a text dump (a PDF has no <title> or CMS
 * metadata: its first lines are read for the title), then the rules. The report's source is the PDF and its
 * revision is the file: `source.fileHash` is the hash of these bytes.
 * Never leaves the process or the page with work of its own: it settles within the time limit, the pdf.js
 * document is closed on every path (unless kept open for the caller), and every failure is a PdfReadError
 * with a plain reason.
 */
export async function checkPdf(bytes: Uint8Array, host: PdfCheckHost, options: PdfCheckOptions = {}): Promise<PdfCheckResult> {
  const limit = options.timeLimitMs ?? PDF_TIME_LIMIT_MS;
  const controller = new AbortController();
  let pdf: OpenedPdf | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expire: (reason: PdfReadError) => void = () => {};
  const expired = new Promise<never>((_, reject) => (expire = reject));
  // (Re)starts the clock: once at the start, and after each page read from its picture (OCR of a scanned page
  // takes seconds, a minute on a loaded machine; the limit is for a file stuck in pdf.js, not for reading).
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const reason = new PdfReadError('timeout', { seconds: Math.ceil(limit / 1000) });
      controller.abort(reason);
      expire(reason);
    }, limit);
  };
  arm();
  const onStage = options.onStage;
  const stageStart = () => (onStage ? performance.now() : 0);
  const stageEnd = (stage: PdfStage, start: number) => onStage?.(stage, performance.now() - start);
  let hash: string | undefined;
  /** Pages → document → report → findings, as for the whole PDF (the partial checks use the same). */
  const rebuildAndCheck = (pages: PdfPageInput[], stages: boolean): CheckResult => {
    const started = stages ? stageStart() : 0;
    const doc = host.emptyDocument();
    pdfToDocument(pages, doc);
    if (stages) stageEnd('pdf-rebuild', started);
    const parsed = parseDocument(doc, { url: options.url ?? null, onStage: stages ? onStage : undefined, fromTextDump: true });
    const ocrPages = pages.filter((p) => p.picture).length;
    parsed.report.source = {
      ...parsed.report.source,
      kind: 'pdf',
      fileHash: (hash ??= hashBytes(bytes)),
      ...(ocrPages ? { ocrPages } : {}),
    };
    return withFindings(parsed, stages ? options : { ...options, onStage: undefined });
  };
  const progress = options.onProgress ? partialChecks(options.onProgress, rebuildAndCheck) : null;
  const work = async (): Promise<Omit<PdfCheckResult, 'pdf'>> => {
    const pdfjs = await host.pdfjs();
    let started = stageStart();
    pdf = await openPdf(pdfjs, bytes, { ...host.pdfOptions, signal: controller.signal });
    stageEnd('pdf-open', started);
    started = stageStart();
    let pages = await readOpenedPages(pdfjs, pdf, bytes, host.pdfOptions.maxPages, controller.signal, {
      lanes: options.lanes,
      onPages: progress?.onPages,
    });
    stageEnd('pdf-read', started);
    progress?.stop();
    if (options.readPictures) pages = await readPicturePages(pages, pdf, options.readPictures, arm);
    return { ...rebuildAndCheck(pages, true), pages };
  };
  try {
    const result = await Promise.race([work(), expired]);
    if (options.keepOpen) return { ...result, pdf };
    await closePdf(pdf);
    return { ...result, pdf: null };
  } catch (error) {
    await closePdf(pdf);
    throw error instanceof PdfReadError ? error : new PdfReadError('failed', { detail: errorText(error) }, { cause: error });
  } finally {
    clearTimeout(timer);
    try {
      progress?.stop();
    } catch {
      // Already thrown by the read's own stop, or the check failed first: that failure stands.
    }
  }
}

/**
 * The progress of a read: every growth of the pages read is told at once; a check of the pages read so far
 * is made at 1, 2, 4, 8… pages while they are at most half the PDF (each costs about its pages' share of the
 * whole check, so all of them together cost less than the final one), in a task of its own, after the page
 * answer that brought it: the next pages are asked of pdf.js's worker first, and parse there meanwhile.
 * Pages that cannot be checked yet (a cover page of pictures, too little text) make no partial result.
 */
function partialChecks(tell: (progress: PdfProgress) => void, check: (pages: PdfPageInput[], stages: boolean) => CheckResult) {
  let nextAt = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let failure: { error: unknown } | null = null;
  return {
    onPages(pages: readonly PdfPageInput[], total: number) {
      const read = pages.length;
      tell({ read, total });
      if (read < nextAt || read * 2 > total || timer !== undefined) return;
      while (nextAt <= read) nextAt *= 2;
      const prefix = pages.slice();
      timer = setTimeout(() => {
        timer = undefined;
        if (stopped) return;
        let partial: CheckResult;
        try {
          partial = check(prefix, false);
        } catch {
          return; // 'no-text', 'scanned' on the first pages: the whole PDF may still read
        }
        try {
          if (!stopped) tell({ read: prefix.length, total, partial });
        } catch (error) {
          failure ??= { error };
        }
      }, 0);
    },
    /** No partial check after the read: the whole one is next. Throws what the caller's hook threw. */
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      if (failure) throw failure.error;
    },
  };
}

/**
 * The report of a PDF that could not be read at all (the 'scanned' refusal: pictures of pages, no text): empty,
 * not recognised as a report (no rule runs on it), named by its file, marked unreadable so the library keeps
 * it as a row (it still appears in the scores, never scored) and its revision is still the file's hash.
 */
export function unreadablePdfReport(bytes: Uint8Array, url: string | null, doc: Document): Report {
  const { report } = parseDocument(doc, { url, fromTextDump: true });
  let name: string | null = null;
  try {
    name = url ? decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || null : null;
  } catch {
    name = null;
  }
  report.isReport = false;
  report.meta = { ...report.meta, title: report.meta.title ?? name };
  report.source = {
    ...report.source,
    url,
    title: report.source.title ?? name,
    kind: 'pdf',
    fileHash: hashBytes(bytes),
    unreadable: 'scanned',
  };
  return report;
}

async function readPicturePages(
  pages: PdfPageInput[],
  pdf: OpenedPdf,
  read: PictureReader,
  restartClock: () => void,
): Promise<PdfPageInput[]> {
  const out: PdfPageInput[] = [];
  for (const page of pages) {
    const chars = page.runs.reduce((n, r) => n + r.str.trim().length, 0);
    if (page.images === 0 || chars >= PICTURE_PAGE_MAX_CHARS) {
      out.push(page);
      continue;
    }
    out.push((await read(page, pdf)) ?? page);
    restartClock();
  }
  return out;
}

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 200);

function withFindings({ report, anchors }: ParseResult, options: CheckOptions): CheckResult {
  const tally = newTally();
  const findings = report.isReport
    ? timeStage(options.onStage, 'rules', () => runRules(report, options.context ?? {}, undefined, tally))
    : [];
  return { report, findings, anchors, tally };
}
