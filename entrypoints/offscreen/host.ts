/**
 * The batch parse host of the hidden parse page (Chrome's offscreen document, Firefox's iframe of it).
 * Pages are parsed with DOMParser into an inert document (no script runs, nothing loads, it is never
 * shown: it is only read); pdf.js is imported on the first PDF, with the worker, CMaps and fonts bundled
 * under /pdfjs/ and eval off, as the PDF page does.
 */
import { browser } from 'wxt/browser';
import { type FetchedBody, type ListingRead, type ParseHost, type Processed, processBody, readListingFrom } from '@/utils/batch/process';
import type { PdfJsModule } from '@/utils/pdf';

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

export function parseHere(job: 'process' | 'listing', body: FetchedBody): Promise<Processed | ListingRead> {
  return job === 'process' ? processBody(body, domParseHost) : Promise.resolve(readListingFrom(body, domParseHost));
}
