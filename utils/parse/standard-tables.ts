/**
 * Recognises the three standard tables (二 主动公开, 三 申请, 四 复议诉讼) among a report's grids by their
 * LABELS, never by position alone, and maps every value to its row/column key.
 *
 * Works on two kinds of grid:
 * - real HTML grids with spans (row labels spanning 2 columns, 三、本年度办理结果 spanning 20/22 rows,
 *   法人或其他组织 spanning 5): values are mapped to columns by the column headers above them
 *   ("position" mode);
 * - grids rebuilt from text dumps (no spans, every row left-aligned and padded at the end with empty
 *   cells): column positions mean nothing, so the values after a row's label are taken in order and
 *   mapped to the header leaves in reading order ("order" mode; 法人或其他组织's sub-columns are put
 *   in its place).
 * Per table part, whichever mode maps more keys wins (ties go to position). A text-dump row's trailing
 * padding is indistinguishable from blank cells; only the first N values (N = number of header leaves)
 * are read in order mode.
 *
 * Robust to: trailing explanatory text in labels, ASCII or full-width brackets (labels are compared
 * by labelKey, i.e. after NFKC), the 勾稽关系 note cell, blank cells (missing), a 小计 column (ignored),
 * a table split in two (a following table with matching labels, or with numbers only, continues it;
 * a part without its own header inherits the previous part's column order).
 *
 * Format (2019/2021) per table from its own labels; a table without evidence takes the other table's
 * format, else '2021' (the current template).
 */
import type {
  ActiveDisclosureTable,
  ApplicantColumn,
  ApplicationRow,
  ApplicationsTable,
  CellValue,
  DisclosureColumn,
  DisclosureRow,
  GridCell,
  ReportTable,
  ReviewGroup,
  ReviewLitigationTable,
  ReviewOutcome,
  StandardTables,
  TableKind,
} from '../report/types';
import { APPLICANT_COLUMNS, REVIEW_GROUPS, REVIEW_OUTCOMES } from '../report/types';
import {
  APPLICANT_HEADERS,
  APPLICATION_GROUPS,
  APPLICATION_ROWS,
  type ApplicantHeader,
  type ApplicationGroup,
  type ApplicationRowSchema,
  DISCLOSURE_COLUMNS,
  DISCLOSURE_ROWS,
  FORMAT_MARKERS,
  ORGANISATION_COLUMNS,
  REVIEW_GROUP_HEADERS,
  REVIEW_OUTCOME_HEADERS,
  type ReviewHeader,
  type TableFormat,
  disclosureItem,
  findLabel,
  labelKey,
  matchesLabel,
} from './table-schemas';
import { parseCellValue } from './values';

// ---------------------------------------------------------------------------------------------
// Grid helpers
// ---------------------------------------------------------------------------------------------

/** Distinct cells covering row r, in column order. */
function rowCells(t: ReportTable, r: number): number[] {
  const out: number[] = [];
  for (const id of t.slots[r] ?? []) if (id >= 0 && out[out.length - 1] !== id && !out.includes(id)) out.push(id);
  return out;
}

/** Whether a cell text types as a value; asked for every cell by each reading of a table, so remembered. */
const valueTexts = new Map<string, boolean>();
function isValue(cell: GridCell): boolean {
  let hit = valueTexts.get(cell.text);
  if (hit === undefined) {
    hit = parseCellValue(cell.text).kind !== 'text';
    if (valueTexts.size > 20_000) valueTexts.clear();
    valueTexts.set(cell.text, hit);
  }
  return hit;
}

interface RowSplit {
  r: number;
  /** The leading run of text cells (row labels, possibly spanning from rows above). */
  labels: GridCell[];
  /** Everything right of the labels. */
  values: GridCell[];
  /** Every cell covering the row, in column order. */
  cells: GridCell[];
}

function splitRow(t: ReportTable, r: number): RowSplit {
  const cells = rowCells(t, r).map((i) => t.cells[i]);
  const first = cells.findIndex((c) => !isValue(c));
  if (first < 0) return { r, labels: [], values: cells, cells };
  let end = first;
  while (end < cells.length && !isValue(cells[end])) end++;
  return { r, labels: cells.slice(first, end), values: cells.slice(end), cells };
}

function cellValue(t: ReportTable, cell: GridCell): CellValue {
  return { value: parseCellValue(cell.text), at: { table: t.index, row: cell.row, col: cell.col }, ...(cell.read ? { read: cell.read } : {}) };
}

