/**
 * A valibot schema of the Report model (types.ts) and of Finding, strict enough to catch structural
 * nonsense, plus the cross-reference checks a plain shape cannot express:
 *
 * - every TextRange: non-negative integers, start <= end <= report.text.length
 * - tables: `index` equals the table's position; slots is rows × cols; every slot is -1 or the index
 *   of a cell that covers it; every cell lies inside the grid and its top-left slot points at it;
 *   a table's section path names an existing section
 * - sections: level 1..3, children deeper than their parent and inside its body, in text order;
 *   table indexes exist
 * - standard tables: `table` names a table of the matching kind; every CellValue.at is a covered slot
 *   of that table or of a later table of the same kind (a table split in two)
 * - facts, percents, figures: finite numbers (figures null or >= 0)
 * - findings (validateFindings): locations resolve into the report (ranges in the text, cells in a grid)
 *
 * Shared by the parser's property tests and the library's import, which must refuse anything the
 * parser could not have produced. Objects are strict: unknown keys are refused.
 */
import * as v from 'valibot';
import { findSection } from './sections';
import {
  APPLICANT_COLUMNS,
  FACT_KINDS,
  FIGURE_KEYS,
  type Finding,
  type Location,
  REPORT_SCHEMA_VERSION,
  REVIEW_GROUPS,
  REVIEW_OUTCOMES,
  type Report,
  type ReportTable,
  type Section,
  type TextRange,
} from './types';

// ---- Primitives ----

const nat = v.pipe(v.number(), v.integer(), v.minValue(0));
const finite = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(v.number(), v.finite(), v.minValue(0));
const isoDate = v.pipe(v.string(), v.isoDate());
const year = v.pipe(v.number(), v.integer(), v.minValue(1900), v.maxValue(2100));

function partialRecord<K extends string, S extends v.GenericSchema>(keys: readonly K[], schema: S) {
  const entries = {} as Record<K, v.OptionalSchema<S, undefined>>;
  for (const k of keys) entries[k] = v.optional(schema);
  return v.strictObject(entries);
}

const TextRangeSchema = v.strictObject({ start: nat, end: nat });
const CellRefSchema = v.strictObject({ table: nat, row: nat, col: nat });

export const LocationSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('cell'), quote: v.string(), table: nat, row: nat, col: nat }),
  v.strictObject({ kind: v.literal('text'), quote: v.string(), start: nat, end: nat }),
  v.strictObject({
    kind: v.literal('section'),
    path: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1))), v.minLength(1)),
    quote: v.string(),
  }),
  v.strictObject({ kind: v.literal('report') }),
]);

const _LocalizedTextSchema = v.strictObject({
  'zh-Hans': v.pipe(v.string(), v.nonEmpty()),
  'zh-Hant': v.pipe(v.string(), v.nonEmpty()),
  en: v.pipe(v.string(), v.nonEmpty()),
});

export const FindingSchema = v.strictObject({
  rule: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*$/)),
  messageId: v.pipe(v.string(), v.regex(/^[A-Za-z][\w-]*$/)),
  // Display values only (rendered as text, never markup); any plain JSON a rule adds.
  data: v.record(v.string(), v.unknown()),
  severity: v.picklist(['error', 'warning', 'info']),
  location: LocationSchema,
  related: v.optional(v.array(LocationSchema)),
});

// ---- Sections and tables ----

const SectionSchema: v.GenericSchema<Section> = v.strictObject({
  number: v.pipe(v.number(), v.integer(), v.minValue(1)),
  label: v.pipe(v.string(), v.nonEmpty()),
  level: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3)),
  title: v.string(),
  heading: TextRangeSchema,
  body: TextRangeSchema,
  tables: v.array(nat),
  images: nat,
  children: v.array(v.lazy(() => SectionSchema)),
});

const CellReadSchema = v.strictObject({
  placed: v.picklist(['grid', 'columns', 'position', 'unplaced', 'picture']),
  reason: v.optional(
    v.picklist(['generic-header', 'spurious-header', 'split-rows', 'short-row', 'glued-label', 'shifted-cells', 'merged-note']),
  ),
  confidence: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  alternatives: v.optional(v.array(v.string())),
  box: v.optional(v.strictObject({ image: nat, x: finite, y: finite, w: finite, h: finite })),
});

const GridCellSchema = v.strictObject({
  row: nat,
  col: nat,
  rowSpan: v.pipe(v.number(), v.integer(), v.minValue(1)),
  colSpan: v.pipe(v.number(), v.integer(), v.minValue(1)),
  text: v.string(),
  header: v.boolean(),
  range: v.optional(TextRangeSchema),
  read: v.optional(CellReadSchema),
});

