/**
 * PDF → the same Document the parser reads for a page. Pure: the pdf.js module is passed in (the pdf
 * page loads the browser build with the extension's own worker, the CLI the legacy Node build).
 */

import { hasPdfHeader, MAX_PDF_BYTES, PdfReadError, problemFromPdfJs } from './errors';
import { type ExtractOptions, extractPages, MAX_PAGES, type PdfJsDocument, type PdfJsOps } from './extract';
import { type ReconstructResult, reconstructDocument } from './reconstruct';
import type { PdfPageInput } from './types';

export { MAX_PDF_BYTES, type PdfProblem, PdfReadError } from './errors';
export type { PdfPageInput } from './types';

export interface PdfJsLoadingTask {
  promise: Promise<PdfJsDocument & { destroy(): Promise<void> | void }>;
  destroy?(): Promise<void> | void;
}
/** The part of the pdf.js module we call. */
export interface PdfJsModule {
  getDocument(params: Record<string, unknown>): PdfJsLoadingTask;
  OPS: PdfJsOps;
}

export interface ReadPdfOptions {
  /** Where pdf.js finds its CMaps and standard fonts: bundled with the extension or in node_modules, never a CDN. */
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl?: string;
  maxPages?: number;
  maxBytes?: number;
  /** Extra getDocument parameters (the CLI's Node-only ones). */
  extra?: Record<string, unknown>;
  /** Aborting stops the load (the loading task is destroyed) and the page reads; the read throws the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Parameters that keep a hostile PDF inert: no eval'd font code (CVE-2024-4367 class), no XFA forms,
 * no scripting; the caller renders no annotation layer, so links never become clickable.
 */
export const SAFE_PARAMS = {
  isEvalSupported: false,
  enableXfa: false,
  cMapPacked: true,
  stopAtErrors: false,
  verbosity: 0,
} as const;

export type OpenedPdf = Awaited<PdfJsLoadingTask['promise']>;

/** Bytes → an open pdf.js document, or a PdfReadError saying plainly why not (the caller destroys it). */
export async function openPdf(pdfjs: PdfJsModule, bytes: Uint8Array, options: ReadPdfOptions): Promise<OpenedPdf> {
  const maxBytes = options.maxBytes ?? MAX_PDF_BYTES;
  if (bytes.length > maxBytes) throw new PdfReadError('too-large', { megabytes: Math.round(maxBytes / 1024 / 1024) });
  if (!hasPdfHeader(bytes)) throw new PdfReadError('corrupt');
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy (a plain Uint8Array: pdf.js
  // refuses Node Buffers) and keep ours for diagnosis.
  const task = pdfjs.getDocument({
    ...SAFE_PARAMS,
    ...options.extra,
    data: new Uint8Array(bytes),
    cMapUrl: options.cMapUrl,
    standardFontDataUrl: options.standardFontDataUrl,
    ...(options.wasmUrl ? { wasmUrl: options.wasmUrl } : {}),
  });
  const { signal } = options;
  const stop = () => void settle(() => task.destroy?.());
  signal?.addEventListener('abort', stop, { once: true });
  try {
    if (signal?.aborted) throw signal.reason;
    return await task.promise;
  } catch (error) {
    // A failed load still holds pdf.js's worker side of the document: free it, or a long run fills memory.
    stop();
    throw signal?.aborted ? signal.reason : problemFromPdfJs(error, bytes);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** Page inputs of an open document (page cap checked first); `onPages` is told the pages read so far, in order. */
export async function readOpenedPages(
  pdfjs: PdfJsModule,
  doc: OpenedPdf,
  bytes: Uint8Array,
  maxPages = MAX_PAGES,
  signal?: AbortSignal,
  read: Pick<ExtractOptions, 'onPages' | 'lanes'> = {},
): Promise<PdfPageInput[]> {
  try {
    return await extractPages(doc, pdfjs.OPS, { maxPages, signal, ...read });
  } catch (error) {
    throw signal?.aborted ? signal.reason : problemFromPdfJs(error, bytes);
  }
}

/** Closes a document; a failure to close (a damaged file's worker already gone) never hides the outcome. */
export async function closePdf(doc: { destroy(): Promise<void> | void } | null | undefined): Promise<void> {
  await settle(() => doc?.destroy());
}

/** Runs a close and drops its failure, thrown or rejected (pdf.js's destroy can reject once its worker failed). */
async function settle(close: () => unknown): Promise<void> {
  try {
    await close();
  } catch {
    // Nothing to do: the document is gone either way.
  }
}

/** Bytes → plain page inputs, or a PdfReadError saying plainly why not. */
export async function readPdfPages(pdfjs: PdfJsModule, bytes: Uint8Array, options: ReadPdfOptions): Promise<PdfPageInput[]> {
  const doc = await openPdf(pdfjs, bytes, options);
  try {
    return await readOpenedPages(pdfjs, doc, bytes, options.maxPages, options.signal);
  } finally {
    await closePdf(doc);
  }
}

/** Share of unmapped characters over which a PDF's text is not read. */
const GARBLED_SHARE = 0.3;

export interface PdfDocumentResult extends ReconstructResult {
  pages: number;
}

/**
 * Pages → the reconstructed report written into `doc` (an empty document). Throws 'scanned' when the
 * pages are images without text, 'no-text' when there is no text at all, 'garbled' when the fonts map
 * their glyphs to no characters: nothing is claimed then.
 */
export function pdfToDocument(pages: PdfPageInput[], doc: Document): PdfDocumentResult {
  // Fonts without a character map give private-use code points or U+FFFD: reading them would claim
  // figures from noise.
  let all = 0;
  let unmapped = 0;
  for (const page of pages) {
    for (const run of page.runs) {
      for (const ch of run.str) {
        if (/\s/.test(ch)) continue;
        all++;
        if (/[\ue000-\uf8ff\ufffd]/.test(ch)) unmapped++;
      }
    }
  }
  if (all >= 20 && unmapped / all > GARBLED_SHARE) throw new PdfReadError('garbled');
  const result = reconstructDocument(pages, doc);
  if (result.chars < 20) {
    if (result.scannedPages.length) throw new PdfReadError('scanned');
    throw new PdfReadError('no-text');
  }
  return { ...result, pages: pages.length };
}
