/**
 * The CLI's PDF input: pdf.js's legacy Node build reads the file with the CMaps and standard fonts from
 * node_modules (nothing fetched, nodeParseHost), then the one PDF check (utils/pipeline checkPdf) rebuilds
 * the report as a document for the same parser and rules as a page. A scanned page (pictures, almost no
 * text) is read by OCR through checkPdf's readPictures slot (nodePictureReader below), before the rebuild.
 */

import { type ReadPictureOptions, readTablePicture } from '../utils/ocr';
import { readPdfPages } from '../utils/pdf';
import { SCAN_SCALE, scanToPoints } from '../utils/pdf/scan';
import type { PdfPageInput } from '../utils/pdf/types';
import { checkPdf, type PdfCheckOptions, type PdfCheckResult, type PictureReader } from '../utils/pipeline';
import { nodeOcrEngine } from './ocr';
import { readOnce } from './ocr-cache';
import { nodeParseHost } from './parse-host';

/** A PDF's page inputs as pdf.js gives them (tests of the reconstruction, the bench's page counts). */
export async function readPdfFile(bytes: Uint8Array): Promise<PdfPageInput[]> {
  return readPdfPages(await nodeParseHost.pdfjs(), bytes, nodeParseHost.pdfOptions);
}

/**
 * The CLI's .pdf pipeline: the one PDF check, in Node, with scanned pages read by OCR (a scan with nothing
 * legible on its pages stays 'scanned', as before); `ocr: false` leaves scans unread.
 */
export function checkPdfFile(
  bytes: Uint8Array,
  url: string | null,
  options: Omit<PdfCheckOptions, 'url' | 'keepOpen'> & { ocr?: boolean } = {},
): Promise<PdfCheckResult> {
  const { ocr = true, ...rest } = options;
  return checkPdf(bytes, nodeParseHost, { readPictures: ocr ? nodePictureReader : undefined, ...rest, url });
}

/**
 * A scanned page → the page rendered by pdf.js (in Node through the canvas it ships with, @napi-rs/canvas)
 * and read by OCR as a whole page: ruled tables cell by cell, the prose from the detector's boxes; its runs
 * in points, as a PDF's text would be, so the reconstruction's page geometry (margins, columns) holds.
 */
export const nodePictureReader: PictureReader = async (input, pdf) => {
  const opened = pdf as unknown as PdfJsRendering;
  const page = await opened.getPage(input.page);
  const viewport = page.getViewport({ scale: SCAN_SCALE });
  const target = opened.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  try {
    await page.render({ canvasContext: target.context, canvas: target.canvas, viewport }).promise;
    const { data, width, height } = target.context.getImageData(0, 0, target.canvas.width, target.canvas.height);
    const image = { data, width, height };
    const options: ReadPictureOptions = {
      page: input.page,
      fullPage: true,
      now: () => performance.now(),
      render: (scale, region) => renderRegion(opened, page, scale, region),
    };
    const read = await readOnce(image, options, async () => readTablePicture(await nodeOcrEngine(), image, options));
    return scanToPoints(read.page, SCAN_SCALE);
  } finally {
    opened.canvasFactory.destroy(target);
  }
};

/** A region of a page (in pixels at SCAN_SCALE) rendered `scale` times as large: small text read again from the scan's own pixels. */
async function renderRegion(
  opened: PdfJsRendering,
  page: Awaited<ReturnType<PdfJsRendering['getPage']>>,
  scale: number,
  region: { x: number; y: number; w: number; h: number },
): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const viewport = page.getViewport({ scale: SCAN_SCALE * scale, offsetX: -region.x * scale, offsetY: -region.y * scale });
  const target = opened.canvasFactory.create(Math.ceil(region.w * scale), Math.ceil(region.h * scale));
  try {
    await page.render({ canvasContext: target.context, canvas: target.canvas, viewport }).promise;
    return target.context.getImageData(0, 0, target.canvas.width, target.canvas.height);
  } finally {
    opened.canvasFactory.destroy(target);
  }
}

/** The part of pdf.js's document and page we call to render (Node: its canvas factory over @napi-rs/canvas). */
interface PdfJsRendering {
  canvasFactory: {
    create(
      w: number,
      h: number,
    ): {
      canvas: { width: number; height: number };
      context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray; width: number; height: number } };
    };
    destroy(target: unknown): void;
  };
  getPage(n: number): Promise<{
    getViewport(o: { scale: number; offsetX?: number; offsetY?: number }): { width: number; height: number };
    render(o: Record<string, unknown>): { promise: Promise<void> };
  }>;
}