const ReportTableSchema = v.strictObject({
  index: nat,
  source: v.picklist(['html', 'text']),
  kind: v.picklist(['active-disclosure', 'applications', 'review-litigation', 'other']),
  rows: nat,
  cols: nat,
  cells: v.array(GridCellSchema),
  slots: v.array(v.array(v.pipe(v.number(), v.integer(), v.minValue(-1)))),
  section: v.array(v.pipe(v.number(), v.integer(), v.minValue(1))),
  range: v.optional(TextRangeSchema),
});

const ValueSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('number'), value: finite, text: v.string(), note: v.optional(v.string()) }),
  v.strictObject({ kind: v.literal('missing'), text: v.string() }),
  v.strictObject({ kind: v.literal('text'), text: v.string() }),
]);
const CellValueSchema = v.strictObject({ value: ValueSchema, at: CellRefSchema, read: v.optional(CellReadSchema) });

const APPLICATION_ROWS = [
  'new',
  'carriedOver',
  'granted',
  'partial',
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `refused.${n}`),
  ...[1, 2, 3].map((n) => `unable.${n}`),
  ...[1, 2, 3, 4, 5].map((n) => `notProcessed.${n}`),
  'other',
  ...[1, 2, 3].map((n) => `other.${n}`),
  'total',
  'carriedForward',
] as const;
const DISCLOSURE_ROWS = [
  'regulations',
  'normativeDocuments',
  'licensing',
  'otherServices',
  'penalty',
  'enforcement',
  'fees',
  'procurement',
] as const;
const DISCLOSURE_COLUMNS = [
  'made',
  'published',
  'totalPublished',
  'issued',
  'repealed',
  'inForce',
  'previousCount',
  'change',
  'decisions',
  'feeAmount',
  'procurementCount',
  'procurementAmount',
] as const;
const format = v.picklist(['2019', '2021']);

/** Reports saved before CellValue.read marked guessed rows here; still accepted (the rules read them as 'position'). */
const guessedRows = v.optional(v.array(v.strictObject({ table: nat, row: nat })));
const StandardTablesSchema = v.strictObject({
  activeDisclosure: v.optional(
    v.strictObject({
      table: nat,
      format,
      rows: partialRecord(DISCLOSURE_ROWS, partialRecord(DISCLOSURE_COLUMNS, CellValueSchema)),
      guessedRows,
    }),
  ),
  applications: v.optional(
    v.strictObject({
      table: nat,
      format,
      rows: partialRecord(APPLICATION_ROWS, partialRecord(APPLICANT_COLUMNS, CellValueSchema)),
      unplaced: v.optional(v.array(CellValueSchema)),
      guessedRows,
    }),
  ),
  reviewLitigation: v.optional(
    v.strictObject({ table: nat, groups: partialRecord(REVIEW_GROUPS, partialRecord(REVIEW_OUTCOMES, CellValueSchema)), guessedRows }),
  ),
});

// ---- Prose ----

const FactPartSchema = v.strictObject({ label: v.string(), value: finite, at: TextRangeSchema, approximate: v.optional(v.boolean()) });
const FactSchema = v.strictObject({
  kind: v.picklist(FACT_KINDS),
  value: finite,
  unit: v.string(),
  label: v.string(),
  at: TextRangeSchema,
  parts: v.optional(v.array(FactPartSchema)),
  approximate: v.optional(v.boolean()),
});
const PercentFactSchema = v.strictObject({
  percent: finite,
  at: TextRangeSchema,
  numerator: v.optional(finite),
  denominator: v.optional(finite),
});
const DeclaredPartsSchema = v.strictObject({ count: nat, listed: v.array(v.string()), at: TextRangeSchema });
const figure = v.nullable(nonNegative);
const FiguresSchema = v.strictObject({
  activeDisclosed: figure,
  applicationsNew: figure,
  applicationsCarriedOver: figure,
  applicationsHandled: figure,
  applicationsCarriedForward: figure,
  reviewTotal: figure,
  litigationTotal: figure,
});

const MetaSchema = v.strictObject({
  title: v.nullable(v.string()),
  agency: v.nullable(v.string()),
  agencySource: v.nullable(v.picklist(['title', 'signature', 'body', 'metadata', 'source', 'site'])),
  publisher: v.nullable(v.string()),
  year: v.nullable(year),
  publishedAt: v.nullable(isoDate),
  publishedAtSource: v.nullable(v.picklist(['meta', 'metadata', 'signature', 'listing'])),
  signedAt: v.nullable(isoDate),
  indexNumber: v.nullable(v.string()),
  format: v.nullable(v.picklist(['2008', '2019', '2021'])),
  script: v.picklist(['hans', 'hant']),
  agencyKind: v.nullable(v.picklist(['government', 'government-office', 'department', 'township'])),
  statisticsPeriod: v.nullable(
    v.strictObject({ text: v.string(), at: TextRangeSchema, start: v.nullable(isoDate), end: v.nullable(isoDate) }),
  ),
  printed: v.optional(v.strictObject({ title: v.nullable(v.string()), agency: v.nullable(v.string()) })),
  listed: v.optional(v.strictObject({ title: v.nullable(v.string()), date: v.nullable(isoDate), page: v.nullable(v.string()) })),
});

