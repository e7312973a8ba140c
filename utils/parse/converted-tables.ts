/**
 * Pipe tables as document converters and PDF-to-Markdown tools really emit them (domain.md, "Tables
 * published as pictures, scans, and converted text"), put back into the shape of the printed table,
 * with every value whose column is a guess marked so (never silently placed):
 *
 * - per-row tables under a generic header ("类别 | 数据1 | … | 数据6 | 总计"): the repeated header rows
 *   are dropped, so consecutive one-row tables become one table with no header (recognition maps the
 *   values by count). A column the header names (总计) is read normally; a column named 数据k is placed
 *   by position ('generic-header'): the count matching the template's seven columns is plausible, but
 *   the order of the six applicant columns is the converter's, not read. A row with fewer cells than the
 *   header lost blanks somewhere: all its values are guessed ('short-row'; when the last value sums the
 *   others it is put under 总计 and the rest from the first column, the likeliest reading, still marked);
 *   more cells: 'shifted-cells'.
 * - a header row in the middle of table 三 whose labels differ from the table's own header (a page's
 *   header re-read with the wrong alignment): dropped, and the rows below it marked 'spurious-header'
 *   (which of the two headers is right cannot be told). An identical repeat (per-row tables each under
 *   the real header, a header repeated after a page break) is dropped and nothing is marked.
 * - table 四 as one row of 15 numbers under a header that lost its spans: when the header's outcome
 *   words are still the template's 15 in order, recognition reads the columns (left as printed);
 *   otherwise the header is rebuilt as the template's groups and outcomes and the 15 are marked: they
 *   are placed by the template's order alone ('generic-header': the header names no column of them).
 * - a group label split over two rows as cells of their own ("（三）不 | 4.保护第三方合法权益 | …" then
 *   "予公开 | 5.…"): the fragment is dropped; if the row was cut at the table's width, its values are
 *   placed from the first column and the row marked 'shifted-cells'.
 * - a cell note that slid into the next cell ("31 | （其中修订9件）4 | 152"): the note goes back to the
 *   number before it and the cell that held it is marked 'merged-note'; a note alone in a cell after a
 *   number is merged into it, and the cells after it, shifted back, are marked 'merged-note'; two cells
 *   run together around a note ("5（含自然失效3件）17") are split and both marked. Under table 二's
 *   header, a note of the wrong kind for its column ("235（其中修订16件）" under 本年废止件数) or a row
 *   short of the header's cells with a note in it is marked 'merged-note' too.
 *
 * Cells stay page text: this module only moves, drops and marks strings.
 */
import type { DoubtReason } from '../report/types';
import {
  APPLICANT_HEADERS,
  APPLICATION_ROWS,
  DISCLOSURE_COLUMNS,
  findLabel,
  labelKey,
  matchesLabel,
  REVIEW_GROUP_HEADERS,
  REVIEW_OUTCOME_HEADERS,
} from './table-schemas';
import { parseCellValue } from './values';

/** A value (or a whole row, when `col` is absent) whose column was guessed. `row`/`col` index the returned rows. */
export interface ReadMark {
  row: number;
  col?: number;
  reason: DoubtReason;
}

export interface ConvertedTable {
  rows: string[][];
  marks: ReadMark[];
}

type Normalise = (s: string) => string;

interface Row {
  cells: string[];
  /** The whole row's values were placed by a guess. */
  row?: DoubtReason;
  /** Per cell. */
  cell: Map<number, DoubtReason>;
}

/** A number or placeholder (not a label, not a blank). */
const isValue = (s: string) => s.trim() !== '' && parseCellValue(s).kind !== 'text';
const hasValues = (cells: string[]) => cells.some(isValue);

/** Header cells a converter invents for columns it cannot name. */
const GENERIC_CELL = /^(?:数据|數據|数值|數值|列|data|column|col)\s*\d+$/i;

