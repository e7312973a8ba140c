import {
  REPORT_SCHEMA_VERSION,
  type Figures,
  type Location,
  type Report,
  type ReportTable,
  type Script,
  type Section,
  type StandardTables,
  type Fact,
  type FactKind,
} from '../report/types';
import { titleCandidates } from '../detect/looks-like-report';
import { decideIsReport } from '../detect/is-report';
import { cleanText } from '../text/clean';
import { toSimplified } from '../text/convert';
import { findArticleRoot } from './article';
import { buildTextView, type TextView } from './text-view';
import { buildSections, sectionPathAt } from './sections';
import { tableToGrid } from './grid';
import { recogniseStandardTables } from './standard-tables';
import { extractFacts } from './facts';
import { buildMeta } from './metadata';
import { textDumpToDocument } from './text-dump';

/** Maps a finding's Location back to page nodes. In memory only: it holds DOM references. */
export interface PageAnchors {
  root: Element;
  view: TextView;
  resolve(location: Location): Element | Range | null;
}

export interface ParseResult {
  report: Report;
  anchors: PageAnchors;
}

export interface ParseOptions {
  url?: string | null;
  /** The document was built from a text dump (the CLI's .txt path): the title may be in the first lines. */
  fromTextDump?: boolean;
}

export function parseDocument(doc: Document, options: ParseOptions = {}): ParseResult {
  const root = findArticleRoot(doc);
  const view = buildTextView(root);
  const script: Script = view.script;
  const normalise = (s: string) => {
    const cleaned = cleanText(s).text;
    return script === 'hant' ? toSimplified(cleaned) : cleaned;
  };

  // Tables: data tables only (layout tables are read as prose by the text view).
  const dataTables = view.tables.filter((t) => t.data);
  const elements: Element[][] = [];
  const tables: ReportTable[] = dataTables.map((t, index) => {
    const grid = tableToGrid(t.element, normalise, index);
    elements.push(grid.elements);
    return { ...grid.table, kind: 'other', section: [], source: options.fromTextDump ? 'text' : 'html', range: t.range } satisfies ReportTable;
  });
  const { kinds, standard } = recogniseStandardTables(tables);
  tables.forEach((t, i) => (t.kind = kinds[i] ?? 'other'));

  const tableRanges = view.tableRanges;
  const sections = buildSections(view.text, tableRanges, dataTables.map((t) => t.range), view.images);
  tables.forEach((t, i) => (t.section = sectionPathAt(sections, dataTables[i]!.range.start)));

  const { facts, percents, declaredParts } = extractFacts(view.text, tableRanges);
  const rawCandidates = titleCandidates(doc);
  const meta = buildMeta({
    doc,
    titleCandidates: rawCandidates,
    text: view.text,
    script,
    standard,
    normalise,
    fromTextDump: options.fromTextDump ?? false,
    clean: (s) => cleanText(s).text,
    printedText: (r) => view.printed(r.start, r.end),
  });
  const candidates = rawCandidates.map(normalise);
  const isReport = decideIsReport({ title: meta.title, titleCandidates: candidates, text: view.text, sections, standard, year: meta.year });

  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    source: { url: options.url ?? null, title: doc.title ? normalise(doc.title) : null },
    isReport,
    meta,
    text: view.text,
    sections,
    tables,
    standard,
    facts,
    percents,
    declaredParts,
    figures: keyFigures(standard, facts),
  };

  const anchors: PageAnchors = {
    root,
    view,
    resolve(location) {
      switch (location.kind) {
        case 'cell': {
          const table = tables[location.table];
          const slot = table?.slots[location.row]?.[location.col];
          return slot === undefined || slot < 0 ? null : (elements[location.table]?.[slot] ?? null);
        }
        case 'text':
          return view.rangeFor(location.start, location.end);
        case 'section': {
          const section = findSection(sections, location.path, location.quote, view.text);
          return section ? view.rangeFor(section.heading.start, section.heading.end) : null;
        }
        default:
          return root;
      }
    },
  };
  return { report, anchors };
}

/** The CLI's text path: a text dump becomes a synthetic document, then the ordinary HTML path runs. */
export function parseReportText(text: string, doc: Document, options: ParseOptions = {}): ParseResult {
  textDumpToDocument(text, doc);
  return parseDocument(doc, { ...options, fromTextDump: true });
}

/**
 * The section at a path of numbers. Numbers can repeat among siblings (that is what
 * section-numbering reports), so every match is considered and the one whose heading text
 * starts with `quote` wins; otherwise the first.
 */
export function findSection(sections: Section[], path: number[], quote = '', text = ''): Section | null {
  let candidates: Section[] = [{ children: sections } as Section];
  for (const n of path) candidates = candidates.flatMap((c) => c.children.filter((s) => s.number === n));
  if (candidates.length > 1 && quote && text) {
    const byQuote = candidates.find((s) => {
      const heading = text.slice(s.heading.start, s.heading.end);
      return heading.startsWith(quote) || quote.startsWith(heading);
    });
    if (byQuote) return byQuote;
  }
  return path.length ? (candidates[0] ?? null) : null;
}

/** A count as a key figure: a negative one ("-3" printed in a count cell) is no figure. */
function numberOf(v: { value: { kind: string; value?: number } } | undefined): number | null {
  return v && v.value.kind === 'number' && (v.value.value ?? -1) >= 0 ? (v.value.value ?? null) : null;
}

/** Figures as the report states them: table 三/四 totals when present, else the first exact prose figure. */
export function keyFigures(standard: StandardTables, facts: Fact[]): Figures {
  // The first exact statement, else the first approximate one (813多条 is still the figure given).
  const prose = (kind: FactKind) =>
    (facts.find((f) => f.kind === kind && !f.approximate) ?? facts.find((f) => f.kind === kind))?.value ?? null;
  const app = standard.applications?.rows;
  const review = standard.reviewLitigation?.groups;
  const fromTable = (row: keyof NonNullable<typeof app>) => (app ? numberOf(app[row]?.total) : null);
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