/** The Report's shape alone (no cross-references). */
export const ReportShapeSchema = v.strictObject({
  schemaVersion: v.literal(REPORT_SCHEMA_VERSION),
  source: v.strictObject({
    url: v.nullable(v.string()),
    title: v.nullable(v.string()),
    kind: v.optional(v.picklist(['html', 'pdf'])),
    fileHash: v.optional(v.pipe(v.string(), v.maxLength(64))),
    unreadable: v.optional(v.literal('scanned')),
    ocrPages: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  }),
  isReport: v.boolean(),
  meta: MetaSchema,
  text: v.string(),
  sections: v.array(SectionSchema),
  tables: v.array(ReportTableSchema),
  standard: StandardTablesSchema,
  facts: v.array(FactSchema),
  percents: v.array(PercentFactSchema),
  declaredParts: v.array(DeclaredPartsSchema),
  figures: FiguresSchema,
  doubtfulFigures: v.optional(v.array(v.picklist(FIGURE_KEYS))),
});

// ---- Cross-references ----

type Issue = (message: string) => void;

function checkRange(r: TextRange | undefined, length: number, where: string, issue: Issue): void {
  if (!r) return;
  if (r.start > r.end) issue(`${where}: start ${r.start} > end ${r.end}`);
  if (r.end > length) issue(`${where}: end ${r.end} past the text (${length})`);
}

/** The slot (row, col) of table `t` is covered by a cell (not -1, inside the grid). */
function coveredSlot(t: ReportTable | undefined, row: number, col: number): boolean {
  if (!t || row >= t.rows || col >= t.cols) return false;
  const slot = t.slots[row]?.[col];
  return slot !== undefined && slot >= 0;
}

/** Some section has this path of numbers ([] is the report itself). */
const hasSection = (sections: Section[], path: number[]): boolean => path.length === 0 || findSection(sections, path) !== null;

function checkTable(t: ReportTable, i: number, report: Report, issue: Issue): void {
  const where = `tables[${i}]`;
  const length = report.text.length;
  if (t.index !== i) issue(`${where}.index is ${t.index}`);
  if (t.slots.length !== t.rows) issue(`${where}: ${t.slots.length} slot rows for ${t.rows} rows`);
  t.slots.forEach((row, r) => {
    if (row.length !== t.cols) issue(`${where}.slots[${r}]: ${row.length} slots for ${t.cols} cols`);
    row.forEach((s, c) => {
      if (s < 0) return;
      const cell = t.cells[s];
      if (!cell) issue(`${where}.slots[${r}][${c}] = ${s}: no such cell`);
      else if (!(r >= cell.row && r < cell.row + cell.rowSpan && c >= cell.col && c < cell.col + cell.colSpan))
        issue(`${where}.slots[${r}][${c}] = ${s}: the cell does not cover it`);
    });
  });
  t.cells.forEach((cell, k) => {
    if (cell.row + cell.rowSpan > t.rows || cell.col + cell.colSpan > t.cols) issue(`${where}.cells[${k}] runs outside the grid`);
    else if (t.slots[cell.row]?.[cell.col] !== k) issue(`${where}.cells[${k}]: its top-left slot does not point at it`);
    checkRange(cell.range, length, `${where}.cells[${k}].range`, issue);
  });
  checkRange(t.range, length, `${where}.range`, issue);
  if (t.section.length && !hasSection(report.sections, t.section)) issue(`${where}.section ${t.section.join('.')} does not exist`);
}

function checkSections(sections: Section[], parent: Section | null, report: Report, path: string, issue: Issue): void {
  let previous = -1;
  sections.forEach((s, i) => {
    const where = `${path}[${i}]`;
    checkRange(s.heading, report.text.length, `${where}.heading`, issue);
    checkRange(s.body, report.text.length, `${where}.body`, issue);
    if (s.heading.start < s.body.start) issue(`${where}: heading starts before the body`);
    if (s.body.start < previous) issue(`${where}: out of text order`);
    previous = s.body.start;
    if (parent) {
      if (s.level <= parent.level) issue(`${where}: level ${s.level} under level ${parent.level}`);
      if (s.body.start < parent.body.start || s.body.end > parent.body.end) issue(`${where}: body outside its parent's`);
    }
    for (const t of s.tables) if (t >= report.tables.length) issue(`${where}.tables: no table ${t}`);
    checkSections(s.children, s, report, `${where}.children`, issue);
  });
}

