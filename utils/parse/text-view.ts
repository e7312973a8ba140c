import type { Script, TextRange } from '../report/types';
import { cleanText } from '../text/clean';
import { toSimplified } from '../text/convert';
import { detectScript } from '../text/script';
import { tableRowGroups } from './grid';
import { bySiblingLinks, pushChildren, someNodeBelow } from './walk';

/**
 * The article as one normalised string (cleaned, Simplified), with a map back to the DOM text
 * nodes it came from. Everything the parser finds is an offset into `text`; `rangeFor` turns an
 * offset range back into a DOM Range for highlighting.
 */
export interface TextView {
  /** Normalised text. */
  text: string;
  /** The text as extracted from the DOM, before cleaning and conversion (for display). */
  raw: string;
  script: Script;
  /** Positions (in `text`) of <img> elements met in document order. */
  images: number[];
  /** Every <table> met, in document order, with its span in `text`; `data` = not a layout table. */
  tables: { element: HTMLTableElement; range: TextRange; data: boolean }[];
  /** Spans of `text` that are inside data tables (prose rules and facts skip them). */
  tableRanges: TextRange[];
  /** The DOM boundary points of text[start, end): end is just after the last character. */
  pointsFor(start: number, end: number): { startNode: Text; startOffset: number; endNode: Text; endOffset: number } | null;
  rangeFor(start: number, end: number): Range | null;
  /** text[start, end) as printed: cleaned but not converted to Simplified. */
  printed(start: number, end: number): string;
  /** The nearest element containing the text at `offset`. */
  elementAt(offset: number): Element | null;
}

// Tag lists as one string each: report.js is near its byte budget, and a quoted name per entry costs more.
// Lower case, matched against the element's localName (an HTML element's is its lower-case tag name): Node's DOM
// (linkedom) builds tagName anew on every read (localName.toUpperCase()), a string per element.
const SKIP = new Set('script style noscript template rt rp report-lens svg select option textarea button iframe object head'.split(' '));
const BLOCK = new Set(
  'address article aside blockquote dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table ul tr caption tbody thead tfoot br center'.split(
    ' ',
  ),
);
const CELL = new Set(['td', 'th']);
const tagOf = (el: Element) => el.localName;
/** A table is layout, not data, when it has a single column or row, or a cell holding a long text. */
const LAYOUT_CELL_CHARS = 400;

export function isDataTable(table: HTMLTableElement, siblings = bySiblingLinks(table)): boolean {
  // The table's own rows by walking children (not table.rows: DOMs such as linkedom lack it).
  const rows = tableRowGroups(table).flat();
  if (rows.length < 2) return false;
  let maxCells = 0;
  // A nested table, or more than LAYOUT_CELL_CHARS characters of text (as textContent counts them), in one walk
  // per cell that stops early: Node's DOM built a list of the cell's tables and its whole text per cell. The two
  // tests are made once per table, not per cell (their closures were garbage).
  let chars = 0;
  const nested = (el: Element) => el.localName === 'table';
  const long = (t: CharacterData) => (chars += t.data.length) > LAYOUT_CELL_CHARS;
  for (const row of rows) {
    let cells = 0;
    for (let cell = row.firstElementChild; cell; cell = cell.nextElementSibling) {
      if (!CELL.has(tagOf(cell))) continue;
      cells++;
      chars = 0;
      if (someNodeBelow(cell, nested, long, siblings)) return false;
    }
    maxCells = Math.max(maxCells, cells);
  }
  return maxCells >= 2;
}

/** Elements inside which a newline in the source is a line break. */
const PREFORMATTED = new Set('pre textarea listing plaintext'.split(' '));

const WHITESPACE_ONLY = /^\s*$/;
const CJK_OR_DIGIT = /[\u3400-\u9fff\uf900-\ufaff\d]/;

/**
 * A newline in the HTML source is whitespace, not a line break: Word and CMS editors wrap their
 * source lines anywhere, even inside a sentence or a number ("主动公开政府信息1\r\n552条"). Between
 * two CJK characters or two digits it is dropped (a zero-width space the cleaner removes, so offsets
 * still map one to one); elsewhere it is a space.
 */
function sourceBreaks(value: string): string {
  return value
    .replace(/[ \t]*[\r\n][\r\n \t]*/g, (run, at: number) => {
      const before = value[at - 1] ?? '';
      const after = value[at + run.length] ?? '';
      const glue = CJK_OR_DIGIT.test(before) && CJK_OR_DIGIT.test(after) ? '\u200b' : ' ';
      return glue.repeat(run.length);
    })
    .replace(/\t/g, ' ');
}

