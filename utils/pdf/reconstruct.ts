/**
 * Positioned runs → a document the ordinary parser reads: lines, paragraphs and headings as <p>/<h2>,
 * tables as real <table>s with rowspan/colspan, in reading order. Written into a Document passed in
 * (the page's own, or linkedom's in Node) with createElement + textContent only: PDF text never
 * becomes markup.
 *
 * Every run becomes a <span data-pdf-run="page:index"> and every block and cell carries data-pdf-page
 * and data-pdf-box ("x,y,w,h" in points), so a finding's location maps back to rectangles on a page
 * (utils/anchor/pdf.ts).
 *
 * Tables: ruled grids (lines drawn in the operator list: Word, WPS and browsers draw cell borders)
 * give columns and rows; cells are the grid's atoms merged across boundaries that are not drawn (a
 * spanned cell); text runs fall into the cell holding their centre, so wrapped labels and split header
 * cells ("商业" / "企业") join. A table that ends a page and one that starts the next with the same
 * columns are one table: header rows repeated at the top of the continuation are dropped, and a
 * spanned label cell cut by the break is rejoined.
 *
 * Unruled tables (positioned runs only; or rules that do not separate the columns: horizontal rules
 * only, an outer box only): the lines outside ruled grids are laid out as text, each run at the column
 * its x gives (x → columns of spaces, an em = two columns as the text path counts CJK), and read by
 * the text-table reader the text-dump path uses (utils/parse/text-tables.ts: wrapped labels, the
 * vertical 三、本年度办理结果, split headers, page breaks with the header repeated, blank cells placed
 * by x). Its rows become a <table> whose cells hold the runs they were read from, so every value
 * keeps its page box. A ruled grid with a cell holding runs far apart on one line is missing rules
 * between columns: it is not trusted as a grid and its runs go the unruled way.
 *
 * Page furniture: lines in the top and bottom margins that repeat on other pages (digits ignored:
 * running headers, "3/6" footers) and lone page numbers ("- 3 -", "第3页 共6页") are dropped.
 */

import {
  APPLICANT_HEADERS,
  APPLICATION_ROWS,
  DISCLOSURE_ROWS,
  findLabel,
  matchesLabel,
  REVIEW_GROUP_HEADERS,
} from '../parse/table-schemas';
import { findTextTables, type TextTable } from '../parse/text-tables';
import { toSimplified } from '../text/convert';
import { detectScript } from '../text/script';
import type { Box, PdfPageInput, PdfRule, PdfRun } from './types';

export interface ReconstructResult {
  /** The element holding the reconstructed report (an <article> in the document's body). */
  root: Element;
  /** Characters of text read, furniture excluded. */
  chars: number;
  /** Pages with images and (almost) no text: scans. */
  scannedPages: number[];
  tables: number;
}

interface Line {
  page: number;
  runs: PdfRun[];
  x: number;
  y: number;
  right: number;
  bottom: number;
  /** Median font height of the line's runs. */
  h: number;
  text: string;
}

interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
  runs: PdfRun[];
}

interface Grid {
  page: number;
  box: Box;
  xs: number[];
  ys: number[];
  cells: Cell[];
}

type Block =
  | { kind: 'text'; page: number; y: number; lines: Line[]; heading: boolean }
  | { kind: 'table'; page: number; y: number; grids: Grid[] }
  | { kind: 'textTable'; page: number; y: number; lines: Line[]; table: TextTable };

/** Rules closer than this (points) are one line (double borders, 1-px offsets between cells). */
const SNAP = 2;
/** A page with fewer characters than this and at least one image is a scan. */
const SCAN_MAX_CHARS = 20;
/** Headers and footers sit in this share of the page height at the top and the bottom. */
const MARGIN_SHARE = 0.1;

