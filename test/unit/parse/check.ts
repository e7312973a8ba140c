/**
 * The invariants every fuzz case checks on a parsed document. One place, so each test file states
 * only how it builds its inputs.
 *
 * Properties (all asserted by `checkParsed`):
 * - parseDocument, looksLikeReport and runRules never throw (on non-reports too: rules run always);
 * - the Report is valid against utils/report/schema.ts, the findings against the Finding schema and
 *   resolve into the report (ranges in the text, cells in a grid, sections that exist);
 * - Report and findings survive JSON.stringify/parse unchanged (plain JSON, no undefined, NaN, ±Infinity, -0);
 * - every finding location and related location resolves through anchors.resolve (text ranges via the
 *   text view's rangeFor) to a node/Range or null, never throws; every fact/section range too;
 * - work bounds (WORK BOUNDS below): output sizes are linear in the input, whatever the markup.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { looksLikeReport } from '../../../utils/detect/looks-like-report';
import { parseDocument } from '../../../utils/parse';
import { MAX_GRID_SLOTS } from '../../../utils/parse/grid';
import { validateFindings, validateReport } from '../../../utils/report/schema';
import type { Finding, Location, Report, Section } from '../../../utils/report/types';
import { runRules } from '../../../utils/rules';

export interface Checked {
  report: Report;
  findings: Finding[];
}

/** Plain-JSON check: JSON round trip is deep-equal and nothing is lost (undefined, NaN, Infinity, -0). */
export function expectJsonStable(x: unknown, what: string): void {
  const json = JSON.stringify(x);
  const back = JSON.parse(json);
  // isDeepStrictEqual tells -0 from 0 and a key holding undefined from a missing key, so this is exact.
  if (!isDeepStrictEqual(back, x)) expect(back, `${what} JSON round trip`).toStrictEqual(x);
}

function countSections(sections: Section[]): number {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}

function allSections(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    allSections(s.children, out);
  }
  return out;
}

/**
 * Elements and text length in the subtree (root included), iteratively (pages are 10,000 deep) and
 * through childNodes (happy-dom's nextSibling is a linear search of the parent's children).
 */
function measure(root: Node, tag?: string): { elements: number; text: number } {
  let elements = 0;
  let text = 0;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 1 && (!tag || (node as Element).tagName.toUpperCase() === tag)) elements++;
    else if (node.nodeType === 3 || node.nodeType === 4) text += (node as Text).data.length;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) stack.push(children[i]!);
  }
  return { elements, text };
}

/**
 * WORK BOUNDS, for a document whose article root has E elements and T characters of text:
 * - report.text.length <= raw text-view length <= T + 3 × E (cleaning never lengthens; the view adds
 *   at most " | " or "\n" per element). Traditional pages may change length by t2cn phrase rules: ×2 slack.
 * - tables.length <= number of <table> elements; each grid rows × cols <= MAX_GRID_SLOTS (200,000) and
 *   cells <= the table's <td>/<th> count.
 * - sections (all levels) <= text.length / 2 (a heading takes at least two characters: "1.").
 * - facts + percents + declaredParts <= 16 × (number of sentences + 1), sentences <= text.length.
 * - findings (and related locations) <= 64 + 4 × (cells of recognised standard tables + sections + facts
 *   + percents + declaredParts): a rule reports a bounded number of findings per thing it checks.
 * Wall-clock time is not asserted (test timeouts are generous); these counts are what keeps it bounded.
 */
export function checkBounds(doc: Document, root: Element, raw: string, report: Report, findings: Finding[]): void {
  const { elements, text: rootText } = measure(root);
  expect(raw.length, 'raw text bound').toBeLessThanOrEqual(rootText + 3 * elements);
  expect(report.text.length, 'text bound').toBeLessThanOrEqual(2 * raw.length);
  const tableElements = measure(doc.documentElement, 'TABLE').elements;
  expect(report.tables.length, 'tables bound').toBeLessThanOrEqual(tableElements);
  for (const t of report.tables) {
    expect(t.rows * t.cols, 'grid bound').toBeLessThanOrEqual(MAX_GRID_SLOTS);
  }
  const sections = countSections(report.sections);
  expect(sections, 'sections bound').toBeLessThanOrEqual(Math.ceil(report.text.length / 2));
  const prose = report.facts.length + report.percents.length + report.declaredParts.length;
  expect(prose, 'facts bound').toBeLessThanOrEqual(16 * (report.text.length + 1));
  let standardCells = 0;
  for (const rows of [
    report.standard.applications?.rows,
    report.standard.activeDisclosure?.rows,
    report.standard.reviewLitigation?.groups,
  ]) {
    for (const row of Object.values(rows ?? {})) standardCells += Object.keys(row ?? {}).length;
  }
  const related = findings.reduce((n, f) => n + 1 + (f.related?.length ?? 0), 0);
  const findingBound = 64 + 4 * (standardCells + sections + prose);
  expect(findings.length, 'findings bound').toBeLessThanOrEqual(findingBound);
  expect(related, 'related bound').toBeLessThanOrEqual(findingBound * (1 + standardCells));
}

/** Parse, check, run rules; everything in the module comment. Returns the outputs for further checks. */
/** `anchors: false` skips resolving locations (linkedom, the CLI's DOM, has no usable Range). */
export function checkParsed(doc: Document, options: { url?: string; anchors?: boolean } = {}): Checked {
  expect(typeof looksLikeReport(doc)).toBe('boolean');
  const { report, anchors } = parseDocument(doc, { url: options.url ?? 'https://www.example.gov.cn/a.html' });
  const validation = validateReport(report);
  expect(validation, 'report schema').toEqual({ ok: true });
  const findings = runRules(report);
  expect(validateFindings(findings, report), 'findings schema').toEqual({ ok: true });
  expectJsonStable(report, 'report');
  expectJsonStable(findings, 'findings');
  checkBounds(doc, anchors.root, anchors.view.raw, report, findings);

  if (options.anchors === false) return { report, findings };
  const locations: Location[] = [{ kind: 'report' }];
  for (const f of findings) locations.push(f.location, ...(f.related ?? []));
  for (const l of locations) {
    const hit = anchors.resolve(l);
    expect(hit === null || typeof hit === 'object').toBe(true);
  }
  for (const f of report.facts) anchors.view.rangeFor(f.at.start, f.at.end);
  for (const s of allSections(report.sections)) anchors.view.rangeFor(s.heading.start, s.heading.end);
  return { report, findings };
}
