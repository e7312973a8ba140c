/**
 * pdf.js document → plain page inputs (types.ts). Pure: the pdf.js document and its OPS table are
 * passed in (the page loads pdf.js with the extension's worker, the CLI the legacy Node build), so
 * this file imports nothing from pdf.js and runs the same in both.
 */

import { PdfReadError } from './errors';
import type { PdfPageInput, PdfRule, PdfRun } from './types';

/** The slice of pdf.js's API we use (structural, so tests can hand in a fake). */
interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}
export interface PdfJsPage {
  getViewport(options: { scale: number }): { width: number; height: number; transform: number[] };
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  cleanup?(): unknown;
}
export interface PdfJsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
}
/** pdf.js's OPS codes we read. */
export interface PdfJsOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageXObjectRepeat: number;
  paintInlineImageXObjectGroup: number;
  paintImageMaskXObject: number;
  paintImageMaskXObjectGroup: number;
}

/** Pages read at most: a report is 3–30 pages; a 500-page PDF is not one, and would stall the tab. */
export const MAX_PAGES = 200;

const EXTRACT_LANES = 4;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: number[]): Matrix => [
  m[0] * n[0]! + m[2] * n[1]!,
  m[1] * n[0]! + m[3] * n[1]!,
  m[0] * n[2]! + m[2] * n[3]!,
  m[1] * n[2]! + m[3] * n[3]!,
  m[0] * n[4]! + m[2] * n[5]! + m[4],
  m[1] * n[4]! + m[3] * n[5]! + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A drawn stroke or fill thinner than this (points) in one direction is a ruling line. */
const RULE_THICKNESS = 2.5;
/** …and at least this long in the other. */
const RULE_MIN_LENGTH = 4;

export interface ExtractOptions {
  maxPages?: number;
  signal?: AbortSignal;
  /** Pages asked of pdf.js at once (default EXTRACT_LANES; 1 reads them one after another). */
  lanes?: number;
  /**
   * Told each time the pages read without a gap from page 1 grow: those pages, in order (the same array
   * grows; copy it to keep it). A page read ahead of a slower one is told once the gap closes.
   */
  onPages?: (pages: readonly PdfPageInput[], total: number) => void;
}

export async function extractPages(doc: PdfJsDocument, ops: PdfJsOps, options: ExtractOptions = {}): Promise<PdfPageInput[]> {
  const max = options.maxPages ?? MAX_PAGES;
  if (doc.numPages > max) throw new PdfReadError('too-many-pages', { pages: doc.numPages, max });
  // Several pages in flight at once: pdf.js's worker parses one while the next requests wait in its queue,
  // and this thread takes each answer in while the worker parses the next.
  const pages: PdfPageInput[] = new Array(doc.numPages);
  const prefix: PdfPageInput[] = [];
  let next = 1;
  // The first failure stops every lane, and all lanes have stopped before this returns or throws: no page
  // request is left running against a document the caller is about to destroy.
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (next <= doc.numPages && !failure && !options.signal?.aborted) {
      const n = next++;
      try {
        const page = await doc.getPage(n);
        pages[n - 1] = await extractPage(page, n, ops);
      } catch (error) {
        failure ??= { error };
        return;
      }
      if (!options.onPages || failure || options.signal?.aborted) continue;
      const before = prefix.length;
      while (prefix.length < doc.numPages && pages[prefix.length]) prefix.push(pages[prefix.length]!);
      if (prefix.length > before) {
        try {
          options.onPages(prefix, doc.numPages);
        } catch (error) {
          failure ??= { error };
        }
      }
    }
  };
  const lanes = Math.max(1, Math.min(options.lanes ?? EXTRACT_LANES, doc.numPages));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure) throw (failure as { error: unknown }).error;
  if (options.signal?.aborted) throw options.signal.reason;
  return pages;
}

async function extractPage(page: PdfJsPage, pageNumber: number, ops: PdfJsOps): Promise<PdfPageInput> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const [content, operators] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
  const runs: PdfRun[] = [];
  content.items.forEach((raw, index) => {
    const item = raw as Partial<PdfJsTextItem>;
    if (typeof item.str !== 'string' || !item.transform || !item.str.trim()) return;
    const t = multiply(vt, item.transform);
    const fontHeight = Math.hypot(t[2], t[3]);
    const vertical = Math.abs(t[1]) > Math.abs(t[0]) + 1e-6;
    const x = t[4];
    const baseline = t[5];
    // Width is along the text direction in user units; the viewport at scale 1 keeps lengths.
    const advance = item.width ?? 0;
    // A damaged file can place text at absurd or non-finite positions; no reader sees it there, and laying
    // it out by x (reconstruct.ts) would build a string as long as the number.
    if (!onPage(x, baseline, viewport) || !Number.isFinite(fontHeight) || !Number.isFinite(advance)) return;
    runs.push(
      vertical
        ? { str: item.str, x: x - fontHeight, y: baseline, w: fontHeight, h: advance, vertical: true, index }
        : { str: item.str, x, y: baseline - fontHeight, w: advance, h: fontHeight, index },
    );
  });
  const { rules, images } = readOperators(operators, vt, ops);
  return { page: pageNumber, width: viewport.width, height: viewport.height, runs, rules, images };
}

