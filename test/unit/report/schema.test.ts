/** The Report schema refuses structural nonsense (and accepts every fixture, see the fuzz tests). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../utils/parse';
import { validateFindings, validateReport } from '../../../utils/report/schema';
import type { Report } from '../../../utils/report/types';
import { runRules } from '../../../utils/rules';
import { htmlToDocument } from '../parse/dom';

const html = readFileSync(join(__dirname, '../../fixtures/pages/seed-003.html'), 'utf8');
const fresh = (): Report => structuredClone(parseDocument(htmlToDocument(html)).report);

const breakages: Array<[string, (r: Report) => void]> = [
  ['wrong schemaVersion', (r) => ((r as { schemaVersion: number }).schemaVersion = 2)],
  ['unknown key', (r) => ((r as unknown as Record<string, unknown>).extra = 1)],
  ['fact past the text', (r) => (r.facts[0]!.at.end = r.text.length + 1)],
  ['start after end', (r) => (r.facts[0]!.at = { start: 5, end: 4 })],
  ['negative offset', (r) => (r.sections[0]!.heading.start = -1)],
  ['fractional offset', (r) => (r.sections[0]!.heading.end = 1.5)],
  ['NaN figure', (r) => (r.figures.applicationsNew = NaN)],
  ['negative figure', (r) => (r.figures.reviewTotal = -1)],
  ['Infinity value', (r) => (r.facts[0]!.value = Infinity)],
  ['slot to no cell', (r) => (r.tables[1]!.slots[0]![0] = r.tables[1]!.cells.length)],
  ['slot to a cell not covering it', (r) => (r.tables[1]!.slots[5]![5] = 0)],
  ['ragged slots', (r) => r.tables[1]!.slots[2]!.pop()],
  ['cell outside the grid', (r) => (r.tables[1]!.cells[0]!.rowSpan = 999)],
  ['table index', (r) => (r.tables[1]!.index = 7)],
  ['cell ref outside the grid', (r) => (r.standard.applications!.rows.new!.total!.at.row = 999)],
  ['standard table of the wrong kind', (r) => (r.standard.applications!.table = r.standard.reviewLitigation!.table)],
  ['unknown row key', (r) => ((r.standard.applications!.rows as Record<string, unknown>)['refused.9'] = {})],
  ['section table index', (r) => r.sections[0]!.tables.push(99)],
  ['table in a missing section', (r) => (r.tables[0]!.section = [42])],
  ['bad date', (r) => (r.meta.publishedAt = '2021-13-45')],
];

describe('validateReport', () => {
  it('accepts the parsed seed page', () => {
    expect(validateReport(fresh())).toEqual({ ok: true });
  });
  it.each(breakages)('refuses %s', (_, breakIt) => {
    const r = fresh();
    breakIt(r);
    const v = validateReport(r);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues.length).toBeGreaterThan(0);
  });
});

describe('validateFindings', () => {
  const report = fresh();
  const findings = runRules(report);
  it('accepts the seed page findings and refuses bad locations', () => {
    expect(findings.length).toBeGreaterThan(0);
    expect(validateFindings(findings, report)).toEqual({ ok: true });
    const bad = structuredClone(findings);
    bad[0]!.location = { kind: 'cell', table: 1, row: 999, col: 0, quote: '' };
    expect(validateFindings(bad, report).ok).toBe(false);
    const text = structuredClone(findings);
    text[0]!.location = { kind: 'text', start: 0, end: report.text.length + 5, quote: '' };
    expect(validateFindings(text, report).ok).toBe(false);
    expect(validateFindings([{ ...findings[0], severity: 'fatal' }]).ok).toBe(false);
    expect(validateFindings([{ ...findings[0], location: { kind: 'section', path: [], quote: '' } }]).ok).toBe(false);
  });
});
