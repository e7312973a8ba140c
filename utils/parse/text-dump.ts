/**
 * Tables from extracted-text dumps, rebuilt as a DOM so the ordinary HTML path can parse them.
 *
 * Two dump shapes occur (see the seeds):
 * - block rows (seed 003): a line that is just `|` starts a row; each cell is a line ending in ` |`
 *   (a cell's text may run over several lines, only the last ends in `|`); a line made only of pipes
 *   is that many empty cells (slots left by spans: the extractor pads every row to the table's width
 *   at the END of the row, so column positions in a dump are not those of the original table).
 *   A lone `|` is a row start when the next non-blank line is a cell with text, else one empty cell.
 * - single-line rows (seed 004's metadata): `索引号 | value | 发布机构 | value |`; consecutive such
 *   lines form one small table. Markdown rows (`| a | b |`) are the same; their separator row
 *   (`|---|---|`) is dropped wherever it stands, so a first data row that a converter made the
 *   header stays a data row, and a table with no header row at all is read by its labels.
 * - tables printed as text with no cell markers (laid-out PDF text, one cell a line): see
 *   text-tables.ts; they become tables of their own, their lines are not paragraphs.
 * Every other non-empty line becomes a <p>.
 *
 * A block table in which no row has two non-empty cells, or whose largest cell holds at least 80% of
 * its text and is at least 100 characters long (seed 004 wraps the whole article in one layout
 * cell), is layout: its cells' lines become
 * paragraphs. Tables with no text at all are dropped.
 *
 * Only createElement + textContent: page text never becomes HTML.
 */

import { toSimplified } from '../text/convert';
import { detectScript } from '../text/script';
import { markReads, type ReadMark, readConvertedTable } from './converted-tables';
import { findTextTables, type TextTable } from './text-tables';

/** How far a multi-line cell may run before its closing ` |` line. */
const MAX_CELL_LINES = 50;
/** A table is layout when its largest cell holds this share of its text. */
const LAYOUT_SHARE = 0.8;
/** …and is at least this long (a prose block, not a label). */
const LAYOUT_MIN_CELL = 100;

type Line =
  | { kind: 'blank' }
  | { kind: 'pipes'; n: number }
  | { kind: 'inline'; cells: string[] }
  | { kind: 'cell'; text: string }
  | { kind: 'text'; text: string };

/** A markdown separator row (|---|:---:|), wherever the converter put it (after the header or after a data row). */
const SEPARATOR_RE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

function classify(raw: string): Line {
  const t = raw.trim();
  if (!t) return { kind: 'blank' };
  if (/^\|+$/.test(t)) return { kind: 'pipes', n: t.length };
  if (SEPARATOR_RE.test(t)) return { kind: 'blank' };
  if (t.endsWith('|')) {
    // a markdown row "| a | b |": its opening pipe opens the first cell, it is not an empty cell
    const body = t.slice(t.startsWith('|') && t.length > 1 ? 1 : 0, -1);
    if (body.includes('|')) return { kind: 'inline', cells: body.split('|').map((c) => c.trim()) };
    return { kind: 'cell', text: body.trim() };
  }
  return { kind: 'text', text: t };
}

type Block = { rows: string[][] };
type Item =
  | { kind: 'p'; text: string }
  | { kind: 'table'; rows: string[][]; block: boolean; uncertain?: string[]; guessedRows?: number[]; read?: ReadMark[] };

