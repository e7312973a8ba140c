/**
 * The CLI's PDF input: pdf.js's legacy Node build reads the file with the CMaps and standard fonts
 * from node_modules (nothing fetched), then utils/pdf rebuilds the report as a document for the same
 * parser and rules as a page.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { emptyDocument } from './dom';
import { pdfToDocument, readPdfPages, type PdfJsModule } from '../utils/pdf';
import { checkPdfDocument, type CheckResult } from '../utils/pipeline';
import type { PdfPageInput } from '../utils/pdf/types';

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));

let pdfjs: Promise<PdfJsModule> | null = null;
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJsModule>);

export async function readPdfFile(bytes: Uint8Array): Promise<PdfPageInput[]> {
  return readPdfPages(await loadPdfJs(), bytes, {
    cMapUrl: join(PDFJS_ROOT, 'cmaps') + '/',
    standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + '/',
    wasmUrl: join(PDFJS_ROOT, 'wasm') + '/',
    // Node: no font faces to load, no canvas; text and operator lists need neither.
    extra: { disableFontFace: true, useSystemFonts: false },
  });
}

/** A PDF's bytes → the reconstructed Document (linkedom) the parser reads. */
export async function pdfBytesToDocument(bytes: Uint8Array): Promise<{ doc: Document; pages: number }> {
  const pages = await readPdfFile(bytes);
  const doc = emptyDocument();
  const result = pdfToDocument(pages, doc);
  return { doc, pages: result.pages };
}


/** The CLI's .pdf pipeline: bytes → reconstructed document → the same parser and rules. */
export async function checkPdfFile(bytes: Uint8Array, url: string | null): Promise<CheckResult> {
  const { doc } = await pdfBytesToDocument(bytes);
  return checkPdfDocument(doc, { url });
}