/** Reads a converter's pipe table; returns the rows unchanged (and no marks) when none of its quirks is present. */
export function readConvertedTable(cells: string[][], n: Normalise = (s) => s): ConvertedTable {
  let rows: Row[] = cells.map((c) => ({ cells: [...c], cell: new Map() }));
  rows = joinGenericHeaderRows(rows, n);
  rows = rebuildReviewRow(rows, n);
  rows = dropSpuriousHeaders(rows, n);
  rows = dropSplitLabels(rows, n);
  rows = mergeNotes(rows, n);
  const marks: ReadMark[] = [];
  rows.forEach((r, i) => {
    if (r.row) marks.push({ row: i, reason: r.row });
    else for (const [col, reason] of [...r.cell].sort((a, b) => a[0] - b[0])) marks.push({ row: i, col, reason });
  });
  return { rows: rows.map((r) => r.cells), marks };
}

function isGenericHeader(cells: string[]): boolean {
  return !hasValues(cells) && cells.filter((c) => GENERIC_CELL.test(c.trim())).length >= 3;
}

/** Per-row tables under a generic header: one table, no header, the guessed columns marked. */
function joinGenericHeaderRows(rows: Row[], n: Normalise): Row[] {
  if (!rows.some((r) => isGenericHeader(r.cells))) return rows;
  const out: Row[] = [];
  // rows above the first generic header stand under whatever header the table had
  let current: string[] | null = null;
  for (const r of rows) {
    if (isGenericHeader(r.cells)) {
      current = r.cells;
      continue;
    }
    if (current && hasValues(r.cells)) {
      if (r.cells.length < current.length) {
        r.row = 'short-row';
        placeShortRow(r, current, n);
      } else if (r.cells.length > current.length) {
        r.row = 'shifted-cells';
      } else {
        // blanks too: which column a blank belongs to is as much a guess as a number's
        const header = current;
        r.cells.forEach((_, j) => {
          if (j > 0 && GENERIC_CELL.test(header[j].trim())) r.cell.set(j, 'generic-header');
        });
      }
    }
    out.push(r);
  }
  return out;
}

/**
 * A short row under a generic header whose last value is the sum of the others and whose header ends
 * in 总计: the reader's best guess is that the blanks were dropped after the values (the last value the
 * 总计, the others from the first data column on). Still a guess: the row stays marked 'short-row'. Any
 * other short row is left as printed.
 */
function placeShortRow(r: Row, header: string[], n: Normalise): void {
  const labelCols = header.findIndex((c) => GENERIC_CELL.test(c.trim()));
  if (labelCols < 1 || labelKey(n(header[header.length - 1])) !== labelKey('总计')) return;
  if (r.cells.slice(0, labelCols).some(isValue)) return;
  const values = r.cells.slice(labelCols);
  const numbers = values.map((v) => parseCellValue(v));
  if (values.length < 2 || numbers.some((v) => v.kind !== 'number')) return;
  const sum = numbers.slice(0, -1).reduce((s, v) => s + (v.kind === 'number' ? v.value : 0), 0);
  const last = numbers[numbers.length - 1];
  if (last.kind !== 'number' || last.value !== sum) return;
  const blanks = header.length - labelCols - values.length;
  r.cells = [...r.cells.slice(0, labelCols), ...values.slice(0, -1), ...Array<string>(blanks).fill(''), values[values.length - 1]];
}

const OUTCOME_ORDER = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

function outcomeOf(text: string, n: Normalise): string | undefined {
  return findLabel(REVIEW_OUTCOME_HEADERS, n(text.trim()))?.key;
}

