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
  CellRead,
  CellValue,
  DisclosureColumn,
  DisclosureRow,
  DoubtReason,
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
  disclosureItem,
  FORMAT_MARKERS,
  findLabel,
  labelKey,
  ORGANISATION_COLUMNS,
  REVIEW_GROUP_HEADERS,
  REVIEW_OUTCOME_HEADERS,
  type ReviewHeader,
  type TableFormat,
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

/**
 * How a value was placed (issue 17): under a recognised header of an HTML grid ('grid') or of a text table
 * ('columns'), or by its position in the row when `doubt` names why the column is a guess.
 */
function cellValue(t: ReportTable, cell: GridCell, doubt?: DoubtReason): CellValue {
  return { value: parseCellValue(cell.text), at: { table: t.index, row: cell.row, col: cell.col }, read: placement(t, cell, doubt) };
}

/**
 * A cell read from a picture (issue 18) keeps its OCR read (confidence, alternatives, box); when its column is
 * also a guess, the guess wins the placement (never certain) and the OCR details stay for the outline.
 */
function placement(t: ReportTable, cell: GridCell, doubt?: DoubtReason): CellRead {
  const picture = cell.read?.placed === 'picture' ? cell.read : undefined;
  if (doubt) return { ...picture, placed: 'position', reason: doubt };
  return picture ?? { placed: t.source === 'html' ? 'grid' : 'columns' };
}

// ---------------------------------------------------------------------------------------------
// Doubt: the forms in which a value's column can only be guessed from its place in the row
// ---------------------------------------------------------------------------------------------

/** A converter's generic column name ("数据1", "列3", "Column 2"): it says nothing of which column is which. */
const GENERIC_HEADER_RE = /^(?:数据|数值|列|字段|栏|column|col|data|field)_?\d{1,2}$/;

/** A header row of generic names (two or more), as converters write over a table they could not read. */
function isGenericHeaderRow(split: RowSplit): boolean {
  return split.cells.filter((c) => GENERIC_HEADER_RE.test(labelKey(c.text))).length >= 2;
}

/** A label with a count glued to its end ("一、本年新收5"): the row's numbers start one column late. */
const GLUED_RE = /[^\d\s.．、,，]\s*\d+$/;
function hasGluedLabel(labels: GridCell[]): boolean {
  const last = labels[labels.length - 1];
  return !!last && GLUED_RE.test(last.text.trim());
}

/** The labels a converter may split across two cells ("（三）不 | 4.保护第三方合法权益", then "予公开 | 5.…"). */
const SPLITTABLE_LABELS = [...APPLICATION_GROUPS, ...APPLICATION_ROWS].map((s) => labelKey(s.label));

/**
 * A label cell that is only the start or the end of a known label and no label itself: the row was split
 * across cells and its numbers may have moved with the pieces.
 */
function hasLabelFragment(labels: GridCell[], isLabel: (text: string) => boolean): boolean {
  return labels.some((c) => {
    const key = labelKey(c.text);
    if (key.length < 3 || isLabel(c.text)) return false;
    return SPLITTABLE_LABELS.some((l) => l.length > key.length && (l.startsWith(key) || l.endsWith(key)));
  });
}

/**
 * The header rows that give a table its columns: those before its first row of numbers. A header row
 * after it is a page's repeated header when its cells read as one of those (ignored), else spurious
 * (a converter's stray header): `spuriousFrom` is its row, and the rows after it are read by position.
 */
