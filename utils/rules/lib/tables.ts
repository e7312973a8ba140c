/**
 * The arithmetic relations of the standard tables (domain.md, "Relations that must hold" 1–4), built
 * from report.standard. Shared by the arithmetic rules and by blank-cells ("not checkable").
 */

import {
  APPLICANT_TERM_COLUMNS,
  APPLICANT_TOTAL_COLUMN,
  APPLICATION_BALANCE,
  APPLICATION_OUTCOME_ROWS,
  APPLICATION_OUTCOME_TOTAL_ROW,
  REVIEW_OUTCOME_TERMS,
  REVIEW_TOTAL_OUTCOME,
} from '../../parse/table-schemas';
import { isCertain } from '../../report/read';
import {
  APPLICANT_COLUMNS,
  type ApplicantColumn,
  type ApplicationRow,
  type ApplicationsTable,
  type CellRef,
  type CellValue,
  type LocalizedText,
  type Location,
  REVIEW_GROUPS,
  type Report,
  type ReviewOutcome,
} from '../../report/types';
import type { TermData } from '../types';
import { COLUMN_LABELS, GROUP_LABELS, localized, OUTCOME_LABELS, rowLabel } from './labels';

/** The rows that add up to （七）总计, per format (domain.md relation 2), from the table schemas. */
export const OUTCOME_ROWS: Record<'2019' | '2021', readonly ApplicationRow[]> = APPLICATION_OUTCOME_ROWS;
const OTHER_2021_ROWS: readonly ApplicationRow[] = ['other.1', 'other.2', 'other.3'];

export const APPLICANT_TERMS: readonly ApplicantColumn[] = APPLICANT_TERM_COLUMNS;

/** The outcome rows actually used for a table: its format's set, tolerating a 2021 table printed with a single （六）. */
function outcomeRows(table: ApplicationsTable): readonly ApplicationRow[] {
  const rows = table.rows;
  if (table.format === '2021' && !OTHER_2021_ROWS.some((r) => rows[r]) && rows.other) return OUTCOME_ROWS['2019'];
  if (table.format === '2019' && !rows.other && OTHER_2021_ROWS.some((r) => rows[r])) return OUTCOME_ROWS['2021'];
  return OUTCOME_ROWS[table.format];
}

type RelationKind = 'balance' | 'outcome' | 'row' | 'review';

export interface Term {
  /** undefined when the row or column is absent from the page. */
  cell: CellValue | undefined;
  label: LocalizedText;
  /**
   * When `cell` is absent but its row was read with a guess (a short row: the column may hold a value the
   * guess put elsewhere): a cell of that row. Such a term is not certain either.
   */
  guessedRow?: CellValue;
}

/** sum(left) = sum(right). `anchor` is the cell a failure is reported at (the total that disagrees). */
export interface Relation {
  kind: RelationKind;
  /** Which column / row / group the relation is about. */
  label: LocalizedText;
  anchor: Term;
  left: Term[];
  right: Term[];
}

/** Several rules read the same relations of one report: build them once per report. */
function memoised(build: (report: Report) => Relation[]): (report: Report) => Relation[] {
  const cache = new WeakMap<Report, Relation[]>();
  return (report) => {
    let relations = cache.get(report);
    if (!relations) cache.set(report, (relations = build(report)));
    return relations;
  };
}

/**
 * Whether a term's cell is read with certainty (isCertain). A cell of a report saved before CellValue.read, in a
 * row that report listed in `guessedRows`, is not: it was placed by position (blank cells dropped).
 */
export function termCertain(report: Report, cell: CellValue | undefined): boolean {
  if (!cell) return true;
  if (cell.read) return isCertain(cell);
  const rows = legacyGuessedRows(report);
  // Empty for every report saved since CellValue.read: then no key string per cell.
  return !rows.size || !rows.has(`${cell.at.table}:${cell.at.row}`);
}

const legacyGuessed = new WeakMap<Report, Set<string>>();
function legacyGuessedRows(report: Report): Set<string> {
  let rows = legacyGuessed.get(report);
  if (!rows) {
    const { activeDisclosure, applications, reviewLitigation } = report.standard;
    rows = new Set(
      [activeDisclosure, applications, reviewLitigation].flatMap((t) => (t?.guessedRows ?? []).map((g) => `${g.table}:${g.row}`)),
    );
    legacyGuessed.set(report, rows);
  }
  return rows;
}

