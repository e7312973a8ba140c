/**
 * The CLI's PDF input: pdf.js's legacy Node build reads the file with the CMaps and standard fonts from
 * node_modules (nothing fetched, nodeParseHost), then the one PDF check (utils/pipeline checkPdf) rebuilds
 * the report as a document for the same parser and rules as a page.
 */
import { emptyDocument } from './dom';
import { nodeParseHost } from './parse-host';
import { pdfToDocument, readPdfPages } from '../utils/pdf';
import { checkPdf, type PdfCheckOptions, type PdfCheckResult } from '../utils/pipeline';
import type { PdfPageInput } from '../utils/pdf/types';

export async function readPdfFile(bytes: Uint8Array): Promise<PdfPageInput[]> {
  return readPdfPages(await nodeParseHost.pdfjs(), bytes, nodeParseHost.pdfOptions);
}

/** A PDF's bytes → the reconstructed Document (linkedom) the parser reads (tests of the reconstruction). */
export async function pdfBytesToDocument(bytes: Uint8Array): Promise<{ doc: Document; pages: number }> {
  const pages = await readPdfFile(bytes);
  const doc = emptyDocument();
  const result = pdfToDocument(pages, doc);
  return { doc, pages: result.pages };
}

/** The CLI's .pdf pipeline: the one PDF check, in Node. */
export function checkPdfFile(bytes: Uint8Array, url: string | null, options: Omit<PdfCheckOptions, 'url' | 'keepOpen'> = {}): Promise<PdfCheckResult> {
  return checkPdf(bytes, nodeParseHost, { ...options, url });
}