function hasSpans(t: ReportTable): boolean {
  return t.cells.some((c) => c.rowSpan > 1 || c.colSpan > 1);
}

function allValues(t: ReportTable): boolean {
  return t.cells.length > 0 && t.cells.every(isValue) && t.cells.some((c) => c.text.trim() !== '');
}

/** Reading order (row-major) of cells anchored in the given rows. */
function anchoredInRows(t: ReportTable, rows: number[]): GridCell[] {
  const set = new Set(rows);
  return t.cells
    .filter((c) => set.has(c.row))
    .sort((a, b) => a.row - b.row || a.col - b.col);
}

/**
 * The n value cells of a row read in order when it has more. A text-dump row is padded with blanks
 * at its END (seed 003): the first n. A markdown row keeps the blank cells a label's colspan left
 * after it ("| 一、本年新收… |  | 186 | … |"): then the extra cells are leading blanks and the values
 * are the last n.
 */
function orderWindow(values: GridCell[], n: number): GridCell[] {
  const extra = values.length - n;
  if (extra <= 0) return values;
  const blank = (c: GridCell) => c.text.trim() === '';
  if (values.slice(n).every(blank)) return values.slice(0, n);
  if (values.slice(0, extra).every(blank)) return values.slice(extra);
  return values.slice(0, n);
}

/**
 * Maps a row's value cells to keys: `position` by columns (colKey[col]), `order` by leaf order.
 * Returns the mapping that assigns more distinct keys (position on a tie).
 */
function mapValues<K extends string>(
  values: GridCell[],
  colKey: (K | null | undefined)[] | null,
  order: (K | null)[],
): Map<K, GridCell> {
  const byOrder = new Map<K, GridCell>();
  orderWindow(values, order.length).forEach((cell, i) => {
    const k = order[i];
    if (k && !byOrder.has(k)) byOrder.set(k, cell);
  });
  if (!colKey) return byOrder;
  const byPos = new Map<K, GridCell>();
  for (const cell of values) {
    const k = colKey[cell.col];
    if (k && !byPos.has(k)) byPos.set(k, cell);
  }
  return byPos.size >= byOrder.size ? byPos : byOrder;
}

// ---------------------------------------------------------------------------------------------
// Table 三
// ---------------------------------------------------------------------------------------------

const APPLICANT_LEAVES = new Set<ApplicantHeader>([...APPLICANT_COLUMNS, 'subtotal']);
const STRONG_APPLICANT_HEADERS = new Set<ApplicantHeader>([
  'natural', 'commercial', 'research', 'publicInterest', 'legal', 'orgParent', 'applicantParent',
]);

interface ApplicationsPart {
  rows: Map<ApplicationRow, Map<ApplicantColumn, CellValue>>;
  order: (ApplicantColumn | null)[] | null;
  hits: number;
}

function applicantHeader(text: string): ApplicantHeader | undefined {
  return findLabel(APPLICANT_HEADERS, text)?.key;
}

/**
 * Any text cell of the row counts, not only its leading run of labels: a Word header row may open
 * with a blank cell (pingtan-2021: a blank under 自然人's first half, then 商业企业), and a blank
 * types as a value, which would end the leading run before any header word.
 */
function isApplicantHeaderRow(split: RowSplit): boolean {
  return split.cells.some((c) => {
    if (isValue(c)) return false;
    const k = applicantHeader(c.text);
    return k !== undefined && STRONG_APPLICANT_HEADERS.has(k);
  });
}

/** Header leaves in reading order, 法人或其他组织's sub-columns in its place. */
function applicantOrder(cells: GridCell[]): (ApplicantColumn | null)[] | null {
  const top: (ApplicantHeader | '@org')[] = [];
  const org: (ApplicantColumn | null)[] = [];
  for (const c of cells) {
    const k = applicantHeader(c.text);
    if (!k) continue;
    if (k === 'orgParent') top.push('@org');
    else if (k === 'applicantParent') continue;
    else if (k === 'subtotal' || (ORGANISATION_COLUMNS as string[]).includes(k)) org.push(k === 'subtotal' ? null : (k as ApplicantColumn));
    else top.push(k);
  }
  if (!top.length && !org.length) return null;
  if (!top.includes('@org')) {
    const at = top.indexOf('natural');
    top.splice(at >= 0 ? at + 1 : 0, 0, '@org');
  }
  return top.flatMap((k) => (k === '@org' ? org : [k as ApplicantColumn]));
}