/** Within the page, give or take a page's size each way (text drawn past the edge by a bleed still counts). */
function onPage(x: number, y: number, viewport: { width: number; height: number }): boolean {
  return (
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    x > -viewport.width &&
    x < 2 * viewport.width &&
    y > -viewport.height &&
    y < 2 * viewport.height
  );
}

/** Ruling lines (stroked lines, thin filled rectangles) and painted images, from the operator list. */
function readOperators(
  list: { fnArray: number[]; argsArray: unknown[][] },
  viewport: Matrix,
  ops: PdfJsOps,
): { rules: PdfRule[]; images: number } {
  const rules: PdfRule[] = [];
  let images = 0;
  let ctm: Matrix = viewport;
  const stack: Matrix[] = [];
  const imageOps = new Set([
    ops.paintImageXObject,
    ops.paintInlineImageXObject,
    ops.paintImageXObjectRepeat,
    ops.paintInlineImageXObjectGroup,
    ops.paintImageMaskXObject,
    ops.paintImageMaskXObjectGroup,
  ]);
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const addSegment = (a: [number, number], b: [number, number]) => {
    const dx = Math.abs(a[0] - b[0]);
    const dy = Math.abs(a[1] - b[1]);
    if (dy < 0.5 && dx >= RULE_MIN_LENGTH)
      rules.push({ dir: 'h', at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
    else if (dx < 0.5 && dy >= RULE_MIN_LENGTH)
      rules.push({ dir: 'v', at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
  };
  const addBox = (pts: [number, number][], stroked: boolean) => {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const x0 = Math.min(...xs),
      x1 = Math.max(...xs),
      y0 = Math.min(...ys),
      y1 = Math.max(...ys);
    const w = x1 - x0,
      h = y1 - y0;
    if (h <= RULE_THICKNESS && w >= RULE_MIN_LENGTH) rules.push({ dir: 'h', at: (y0 + y1) / 2, from: x0, to: x1 });
    else if (w <= RULE_THICKNESS && h >= RULE_MIN_LENGTH) rules.push({ dir: 'v', at: (x0 + x1) / 2, from: y0, to: y1 });
    else if (stroked) {
      // A stroked rectangle: its four edges (cell borders drawn as boxes).
      rules.push({ dir: 'h', at: y0, from: x0, to: x1 }, { dir: 'h', at: y1, from: x0, to: x1 });
      rules.push({ dir: 'v', at: x0, from: y0, to: y1 }, { dir: 'v', at: x1, from: y0, to: y1 });
    }
  };
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] ?? [];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? viewport;
    else if (fn === ops.transform) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>));
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? viewport;
    else if (imageOps.has(fn)) images++;
    else if (fn === ops.constructPath) {
      const paint = args[0] as number;
      const stroked = strokeOps.has(paint);
      const filled = fillOps.has(paint);
      if (!stroked && !filled) continue; // clip paths and endPath draw nothing
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      readPath(data, ctm, stroked, addSegment, addBox);
    }
  }
  return { rules, images };
}

/** pdf.js 5 path data: 0 moveTo x y, 1 lineTo x y, 2 curveTo 6, 3 quadraticCurveTo 4, 4 closePath. */
function readPath(
  data: ArrayLike<number>,
  ctm: Matrix,
  stroked: boolean,
  addSegment: (a: [number, number], b: [number, number]) => void,
  addBox: (pts: [number, number][], stroked: boolean) => void,
): void {
  let sub: [number, number][] = [];
  let curved = false;
  const flush = () => {
    if (sub.length >= 4 && !curved && isAxisBox(sub)) addBox(sub, stroked);
    else if (stroked && !curved) for (let k = 1; k < sub.length; k++) addSegment(sub[k - 1]!, sub[k]!);
    sub = [];
    curved = false;
  };
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    if (op === 0) {
      flush();
      sub.push(apply(ctm, data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === 1) {
      sub.push(apply(ctm, data[i + 1]!, data[i + 2]!));
      i += 3;
    } else if (op === 2) {
      curved = true;
      sub.push(apply(ctm, data[i + 5]!, data[i + 6]!));
      i += 7;
    } else if (op === 3) {
      curved = true;
      sub.push(apply(ctm, data[i + 3]!, data[i + 4]!));
      i += 5;
    } else if (op === 4) {
      if (sub.length) sub.push(sub[0]!);
      i += 1;
    } else break; // unknown code: stop rather than misread the rest
  }
  flush();
}

/** Four or five points (closed) forming an axis-aligned rectangle. */
function isAxisBox(pts: [number, number][]): boolean {
  const p = pts.length === 5 ? pts.slice(0, 4) : pts;
  if (p.length !== 4) return false;
  for (let k = 0; k < 4; k++) {
    const a = p[k]!,
      b = p[(k + 1) % 4]!;
    if (Math.abs(a[0] - b[0]) > 0.5 && Math.abs(a[1] - b[1]) > 0.5) return false;
  }
  return true;
}
