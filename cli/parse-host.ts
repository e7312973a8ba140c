/**
 * The batch parse host in Node (tests, bench): linkedom for pages, pdf.js's legacy build with the CMaps
 * and fonts from node_modules for PDFs — the same pieces the CLI's own PDF input uses.
 *
 * Under Node, pdf.js runs its worker in this very process (its "fake worker"). Some of the worker's own
 * promises can reject with nobody listening: reading a damaged file whose xref entry points into the middle of
 * an object, the page-tree prefetch (Catalog.getPageDict → XRef.fetchAsync) rejects with "XRefEntryException:
 * Bad (uncompressed) XRef entry" after pdf.js has already recovered and answered. Node ends the process on an
 * unhandled rejection, so one bad file would cost every later file its answer. guardFile below is the
 * per-file guard: pdf.js's strays are kept as notes for the file in flight, any other rejection while a file
 * is in flight refuses that file, and outside any file Node's default stands.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ParseHost } from '../utils/batch/process';
import type { PdfJsModule } from '../utils/pdf';
import { emptyDocument, htmlToDocument } from './dom';

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve('pdfjs-dist/package.json'));

let pdfjs: Promise<PdfJsModule> | null = null;

export const nodeParseHost: ParseHost = {
  parseHtml: htmlToDocument,
  emptyDocument,
  pdfjs: () => {
    installStrayGuard();
    return (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs') as unknown as Promise<PdfJsModule>);
  },
  pdfOptions: {
    cMapUrl: join(PDFJS_ROOT, 'cmaps') + '/',
    standardFontDataUrl: join(PDFJS_ROOT, 'standard_fonts') + '/',
    wasmUrl: join(PDFJS_ROOT, 'wasm') + '/',
    // Node: no font faces to load, no canvas; text and operator lists need neither.
    extra: { disableFontFace: true, useSystemFonts: false },
  },
};

/** pdf.js's exception classes (util.js BaseException subclasses), by name. */
const PDFJS_EXCEPTIONS = new Set([
  'AbortException',
  'FormatError',
  'InvalidPDFException',
  'MissingDataException',
  'ParserEOFException',
  'PasswordException',
  'ResponseException',
  'UnknownErrorException',
  'XRefEntryException',
  'XRefParseException',
]);

/** A rejection raised inside pdf.js (by its exception classes, or an error thrown from its own code). */
function isPdfJsError(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false;
  const { name, stack } = reason as { name?: unknown; stack?: unknown };
  return PDFJS_EXCEPTIONS.has(String(name)) || /[\\/]pdfjs-dist[\\/]/.test(String(stack ?? ''));
}

const describe = (reason: unknown) => (reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason)).slice(0, 200);

interface Scope {
  /** pdf.js's own unhandled rejections seen while the file was in flight. */
  strays: string[];
  fail(reason: unknown): void;
}
const scopes = new Set<Scope>();
let installed = false;
/** Unhandled pdf.js rejections seen by this process, in or out of a file (the bench and tests read it). */
export let strayCount = 0;

function onUnhandledRejection(reason: unknown): void {
  if (isPdfJsError(reason)) {
    strayCount++;
    for (const scope of scopes) scope.strays.push(describe(reason));
    return;
  }
  // Not pdf.js's: with files in flight (one in the CLI) it is theirs, and they are refused. With none, what
  // would have happened without this listener: another listener (a test runner) reports it, or Node's default
  // ends the process on an error of ours that nobody awaited.
  if (scopes.size) for (const scope of scopes) scope.fail(reason);
  else if (process.listenerCount('unhandledRejection') === 1) throw reason;
}

/** Installs the process-wide listener once (when pdf.js is first loaded, or the first file is guarded). */
function installStrayGuard(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', onUnhandledRejection);
}

/**
 * One file's work under the guard: its value and pdf.js's strays while it ran, or its own error, or the
 * error of a stray rejection not from pdf.js that came while it ran.
 */
export async function guardFile<T>(work: () => Promise<T>): Promise<{ value: T; strays: string[] }> {
  installStrayGuard();
  let fail: (reason: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (fail = reject));
  const scope: Scope = { strays: [], fail: (reason) => fail(reason) };
  scopes.add(scope);
  try {
    const value = await Promise.race([work(), failed]);
    return { value, strays: scope.strays };
  } finally {
    scopes.delete(scope);
  }
}