function headerBlock(splits: RowSplit[], headerRows: number[]): { leading: number[]; spuriousFrom: number | null } {
  const headers = new Set(headerRows);
  const firstData = splits.find(
    (s) => !headers.has(s.r) && s.labels.length > 0 && s.values.some((c) => parseCellValue(c.text).kind === 'number'),
  );
  if (!firstData) return { leading: headerRows, spuriousFrom: null };
  const leading = headerRows.filter((r) => r < firstData.r);
  if (!leading.length) return { leading: headerRows, spuriousFrom: null };
  const shape = (r: number) => splits[r]!.cells.map((c) => labelKey(c.text)).join('|');
  const known = new Set(leading.map(shape));
  const spurious = headerRows.find((r) => r > firstData.r && !known.has(shape(r)));
  return { leading, spuriousFrom: spurious ?? null };
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
  return t.cells.filter((c) => set.has(c.row)).sort((a, b) => a.row - b.row || a.col - b.col);
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
): { map: Map<K, GridCell>; byPosition: boolean; strays: boolean } {
  const byOrder = new Map<K, GridCell>();
  const window = orderWindow(values, order.length);
  window.forEach((cell, i) => {
    const k = order[i];
    if (k && !byOrder.has(k)) byOrder.set(k, cell);
  });
  const filled = (c: GridCell) => c.text.trim() !== '';
  // A number the header does not account for (beyond its leaves, or under no header column): the header
  // was broken ("商业 | 企业") or is not this table's, so where the others belong is a guess too.
  const orderStrays = values.some((c) => filled(c) && !window.includes(c));
  if (!colKey) return { map: byOrder, byPosition: false, strays: orderStrays };
  const byPos = new Map<K, GridCell>();
  for (const cell of values) {
    const k = colKey[cell.col];
    if (k && !byPos.has(k)) byPos.set(k, cell);
  }
  // Read by the grid's columns, the others are placed by their own headers; only the stray itself is not, and a
  // stray 0 changes no sum whichever column it belongs to.
  const isZero = (c: GridCell) => {
    const v = parseCellValue(c.text);
    return v.kind === 'number' && v.value === 0;
  };
  return byPos.size >= byOrder.size
    ? { map: byPos, byPosition: true, strays: values.some((c) => filled(c) && colKey[c.col] === undefined && !isZero(c)) }
    : { map: byOrder, byPosition: false, strays: orderStrays };
}

/**
 * Whether header keys (in reading order, or by column left to right) follow the template's order. The State
 * Council template fixes the columns' order; a header out of it was shuffled by a converter (or is not the
 * template's), and the values under it are placed by a guess.
 */
function inTemplateOrder<K extends string>(keys: readonly (K | null | undefined)[] | null, rank: (k: K) => number): boolean {
  let last = -1;
  for (const k of keys ?? []) {
    if (k === null || k === undefined) continue;
    const r = rank(k);
    if (r < last) return false;
    last = r;
  }
  return true;
}

/**
 * Why a row's values are placed by a guess, or undefined when their columns are known. `leaves` is the
 * order they were read in; a row read by its grid columns is short only by blank cells, which is no guess.
 */
