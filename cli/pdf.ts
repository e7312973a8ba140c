/**
 * The CLI's PDF input: pdf.js's legacy Node build reads the file with the CMaps and standard fonts
 * from node_modules (nothing fetched), then utils/pdf rebuilds the report as a document for the same
 * parser and rules as a page.
 */
import { emptyDocument } from './dom';
import { nodeParseHost } from './parse-host';
import { MAX_PAGES, openPdf, PdfReadError, pdfToDocument, readPdfPages } from '../utils/pdf';
import { readTablePicture } from '../utils/ocr';
import { picturesToDocument } from '../utils/ocr/document';
import { nodeOcrEngine } from './ocr';
import { checkPdfDocument, type CheckResult } from '../utils/pipeline';
import type { PdfPageInput } from '../utils/pdf/types';

export async function readPdfFile(bytes: Uint8Array): Promise<PdfPageInput[]> {
  return readPdfPages(await nodeParseHost.pdfjs(), bytes, nodeParseHost.pdfOptions);
}

/** A PDF's bytes → the reconstructed Document (linkedom) the parser reads. */
export async function pdfBytesToDocument(bytes: Uint8Array): Promise<{ doc: Document; pages: number }> {
  const pages = await readPdfFile(bytes);
  const doc = emptyDocument();
  const result = pdfToDocument(pages, doc);
  return { doc, pages: result.pages };
}


/** The CLI's .pdf pipeline: bytes → reconstructed document → the same parser and rules; a scan is read by OCR. */
export async function checkPdfFile(bytes: Uint8Array, url: string | null): Promise<CheckResult> {
  try {
    const { doc } = await pdfBytesToDocument(bytes);
    return checkPdfDocument(doc, { url });
  } catch (error) {
    if (!(error instanceof PdfReadError) || error.problem !== 'scanned') throw error;
    const doc = await scannedPdfToDocument(bytes);
    // Nothing legible on the pages either: the scan is still unreadable, said as before.
    if ((doc.body?.textContent ?? '').replace(/\s+/g, '').length < 20) throw error;
    return checkPdfDocument(doc, { url });
  }
}

/** Pixels per PDF point when a scanned page is rendered for OCR (1.5: 12 pt text is 24 px high). */
const SCAN_SCALE = 1.5;

/**
 * A scanned PDF (pages of images) → its pages rendered by pdf.js (in Node through the canvas it ships
 * with, @napi-rs/canvas) and read by OCR as whole pages: ruled tables cell by cell, the prose from
 * the detector's boxes, rebuilt as a document like any PDF.
 */
export async function scannedPdfToDocument(bytes: Uint8Array): Promise<Document> {
  const pdfjs = await nodeParseHost.pdfjs();
  const doc = await openPdf(pdfjs, bytes, nodeParseHost.pdfOptions);
  const pages: PdfPageInput[] = [];
  try {
    const opened = doc as unknown as PdfJsRendering;
    for (let n = 1; n <= Math.min(opened.numPages, MAX_PAGES); n++) {
      const page = await opened.getPage(n);
      const viewport = page.getViewport({ scale: SCAN_SCALE });
      const target = opened.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvasContext: target.context, canvas: target.canvas, viewport }).promise;
      const { data, width, height } = target.context.getImageData(0, 0, target.canvas.width, target.canvas.height);
      opened.canvasFactory.destroy(target);
      const read = await readTablePicture(await nodeOcrEngine(), { data, width, height }, { page: n, fullPage: true, now: () => performance.now() });
      // Points, as a PDF's text would be: the reconstruction's page geometry (margins, columns) holds.
      pages.push(toPoints(read.page, SCAN_SCALE));
    }
  } finally {
    await doc.destroy();
  }
  const out = emptyDocument();
  picturesToDocument(pages, out);
  return out;
}

function toPoints(page: PdfPageInput, scale: number): PdfPageInput {
  const k = 1 / scale;
  return {
    ...page,
    width: page.width * k,
    height: page.height * k,
    runs: page.runs.map((r) => ({ ...r, x: r.x * k, y: r.y * k, w: r.w * k, h: r.h * k })),
    rules: page.rules.map((r) => ({ ...r, at: r.at * k, from: r.from * k, to: r.to * k })),
  };
}

/** The part of pdf.js's document and page we call to render (Node: its canvas factory over @napi-rs/canvas). */
interface PdfJsRendering {
  numPages: number;
  canvasFactory: {
    create(w: number, h: number): { canvas: { width: number; height: number }; context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number } } };
    destroy(target: unknown): void;
  };
  getPage(n: number): Promise<{
    getViewport(o: { scale: number }): { width: number; height: number };
    render(o: Record<string, unknown>): { promise: Promise<void> };
  }>;
}