const _CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export function reconstructDocument(pages: PdfPageInput[], doc: Document): ReconstructResult {
  const scannedPages = pages
    .filter((p) => p.images > 0 && p.runs.reduce((n, r) => n + r.str.trim().length, 0) < SCAN_MAX_CHARS)
    .map((p) => p.page);

  // 1. Per page: ruled grids take the runs inside them; the rest become lines.
  const perPage = pages.map((page) => {
    let grids = findGrids(page);
    const free: PdfRun[] = [];
    for (const run of page.runs) {
      const cx = run.x + run.w / 2;
      const cy = run.y + run.h / 2;
      const cell = grids.flatMap((g) => g.cells).find((c) => inside(c.box, cx, cy));
      if (cell) cell.runs.push(run);
      else free.push(run);
    }
    // Rules that do not separate the columns (horizontal only, an outer box): read as unruled.
    const partial = grids.filter(missesColumnRules);
    if (partial.length) {
      grids = grids.filter((g) => !partial.includes(g));
      for (const g of partial) for (const c of g.cells) free.push(...c.runs);
    }
    return { page, grids, lines: buildLines(free, page.page) };
  });

  // 2. Furniture: running headers/footers and page numbers.
  const furniture = findFurniture(perPage.map((p) => ({ page: p.page, lines: p.lines })));
  for (const p of perPage) p.lines = p.lines.filter((l) => !furniture.has(l));

  // 3. Unruled tables, over page breaks: laid out as text, read by the text-table reader.
  const textTables = findUnruledTables(perPage.flatMap((p) => p.lines));
  const taken = new Set(textTables.flatMap((t) => t.lines));
  for (const p of perPage) p.lines = p.lines.filter((l) => !taken.has(l));

  // 4. Blocks in reading order.
  const allLines = perPage.flatMap((p) => p.lines);
  const bodyH = median(allLines.flatMap((l) => l.runs.map((r) => r.h))) || 10;
  // The text column's edges: per page when the page has enough prose to tell, else the document's.
  const columnOf = (lines: Line[]) => ({
    left: percentile(
      lines.map((l) => l.x),
      0.1,
    ),
    right: percentile(
      lines.map((l) => l.right),
      0.9,
    ),
  });
  const documentColumn = columnOf(allLines);
  const column = new Map(perPage.map((p) => [p.page.page, p.lines.length >= 8 ? columnOf(p.lines) : documentColumn]));
  const blocks: Block[] = [];
  for (const { page, grids, lines } of perPage) {
    const pageBlocks: Block[] = [
      ...paragraphs(lines, bodyH, page, column.get(page.page)!),
      ...grids.map((g): Block => ({ kind: 'table', page: page.page, y: g.box.y, grids: [g] })),
      ...textTables.filter((t) => t.page === page.page),
    ];
    pageBlocks.sort((a, b) => a.y - b.y);
    blocks.push(...pageBlocks);
  }
  const joined = joinAcrossPages(blocks, column, new Set(pages.filter((p) => p.picture).map((p) => p.page)));

  // 5. The DOM.
  const pictures = new Set(pages.filter((p) => p.picture).map((p) => p.page));
  const root = doc.createElement('article');
  root.setAttribute('data-pdf-document', '');
  let chars = 0;
  let tables = 0;
  for (const block of joined) {
    if (block.kind === 'text') {
      const el = doc.createElement(block.heading ? 'h2' : 'p');
      setOrigin(el, block.page, boundsOf(block.lines));
      // Prose read from a picture (a scanned page): its figures are only as sure as the OCR (utils/parse keyFigures).
      if (pictures.has(block.page)) el.setAttribute('data-read', 'picture');
      block.lines.forEach((line, i) => {
        if (i > 0 && needsSpace(block.lines[i - 1]!.text, line.text)) el.appendChild(doc.createTextNode(' '));
        appendRuns(doc, el, line.runs, line.page);
        chars += line.text.length;
      });
      root.appendChild(el);
    } else if (block.kind === 'textTable') {
      const el = textTableElement(doc, block, pictures);
      if (!el) continue;
      root.appendChild(el);
      tables++;
      chars += block.lines.reduce((n, l) => n + l.text.length, 0);
    } else {
      root.appendChild(tableElement(doc, block.grids, pictures));
      tables++;
      chars += block.grids.reduce((n, g) => n + g.cells.reduce((m, c) => m + c.runs.reduce((k, r) => k + r.str.length, 0), 0), 0);
    }
  }
  const body = doc.body ?? doc.documentElement;
  body.appendChild(root);
  return { root, chars, scannedPages, tables };
}

// ---------------------------------------------------------------- lines

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function inside(b: Box, x: number, y: number): boolean {
  return x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
}

/** Runs sharing a baseline band, left to right. */
function buildLines(runs: PdfRun[], page: number): Line[] {
  const sorted = [...runs].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2) || a.x - b.x);
  const groups: PdfRun[][] = [];
  let current: PdfRun[] = [];
  let center = 0;
  let height = 0;
  for (const run of sorted) {
    const c = run.y + run.h / 2;
    if (current.length && Math.abs(c - center) <= Math.max(1, 0.45 * Math.min(height, run.h))) {
      current.push(run);
      continue;
    }
    if (current.length) groups.push(current);
    current = [run];
    center = c;
    height = run.h;
  }
  if (current.length) groups.push(current);
  return groups.map((g) => makeLine(g, page));
}

function makeLine(runs: PdfRun[], page: number): Line {
  runs.sort((a, b) => a.x - b.x);
  const h = median(runs.map((r) => r.h));
  return {
    page,
    runs,
    x: Math.min(...runs.map((r) => r.x)),
    y: Math.min(...runs.map((r) => r.y)),
    right: Math.max(...runs.map((r) => r.x + r.w)),
    bottom: Math.max(...runs.map((r) => r.y + r.h)),
    h,
    text: lineText(runs, h),
  };
}