function applicantColumns(t: ReportTable, headerRows: number[]): (ApplicantColumn | null | undefined)[] | null {
  if (!headerRows.length || !hasSpans(t)) return null;
  const colKey: (ApplicantColumn | null | undefined)[] = new Array(t.cols).fill(undefined);
  for (const r of headerRows) {
    for (let c = 0; c < t.cols; c++) {
      const id = t.slots[r][c];
      if (id < 0) continue;
      const k = applicantHeader(t.cells[id].text);
      if (k && APPLICANT_LEAVES.has(k)) colKey[c] = k === 'subtotal' ? null : (k as ApplicantColumn);
    }
  }
  return colKey;
}

/** The rows of table 三 in printed order, as lists the label lookup can remember answers for. */
const GROUP_ROWS = Object.fromEntries(
  APPLICATION_GROUPS.map((g) => [g.key, APPLICATION_ROWS.filter((x) => x.group === g.key)]),
) as unknown as Record<ApplicationGroup, readonly ApplicationRowSchema[]>;
const UNGROUPED_OR_KEYWORD_ROWS = APPLICATION_ROWS.filter((x) => x.group === undefined || x.match.length > 0);

const TOP_LEVEL_ROWS = new Set<ApplicationRow>(['new', 'carriedOver', 'granted', 'partial', 'total', 'carriedForward']);

/**
 * The row key of a table-三 row from its label cells (rightmost label first), and the outcome group
 * in force after it. `group` is the group carried from the rows above (text dumps have no rowspans,
 * so "2.其他法律行政法规禁止公开" only knows it is under （三） from the rows before it).
 */
function matchApplicationRow(
  labels: GridCell[],
  group: ApplicationGroup | null,
): { key: ApplicationRow | null; group: ApplicationGroup | null } {
  let rowGroup: ApplicationGroup | null = null;
  for (const c of labels) {
    const g = findLabel(APPLICATION_GROUPS, c.text);
    if (g) rowGroup = g.key;
  }
  const ctx = rowGroup ?? group;
  for (let i = labels.length - 1; i >= 0; i--) {
    const text = labels[i].text;
    // a numbered sub-row of the current group first; then any keyword match (exact-only labels such
    // as 3.其他 mean something only inside their group)
    const s = ((ctx ? findLabel(GROUP_ROWS[ctx], text) : undefined) ?? findLabel(UNGROUPED_OR_KEYWORD_ROWS, text)) as
      | ApplicationRowSchema
      | undefined;
    if (s) {
      const next = s.group ?? (s.key === 'other' ? 'other' : TOP_LEVEL_ROWS.has(s.key) ? null : ctx);
      return { key: s.key, group: next };
    }
  }
  return { key: null, group: ctx };
}

function readApplications(t: ReportTable, inherited: (ApplicantColumn | null)[] | null): ApplicationsPart {
  const splits = Array.from({ length: t.rows }, (_, r) => splitRow(t, r));
  const headerRows = splits.filter(isApplicantHeaderRow).map((s) => s.r);
  const order = applicantOrder(anchoredInRows(t, headerRows)) ?? inherited;
  const colKey = applicantColumns(t, headerRows);
  const rows = new Map<ApplicationRow, Map<ApplicantColumn, CellValue>>();
  let group: ApplicationGroup | null = null;
  let hits = 0;
  for (const s of splits) {
    if (headerRows.includes(s.r)) continue;
    const m = matchApplicationRow(s.labels, group);
    group = m.group;
    if (!m.key) continue;
    hits++;
    if (rows.has(m.key) || !s.values.length) continue;
    const mapped = mapValues<ApplicantColumn>(s.values, colKey, order ?? [...APPLICANT_COLUMNS]);
    const out = new Map<ApplicantColumn, CellValue>();
    for (const k of APPLICANT_COLUMNS) {
      const cell = mapped.get(k);
      if (cell) out.set(k, cellValue(t, cell));
    }
    rows.set(m.key, out);
  }
  return { rows, order, hits };
}

/** The first table-三 row a text names by keyword (not by an exact-only label such as 3.其他). */
const KEYWORD_ROWS = APPLICATION_ROWS.filter((x) => x.match.length > 0);
function keywordRow(text: string): ApplicationRow | undefined {
  return findLabel(KEYWORD_ROWS, text)?.key;
}

function applicationsScore(t: ReportTable): number {
  const keys = new Set<string>();
  for (const c of t.cells) {
    const key = keywordRow(c.text);
    if (key) keys.add(key);
  }
  return keys.size;
}

// ---------------------------------------------------------------------------------------------
// Table 四
// ---------------------------------------------------------------------------------------------