/** The terms of a relation whose cells are not read with certainty (present on the page, column guessed). */
export function uncertainTerms(report: Report, relation: Relation): Term[] {
  return [...relation.left, ...relation.right].filter((t, i, all) => uncertain(report, t) && all.indexOf(t) === i);
}
const uncertain = (report: Report, t: Term) => (t.cell ? !termCertain(report, t.cell) : !!t.guessedRow);
const sure = (report: Report, terms: Term[]) => !terms.some((t) => uncertain(report, t));
/** Whether every term of a relation is read with certainty: asked of every relation of every page, so in place. */
export const certainRelation = (report: Report, r: Relation) => sure(report, r.left) && sure(report, r.right);

/** The first cell of a row (or group) that is not read with certainty, if any. */
function guessIn(report: Report, line: Partial<Record<string, CellValue>> | undefined): CellValue | undefined {
  return Object.values(line ?? {}).find((c): c is CellValue => !!c && !termCertain(report, c));
}

/**
 * Every relation of the standard tables, including those with a term whose column is a guess. Only the
 * guessed-rows rule reads these: a sum over a guessed cell tests the guess, not the report, so it is never
 * an error; when it fails, that rule says once per table what could not be placed.
 */
export const allApplicationRelations = memoised(buildApplicationRelations);
export const allReviewRelations = memoised(buildReviewRelations);

/** The relations whose every term is read with certainty: the ones the arithmetic rules may call errors. */
function certainOnly(all: (report: Report) => Relation[]): (report: Report) => Relation[] {
  return (report) => all(report).filter((r) => certainRelation(report, r));
}

export const applicationRelations = memoised(certainOnly(allApplicationRelations));
export const reviewRelations = memoised(certainOnly(allReviewRelations));

function buildApplicationRelations(report: Report): Relation[] {
  const table = report.standard.applications;
  if (!table) return [];
  const { rows } = table;
  // Absent while some row's numbers could not be placed: that number may be this term's.
  const term = (row: ApplicationRow, col: ApplicantColumn): Term => {
    const cell = rows[row]?.[col];
    return new LazyTerm(cell, cell ? undefined : (guessIn(report, rows[row]) ?? table.unplaced?.[0]), rowLabel(row), COLUMN_LABELS[col]);
  };
  const out: Relation[] = [];
  const outcomes = outcomeRows(table);
  for (const col of APPLICANT_COLUMNS) {
    const total = term(APPLICATION_OUTCOME_TOTAL_ROW, col);
    // 1. 一 + 二 = （七） + 四
    out.push({
      kind: 'balance',
      label: COLUMN_LABELS[col],
      anchor: total,
      left: APPLICATION_BALANCE.left.map((r) => term(r, col)),
      right: APPLICATION_BALANCE.right.map((r) => (r === APPLICATION_OUTCOME_TOTAL_ROW ? total : term(r, col))),
    });
    // 2. （七） = Σ outcomes
    out.push({
      kind: 'outcome',
      label: COLUMN_LABELS[col],
      anchor: total,
      left: [total],
      right: outcomes.map((r) => term(r, col)),
    });
  }
  // 3. every row: 总计 = Σ six applicant columns
  const allRows = Object.keys(rows) as ApplicationRow[];
  for (const row of allRows) {
    const total = term(row, APPLICANT_TOTAL_COLUMN);
    out.push({
      kind: 'row',
      label: rowLabel(row),
      anchor: total,
      left: [total],
      right: APPLICANT_TERMS.map((c) => term(row, c)),
    });
  }
  return out;
}

function buildReviewRelations(report: Report): Relation[] {
  const table = report.standard.reviewLitigation;
  if (!table) return [];
  const out: Relation[] = [];
  for (const group of REVIEW_GROUPS) {
    const g = table.groups[group];
    if (!g) continue;
    const term = (o: ReviewOutcome): Term =>
      new LazyTerm(g[o], g[o] ? undefined : guessIn(report, g), GROUP_LABELS[group], OUTCOME_LABELS[o]);
    const total = term(REVIEW_TOTAL_OUTCOME);
    out.push({
      kind: 'review',
      label: GROUP_LABELS[group],
      anchor: total,
      left: [total],
      right: REVIEW_OUTCOME_TERMS.map(term),
    });
  }
  return out;
}

