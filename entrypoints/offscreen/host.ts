/**
 * The batch parse host of the hidden parse page (Chrome's offscreen document, Firefox's iframe of it).
 * Pages are parsed with DOMParser into an inert document (no script runs, nothing loads, it is never
 * shown: it is only read); pdf.js is imported on the first PDF, with the worker, CMaps and fonts bundled
 * under /pdfjs/ and eval off, as the PDF page does. With the readPictures setting 'auto', a scanned PDF's
 * pages are read by OCR, as in pdf.html, and a page's pictures of tables (fetched by the background) as in a tab.
 */
import { browser } from 'wxt/browser';
import { type FetchedBody, type ListingRead, type ParseHost, type Processed, processBody, readListingFrom } from '@/utils/batch/process';
import type { PdfJsModule } from '@/utils/pdf';
import type { PictureReader } from '@/utils/pipeline';

const getURL = browser.runtime.getURL as (path: string) => string;

let pdfjs: Promise<PdfJsModule> | null = null;

function loadPdfJs(): Promise<PdfJsModule> {
  pdfjs ??= import('pdfjs-dist').then((module) => {
    module.GlobalWorkerOptions.workerSrc = getURL('/pdfjs/pdf.worker.min.mjs');
    return module as unknown as PdfJsModule;
  });
  return pdfjs;
}

export const domParseHost: ParseHost = {
  parseHtml: (text) => new DOMParser().parseFromString(text, 'text/html'),
  emptyDocument: () => document.implementation.createHTMLDocument(''),
  pdfjs: loadPdfJs,
  pdfOptions: {
    cMapUrl: getURL('/pdfjs/cmaps/'),
    standardFontDataUrl: getURL('/pdfjs/standard_fonts/'),
    wasmUrl: getURL('/pdfjs/wasm/'),
  },
};

/**
 * A scanned page read by OCR in this page (issue 18): the reader and the OCR engine load with the first
 * scanned page, so a batch of ordinary pages never carries them.
 */
const readScannedPage: PictureReader = async (page, pdf) => {
  const { scanPictureReader } = await import('@/entrypoints/shared/picture-reader');
  return scanPictureReader({ hidden: true })(page, pdf);
};

/** A picture of a table in a batch-fetched page, read in this page as the OCR service reads a tab's pictures. */
const readPagePicture: NonNullable<ParseHost['readPicture']> = async (bytes, index) => {
  const { readPicture } = await import('@/entrypoints/shared/picture-reader');
  const read = await readPicture(bytes, { page: index });
  // A picture with no text at all holds no table.
  return read.page.runs.length ? read.page : null;
};

export function parseHere(
  job: 'process' | 'listing',
  body: FetchedBody,
  options: { readPictures?: boolean } = {},
): Promise<Processed | ListingRead> {
  if (job === 'listing') return Promise.resolve(readListingFrom(body, domParseHost));
  return processBody(
    body,
    options.readPictures ? { ...domParseHost, readPictures: readScannedPage, readPicture: readPagePicture } : domParseHost,
  );
}