function rowDoubt(
  s: RowSplit,
  leaves: readonly unknown[],
  byPosition: boolean,
  table: { generic: boolean; spuriousFrom: number | null; outOfOrder?: boolean },
  isLabel: (text: string) => boolean,
  strays = false,
): DoubtReason | undefined {
  if (hasGluedLabel(s.labels)) return 'glued-label';
  if (hasLabelFragment(s.labels, isLabel)) return 'shifted-cells';
  if (table.spuriousFrom !== null && s.r > table.spuriousFrom) return 'spurious-header';
  if (table.outOfOrder || strays) return 'spurious-header';
  if (table.generic) return 'generic-header';
  if (!byPosition && s.values.length < leaves.length) return 'short-row';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Table 三
// ---------------------------------------------------------------------------------------------

const APPLICANT_LEAVES = new Set<ApplicantHeader>([...APPLICANT_COLUMNS, 'subtotal']);
const STRONG_APPLICANT_HEADERS = new Set<ApplicantHeader>([
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legal',
  'orgParent',
  'applicantParent',
]);

interface ApplicationsPart {
  rows: Map<ApplicationRow, Map<ApplicantColumn, CellValue>>;
  /** The first non-zero number of each body row whose label names no row: where it belongs is unknown. */
  unplaced: CellValue[];
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
  const { leading, spuriousFrom } = headerBlock(splits, headerRows);
  const order = applicantOrder(anchoredInRows(t, leading)) ?? inherited;
  const colKey = applicantColumns(t, leading);
  const rank = (k: ApplicantColumn) => APPLICANT_COLUMNS.indexOf(k);
  const doubtIn = {
    generic: splits.some(isGenericHeaderRow),
    spuriousFrom,
    outOfOrder: !inTemplateOrder(order, rank) || !inTemplateOrder(colKey, rank),
  };
  const rows = new Map<ApplicationRow, Map<ApplicantColumn, CellValue>>();
  const unplaced: CellValue[] = [];
  let group: ApplicationGroup | null = null;
  let hits = 0;
  for (const s of splits) {
    if (headerRows.includes(s.r)) continue;
    const m = matchApplicationRow(s.labels, group);
    group = m.group;
    if (!m.key) {
      // A row of figures under no label we know (a label split off its numbers, a shifted row): its
      // numbers belong to some row, so a sum missing a row cannot be called wrong.
      const stray =
        hits > 0
          ? s.values.find((c) => {
              const v = parseCellValue(c.text);
              return v.kind === 'number' && v.value !== 0;
            })
          : undefined;
      if (stray) unplaced.push({ ...cellValue(t, stray), read: { placed: 'unplaced' } });
      continue;
    }
    hits++;
    if (rows.has(m.key) || !s.values.length) continue;
    const leaves = order ?? (APPLICANT_COLUMNS as ApplicantColumn[]); // read only: no copy per row
    const { map: mapped, byPosition, strays } = mapValues<ApplicantColumn>(s.values, colKey, leaves);
    const doubt = rowDoubt(s, leaves, byPosition, doubtIn, isApplicationLabel, strays);
    const out = new Map<ApplicantColumn, CellValue>();
    for (const k of APPLICANT_COLUMNS) {
      const cell = mapped.get(k);
      if (cell) out.set(k, cellValue(t, cell, doubt));
    }
    rows.set(m.key, out);
  }
  return { rows, unplaced, order, hits };
}

/** A cell that names a row or group of table 三 by itself. */
function isApplicationLabel(text: string): boolean {
  return !!(findLabel(APPLICATION_ROWS, text) ?? findLabel(APPLICATION_GROUPS, text));
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

/** The template's order of table 四's leaves, built once: rows with no order of their own read by it (read only). */
let reviewLeaves: ReviewLeaf[] | undefined;
function defaultReviewOrder(): ReviewLeaf[] {
  return (reviewLeaves ??= REVIEW_GROUPS.flatMap((g) => REVIEW_OUTCOMES.map((o) => `${g}:${o}` as ReviewLeaf)));
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
  const { leading, spuriousFrom } = headerBlock(splits, headerRows);
  const ro = reviewOrder(anchoredInRows(t, leading));
  const order = ro?.leaves ?? inherited;
  const colKey = reviewColumns(t, leading);
  const doubtIn = {
    generic: splits.some(isGenericHeaderRow),
    spuriousFrom,
    outOfOrder: !inTemplateOrder(order, reviewRank) || !inTemplateOrder(colKey, reviewRank),
  };
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
      const outs = ro?.outcomes ?? REVIEW_OUTCOMES;
      rowOrder = outs.map((o) => `${rowGroup}:${o}` as ReviewLeaf);
      rowCols = colKey ? colKey.map((k) => (k ? (`${rowGroup}:${k.split(':')[1]}` as ReviewLeaf) : k)) : null;
    } else if (s.labels.length && s.values.length < 5) {
      continue;
    }
    const { map: mapped, byPosition, strays } = mapValues<ReviewLeaf>(s.values, rowCols, rowOrder);
    const rowInOrder = inTemplateOrder(rowOrder, reviewRank) && inTemplateOrder(rowCols, reviewRank);
    const doubt = rowDoubt(s, rowOrder, byPosition, doubtIn, isReviewLabel, strays || !rowInOrder);
    for (const [k, cell] of mapped) {
      if (!groups.has(k)) groups.set(k, cellValue(t, cell, doubt));
    }
    if (mapped.size) hasValues = true;
  }
  return { groups, order, hasValues };
}

