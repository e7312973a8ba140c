import { type PageAnchors, pageAnchors } from '../anchor/resolve';
import { decideIsReport } from '../detect/is-report';
import { titleCandidates } from '../detect/looks-like-report';
import { isCertain } from '../report/read';
import { sectionPathAt } from '../report/sections';
import {
  APPLICANT_COLUMNS,
  type ApplicantColumn,
  type CellRead,
  type CellValue,
  type DoubtReason,
  type Fact,
  type FactKind,
  type FigureKey,
  type Figures,
  REPORT_SCHEMA_VERSION,
  type Report,
  type ReportMeta,
  type ReportTable,
  type Section,
  type StandardTables,
  type TextRange,
} from '../report/types';
import { extractFacts } from './facts';
import { tableToGrid } from './grid';
import { buildMeta } from './metadata';
import { type PageText, readPageText } from './page-text';
import { buildSections } from './sections';
import { recogniseStandardTables } from './standard-tables';
import { READ_ATTRIBUTE, READ_REASON_ATTRIBUTE, textDumpToDocument } from './text-dump';

export interface ParseResult {
  report: Report;
  anchors: PageAnchors;
}

/** The parser's stages, in the order they run. */
export const PARSE_STAGES = ['textView', 'tables', 'sections', 'facts', 'metadata'] as const;
export type ParseStage = (typeof PARSE_STAGES)[number];
/** Told each stage's wall time once it has run (the bench's view into the real pipeline). */
export type StageHook<Stage extends string = ParseStage> = (stage: Stage, ms: number) => void;

export interface ParseOptions {
  url?: string | null;
  /** The document was built from a text dump (the CLI's .txt path): the title may be in the first lines. */
  fromTextDump?: boolean;
  /**
   * Tables the caller rebuilt in a web page from its pictures by OCR (utils/ocr/document.ts
   * replacePictureTables): their cells' picture reads are honoured. A web page's own read attributes never are.
   */
  pictureTables?: ReadonlySet<Element>;
  onStage?: StageHook;
}

/** Runs `run` as stage `stage`, timing it only when someone listens. */
export function timeStage<Stage extends string, T>(hook: StageHook<Stage> | undefined, stage: Stage, run: () => T): T {
  if (!hook) return run();
  const start = performance.now();
  const result = run();
  hook(stage, performance.now() - start);
  return result;
}

/** Document → Report: the named stages in order, each a plain function of what the earlier ones found. */
export function parseDocument(doc: Document, options: ParseOptions = {}): ParseResult {
  const hook = options.onStage;
  const fromTextDump = options.fromTextDump ?? false;
  const page = timeStage(hook, 'textView', () => readPageText(doc));
  const tables = timeStage(hook, 'tables', () => readTables(page, fromTextDump, options.pictureTables));
  const sections = timeStage(hook, 'sections', () => readSections(page, tables));
  const prose = timeStage(hook, 'facts', () => extractFacts(page.view.text, page.view.tableRanges));
  const about = timeStage(hook, 'metadata', () => describe(page, tables.standard, sections, prose.facts, fromTextDump));

  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    source: { url: options.url ?? null, title: doc.title ? page.normalise(doc.title) : null },
    isReport: about.isReport,
    meta: about.meta,
    text: page.view.text,
    sections,
    tables: tables.tables,
    standard: tables.standard,
    facts: prose.facts,
    percents: prose.percents,
    declaredParts: prose.declaredParts,
    figures: about.figures,
  };
  if (about.doubtful.length) report.doubtfulFigures = about.doubtful;
  const anchors = pageAnchors({ root: page.root, view: page.view, tables: tables.tables, cellElements: tables.elements, sections });
  return { report, anchors };
}

/** The CLI's text path: a text dump becomes a synthetic document, then the ordinary HTML path runs. */
export function parseReportText(text: string, doc: Document, options: ParseOptions = {}): ParseResult {
  textDumpToDocument(text, doc);
  return parseDocument(doc, { ...options, fromTextDump: true });
}

interface ReadTables {
  tables: ReportTable[];
  standard: StandardTables;
  /** Each table's span in the text. */
  ranges: TextRange[];
  /** Each table's cell elements, indexed by the grid's slots. */
  elements: Element[][];
}