type ReviewLeaf = `${ReviewGroup}:${ReviewOutcome}`;

interface ReviewPart {
  groups: Map<ReviewLeaf, CellValue>;
  order: (ReviewLeaf | null)[] | null;
  hasValues: boolean;
}

function reviewHeader(text: string): { group?: ReviewHeader; outcome?: ReviewOutcome } {
  const g = findLabel(REVIEW_GROUP_HEADERS, text)?.key;
  if (g) return { group: g };
  const o = findLabel(REVIEW_OUTCOME_HEADERS, text)?.key;
  return o ? { outcome: o } : {};
}

function isReviewHeaderRow(split: RowSplit): boolean {
  return split.labels.some((c) => {
    const h = reviewHeader(c.text);
    return h.group !== undefined || (h.outcome !== undefined && h.outcome !== 'total');
  });
}

/** Outcomes in reading order, chunked into groups (a repeated outcome starts the next group). */
function reviewOrder(cells: GridCell[]): { leaves: (ReviewLeaf | null)[]; outcomes: ReviewOutcome[] } | null {
  const groups: ReviewGroup[] = [];
  const outcomes: ReviewOutcome[] = [];
  for (const c of cells) {
    const h = reviewHeader(c.text);
    if (h.group && h.group !== 'litigationParent' && !groups.includes(h.group)) groups.push(h.group);
    if (h.outcome) outcomes.push(h.outcome);
  }
  if (!outcomes.length) return null;
  const leaves: (ReviewLeaf | null)[] = [];
  let chunk = 0;
  let seen = new Set<ReviewOutcome>();
  const order = groups.length ? groups : [...REVIEW_GROUPS];
  for (const o of outcomes) {
    if (seen.has(o)) {
      chunk++;
      seen = new Set();
    }
    seen.add(o);
    const g = order[chunk] ?? REVIEW_GROUPS[chunk];
    leaves.push(g ? (`${g}:${o}` as ReviewLeaf) : null);
  }
  const firstChunk: ReviewOutcome[] = [];
  for (const o of outcomes) {
    if (firstChunk.includes(o)) break;
    firstChunk.push(o);
  }
  return { leaves, outcomes: firstChunk };
}

function defaultReviewOrder(): ReviewLeaf[] {
  return REVIEW_GROUPS.flatMap((g) => REVIEW_OUTCOMES.map((o) => `${g}:${o}` as ReviewLeaf));
}

function reviewColumns(t: ReportTable, headerRows: number[]): (ReviewLeaf | undefined)[] | null {
  if (!headerRows.length || !hasSpans(t)) return null;
  const out: (ReviewLeaf | undefined)[] = new Array(t.cols).fill(undefined);
  for (let c = 0; c < t.cols; c++) {
    let g: ReviewGroup | undefined;
    let o: ReviewOutcome | undefined;
    for (const r of headerRows) {
      const id = t.slots[r][c];
      if (id < 0) continue;
      const h = reviewHeader(t.cells[id].text);
      if (h.group && h.group !== 'litigationParent') g = h.group;
      if (h.outcome) o = h.outcome;
    }
    if (g && o) out[c] = `${g}:${o}`;
  }
  return out;
}

function readReview(t: ReportTable, inherited: (ReviewLeaf | null)[] | null): ReviewPart {
  const splits = Array.from({ length: t.rows }, (_, r) => splitRow(t, r));
  const headerRows = splits.filter(isReviewHeaderRow).map((s) => s.r);
  const ro = reviewOrder(anchoredInRows(t, headerRows));
  const order = ro?.leaves ?? inherited;
  const colKey = reviewColumns(t, headerRows);
  const groups = new Map<ReviewLeaf, CellValue>();
  let hasValues = false;
  for (const s of splits) {
    if (headerRows.includes(s.r) || !s.values.length) continue;
    if (!s.values.some((c) => c.text.trim() !== '')) continue;
    // a transposed layout: the row is labelled with its group, columns are outcomes
    const rowGroup = s.labels
      .map((c) => reviewHeader(c.text).group)
      .filter((g): g is ReviewGroup => !!g && g !== 'litigationParent')
      .pop();
    let rowOrder: (ReviewLeaf | null)[] = order ?? defaultReviewOrder();
    let rowCols: (ReviewLeaf | null | undefined)[] | null = colKey;
    if (rowGroup) {
      const outs = ro?.outcomes ?? [...REVIEW_OUTCOMES];
      rowOrder = outs.map((o) => `${rowGroup}:${o}` as ReviewLeaf);
      rowCols = colKey ? colKey.map((k) => (k ? (`${rowGroup}:${k.split(':')[1]}` as ReviewLeaf) : k)) : null;
    } else if (s.labels.length && s.values.length < 5) {
      continue;
    }
    const mapped = mapValues<ReviewLeaf>(s.values, rowCols, rowOrder);
    for (const [k, cell] of mapped) {
      if (!groups.has(k)) groups.set(k, cellValue(t, cell));
    }
    if (mapped.size) hasValues = true;
  }
  return { groups, order, hasValues };
}