function checkStandard(report: Report, issue: Issue): void {
  const groups: Array<[string, { table: number } | undefined, string, object | undefined]> = [
    ['activeDisclosure', report.standard.activeDisclosure, 'active-disclosure', report.standard.activeDisclosure?.rows],
    ['applications', report.standard.applications, 'applications', report.standard.applications?.rows],
    ['reviewLitigation', report.standard.reviewLitigation, 'review-litigation', report.standard.reviewLitigation?.groups],
  ];
  for (const [name, std, kind, rows] of groups) {
    if (!std || !rows) continue;
    const table = report.tables[std.table];
    if (!table) {
      issue(`standard.${name}.table: no table ${std.table}`);
      continue;
    }
    if (table.kind !== kind) issue(`standard.${name}.table ${std.table} is of kind ${table.kind}`);
    for (const [r, row] of Object.entries(rows)) {
      for (const [c, cell] of Object.entries(row as Record<string, { at: { table: number; row: number; col: number } }>)) {
        const at = cell.at;
        // A standard table split over several HTML tables: its cells are in the first or a continuation.
        const part = report.tables[at.table];
        if (at.table < std.table || part?.kind !== kind)
          issue(`standard.${name}.${r}.${c}: table ${at.table} is not part of table ${std.table}`);
        else if (!coveredSlot(part, at.row, at.col))
          issue(`standard.${name}.${r}.${c}: (${at.row}, ${at.col}) is no cell of table ${at.table}`);
      }
    }
  }
}

function reportIssues(report: Report): string[] {
  const issues: string[] = [];
  const issue: Issue = (m) => {
    if (issues.length < 50) issues.push(m);
  };
  const length = report.text.length;
  report.tables.forEach((t, i) => {
    checkTable(t, i, report, issue);
  });
  checkSections(report.sections, null, report, 'sections', issue);
  checkStandard(report, issue);
  report.facts.forEach((f, i) => {
    checkRange(f.at, length, `facts[${i}].at`, issue);
    f.parts?.forEach((p, j) => {
      checkRange(p.at, length, `facts[${i}].parts[${j}].at`, issue);
    });
  });
  report.percents.forEach((p, i) => {
    checkRange(p.at, length, `percents[${i}].at`, issue);
  });
  report.declaredParts.forEach((d, i) => {
    checkRange(d.at, length, `declaredParts[${i}].at`, issue);
  });
  checkRange(report.meta.statisticsPeriod?.at, length, 'meta.statisticsPeriod.at', issue);
  return issues;
}

function locationIssues(l: Location, report: Report, where: string, issue: Issue): void {
  switch (l.kind) {
    case 'text':
      checkRange(l, report.text.length, where, issue);
      break;
    case 'cell':
      if (!coveredSlot(report.tables[l.table], l.row, l.col)) issue(`${where}: (${l.table}, ${l.row}, ${l.col}) is no cell`);
      break;
    case 'section':
      if (!hasSection(report.sections, l.path)) issue(`${where}: no section ${l.path.join('.')}`);
      break;
  }
}

export type Validation = { ok: true } | { ok: false; issues: string[] };

function shapeIssues(schema: v.GenericSchema, x: unknown): string[] | null {
  const result = v.safeParse(schema, x);
  if (result.success) return null;
  return result.issues.slice(0, 50).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
}

/** The whole Report: shape, then cross-references. */
export function validateReport(x: unknown): Validation {
  const shape = shapeIssues(ReportShapeSchema, x);
  if (shape) return { ok: false, issues: shape };
  const issues = reportIssues(x as Report);
  return issues.length ? { ok: false, issues } : { ok: true };
}

/** Findings: shape, then (given the report they are about) every location and related location resolves. */
export function validateFindings(x: unknown, report?: Report): Validation {
  const shape = shapeIssues(v.array(FindingSchema), x);
  if (shape) return { ok: false, issues: shape };
  if (!report) return { ok: true };
  const issues: string[] = [];
  const issue: Issue = (m) => {
    if (issues.length < 50) issues.push(m);
  };
  (x as Finding[]).forEach((f, i) => {
    locationIssues(f.location, report, `[${i}].location`, issue);
    f.related?.forEach((r, j) => {
      locationIssues(r, report, `[${i}].related[${j}]`, issue);
    });
  });
  return issues.length ? { ok: false, issues } : { ok: true };
}