/** Stage tables: data tables only (layout tables are read as prose by the text view), then the standard ones. */
function readTables(page: PageText, fromTextDump: boolean, pictureTables?: ReadonlySet<Element>): ReadTables {
  const dataTables = page.view.tables.filter((t) => t.data);
  const elements: Element[][] = [];
  const tables: ReportTable[] = dataTables.map((t, index) => {
    const grid = tableToGrid(t.element, page.normalise, index);
    elements.push(grid.elements);
    // A picture read (data-read="picture" under data-pdf-document) counts only in what we rebuilt ourselves.
    if (!fromTextDump && !pictureTables?.has(t.element)) for (const c of grid.table.cells) delete c.read;
    return { ...grid.table, kind: 'other', section: [], source: fromTextDump ? 'text' : 'html', range: t.range } satisfies ReportTable;
  });
  const { kinds, standard } = recogniseStandardTables(tables);
  tables.forEach((t, i) => {
    t.kind = kinds[i] ?? 'other';
  });
  // Only our own synthetic documents (text dumps, PDFs) state reads: a web page's own data-read attributes
  // must never turn its errors into doubts.
  if (fromTextDump) markDocumentReads(standard, tables, elements);
  return { tables, standard, ranges: dataTables.map((t) => t.range), elements };
}

const PLACEMENTS = new Set<string>(['grid', 'columns', 'position', 'unplaced', 'picture'] satisfies CellRead['placed'][]);
const DOUBT_REASONS = new Set<string>([
  'generic-header',
  'spurious-header',
  'split-rows',
  'short-row',
  'glued-label',
  'shifted-cells',
  'merged-note',
] satisfies DoubtReason[]);

/** Every value of the standard tables, each once. */
export function standardCells(standard: StandardTables): CellValue[] {
  const out: CellValue[] = [];
  for (const std of [standard.activeDisclosure, standard.applications, standard.reviewLitigation]) {
    if (!std) continue;
    const lines = 'rows' in std ? std.rows : std.groups;
    for (const line of Object.values(lines) as Array<Record<string, CellValue | undefined> | undefined>) {
      for (const cell of Object.values(line ?? {})) if (cell) out.push(cell);
    }
  }
  return out;
}

/**
 * The placement a document states for a cell: data-read / data-read-reason on its <td>, else on its <tr>
 * (the synthetic document of a text dump marks what its readers could only guess). A stated doubt wins
 * over the recogniser's certainty; a stated certainty never hides a doubt the recogniser found.
 */
function markDocumentReads(standard: StandardTables, tables: ReportTable[], elements: Element[][]): void {
  for (const cell of standardCells(standard)) {
    const slot = tables[cell.at.table]?.slots[cell.at.row]?.[cell.at.col];
    const td = slot === undefined || slot < 0 ? undefined : elements[cell.at.table]?.[slot];
    if (!td) continue;
    const holder = td.hasAttribute(READ_ATTRIBUTE) ? td : td.parentElement?.hasAttribute(READ_ATTRIBUTE) ? td.parentElement : null;
    const placed = holder?.getAttribute(READ_ATTRIBUTE)?.trim();
    // A picture read comes with the grid cell (tableToGrid: confidence, alternatives, box), never from here.
    if (!holder || !placed || !PLACEMENTS.has(placed) || placed === 'picture') continue;
    const reason = holder.getAttribute(READ_REASON_ATTRIBUTE)?.trim();
    const stated: CellRead = {
      placed: placed as CellRead['placed'],
      ...(reason && DOUBT_REASONS.has(reason) ? { reason: reason as DoubtReason } : {}),
    };
    if (isCertain({ ...cell, read: stated }) && !isCertain(cell)) continue;
    cell.read = stated;
  }
}

/** Stage sections: the heading tree, and each table's place in it. */
function readSections(page: PageText, read: ReadTables): Section[] {
  const { view } = page;
  const sections = buildSections(view.text, view.tableRanges, read.ranges, view.images);
  read.tables.forEach((t, i) => {
    t.section = sectionPathAt(sections, read.ranges[i]!.start);
  });
  return sections;
}

/** Stage metadata: who, which year, when published; whether this is a report at all; the key figures. */
function describe(
  page: PageText,
  standard: StandardTables,
  sections: Section[],
  facts: Fact[],
  fromTextDump: boolean,
): { meta: ReportMeta; isReport: boolean; figures: Figures; doubtful: FigureKey[] } {
  const rawCandidates = titleCandidates(page.doc);
  const meta = buildMeta({ page, standard, fromTextDump, titleCandidates: rawCandidates });
  const isReport = decideIsReport({
    title: meta.title,
    titleCandidates: rawCandidates.map(page.normalise),
    text: page.view.text,
    sections,
    standard,
    year: meta.year,
  });
  const figures = keyFigures(standard, facts);
  const doubtful = doubtfulFigures(standard, figures);
  // A scanned page's prose was read by OCR (utils/pdf/reconstruct.ts marks it): a key figure taken from that prose
  // (its table gave none) is shown doubtful, never as sure as a typed sentence.
  if (fromTextDump && page.doc.querySelector('[data-pdf-document] p[data-read="picture"], [data-pdf-document] h2[data-read="picture"]')) {
    const fromTables = keyFigures(standard, []);
    const read = new Set(doubtful);
    for (const key of Object.keys(figures) as FigureKey[]) if (figures[key] !== null && fromTables[key] === null) read.add(key);
    return { meta, isReport, figures, doubtful: (Object.keys(figures) as FigureKey[]).filter((k) => read.has(k)) };
  }
  return { meta, isReport, figures, doubtful };
}