/**
 * A leaf's place in the template: groups 复议, 直接起诉, 复议后起诉, each 维持, 纠正, 其他, 尚未审结, 总计 (the default
 * order's index, looked up rather than split at each comparison).
 */
let reviewRanks: Map<string, number> | undefined;
function reviewRank(leaf: ReviewLeaf): number {
  reviewRanks ??= new Map(defaultReviewOrder().map((l, i) => [l, i]));
  return reviewRanks.get(leaf)!;
}

function isReviewLabel(text: string): boolean {
  const h = reviewHeader(text);
  return h.group !== undefined || h.outcome !== undefined;
}

function reviewScore(t: ReportTable): number {
  const groups = new Set<string>();
  const outcomes = new Set<string>();
  for (const c of t.cells) {
    // reviewHeader's two lookups, without an object per cell.
    const g = findLabel(REVIEW_GROUP_HEADERS, c.text)?.key;
    const o = g ? undefined : findLabel(REVIEW_OUTCOME_HEADERS, c.text)?.key;
    if (g) groups.add(g);
    else if (o && o !== 'total') outcomes.add(o);
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
  // The formats' marker keys, once per table rather than once per cell.
  const formatKeys = (['2019', '2021'] as const).map((f) => [f, FORMAT_MARKERS[f].map(labelKey)] as const);
  // Each row split once (its cells are the row's cells in column order), for the generic-header test and the reading.
  const splits = Array.from({ length: t.rows }, (_, r) => splitRow(t, r));
  const doubtIn = { generic: splits.some(isGenericHeaderRow), spuriousFrom: null };
  for (const s of splits) {
    const r = s.r;
    const anchored = s.cells;
    for (const c of anchored) {
      if (c.row !== r) continue;
      const item = disclosureItem(c.text);
      if (item === 9) evidence['2019']++;
      const key = labelKey(c.text);
      for (const [f, keys] of formatKeys) if (keys.some((m) => key.includes(m))) evidence[f]++;
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
    const { map: mapped, byPosition } = mapValues<DisclosureColumn>(s.values, colKey, order);
    const doubt = rowDoubt(s, order, byPosition, doubtIn, (text) => !!findLabel(DISCLOSURE_ROWS, text));
    const out = new Map<DisclosureColumn, CellValue>();
    for (const [k, cell] of mapped) out.set(k, cellValue(t, cell, doubt));
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
const MAX_STANDARD_TABLE_CELLS = 5000;

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

/** A Map as a record; with `inner`, each value converted by it (a table's rows: no array of entries per table). */
function toRecord<K extends string, V>(m: Map<K, V>, inner?: (v: V) => unknown): Partial<Record<K, V>> {
  const out: Partial<Record<K, V>> = {};
  for (const [k, v] of m) out[k] = inner ? (inner(v) as V) : v;
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
      rows: toRecord(rows, toRecord) as ActiveDisclosureTable['rows'],
    };
  }

  const aParts = parts('applications');
  let applications: ApplicationsTable | undefined;
  if (aParts.length) {
    const rows = new Map<ApplicationRow, Map<ApplicantColumn, CellValue>>();
    let order: (ApplicantColumn | null)[] | null = null;
    const unplaced: CellValue[] = [];
    for (const t of aParts) {
      const p = readApplications(t, order);
      order = p.order ?? order;
      for (const [k, v] of p.rows) if (!rows.has(k)) rows.set(k, v);
      unplaced.push(...p.unplaced);
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
      rows: toRecord(rows, toRecord) as ApplicationsTable['rows'],
      ...(unplaced.length ? { unplaced } : {}),
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
