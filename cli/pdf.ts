/**
 * The CLI's PDF input: pdf.js's legacy Node build reads the file with the CMaps and standard fonts from
 * node_modules (nothing fetched, nodeParseHost), then the one PDF check (utils/pipeline checkPdf) rebuilds
 * the report as a document for the same parser and rules as a page.
 */
import { nodeParseHost } from './parse-host';
import { readPdfPages } from '../utils/pdf';
import { checkPdf, type PdfCheckOptions, type PdfCheckResult } from '../utils/pipeline';
import type { PdfPageInput } from '../utils/pdf/types';

/** A PDF's page inputs as pdf.js gives them (tests of the reconstruction, the bench's page counts). */
export async function readPdfFile(bytes: Uint8Array): Promise<PdfPageInput[]> {
  return readPdfPages(await nodeParseHost.pdfjs(), bytes, nodeParseHost.pdfOptions);
}

/** The CLI's .pdf pipeline: the one PDF check, in Node. */
export function checkPdfFile(bytes: Uint8Array, url: string | null, options: Omit<PdfCheckOptions, 'url' | 'keepOpen'> = {}): Promise<PdfCheckResult> {
  return checkPdf(bytes, nodeParseHost, { ...options, url });
}