/** Table 四 as one row of 15 numbers under a header that lost its spans. */
function rebuildReviewRow(rows: Row[], n: Normalise): Row[] {
  const at = rows.findIndex((r) => r.cells.length === 15 && r.cells.every((c) => c.trim() === '' || isValue(c)) && hasValues(r.cells));
  if (at < 0 || rows.some((r, i) => i !== at && hasValues(r.cells))) return rows;
  const header = rows
    .slice(0, at)
    .flatMap((r) => r.cells)
    .filter((c) => c.trim() !== '');
  const groups = header.map((c) => findLabel(REVIEW_GROUP_HEADERS, n(c.trim()))?.key).filter((k) => k);
  if (!groups.includes('review')) return rows;
  // the header as it stands already names 15 columns in the template's order: leave it to recognition
  const leaves = header.map((c) => outcomeOf(c, n)).filter((k) => k);
  if (leaves.length === 15 && leaves.every((k, i) => k === OUTCOME_ORDER[i % 5])) return rows;
  const groupRow = ['review', 'litigationDirect', 'litigationAfterReview'].map((k) => REVIEW_GROUP_HEADERS.find((h) => h.key === k)!.label);
  const leafRow = [0, 1, 2].flatMap(() => OUTCOME_ORDER.map((k) => REVIEW_OUTCOME_HEADERS.find((h) => h.key === k)!.label));
  const numbers = rows[at];
  numbers.row = 'generic-header';
  return [{ cells: groupRow, cell: new Map() }, { cells: leafRow, cell: new Map() }, numbers, ...rows.slice(at + 1)];
}

/** Applicant columns only a header of table 三 names (自然人 … 法律服务机构; 其他 and 总计 are too common). */
function isApplicantHeader(cells: string[], n: Normalise): boolean {
  if (hasValues(cells)) return false;
  const named = cells.filter((c) => {
    const k = findLabel(APPLICANT_HEADERS, n(c.trim()))?.key;
    return k === 'natural' || k === 'commercial' || k === 'research' || k === 'publicInterest' || k === 'legal';
  });
  return named.length >= 3;
}

const headerKey = (cells: string[], n: Normalise) => {
  const keys = cells.map((c) => labelKey(n(c)));
  while (keys.length && !keys[keys.length - 1]) keys.pop();
  return keys.join('|');
};

/** Table-三 headers again among the rows: dropped; when one differs from the table's own, the rows below it are marked. */
function dropSpuriousHeaders(rows: Row[], n: Normalise): Row[] {
  const out: Row[] = [];
  let top: string | null = null;
  let seenValues = false;
  let doubt = false;
  for (const r of rows) {
    if (isApplicantHeader(r.cells, n)) {
      if (!seenValues) top ??= headerKey(r.cells, n);
      else if (top !== null) {
        // the same header again (per-row tables, a page break): the columns stay certain
        if (headerKey(r.cells, n) !== top) doubt = true;
        continue;
      }
    } else if (hasValues(r.cells)) {
      seenValues = true;
      if (doubt) r.row ??= 'spurious-header';
    }
    out.push(r);
  }
  return out;
}

/** A numbered sub-row label (4.保护第三方合法权益), not a decimal number. */
const SUB_LABEL = /^\d+[.．、]\s*[\u4e00-\u9fff]/;

function isRowLabel(text: string, n: Normalise): boolean {
  return APPLICATION_ROWS.some((r) => r.match.length > 0 && matchesLabel(r, n(text)));
}

/** Label halves in cells of their own, shifting the row's values. */
function dropSplitLabels(rows: Row[], n: Normalise): Row[] {
  const fragment = (r: Row) => {
    const [a, b] = r.cells;
    return (
      r.cells.length > 2 &&
      !!a &&
      a.trim() !== '' &&
      !isValue(a) &&
      a.trim().length <= 8 &&
      !SUB_LABEL.test(a.trim()) &&
      !isRowLabel(a, n) &&
      !!b &&
      SUB_LABEL.test(b.trim()) &&
      !isValue(b)
    );
  };
  if (!rows.some(fragment)) return rows;
  // the table's width: the commonest count of cells among its rows that start with a sub-row label
  const counts = new Map<number, number>();
  for (const r of rows)
    if (SUB_LABEL.test((r.cells[0] ?? '').trim()) && hasValues(r.cells)) counts.set(r.cells.length, (counts.get(r.cells.length) ?? 0) + 1);
  const width = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  for (const r of rows) {
    if (!fragment(r)) continue;
    r.cells = r.cells.slice(1);
    if (width !== undefined && r.cells.length < width) {
      while (r.cells.length < width) r.cells.push('');
      r.row = 'shifted-cells';
    }
  }
  return rows;
}

