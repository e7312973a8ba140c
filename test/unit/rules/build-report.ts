/**
 * Hand-writing Report objects for rule tests: a base report, a tiny heading parser for text, and builders
 * for the three standard tables that create both the grid (report.tables) and report.standard.
 */
import {
  APPLICANT_COLUMNS,
  type ApplicationRow,
  type CellValue,
  type DisclosureColumn,
  type DisclosureRow,
  emptyFigures,
  type GridCell,
  REPORT_SCHEMA_VERSION,
  REVIEW_GROUPS,
  REVIEW_OUTCOMES,
  type Report,
  type ReportMeta,
  type ReportTable,
  type ReviewGroup,
  type Section,
  type TableKind,
  type Value,
} from '../../../utils/report/types';
import { OUTCOME_ROWS } from '../../../utils/rules/lib/tables';

export type Raw = number | null | string;

const PLACEHOLDERS = new Set(['', '/', '-', '—', '无', '不适用']);

export function toValue(raw: Raw): Value {
  if (raw === null) return { kind: 'missing', text: '' };
  if (typeof raw === 'number') return { kind: 'number', value: raw, text: String(raw) };
  if (PLACEHOLDERS.has(raw.trim())) return { kind: 'missing', text: raw };
  if (/^-?\d+(\.\d+)?$/.test(raw.trim())) return { kind: 'number', value: Number(raw), text: raw };
  return { kind: 'text', text: raw };
}

export function baseReport(meta: Partial<ReportMeta> = {}, rest: Partial<Report> = {}): Report {
  const year = meta.year === undefined ? 2021 : meta.year;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    source: { url: null, title: null },
    isReport: true,
    meta: {
      title: `${year}年政府信息公开工作年度报告`,
      agency: '某县卫生健康局',
      agencySource: 'title',
      publisher: null,
      year,
      publishedAt: null,
      publishedAtSource: null,
      signedAt: null,
      indexNumber: null,
      format: year === null ? null : year >= 2021 ? '2021' : year >= 2019 ? '2019' : '2008',
      script: 'hans',
      agencyKind: 'department',
      statisticsPeriod: null,
      ...meta,
    },
    text: '',
    sections: [],
    tables: [],
    standard: {},
    facts: [],
    percents: [],
    declaredParts: [],
    figures: emptyFigures(),
    ...rest,
  };
}

const NUMERALS = '一二三四五六七八九十';
function numeralValue(label: string): number {
  if (/^\d+$/.test(label)) return Number(label);
  if (label === '十') return 10;
  if (label.startsWith('十')) return 10 + NUMERALS.indexOf(label[1]!) + 1;
  return NUMERALS.indexOf(label) + 1;
}

/**
 * Sections from text: a line starting "一、" is level 1, "（一）"/"(一)" level 2, "1." / "1、" level 3.
 * The heading runs to the first 。 or the end of the line.
 */
export function sectionsFromText(text: string): Section[] {
  const flat: Section[] = [];
  const re = /^[ \t\u3000]*(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)]|(\d+)[.、．])([^\n。]*)/gm;
  for (const m of text.matchAll(re)) {
    const label = m[1] ?? m[2] ?? m[3]!;
    const level = m[1] ? 1 : m[2] ? 2 : 3;
    const start = m.index! + m[0].length - m[0].trimStart().length;
    const end = m.index! + m[0].length;
    flat.push({
      number: numeralValue(label),
      label,
      level,
      title: m[4]!.trim(),
      heading: { start, end },
      body: { start, end: text.length },
      tables: [],
      images: 0,
      children: [],
    });
  }
  const roots: Section[] = [];
  const stack: Section[] = [];
  for (const s of flat) {
    while (stack.length && stack[stack.length - 1]!.level >= s.level) stack.pop()!.body.end = s.heading.start;
    (stack.length ? stack[stack.length - 1]!.children : roots).push(s);
    stack.push(s);
  }
  return roots;
}

export function withText(report: Report, text: string): Report {
  report.text = text;
  report.sections = sectionsFromText(text);
  return report;
}

/** Finds the first occurrence of `needle` in report.text (throws when absent). */
export function rangeOf(report: Report, needle: string, from = 0): { start: number; end: number } {
  const start = report.text.indexOf(needle, from);
  if (start < 0) throw new Error(`"${needle}" not in text`);
  return { start, end: start + needle.length };
}

function grid(index: number, kind: TableKind, rows: string[][]): ReportTable {
  const cells: GridCell[] = [];
  const slots: number[][] = [];
  rows.forEach((row, r) => {
    slots.push([]);
    row.forEach((text, c) => {
      slots[r]!.push(cells.length);
      cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text, header: r === 0 || c === 0 });
    });
  });
  return { index, source: 'html', kind, rows: rows.length, cols: Math.max(...rows.map((r) => r.length)), cells, slots, section: [] };
}