/** Runs joined; a gap wider than half an em is a space (pdf.js drops most space glyphs). */
function lineText(runs: PdfRun[], h: number): string {
  let text = '';
  let prevRight = -Infinity;
  for (const run of runs) {
    if (text && run.x - prevRight > 0.5 * h && !/\s$/.test(text)) text += ' ';
    text += run.str;
    prevRight = run.x + run.w;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Between two joined lines: a space only between Latin letters (CJK and numbers wrap without one). */
function needsSpace(a: string, b: string): boolean {
  return /[A-Za-z,;:]$/.test(a) && /^[A-Za-z(]/.test(b);
}

// ---------------------------------------------------------------- furniture

const PAGE_NUMBER =
  /^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;

function findFurniture(pages: { page: PdfPageInput; lines: Line[] }[]): Set<Line> {
  const out = new Set<Line>();
  const key = (l: Line) => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const marginal = (l: Line, p: PdfPageInput) => l.bottom <= p.height * MARGIN_SHARE || l.y >= p.height * (1 - MARGIN_SHARE);
  const seen = new Map<string, number>();
  for (const { page, lines } of pages) {
    const keys = new Set(lines.filter((l) => marginal(l, page)).map(key));
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  for (const { page, lines } of pages) {
    // A picture holds a table, not a printed page: nothing in it is a running header or a page number.
    if (page.picture) continue;
    for (const l of lines) {
      if (!marginal(l, page)) continue;
      const parts = splitOnGaps(l);
      const repeated = pages.length > 1 && (seen.get(key(l)) ?? 0) >= Math.min(3, pages.length);
      if (repeated || parts.every((p) => PAGE_NUMBER.test(p) || (pages.length > 1 && (seen.get(p.replace(/\d+/g, '#')) ?? 0) >= 2)))
        out.add(l);
    }
  }
  return out;
}

/** A header line often holds two things far apart (a date left, a title right). */
function splitOnGaps(l: Line): string[] {
  const parts: string[] = [];
  let current = '';
  let prevRight = -Infinity;
  for (const run of l.runs) {
    if (current && run.x - prevRight > 3 * l.h) {
      parts.push(current.trim());
      current = '';
    }
    current += run.str;
    prevRight = run.x + run.w;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

// ---------------------------------------------------------------- paragraphs

const NUMBERED = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部章节]分?)/;

function paragraphs(lines: Line[], bodyH: number, page: PdfPageInput, { left, right }: { left: number; right: number }): Block[] {
  if (!lines.length) return [];
  const sorted = [...lines].sort((a, b) => a.y - b.y || a.x - b.x);
  // The usual distance between baselines of consecutive lines: more than that is paragraph spacing.
  const pitches: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const d = sorted[i]!.y - sorted[i - 1]!.y;
    if (d > 0 && Math.abs(sorted[i]!.h - sorted[i - 1]!.h) < 0.15 * sorted[i]!.h) pitches.push(d);
  }
  const pitch = Math.max(median(pitches), bodyH * 1.1);
  const blocks: Block[] = [];
  let current: Line[] = [];
  const close = () => {
    if (!current.length) return;
    const h = median(current.map((l) => l.h));
    blocks.push({ kind: 'text', page: page.page, y: current[0]!.y, lines: current, heading: h >= bodyH * 1.25 });
    current = [];
  };
  for (const line of sorted) {
    const prev = current[current.length - 1];
    if (prev && !continues(prev, line, { left, right, pitch }) && !sameHeading(prev, line, bodyH)) close();
    current.push(line);
  }
  close();
  return blocks;
}

function percentile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

/** Does `next` continue the paragraph whose last line is `prev`? */
function continues(prev: Line, next: Line, m: { left: number; right: number; pitch: number }): boolean {
  const em = Math.max(prev.h, 1);
  if (Math.abs(prev.h - next.h) > 0.15 * Math.max(prev.h, next.h)) return false; // another font size
  if (next.y - prev.y > Math.max(m.pitch * 1.3, m.pitch + 0.6 * em)) return false; // paragraph spacing
  if (next.x > m.left + 1.2 * em) return false; // first-line indent, centred or right-aligned text
  if (prev.x > m.left + 4 * em && Math.abs(prev.x - m.left - (m.right - prev.right)) < 2 * em) return false; // centred line
  const endsSentence = /[。：:；;！!？?]$/.test(prev.text);
  if (NUMBERED.test(next.text) && endsSentence) return false;
  if (prev.right < m.right - 1.5 * em) {
    // The line ended short: the paragraph ended, unless what opens the next line was too long to fit
    // and the line breaker kept it whole ("〔2021〕30号", "（www.example.gov.cn）").
    if (endsSentence || !/^[（(〔《“A-Za-z0-9]/.test(next.text)) return false;
    if (prev.right < m.right - 6 * em && !/[A-Za-z0-9.]{8,}/.test(next.text.slice(0, 30))) return false;
  }
  return true;
}

/** A title in a large font wraps onto a second, centred line ("…年度报" / "告"). */
function sameHeading(prev: Line, next: Line, bodyH: number): boolean {
  return prev.h >= bodyH * 1.25 && Math.abs(prev.h - next.h) < 0.05 * prev.h && next.y - prev.y <= 1.8 * prev.h;
}

function boundsOf(lines: Line[]): Box {
  const x = Math.min(...lines.map((l) => l.x));
  const y = Math.min(...lines.map((l) => l.y));
  return { x, y, w: Math.max(...lines.map((l) => l.right)) - x, h: Math.max(...lines.map((l) => l.bottom)) - y };
}

// ---------------------------------------------------------------- grids

/** Collinear, touching rules merged into one. */
function mergeRules(rules: PdfRule[]): PdfRule[] {
  const out: PdfRule[] = [];
  for (const dir of ['h', 'v'] as const) {
    const list = rules.filter((r) => r.dir === dir).sort((a, b) => a.at - b.at || a.from - b.from);
    const byLine: PdfRule[][] = [];
    for (const r of list) {
      const last = byLine[byLine.length - 1];
      if (last && Math.abs(last[0]!.at - r.at) <= SNAP) last.push(r);
      else byLine.push([r]);
    }
    for (const group of byLine) {
      const at = median(group.map((r) => r.at));
      const spans = group.map((r) => [r.from, r.to] as [number, number]).sort((a, b) => a[0] - b[0]);
      let [from, to] = spans[0]!;
      for (const [f, t] of spans.slice(1)) {
        if (f <= to + SNAP) to = Math.max(to, t);
        else {
          out.push({ dir, at, from, to });
          [from, to] = [f, t];
        }
      }
      out.push({ dir, at, from, to });
    }
  }
  return out;
}

function clusterValues(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of s) {
    if (group.length && v - group[group.length - 1]! > SNAP) {
      out.push(median(group));
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(median(group));
  return out;
}

/** Ruled tables on one page: connected sets of horizontal and vertical rules, read as grids. */
export function findGrids(page: PdfPageInput): Grid[] {
  // Page-sized boxes (a page border, a full-page background) are not tables; a picture of a table is
  // cut to the table, its border is the table's.
  const rules = mergeRules(page.rules).filter(
    (r) => page.picture || !(r.dir === 'h' ? r.to - r.from > page.width * 0.98 : r.to - r.from > page.height * 0.95),
  );
  const parent = rules.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const touches = (h: PdfRule, v: PdfRule) => v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!,
        b = rules[j]!;
      if (a.dir !== b.dir && touches(a.dir === 'h' ? a : b, a.dir === 'h' ? b : a)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, PdfRule[]>();
  rules.forEach((r, i) => {
    const k = find(i);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  });
  const grids: Grid[] = [];
  for (const group of groups.values()) {
    const hs = group.filter((r) => r.dir === 'h');
    const vs = group.filter((r) => r.dir === 'v');
    if (hs.length < 2 || vs.length < 2) continue;
    const xs = clusterValues(vs.map((r) => r.at));
    const ys = clusterValues(hs.map((r) => r.at));
    // Browsers leave out the border at a page break: verticals reaching past the first or last
    // horizontal rule bound a row that has no line of its own.
    const top = Math.min(...vs.map((r) => r.from));
    const bottom = Math.max(...vs.map((r) => r.to));
    if (ys.length && top < ys[0]! - 3 * SNAP) ys.unshift(top);
    if (ys.length && bottom > ys[ys.length - 1]! + 3 * SNAP) ys.push(bottom);
    // Likewise a table drawn without its outer left or right border.
    const left = Math.min(...hs.map((r) => r.from));
    const right = Math.max(...hs.map((r) => r.to));
    if (left < xs[0]! - 3 * SNAP) xs.unshift(left);
    if (right > xs[xs.length - 1]! + 3 * SNAP) xs.push(right);
    if (xs.length < 2 || ys.length < 2) continue;
    const grid = gridFrom(page.page, xs, ys, hs, vs);
    grids.push(grid);
  }
  return grids.sort((a, b) => a.box.y - b.box.y);
}

function gridFrom(page: number, xs: number[], ys: number[], hs: PdfRule[], vs: PdfRule[]): Grid {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const covered = (rules: PdfRule[], at: number, from: number, to: number) => {
    const span = to - from;
    let length = 0;
    for (const r of rules) {
      if (Math.abs(r.at - at) > SNAP) continue;
      length += Math.max(0, Math.min(r.to, to) - Math.max(r.from, from));
    }
    return length >= span * 0.5;
  };
  // Union atoms across boundaries that are not drawn.
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !covered(vs, xs[c + 1]!, ys[r]!, ys[r + 1]!)) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < rows && !covered(hs, ys[r + 1]!, xs[c]!, xs[c + 1]!)) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = find(id(r, c));
      const s = spans.get(k);
      if (!s) spans.set(k, { r0: r, r1: r, c0: c, c1: c });
      else {
        s.r0 = Math.min(s.r0, r);
        s.r1 = Math.max(s.r1, r);
        s.c0 = Math.min(s.c0, c);
        s.c1 = Math.max(s.c1, c);
      }
    }
  }
  const cells: Cell[] = [...spans.values()].map((s) => ({
    row: s.r0,
    col: s.c0,
    rowSpan: s.r1 - s.r0 + 1,
    colSpan: s.c1 - s.c0 + 1,
    box: { x: xs[s.c0]!, y: ys[s.r0]!, w: xs[s.c1 + 1]! - xs[s.c0]!, h: ys[s.r1 + 1]! - ys[s.r0]! },
    runs: [],
  }));
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { page, box: { x: xs[0]!, y: ys[0]!, w: xs[cols]! - xs[0]!, h: ys[rows]! - ys[0]! }, xs, ys, cells };
}

// ---------------------------------------------------------------- across pages

/**
 * A paragraph cut by a page break continues on the next page; a table that ends a page continues as
 * the table starting the next one when their columns line up.
 */
function joinAcrossPages(blocks: Block[], column: Map<number, { left: number; right: number }>, pictures: ReadonlySet<number>): Block[] {
  const out: Block[] = [];
  const consumed = new Set<Block>();
  for (const [index, block] of blocks.entries()) {
    if (consumed.has(block)) continue;
    // An unreadable crop of a scan (a blank paragraph) says nothing, and would stand between a table's parts.
    if (block.kind === 'text' && pictures.has(block.page) && !block.lines.some((l) => l.text.trim())) continue;
    // On a scan, the table part before this one may be followed by what OCR left beside it:
    // the label of a column that lost its rule (三、本年度 / 办理结果).
    let at = out.length - 1;
    if (block.kind === 'table' && pictures.has(block.page)) while (at > 0 && besideTable(out[at]!, out, at, pictures)) at--;
    const prev = out[at];
    if (prev && prev.page !== block.page && block.page === lastPage(prev) + 1) {
      const before = prev.kind === 'table' ? prev.grids[prev.grids.length - 1]! : null;
      const after = block.kind === 'table' ? block.grids[0]! : null;
      const scanned = pictures.has(block.page) && pictures.has(lastPage(prev));
      // A scan's part may follow one that lost its left rule: any part of the table so far may match it.
      const parts = scanned && prev.kind === 'table' ? prev.grids : before ? [before] : [];
      const same = after && parts.some((g) => sameColumns(g, after));
      const continued = after && !same && scanned ? parts.find((g) => continuesColumns(g, after)) : undefined;
      if (after && (same || continued)) {
        const grids = (block as Extract<Block, { kind: 'table' }>).grids;
        let first = scanned ? withoutCutRow(grids[0]!) : grids[0]!;
        if (continued) {
          // The lost column back, one cell down the part, holding the label OCR read beside it as text.
          const label = blocks.slice(index + 1).filter((b) => b.kind === 'text' && b.page === block.page && besideGrid(b, first));
          for (const b of label) consumed.add(b);
          first = withLeftColumn(
            first,
            continued.xs[0]!,
            label.flatMap((b) => (b.kind === 'text' ? b.lines.flatMap((l) => l.runs) : [])),
          );
        }
        (prev as Extract<Block, { kind: 'table' }>).grids.push(first, ...grids.slice(1));
        continue;
      }
      if (at === out.length - 1 && prev.kind === 'text' && block.kind === 'text' && !prev.heading && !block.heading) {
        const last = prev.lines[prev.lines.length - 1]!;
        const first = block.lines[0]!;
        const em = Math.max(last.h, 1);
        const full = last.right >= column.get(last.page)!.right - 1.5 * em;
        const flush = first.x <= column.get(first.page)!.left + 1.2 * em;
        if (full && flush && Math.abs(last.h - first.h) <= 0.15 * last.h && !NUMBERED.test(first.text)) {
          prev.lines.push(...block.lines);
          continue;
        }
      }
    }
    out.push(block);
  }
  return out;
}

/**
 * A scanned table part without its first row when that row is the tail of the previous page's last row: cut by
 * the page's top edge, with no digit in it (a label's last line, 申请, run over the page break). Left in, it
 * was a row of blank values between the table's rows. Its label words are lost; the row above keeps its figures.
 */
function withoutCutRow(grid: Grid): Grid {
  const [top, next] = grid.ys;
  if (top === undefined || next === undefined || grid.ys.length < 3 || top > 2) return grid;
  const first = grid.cells.filter((c) => c.row === 0);
  if (first.some((c) => c.rowSpan === 1 && c.runs.some((r) => /\d/.test(r.str)))) return grid;
  const cells: Cell[] = [];
  for (const c of grid.cells) {
    if (c.row > 0) cells.push({ ...c, row: c.row - 1 });
    else if (c.rowSpan > 1) cells.push({ ...c, rowSpan: c.rowSpan - 1, box: { ...c.box, y: next, h: c.box.y + c.box.h - next } });
  }
  return { ...grid, ys: grid.ys.slice(1), box: { ...grid.box, y: next, h: grid.box.y + grid.box.h - next }, cells };
}

/**
 * A text block of a scanned page that stands beside the table part before it: left of that table's grid and
 * within its height (the label of a column whose rule was not found).
 */
function besideTable(b: Block, out: Block[], at: number, pictures: ReadonlySet<number>): boolean {
  if (b.kind !== 'text' || !pictures.has(b.page)) return false;
  let i = at - 1;
  while (i >= 0 && out[i]!.kind === 'text' && out[i]!.page === b.page) i--;
  const table = out[i];
  if (table?.kind !== 'table' || lastPage(table) !== b.page) return false;
  return besideGrid(b, table.grids[table.grids.length - 1]!);
}

/** A text block left of a grid and within its height. */
function besideGrid(b: Block, grid: Grid): boolean {
  return (
    b.kind === 'text' &&
    b.page === grid.page &&
    b.lines.every((l) => l.right <= grid.box.x + 2 && l.y >= grid.box.y - 2 && l.bottom <= grid.box.y + grid.box.h + 2)
  );
}

/** A grid with a column put back at its left, from `x0` to its first rule: one cell down all its rows, holding `runs`. */
function withLeftColumn(grid: Grid, x0: number, runs: PdfRun[]): Grid {
  const rows = grid.ys.length - 1;
  const top = grid.ys[0]!;
  const cell: Cell = {
    row: 0,
    col: 0,
    rowSpan: rows,
    colSpan: 1,
    box: { x: x0, y: top, w: grid.xs[0]! - x0, h: grid.ys[rows]! - top },
    runs,
  };
  return {
    ...grid,
    xs: [x0, ...grid.xs],
    box: { ...grid.box, x: x0, w: grid.box.x + grid.box.w - x0 },
    cells: [cell, ...grid.cells.map((c) => ({ ...c, col: c.col + 1 }))],
  };
}

function lastPage(b: Block): number {
  return b.kind === 'table' ? b.grids[b.grids.length - 1]!.page : b.lines[b.lines.length - 1]!.page;
}

// ---------------------------------------------------------------- unruled tables

/** Runs closer than this (ems) are one piece of text; farther than GAP_COLUMN they are in different columns. */
const GAP_JOIN = 0.15;
const GAP_COLUMN = 0.4;
/** A cell of a ruled grid holding runs this far apart (ems) on one line spans columns that have no rule. */
const GAP_UNRULED = 1.5;

/** A grid whose cells hold runs far apart on one line: the rules between its columns are not drawn. */
function missesColumnRules(grid: Grid): boolean {
  return grid.cells.some((c) =>
    buildLines(c.runs, grid.page).some((l) =>
      l.runs.some((r, i) => i > 0 && r.x - (l.runs[i - 1]!.x + l.runs[i - 1]!.w) > GAP_UNRULED * Math.max(l.h, 1)),
    ),
  );
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const displayWidth = (s: string) => [...s].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);

/**
 * A line as laid-out text: each run at the column its x gives (`unit` points a column), runs that
 * touch joined, a word gap one space, a column gap at least two (what the text-table reader splits on).
 */
export function layOutLine(line: Line, unit: number): string {
  let s = '';
  let width = 0;
  let prevRight: number | null = null;
  for (const run of line.runs) {
    const str = run.str.trim();
    if (!str) continue;
    let col = Math.round(run.x / unit);
    if (prevRight !== null) {
      const gap = run.x - prevRight;
      const em = Math.max(run.h, 1);
      if (gap < GAP_JOIN * em) col = width;
      else if (gap < GAP_COLUMN * em) col = width + 1;
      else col = Math.max(col, width + 2);
    }
    if (col > width) {
      s += ' '.repeat(col - width);
      width = col;
    }
    s += str;
    width += displayWidth(str);
    prevRight = run.x + run.w;
  }
  return s;
}

/** The document's free lines (in reading order) → the unruled tables among them, each with the lines it was read from. */
function findUnruledTables(lines: Line[]): Extract<Block, { kind: 'textTable' }>[] {
  if (!lines.length) return [];
  // A column is half the smaller type's em: CJK text (two columns a character) never overflows it.
  const unit = Math.max(
    1,
    percentile(
      lines.flatMap((l) => l.runs.map((r) => r.h)),
      0.1,
    ) / 2,
  );
  const laid = lines.map((l) => layOutLine(l, unit));
  const normalise = detectScript(lines.map((l) => l.text).join('\n')) === 'hant' ? toSimplified : (t: string) => t;
  // Only the report's own tables: a CMS metadata block (索引号, 发布日期) laid out in columns stays text,
  // where the metadata reader finds it.
  const standard = (t: TextTable) =>
    t.rows.flat().some((cell) => {
      const c = normalise(cell);
      return (
        APPLICATION_ROWS.some((r) => r.match.length > 0 && matchesLabel(r, c)) ||
        !!findLabel(DISCLOSURE_ROWS, c) ||
        !!findLabel(APPLICANT_HEADERS, c) ||
        !!findLabel(REVIEW_GROUP_HEADERS, c)
      );
    });
  return findTextTables(laid, () => true, normalise)
    .filter(standard)
    .map((table) => {
      const own = lines.slice(table.start, table.end + 1);
      return { kind: 'textTable', page: own[0]!.page, y: own[0]!.y, lines: own, table };
    });
}

interface Piece {
  page: number;
  run: PdfRun;
  /** Characters of the run's trimmed text already given to cells. */
  used: number;
}

const squashed = (t: string) => t.replace(/\s+/g, '');

/**
 * The runs a cell's text was read from: unused runs (in reading order) whose text continues the
 * cell's, skipping others (a wrapped label runs on beside another row's values). Null when the text
 * cannot be traced (a header the reader supplied from the schemas).
 */
function takeRuns(pieces: Piece[], text: string): { piece: Piece; from: number; to: number }[] | null {
  let rest = squashed(text);
  if (!rest) return [];
  const out: { piece: Piece; from: number; to: number }[] = [];
  const start = pieces.findIndex((p) => p.used < squashed(p.run.str).length);
  if (start < 0) return null;
  for (let i = start; i < pieces.length && rest; i++) {
    const p = pieces[i]!;
    const str = squashed(p.run.str).slice(p.used);
    if (!str) continue;
    if (rest.startsWith(str)) {
      out.push({ piece: p, from: p.used, to: p.used + str.length });
      rest = rest.slice(str.length);
    } else if (str.startsWith(rest)) {
      out.push({ piece: p, from: p.used, to: p.used + rest.length });
      rest = '';
    } else if (out.length && i - start > 60) break;
  }
  if (rest) return null;
  for (const o of out) o.piece.used = o.to;
  return out;
}

function unionBox(boxes: Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y };
}

/** An unruled table's rows as a <table>; each cell holds the runs it was read from (their page boxes). */
function textTableElement(doc: Document, block: Extract<Block, { kind: 'textTable' }>, pictures: Set<number>): Element | null {
  const rows = block.table.rows;
  if (!rows.some((r) => r.some((c) => c.trim() !== ''))) return null;
  const pieces: Piece[] = block.lines.flatMap((l) => l.runs.map((run) => ({ page: l.page, run, used: 0 })));
  const table = doc.createElement('table');
  const firstPage = block.lines.filter((l) => l.page === block.page);
  setOrigin(table, block.page, boundsOf(firstPage));
  const tbody = doc.createElement('tbody');
  table.appendChild(tbody);
  for (const row of rows) {
    const tr = doc.createElement('tr');
    for (const text of row) {
      const td = doc.createElement('td');
      const taken = text.trim() ? takeRuns(pieces, text) : [];
      if (taken?.length) {
        const page = taken[0]!.piece.page;
        const boxes: Box[] = [];
        for (const { piece, from, to } of taken) {
          const str = squashed(piece.run.str);
          const whole = from === 0 && to === str.length;
          const unit = piece.run.w / Math.max(1, str.length);
          if (piece.page === page)
            boxes.push(whole ? piece.run : { x: piece.run.x + unit * from, y: piece.run.y, w: unit * (to - from), h: piece.run.h });
          if (whole) {
            const span = doc.createElement('span');
            span.setAttribute('data-pdf-run', `${piece.page}:${piece.run.index}`);
            span.textContent = piece.run.str.trim();
            td.appendChild(span);
          } else td.appendChild(doc.createTextNode(str.slice(from, to)));
        }
        setOrigin(td, page, unionBox(boxes));
        if (pictures.has(page))
          markPictureRead(
            td,
            taken.map((t) => t.piece.run),
          );
      } else {
        td.textContent = text;
        setOrigin(td, block.page, boundsOf(firstPage));
        // A blank placed by position in a picture: nothing was read there, and nothing is certain of it.
        if (pictures.has(block.page)) markPictureRead(td, [], 0);
      }
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  return table;
}

/** Same outer edges: a continuation may lack some inner columns (a part holding one spanned row). */
function sameColumns(a: Grid, b: Grid): boolean {
  return Math.abs(a.xs[0]! - b.xs[0]!) <= 3 && Math.abs(a.xs[a.xs.length - 1]! - b.xs[b.xs.length - 1]!) <= 3;
}

/**
 * On a scan, a table's part on the next page whose leftmost column lost its rule: a label spanning every row
 * there (三、本年度办理结果) has no horizontal rule ending on its left rule, so no grid reaches it. The part is
 * the table's continuation when it ends at the same right rule and every rule of the table right of the part's
 * left edge (four or more: the header rows' rules may be fewer than the body's) is one of the part's.
 */
function continuesColumns(a: Grid, b: Grid): boolean {
  if (b.xs[0]! <= a.xs[0]! + 3 || Math.abs(a.xs[a.xs.length - 1]! - b.xs[b.xs.length - 1]!) > 3) return false;
  const right = a.xs.filter((x) => x > b.xs[0]! + 3);
  return right.length >= 4 && right.every((x) => b.xs.some((y) => Math.abs(x - y) <= 3));
}

/** The grids' cells on the columns of all of them (each grid's own columns are a subset). */
function onCommonColumns(grids: Grid[]): Grid[] {
  if (grids.length === 1) return grids;
  const xs = clusterValues(grids.flatMap((g) => g.xs));
  const nearest = (x: number) => xs.reduce((best, v, i) => (Math.abs(v - x) < Math.abs(xs[best]! - x) ? i : best), 0);
  return grids.map((g) => ({
    ...g,
    xs,
    cells: g.cells.map((c) => {
      const col = nearest(c.box.x);
      return { ...c, col, colSpan: Math.max(1, nearest(c.box.x + c.box.w) - col) };
    }),
  }));
}

// ---------------------------------------------------------------- DOM

/**
 * A cell read from a picture (utils/ocr): data-read="picture" with the least confidence of its runs
 * (a cell with no ink is blank for sure: 1, unless `blank` says otherwise) and the alternatives of a
 * one-run cell; the parser turns them into CellValue.read.
 */
function markPictureRead(td: Element, runs: PdfRun[], blank = 1): void {
  td.setAttribute('data-read', 'picture');
  const confidence = runs.length ? Math.min(...runs.map((r) => r.confidence ?? 0)) : blank;
  td.setAttribute('data-read-confidence', String(Math.round(confidence * 1000) / 1000));
  const alternatives = runs.length === 1 ? runs[0]!.alternatives : undefined;
  if (alternatives?.length) td.setAttribute('data-read-alternatives', alternatives.join('|'));
}

function setOrigin(el: Element, page: number, box: Box): void {
  el.setAttribute('data-pdf-page', String(page));
  el.setAttribute('data-pdf-box', [box.x, box.y, box.w, box.h].map((n) => n.toFixed(1)).join(','));
}

function appendRuns(doc: Document, parent: Element, runs: PdfRun[], page: number): void {
  let prevRight: number | null = null;
  const h = median(runs.map((r) => r.h));
  for (const run of runs) {
    if (prevRight !== null && run.x - prevRight > 0.5 * h) parent.appendChild(doc.createTextNode(' '));
    const span = doc.createElement('span');
    span.setAttribute('data-pdf-run', `${page}:${run.index}`);
    span.textContent = run.str;
    parent.appendChild(span);
    prevRight = run.x + run.w;
  }
}

const cellText = (c: Cell) =>
  buildLines(c.runs, 0)
    .map((l) => l.text)
    .join('')
    .replace(/\s+/g, '');

/**
 * The grids of one table (one per page it runs over) as a single <table>: continuation parts drop the
 * leading rows that repeat the first part's header, and a spanned cell cut by the page break (text
 * above, empty below) is continued rather than left as an empty cell.
 */
function tableElement(doc: Document, parts: Grid[], pictures: Set<number>): Element {
  const grids = onCommonColumns(parts);
  const table = doc.createElement('table');
  setOrigin(table, grids[0]!.page, grids[0]!.box);
  const tbody = doc.createElement('tbody');
  table.appendChild(tbody);
  type Out = { cell: Cell; page: number; rowSpan: number; el?: Element };
  const rows: Out[][] = [];
  const first = grids[0]!;
  const headerTexts = rowTexts(first);
  for (const [g, grid] of grids.entries()) {
    let skip = 0;
    if (g > 0) {
      const texts = rowTexts(grid);
      while (skip < texts.length && skip < headerTexts.length && texts[skip] === headerTexts[skip] && texts[skip] !== '') skip++;
      // A header row block is skipped whole: no cell may span from a skipped row into a kept one.
      while (skip > 0 && grid.cells.some((c) => c.row < skip && c.row + c.rowSpan > skip)) skip--;
    }
    const base = rows.length;
    const openAbove = new Map<number, Out>();
    if (g > 0) {
      // Cells of the previous part that spanned rows and reached its last row, by column.
      const lastRow = rows.length - 1;
      for (const row of rows)
        for (const o of row) if (rowIndexOf(rows, o) + o.rowSpan - 1 === lastRow) openAbove.set(o.cell.col * 1000 + o.cell.colSpan, o);
    }
    const rowCount = grid.ys.length - 1 - skip;
    for (let r = 0; r < rowCount; r++) rows.push([]);
    for (const cell of grid.cells) {
      if (cell.row < skip) continue;
      const r = base + cell.row - skip;
      const above = cell.row === skip ? openAbove.get(cell.col * 1000 + cell.colSpan) : undefined;
      // Only spanning cells continue: an empty one-row cell under a one-row cell is a blank value.
      if (above && (cell.rowSpan > 1 || above.rowSpan > 1) && cellText(cell) === '' && cellText(above.cell) !== '') {
        above.rowSpan += cell.rowSpan;
        continue;
      }
      rows[r]!.push({ cell, page: grid.page, rowSpan: cell.rowSpan });
    }
  }
  for (const row of rows) {
    const tr = doc.createElement('tr');
    for (const o of row) {
      const td = doc.createElement('td');
      if (o.rowSpan > 1) td.setAttribute('rowspan', String(o.rowSpan));
      if (o.cell.colSpan > 1) td.setAttribute('colspan', String(o.cell.colSpan));
      setOrigin(td, o.page, o.cell.box);
      if (pictures.has(o.page)) markPictureRead(td, o.cell.runs);
      // Lines of a cell join without a break: a wrapped label or a header split over lines is one text.
      for (const line of buildLines(o.cell.runs, o.page)) appendRuns(doc, td, line.runs, o.page);
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  return table;
}

function rowIndexOf(rows: { cell: Cell }[][], o: { cell: Cell }): number {
  return rows.findIndex((row) => row.includes(o as never));
}

/** Each grid row's text (the cells starting in that row), to recognise repeated header rows. */
function rowTexts(grid: Grid): string[] {
  const rows = grid.ys.length - 1;
  const out: string[] = [];
  for (let r = 0; r < rows; r++)
    out.push(
      grid.cells
        .filter((c) => c.row === r)
        .map((c) => `${c.col}:${c.colSpan}:${c.rowSpan}:${cellText(c)}`)
        .join('|'),
    );
  return out;
}