const NOTE_FIRST = /^([（(][^（()）]*[）)])\s*([+-]?\d[\d,.]*)$/;
const NOTE_ONLY = /^[（(][^（()）]*[）)]$/;
const bareNumber = (s: string) => {
  const v = parseCellValue(s);
  return v.kind === 'number' && !('note' in v && v.note);
};

/** Two cells run together around a note: "5（含自然失效3件）17". */
const NOTE_BETWEEN = /^([+-]?\d[\d,.]*\s*[（(][^（()）]*[）)])\s*([+-]?\d[\d,.]*)$/;

/** A header row of table 二 (本年制发件数 | 本年废止件数 | 现行有效件数 …). */
function isDisclosureHeader(cells: string[], n: Normalise): boolean {
  return !hasValues(cells) && cells.filter((c) => !!findLabel(DISCLOSURE_COLUMNS, n(c.trim()))).length >= 2;
}

/** A note that says what kind of count it qualifies, printed in another kind's column (修订 under 废止, 失效 under 制发). */
function noteMisplaced(note: string, column: string): boolean {
  const k = labelKey(column);
  if (/修订/.test(note)) return k.includes('废止');
  if (/失效|废止/.test(note)) return k.includes('制发') || k.includes('新制作');
  return false;
}

/**
 * A cell note that slid into the next cell: back to its number; the cells it displaced marked. Under a
 * header of table 二, a note in a column it does not belong to, or a row short of the header's cells
 * with a note in it (the note swallowed a neighbour), marks the values as guessed.
 */
function mergeNotes(rows: Row[], n: Normalise): Row[] {
  let header: string[] | null = null;
  for (const r of rows) {
    if (isDisclosureHeader(r.cells, n)) {
      header = r.cells;
      continue;
    }
    if (!hasValues(r.cells)) {
      if (r.cells.length === 1) header = null; // a block title (第二十条第（五）项): its own header follows
      continue;
    }
    for (let j = 1; j < r.cells.length; j++) {
      const c = r.cells[j].trim();
      const between = NOTE_BETWEEN.exec(c);
      if (between) {
        r.cells.splice(j, 1, between[1], between[2]);
        r.cell.set(j, 'merged-note');
        r.cell.set(j + 1, 'merged-note');
        continue;
      }
      if (!bareNumber(r.cells[j - 1])) continue;
      const first = NOTE_FIRST.exec(c);
      if (first) {
        r.cells[j - 1] = `${r.cells[j - 1].trim()}${first[1]}`;
        r.cells[j] = first[2];
        r.cell.set(j, 'merged-note');
      } else if (NOTE_ONLY.test(c)) {
        r.cells[j - 1] = `${r.cells[j - 1].trim()}${c}`;
        r.cells.splice(j, 1);
        for (let k = j; k < r.cells.length; k++) if (isValue(r.cells[k])) r.cell.set(k, 'merged-note');
      }
    }
    if (!header) continue;
    const noted = r.cells.map((c) => {
      const v = parseCellValue(c);
      return v.kind === 'number' && 'note' in v && v.note ? v.note : null;
    });
    if (r.cells.length < header.length && noted.some((x) => x)) {
      r.row = 'merged-note';
      continue;
    }
    noted.forEach((note, j) => {
      if (note && header![j] !== undefined && noteMisplaced(n(note), n(header![j]))) r.cell.set(j, 'merged-note');
    });
  }
  return rows;
}

/**
 * Writes the marks onto the synthetic document's rows (<tr> in order) and cells (<td> in order):
 * data-read="position" and data-read-reason="<DoubtReason>", on the <td> or, for a whole row, on the
 * <tr>. The names are text-dump's READ_ATTRIBUTE / READ_REASON_ATTRIBUTE, which the parser reads into
 * CellValue.read.
 */
export function markReads(tbody: Element, marks: readonly ReadMark[]): void {
  const rows = tbody.querySelectorAll('tr');
  for (const m of marks) {
    const tr = rows[m.row];
    const el = m.col === undefined ? tr : tr?.children[m.col];
    if (!el) continue;
    el.setAttribute('data-read', 'position');
    el.setAttribute('data-read-reason', m.reason);
  }
}