/** A term whose label (three strings) is built when read: most relations hold and never print their terms. */
class LazyTerm implements Term {
  // Declared, not class fields: assigned once in the constructor (fewer bytes in the report script).
  declare readonly cell: CellValue | undefined;
  declare readonly guessedRow: CellValue | undefined;
  declare private readonly a: LocalizedText;
  declare private readonly b: LocalizedText;
  constructor(cell: CellValue | undefined, guessedRow: CellValue | undefined, a: LocalizedText, b: LocalizedText) {
    this.cell = cell;
    this.guessedRow = guessedRow;
    this.a = a;
    this.b = b;
  }
  get label(): LocalizedText {
    const { a, b } = this;
    return localized(`${a['zh-Hans']}·${b['zh-Hans']}`, `${a['zh-Hant']}·${b['zh-Hant']}`, `${a.en} / ${b.en}`);
  }
}

export function numberOf(cell: CellValue | undefined): number | null {
  return cell && cell.value.kind === 'number' ? cell.value.value : null;
}

export interface Evaluation {
  /** Both sides hold at least one number; otherwise the relation is "not checkable", never "holding". */
  checkable: boolean;
  anyNumber: boolean;
  /** The anchor total itself is not a number. */
  anchorMissing: boolean;
  left: number;
  right: number;
  holds: boolean;
  /** Terms that were read as 0 (blank or placeholder cells present on the page). */
  blanks: Term[];
}

/** A side's sum, or null when it holds no number; its blank terms (present, not a number) are added to `blanks`. */
function sideSum(terms: Term[], blanks: Term[]): number | null {
  let sum: number | null = null;
  for (const t of terms) {
    const n = numberOf(t.cell);
    if (n !== null) sum = (sum ?? 0) + n;
    else if (t.cell && !blanks.includes(t)) blanks.push(t);
  }
  return sum;
}

/** One pass per side, no closure (several rules evaluate every relation). */
export function evaluate(relation: Relation): Evaluation {
  const blanks: Term[] = [];
  const l = sideSum(relation.left, blanks);
  const r = sideSum(relation.right, blanks);
  const left = l ?? 0;
  const right = r ?? 0;
  return {
    checkable: l !== null && r !== null,
    anyNumber: l !== null || r !== null,
    anchorMissing: numberOf(relation.anchor.cell) === null,
    left,
    right,
    holds: Math.abs(left - right) < 1e-9,
    blanks,
  };
}

function cellQuote(report: Report, at: CellRef, fallback = ''): string {
  const table = report.tables[at.table];
  const slot = table?.slots[at.row]?.[at.col];
  if (table && slot !== undefined && slot >= 0) return table.cells[slot]?.text ?? fallback;
  return fallback;
}

export function cellLocation(report: Report, cell: CellValue): Location {
  return { kind: 'cell', ...cell.at, quote: cellQuote(report, cell.at, cell.value.text) };
}