function text(raw: Raw): string {
  return raw === null ? '' : String(raw);
}

/** Applications table; values per row in APPLICANT_COLUMNS order (7 numbers, the last the total). */
export function addApplicationsTable(report: Report, format: '2019' | '2021', values: Partial<Record<ApplicationRow, Raw[]>>): Report {
  const index = report.tables.length;
  const rowIds = Object.keys(values) as ApplicationRow[];
  const table = grid(index, 'applications', [
    ['', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    ...rowIds.map((row) => [row, ...values[row]!.map(text)]),
  ]);
  report.tables.push(table);
  const rows: Record<string, Record<string, CellValue>> = {};
  rowIds.forEach((row, i) => {
    rows[row] = {};
    APPLICANT_COLUMNS.forEach((col, c) => {
      const raw = values[row]![c];
      if (raw === undefined) return;
      rows[row]![col] = { value: toValue(raw), at: { table: index, row: i + 1, col: c + 1 } };
    });
  });
  report.standard.applications = { table: index, format, rows };
  return report;
}

/** Review/litigation table; five values per group in REVIEW_OUTCOMES order (维持, 纠正, 其他, 尚未审结, 总计). */
export function addReviewTable(report: Report, groups: Partial<Record<ReviewGroup, Raw[]>>): Report {
  const index = report.tables.length;
  const present = REVIEW_GROUPS.filter((g) => groups[g]);
  const table = grid(index, 'review-litigation', [['', ...REVIEW_OUTCOMES], ...present.map((g) => [g, ...groups[g]!.map(text)])]);
  report.tables.push(table);
  const out: Record<string, Record<string, CellValue>> = {};
  present.forEach((g, i) => {
    out[g] = {};
    REVIEW_OUTCOMES.forEach((o, c) => {
      const raw = groups[g]![c];
      if (raw === undefined) return;
      out[g]![o] = { value: toValue(raw), at: { table: index, row: i + 1, col: c + 1 } };
    });
  });
  report.standard.reviewLitigation = { table: index, groups: out };
  return report;
}

export function addActiveTable(
  report: Report,
  format: '2019' | '2021',
  values: Partial<Record<DisclosureRow, Partial<Record<DisclosureColumn, Raw>>>>,
): Report {
  const index = report.tables.length;
  const rowIds = Object.keys(values) as DisclosureRow[];
  const cols = [...new Set(rowIds.flatMap((r) => Object.keys(values[r]!) as DisclosureColumn[]))];
  const table = grid(index, 'active-disclosure', [
    ['', ...cols],
    ...rowIds.map((r) => [r, ...cols.map((c) => text(values[r]![c] ?? null))]),
  ]);
  report.tables.push(table);
  const rows: Record<string, Record<string, CellValue>> = {};
  rowIds.forEach((r, i) => {
    rows[r] = {};
    cols.forEach((c, j) => {
      const raw = values[r]![c];
      if (raw === undefined) return;
      rows[r]![c] = { value: toValue(raw), at: { table: index, row: i + 1, col: j + 1 } };
    });
  });
  report.standard.activeDisclosure = { table: index, format, rows };
  return report;
}

/** Seven values (six applicant columns + their total). */
export function row7(...six: number[]): number[] {
  return [...six, six.reduce((a, b) => a + b, 0)];
}

/**
 * A consistent applications table: every relation holds. Non-zero numbers spread over rows and columns.
 */
export function consistentApplicationValues(format: '2019' | '2021'): Partial<Record<ApplicationRow, Raw[]>> {
  const outcomes = OUTCOME_ROWS[format];
  const values: Partial<Record<ApplicationRow, Raw[]>> = {};
  // Give each outcome row a small pattern; the totals follow.
  const perRow = outcomes.map((_, i) => [i % 3, (i + 1) % 2, 0, i % 4 === 0 ? 1 : 0, 0, i % 5 === 0 ? 2 : 0]);
  const handled = [0, 1, 2, 3, 4, 5].map((c) => perRow.reduce((a, r) => a + r[c]!, 0));
  const carriedForward = [2, 1, 0, 0, 1, 0];
  const carriedOver = [1, 0, 0, 1, 0, 0];
  const fresh = handled.map((h, c) => h + carriedForward[c]! - carriedOver[c]!);
  values.new = row7(...fresh);
  values.carriedOver = row7(...carriedOver);
  outcomes.forEach((row, i) => {
    values[row] = row7(...perRow[i]!);
  });
  values.total = row7(...handled);
  values.carriedForward = row7(...carriedForward);
  return values;
}

export function consistentReviewValues(): Partial<Record<ReviewGroup, Raw[]>> {
  return {
    review: [3, 1, 0, 2, 6],
    litigationDirect: [1, 0, 1, 1, 3],
    litigationAfterReview: [2, 1, 0, 0, 3],
  };
}