function reviewScore(t: ReportTable): number {
  const groups = new Set<string>();
  const outcomes = new Set<string>();
  for (const c of t.cells) {
    const h = reviewHeader(c.text);
    if (h.group) groups.add(h.group);
    if (h.outcome && h.outcome !== 'total') outcomes.add(h.outcome);
  }
  return groups.size >= 2 && outcomes.size >= 2 ? groups.size + outcomes.size : 0;
}

// ---------------------------------------------------------------------------------------------
// Table 二
// ---------------------------------------------------------------------------------------------

interface DisclosurePart {
  rows: Map<DisclosureRow, Map<DisclosureColumn, CellValue>>;
  evidence: Record<TableFormat, number>;
}

function readDisclosure(t: ReportTable): DisclosurePart {
  const rows = new Map<DisclosureRow, Map<DisclosureColumn, CellValue>>();
  const evidence: Record<TableFormat, number> = { '2019': 0, '2021': 0 };
  let colKey: (DisclosureColumn | undefined)[] | null = null;
  let order: DisclosureColumn[] = [];
  for (let r = 0; r < t.rows; r++) {
    const s = splitRow(t, r);
    const anchored = rowCells(t, r).map((i) => t.cells[i]);
    for (const c of anchored) {
      if (c.row !== r) continue;
      const item = disclosureItem(c.text);
      if (item === 9) evidence['2019']++;
      for (const f of ['2019', '2021'] as const) {
        if (FORMAT_MARKERS[f].some((m) => labelKey(c.text).includes(labelKey(m)))) evidence[f]++;
      }
    }
    const headerCells = anchored.filter((c) => findLabel(DISCLOSURE_COLUMNS, c.text));
    if (headerCells.length) {
      order = headerCells.map((c) => findLabel(DISCLOSURE_COLUMNS, c.text)!.key);
      colKey = new Array(t.cols).fill(undefined);
      for (const c of headerCells) {
        const k = findLabel(DISCLOSURE_COLUMNS, c.text)!.key;
        for (let x = c.col; x < c.col + c.colSpan; x++) colKey![x] = k;
      }
      continue;
    }
    let key: DisclosureRow | undefined;
    for (let i = s.labels.length - 1; i >= 0 && !key; i--) key = findLabel(DISCLOSURE_ROWS, s.labels[i].text)?.key;
    if (!key || rows.has(key) || !s.values.length) continue;
    const mapped = mapValues<DisclosureColumn>(s.values, colKey, order);
    const out = new Map<DisclosureColumn, CellValue>();
    for (const [k, cell] of mapped) out.set(k, cellValue(t, cell));
    rows.set(key, out);
  }
  return { rows, evidence };
}

function disclosureScore(t: ReportTable): number {
  const rows = new Set<string>();
  const cols = new Set<string>();
  for (const c of t.cells) {
    const r = findLabel(DISCLOSURE_ROWS, c.text);
    if (r) rows.add(r.key);
    const k = findLabel(DISCLOSURE_COLUMNS, c.text);
    if (k) cols.add(k.key);
  }
  return rows.size >= 2 || (rows.size >= 1 && cols.size >= 1) ? rows.size + cols.size : 0;
}

// ---------------------------------------------------------------------------------------------
// Recognition
// ---------------------------------------------------------------------------------------------

type StandardKind = Exclude<TableKind, 'other'>;

/** Standard tables have a few hundred cells; bigger grids are not looked at (cost bound). */
export const MAX_STANDARD_TABLE_CELLS = 5000;

function classify(t: ReportTable): StandardKind | 'other' {
  if (t.cells.length > MAX_STANDARD_TABLE_CELLS) return 'other';
  const app = applicationsScore(t);
  const rev = reviewScore(t);
  const dis = disclosureScore(t);
  const scores: [StandardKind, number][] = [
    ['applications', app >= 3 ? app : 0],
    ['review-litigation', rev],
    ['active-disclosure', dis],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0][1] > 0 ? scores[0][0] : 'other';
}