/** Distinct locations of the terms present on the page, except the anchor. */
export function relatedLocations(report: Report, relation: Relation): Location[] {
  const seen = new Set<string>();
  const out: Location[] = [];
  const anchor = relation.anchor.cell?.at;
  if (anchor) seen.add(`${anchor.table}:${anchor.row}:${anchor.col}`);
  for (const t of [...relation.left, ...relation.right]) {
    if (!t.cell) continue;
    const k = `${t.cell.at.table}:${t.cell.at.row}:${t.cell.at.col}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(cellLocation(report, t.cell));
  }
  return out;
}

/** "（空白按0计：a、b）" in three locales, or '' when nothing was blank. */
export function blankNote(blanks: Term[]): LocalizedText {
  if (blanks.length === 0) return localized('', '', '');
  const list = (l: 'zh-Hans' | 'zh-Hant' | 'en', sep: string) =>
    blanks
      .slice(0, 4)
      .map((b) => b.label[l])
      .join(sep) + (blanks.length > 4 ? (l === 'en' ? ', …' : '等') : '');
  return localized(
    `（${blanks.length} 个空白单元格按 0 计：${list('zh-Hans', '、')}）`,
    `（${blanks.length} 個空白儲存格按 0 計：${list('zh-Hant', '、')}）`,
    ` (${blanks.length} blank cell(s) read as 0: ${list('en', ', ')})`,
  );
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10000) / 10000);
}

/**
 * The relation's terms present on the page as finding data (data.terms), anchor included, in the order they
 * are summed. Rows or columns absent from the page are left out (they have no cell to show).
 */
export function termData(relation: Relation): TermData[] {
  const side = (ts: Term[], s: 'left' | 'right'): TermData[] =>
    ts.flatMap((t) =>
      t.cell ? [{ label: t.label, value: numberOf(t.cell), text: t.cell.value.text, cell: { ...t.cell.at }, side: s }] : [],
    );
  return [...side(relation.left, 'left'), ...side(relation.right, 'right')];
}

/** Beyond this many terms, zero terms are summarised ("+ 14 项为 0") rather than printed one by one. */
const SPELL_OUT = 8;

function sideExpression(terms: Term[], locale: 'zh-Hans' | 'zh-Hant' | 'en'): string {
  const blank = locale === 'en' ? 'blank' : '空白';
  const spellAll = terms.filter((t) => t.cell).length <= SPELL_OUT;
  const shown: string[] = [];
  let zeros = 0;
  for (const t of terms) {
    const n = numberOf(t.cell);
    if (n === 0 && !spellAll) zeros++;
    else if (n === null && !t.cell)
      continue; // absent from the page: nothing to print
    else shown.push(n === null ? blank : formatNumber(n));
  }
  const sum = shown.join(' + ');
  if (zeros === 0) return sum || '0';
  const note = locale === 'en' ? ` (${zeros} more at 0)` : locale === 'zh-Hant' ? `（另 ${zeros} 項為 0）` : `（另 ${zeros} 项为 0）`;
  return sum ? sum + note : `0${note}`;
}

/**
 * The failed sum written out, "96 + 4 + 1 + 0 + 2 = 103 ≠ 98": a total against its parts prints the parts,
 * their sum and the total; a balance (several terms each side) prints both sides. Blank terms print as
 * 空白/blank (read as 0).
 */
export function expression(relation: Relation): LocalizedText {
  const ev = evaluate(relation);
  // "a + b = s", or just "s" when a side prints a single number (a sum of one is no sum).
  const side = (terms: Term[], sum: number, locale: 'zh-Hans' | 'zh-Hant' | 'en') => {
    const printed = sideExpression(terms, locale);
    return printed === formatNumber(sum) ? printed : `${printed} = ${formatNumber(sum)}`;
  };
  const build = (locale: 'zh-Hans' | 'zh-Hant' | 'en') => {
    const right = side(relation.right, ev.right, locale);
    if (relation.left.length === 1) return `${right} ≠ ${formatNumber(ev.left)}`;
    return `${side(relation.left, ev.left, locale)} ≠ ${right}`;
  };
  return localized(build('zh-Hans'), build('zh-Hant'), build('en'));
}

const failingCells = new WeakMap<Report, Set<string>>();

/**
 * True when the cell takes part in a relation of its own table that fails (a total that disagrees with its
 * parts). Prose compared with such a cell cannot tell which number is wrong, or whether the table was misread:
 * the prose rules then report a warning, not an error.
 */
export function inFailingRelation(report: Report, at: CellRef): boolean {
  let cells = failingCells.get(report);
  if (!cells) {
    cells = new Set();
    for (const relation of [...applicationRelations(report), ...reviewRelations(report)]) {
      const ev = evaluate(relation);
      if (!ev.checkable || ev.anchorMissing || ev.holds) continue;
      for (const t of [...relation.left, ...relation.right]) if (t.cell) cells.add(`${t.cell.at.table}:${t.cell.at.row}:${t.cell.at.col}`);
    }
    failingCells.set(report, cells);
  }
  return cells.has(`${at.table}:${at.row}:${at.col}`);
}

/** `locations` without repeats and without `except` (the finding's own location), in order. */
export function dedupeLocations(locations: Location[], except: Location): Location[] {
  const key = (l: Location) => (l.kind === 'cell' ? `${l.table}:${l.row}:${l.col}` : JSON.stringify(l));
  const seen = new Set([key(except)]);
  return locations.filter((l) => {
    const k = key(l);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