/** A count as a key figure: a negative one ("-3" printed in a count cell) is no figure. */
function numberOf(v: { value: { kind: string; value?: number } } | undefined): number | null {
  return v && v.value.kind === 'number' && (v.value.value ?? -1) >= 0 ? (v.value.value ?? null) : null;
}

/**
 * A row's 总计, or, when that cell is blank and applicant cells are filled, their sum: the figure a
 * reader takes from such a row. The blank itself is still reported (blank-cells reads the table).
 */
function rowTotal(cells: Partial<Record<ApplicantColumn, CellValue>> | undefined): number | null {
  if (!cells) return null;
  if (cells.total?.value.kind !== 'missing') return numberOf(cells.total);
  const parts = APPLICANT_COLUMNS.filter((c) => c !== 'total').map((c) => cells[c]);
  if (parts.some((p) => p && p.value.kind !== 'missing' && numberOf(p) === null)) return null;
  const numbers = parts.map(numberOf).filter((n): n is number => n !== null);
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
}

/** Figures as the report states them: table 三/四 totals when present, else the first exact prose figure. */
export function keyFigures(standard: StandardTables, facts: Fact[]): Figures {
  // The first exact statement, else the first approximate one (813多条 is still the figure given).
  // A part of a breakdown whose total is itself a statement of the same figure is not that figure
  // ("共公布政府信息2599条(其中…其他应主动公开政府信息856条)": 2599, not 856).
  const stated = new Map(facts.filter((f) => !f.parts).map((f) => [f.at.start, f.kind]));
  const partOfSame = new Set(
    facts.flatMap((f) => (f.parts && stated.has(f.at.start) ? f.parts.map((p) => `${stated.get(f.at.start)}@${p.at.start}`) : [])),
  );
  const whole = facts.filter((f) => !partOfSame.has(`${f.kind}@${f.at.start}`));
  const prose = (kind: FactKind) =>
    (whole.find((f) => f.kind === kind && !f.approximate) ?? whole.find((f) => f.kind === kind))?.value ?? null;
  const app = standard.applications?.rows;
  const review = standard.reviewLitigation?.groups;
  const fromTable = (row: keyof NonNullable<typeof app>) => (app ? rowTotal(app[row]) : null);
  const direct = review ? numberOf(review.litigationDirect?.total) : null;
  const after = review ? numberOf(review.litigationAfterReview?.total) : null;
  const litigation = direct === null && after === null ? null : (direct ?? 0) + (after ?? 0);
  const pick = (table: number | null, kind: FactKind) => (table !== null ? table : prose(kind));
  return {
    activeDisclosed: prose('activeDisclosed'),
    applicationsNew: pick(fromTable('new'), 'applicationsNew'),
    applicationsCarriedOver: pick(fromTable('carriedOver'), 'applicationsCarriedOver'),
    applicationsHandled: pick(fromTable('total'), 'applicationsHandled'),
    applicationsCarriedForward: pick(fromTable('carriedForward'), 'applicationsCarriedForward'),
    reviewTotal: pick(review ? numberOf(review.review?.total) : null, 'reviewTotal'),
    litigationTotal: pick(litigation, 'litigationTotal'),
  };
}

/**
 * The key figures taken from a table cell whose column is a guess (issue 17): the 总计 cell, or, when that is
 * blank and the figure is the applicant cells' sum, any of those. A figure from the prose is never listed here.
 */
export function doubtfulFigures(standard: StandardTables, figures: Figures): FigureKey[] {
  const app = standard.applications?.rows;
  const review = standard.reviewLitigation?.groups;
  const rowDoubtful = (cells: Partial<Record<ApplicantColumn, CellValue>> | undefined): boolean => {
    if (!cells || rowTotal(cells) === null) return false;
    if (cells.total?.value.kind !== 'missing') return !isCertain(cells.total);
    return APPLICANT_COLUMNS.some((c) => c !== 'total' && cells[c] && !isCertain(cells[c]));
  };
  const fromCells = (cells: (CellValue | undefined)[]) => cells.some((c) => numberOf(c) !== null && !isCertain(c));
  const doubt: Record<FigureKey, boolean> = {
    activeDisclosed: false,
    applicationsNew: rowDoubtful(app?.new),
    applicationsCarriedOver: rowDoubtful(app?.carriedOver),
    applicationsHandled: rowDoubtful(app?.total),
    applicationsCarriedForward: rowDoubtful(app?.carriedForward),
    reviewTotal: fromCells([review?.review?.total]),
    litigationTotal: fromCells([review?.litigationDirect?.total, review?.litigationAfterReview?.total]),
  };
  return (Object.keys(doubt) as FigureKey[]).filter((k) => doubt[k] && figures[k] !== null);
}