function toRecord<K extends string, V>(m: Map<K, V>): Partial<Record<K, V>> {
  const out: Partial<Record<K, V>> = {};
  for (const [k, v] of m) out[k] = v;
  return out;
}

export function recogniseStandardTables(tables: ReportTable[]): { kinds: TableKind[]; standard: StandardTables } {
  const kinds: TableKind[] = tables.map(classify);

  // continuations: a table right after a standard one that carries a few of its labels, or numbers only
  for (let i = 1; i < tables.length; i++) {
    const prev = kinds[i - 1];
    if (kinds[i] !== 'other' || prev === 'other') continue;
    const t = tables[i];
    if (t.cells.length > MAX_STANDARD_TABLE_CELLS) continue;
    if (allValues(t)) kinds[i] = prev;
    else if (prev === 'applications' && applicationsScore(t) >= 1) kinds[i] = prev;
  }

  // the first run of consecutive tables of each kind
  const parts = (kind: StandardKind): ReportTable[] => {
    const start = kinds.indexOf(kind);
    if (start < 0) return [];
    const out: ReportTable[] = [];
    for (let i = start; i < tables.length && kinds[i] === kind; i++) {
      // a second complete table (with its own header) after a complete one is a different table
      out.push(tables[i]);
    }
    return out;
  };

  const standard: StandardTables = {};
  let disclosureFormat: TableFormat | null = null;
  let applicationsFormat: TableFormat | null = null;

  const dParts = parts('active-disclosure');
  let disclosure: ActiveDisclosureTable | undefined;
  if (dParts.length) {
    const rows = new Map<DisclosureRow, Map<DisclosureColumn, CellValue>>();
    const ev = { '2019': 0, '2021': 0 };
    for (const t of dParts) {
      const p = readDisclosure(t);
      for (const [k, v] of p.rows) if (!rows.has(k)) rows.set(k, v);
      ev['2019'] += p.evidence['2019'];
      ev['2021'] += p.evidence['2021'];
    }
    if (ev['2019'] !== ev['2021']) disclosureFormat = ev['2019'] > ev['2021'] ? '2019' : '2021';
    disclosure = {
      table: dParts[0].index,
      format: '2021',
      rows: Object.fromEntries([...rows].map(([k, v]) => [k, toRecord(v)])) as ActiveDisclosureTable['rows'],
    };
  }

  const aParts = parts('applications');
  let applications: ApplicationsTable | undefined;
  if (aParts.length) {
    const rows = new Map<ApplicationRow, Map<ApplicantColumn, CellValue>>();
    let order: (ApplicantColumn | null)[] | null = null;
    for (const t of aParts) {
      const p = readApplications(t, order);
      order = p.order ?? order;
      for (const [k, v] of p.rows) if (!rows.has(k)) rows.set(k, v);
    }
    const split = (['other.1', 'other.2', 'other.3'] as const).some((k) => rows.has(k));
    if (split) {
      applicationsFormat = '2021';
      const single = rows.get('other');
      if (single && [...single.values()].every((v) => v.value.kind === 'missing')) rows.delete('other');
    } else if (rows.has('other')) {
      applicationsFormat = '2019';
    }
    applications = {
      table: aParts[0].index,
      format: '2021',
      rows: Object.fromEntries([...rows].map(([k, v]) => [k, toRecord(v)])) as ApplicationsTable['rows'],
    };
  }

  if (disclosure) {
    disclosure.format = disclosureFormat ?? applicationsFormat ?? '2021';
    standard.activeDisclosure = disclosure;
  }
  if (applications) {
    applications.format = applicationsFormat ?? disclosureFormat ?? '2021';
    standard.applications = applications;
  }

  const rParts = parts('review-litigation');
  if (rParts.length) {
    const groups = new Map<ReviewLeaf, CellValue>();
    let order: (ReviewLeaf | null)[] | null = null;
    for (const t of rParts) {
      const p = readReview(t, order);
      order = p.order ?? order;
      for (const [k, v] of p.groups) if (!groups.has(k)) groups.set(k, v);
    }
    const out: ReviewLitigationTable['groups'] = {};
    for (const [leaf, v] of groups) {
      const [g, o] = leaf.split(':') as [ReviewGroup, ReviewOutcome];
      (out[g] ??= {})[o] = v;
    }
    standard.reviewLitigation = { table: rParts[0].index, groups: out };
  }

  return { kinds, standard };
}
