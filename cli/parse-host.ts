/**
 * The batch parse host in Node (tests, bench): linkedom for pages, pdf.js's legacy build with the CMaps
 * and fonts from node_modules for PDFs — the same pieces the CLI's own PDF input uses.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { emptyDocument, htmlToDocument } from './dom';
import type { PdfJsModule } from '../utils/pdf';
import type { ParseHost } from '../utils/batch/process';

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));

let pdfjs: Promise<PdfJsModule> | null = null;

export const nodeParseHost: ParseHost = {
  parseHtml: htmlToDocument,
  emptyDocument,
  pdfjs: () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJsModule>),
  pdfOptions: {
    cMapUrl: join(PDFJS_ROOT, 'cmaps') + '/',
    standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + '/',
    wasmUrl: join(PDFJS_ROOT, 'wasm') + '/',
    // Node: no font faces to load, no canvas; text and operator lists need neither.
    extra: { disableFontFace: true, useSystemFonts: false },
  },
};