export function buildTextView(root: Element, options: { script?: Script } = {}): TextView {
  const parts: string[] = [];
  let rawLength = 0;
  // Each text node and the offset of its first character in `raw`, as two arrays (an object per node was garbage).
  const segNodes: Text[] = [];
  const segStarts: number[] = [];
  const rawImages: number[] = [];
  const rawTables: { element: HTMLTableElement; start: number; end: number; data: boolean }[] = [];
  const append = (s: string) => {
    parts.push(s);
    rawLength += s.length;
  };
  const breakLine = () => {
    if (parts.length && !parts[parts.length - 1]!.endsWith('\n')) append('\n');
  };

  // Iterative walk: pages can be 5,000 elements deep. An element's exit is a null pushed above it, under its
  // children: no object per node (the garbage of a frame per node showed in profiles). Children by index or by
  // sibling links, whichever this DOM answers without building a list (walk.ts).
  const stack: (Node | null)[] = [root];
  const siblings = bySiblingLinks(root);
  // Inside <pre>/<textarea> a newline in the source is a line break.
  let preDepth = 0;
  for (let el: Element | null = root; el; el = el.parentElement) {
    if (PREFORMATTED.has(tagOf(el))) {
      preDepth = 1;
      break;
    }
  }
  const openTables: { element: HTMLTableElement; start: number; data: boolean }[] = [];
  while (stack.length) {
    let node = stack.pop()!;
    const exit = node === null;
    if (exit) node = stack.pop()!;
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (value) {
        segNodes.push(node as Text);
        segStarts.push(rawLength);
        // Whitespace-only nodes (between tags, by far the most common) go as they are: the cost is per node.
        append(preDepth === 0 && /[\r\n\t]/.test(value) && !WHITESPACE_ONLY.test(value) ? sourceBreaks(value) : value);
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = tagOf(el);
    if (exit) {
      if (PREFORMATTED.has(tag)) preDepth--;
      if (tag === 'table') {
        const open = openTables.pop();
        breakLine();
        if (open) rawTables.push({ element: open.element, start: open.start, end: rawLength, data: open.data });
      } else if (CELL.has(tag)) {
        append(openTables[openTables.length - 1]?.data ? ' | ' : '\n');
      } else if (BLOCK.has(tag)) breakLine();
      continue;
    }
    if (SKIP.has(tag) || el.hasAttribute('hidden')) continue;
    if (PREFORMATTED.has(tag)) preDepth++;
    if (tag === 'img') {
      rawImages.push(rawLength);
      continue;
    }
    if (tag === 'table') {
      breakLine();
      openTables.push({ element: el as HTMLTableElement, start: rawLength, data: isDataTable(el as HTMLTableElement, siblings) });
    } else if (BLOCK.has(tag)) breakLine();
    stack.push(el, null);
    pushChildren(stack as Node[], el, siblings);
  }
  const raw = parts.join('');
  const cleaned = cleanText(raw);
  const script = options.script ?? detectScript(cleaned.text);
  const { text, map } = script === 'hant' ? convertMapped(cleaned.text, cleaned.map) : cleaned;

  // raw offset → normalised offset (first normalised char at or after it).
  const toNorm = (rawOffset: number): number => {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid]! < rawOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const tables = rawTables
    .sort((a, b) => a.start - b.start)
    .map((t) => ({ element: t.element, range: { start: toNorm(t.start), end: toNorm(t.end) }, data: t.data }));

  const locate = (rawOffset: number): { node: Text; offset: number } | null => {
    let lo = 0;
    let hi = segNodes.length - 1;
    if (hi < 0) return null;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segStarts[mid]! <= rawOffset) lo = mid;
      else hi = mid - 1;
    }
    const node = segNodes[lo]!;
    return { node, offset: Math.max(0, Math.min(node.data.length, rawOffset - segStarts[lo]!)) };
  };

  return {
    text,
    raw,
    script,
    // An image belongs to the text before it (a table pasted right after its heading).
    images: rawImages.map((r) => Math.max(0, toNorm(r) - 1)),
    tables,
    tableRanges: tables.filter((t) => t.data).map((t) => t.range),
    printed(start, end) {
      // Conversion kept the length for the whole text: offsets are shared with the cleaned text.
      return cleaned.text.length === text.length ? cleaned.text.slice(start, end) : text.slice(start, end);
    },
    pointsFor(start, end) {
      if (start < 0 || end > text.length || start >= end) return null;
      const a = locate(map[start]!);
      const b = locate(map[end - 1]!);
      if (!a || !b) return null;
      return { startNode: a.node, startOffset: a.offset, endNode: b.node, endOffset: Math.min(b.node.data.length, b.offset + 1) };
    },
    rangeFor(start, end) {
      const points = this.pointsFor(start, end);
      if (!points) return null;
      const range = root.ownerDocument.createRange();
      range.setStart(points.startNode, points.startOffset);
      range.setEnd(points.endNode, points.endOffset);
      return range;
    },
    elementAt(offset) {
      const at = locate(map[Math.max(0, Math.min(offset, text.length - 1))] ?? 0);
      return at?.node.parentElement ?? null;
    },
  };
}

/**
 * Traditional → Simplified keeping the offset map, line by line. t2cn is character-for-character almost
 * everywhere; where a line changes length (a rare phrase rule), its characters map proportionally.
 * Line by line, as table cells are converted one by one: one call over the whole text ran the converter's loop long
 * enough for V8 to optimize it mid-loop, and the cells' calls then kept entering and leaving that code (up to 280
 * deoptimizations a check). No phrase holds a line break.
 */
function convertMapped(text: string, map: Int32Array): { text: string; map: ArrayLike<number> } {
  const lines = text.split('\n');
  const converted = lines.map(toSimplified);
  if (converted.every((c, i) => c.length === lines[i]!.length)) return { text: converted.join('\n'), map };
  const outMap: number[] = [];
  let offset = 0;
  lines.forEach((line, k) => {
    const conv = converted[k]!;
    for (let i = 0; i < conv.length; i++) {
      const src = conv.length === line.length ? i : Math.floor((i * line.length) / Math.max(1, conv.length));
      outMap.push(map[offset + src]!);
    }
    offset += line.length;
    if (offset < text.length) {
      outMap.push(map[offset]!);
      offset += 1;
    }
  });
  outMap.push(map[text.length]!);
  return { text: converted.join('\n'), map: outMap };
}