/** Parses a dump into paragraphs and tables (exported for tests). */
function parseTextDump(text: string): Item[] {
  const raw = text.split(/\r\n|\r|\n/);
  const lines = raw.map(classify);
  // labels are matched in Simplified (the schemas' script); the cells keep the text as printed
  const normalise = detectScript(text) === 'hant' ? toSimplified : (s: string) => s;
  const textTables = new Map<number, TextTable>();
  for (const t of findTextTables(raw, (i) => lines[i].kind === 'text' || lines[i].kind === 'blank', normalise)) {
    textTables.set(t.start, t);
  }
  const items: Item[] = [];
  let block: Block | null = null;
  let row: string[] | null = null;
  let inline: string[][] | null = null;

  const nextNonBlank = (i: number): Line | undefined => {
    for (let j = i + 1; j < lines.length; j++) if (lines[j].kind !== 'blank') return lines[j];
    return undefined;
  };
  const closeBlock = () => {
    if (block) items.push({ kind: 'table', rows: block.rows, block: true });
    block = null;
    row = null;
  };
  const closeInline = () => {
    if (inline) items.push(convertedTable(inline, normalise));
    inline = null;
  };
  const startRow = (): string[] => {
    if (!block) block = { rows: [] };
    row = [];
    block.rows.push(row);
    return row;
  };
  /** Index of the line closing a multi-line cell that starts at i, or -1. */
  const cellEnd = (i: number): number => {
    for (let j = i + 1; j < lines.length && j <= i + MAX_CELL_LINES; j++) {
      const l = lines[j];
      if (l.kind === 'cell') return j;
      if (l.kind === 'pipes' || l.kind === 'inline') return -1;
    }
    return -1;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const textTable = textTables.get(i);
    if (textTable) {
      closeBlock();
      closeInline();
      items.push({ kind: 'table', rows: textTable.rows, block: false, uncertain: textTable.uncertain, guessedRows: textTable.guessedRows });
      i = textTable.end;
      continue;
    }
    switch (line.kind) {
      case 'blank':
        break;
      case 'pipes': {
        closeInline();
        const next = nextNonBlank(i);
        if (!block) {
          startRow();
          for (let k = 1; k < line.n; k++) row!.push('');
        } else if (line.n === 1 && next?.kind === 'cell' && next.text !== '') {
          startRow();
        } else {
          const r = row ?? startRow();
          for (let k = 0; k < line.n; k++) r.push('');
        }
        break;
      }
      case 'cell': {
        if (block) {
          (row ?? startRow()).push(line.text);
        } else {
          (inline ??= []).push([line.text]);
        }
        break;
      }
      case 'inline': {
        closeBlock();
        (inline ??= []).push(line.cells);
        break;
      }
      case 'text': {
        if (block) {
          const end = cellEnd(i);
          if (end >= 0) {
            const parts: string[] = [];
            for (let j = i; j < end; j++) {
              const l = lines[j];
              if (l.kind === 'text') parts.push(l.text);
            }
            const last = lines[end] as { kind: 'cell'; text: string };
            if (last.text) parts.push(last.text);
            (row ?? startRow()).push(parts.join('\n'));
            i = end;
            break;
          }
          closeBlock();
        }
        closeInline();
        items.push({ kind: 'p', text: line.text });
        break;
      }
    }
  }
  closeBlock();
  closeInline();
  return items;
}

/** A pipe table, with the quirks of document converters undone and the guessed columns marked (converted-tables.ts). */
function convertedTable(rows: string[][], normalise: (s: string) => string): Item {
  const read = readConvertedTable(rows, normalise);
  return { kind: 'table', rows: read.rows, block: false, ...(read.marks.length ? { read: read.marks } : {}) };
}

function isLayout(rows: string[][]): boolean {
  const filled = rows.flat().filter((c) => c.trim() !== '');
  if (filled.length === 0) return true;
  if (!rows.some((r) => r.filter((c) => c.trim() !== '').length >= 2)) return true;
  const total = filled.reduce((n, c) => n + c.length, 0);
  const largest = Math.max(...filled.map((c) => c.length));
  return largest >= LAYOUT_MIN_CELL && largest >= LAYOUT_SHARE * total;
}

/**
 * Fills doc.body with the dump's paragraphs (<p>, one per non-empty line outside tables) and tables
 * (<table><tbody><tr><td>…), in reading order. Replaces whatever doc.body held.
 */
/**
 * How a cell (on the <td>) or a whole row (on the <tr>) of the synthetic document was placed, when its
 * column is a guess: "position" or "unplaced", with the DoubtReason in READ_REASON_ATTRIBUTE. The parser
 * carries them to CellValue.read.
 */
export const READ_ATTRIBUTE = 'data-read';
export const READ_REASON_ATTRIBUTE = 'data-read-reason';

export function textDumpToDocument(text: string, doc: Document): void {
  const body = doc.body ?? doc.documentElement.appendChild(doc.createElement('body'));
  while (body.firstChild) body.removeChild(body.firstChild);
  const p = (t: string) => {
    const el = doc.createElement('p');
    el.textContent = t;
    body.appendChild(el);
  };
  for (const item of parseTextDump(text)) {
    if (item.kind === 'p') {
      p(item.text);
      continue;
    }
    if (item.block && isLayout(item.rows)) {
      for (const cell of item.rows.flat()) {
        for (const l of cell.split('\n')) if (l.trim()) p(l.trim());
      }
      continue;
    }
    if (!item.rows.some((r) => r.some((c) => c.trim() !== ''))) continue;
    const table = doc.createElement('table');
    const tbody = doc.createElement('tbody');
    table.appendChild(tbody);
    item.rows.forEach((r, i) => {
      const tr = doc.createElement('tr');
      // The text-table reader dropped this row's blank cells: its values are placed by position.
      if (item.guessedRows?.includes(i)) {
        tr.setAttribute(READ_ATTRIBUTE, 'position');
        tr.setAttribute(READ_REASON_ATTRIBUTE, 'short-row');
      }
      for (const c of r) {
        const td = doc.createElement('td');
        td.textContent = c;
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    });
    body.appendChild(table);
    if (item.read) markReads(tbody, item.read);
  }
}
