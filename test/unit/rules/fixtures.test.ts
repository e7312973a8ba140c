/**
 * The hand-written expectations of test/fixtures/expected/*.json (expectedFindings / forbiddenFindings /
 * crossYear), run through the real pipeline, plus the mutation property on every page with standard tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDocument, htmlToDocument } from '../../../cli/dom';
import { parseReportText } from '../../../utils/parse';
import { checkDocument } from '../../../utils/pipeline';
import { validateFindings } from '../../../utils/report/schema';
import type { CellValue, Finding, Location, Report } from '../../../utils/report/types';
import { runRules } from '../../../utils/rules';
import { renderFinding } from '../../../utils/rules/render';
import type { RuleContext } from '../../../utils/rules/types';

const root = new URL('../../fixtures/', import.meta.url);
interface Expected {
  fixture: string;
  expectedFindings?: string[];
  forbiddenFindings?: string[];
  crossYear?: { previous?: string; next?: string; expectedFindings?: string[]; forbiddenFindings?: string[] };
}

function load(fixture: string): Report {
  const content = readFileSync(new URL(fixture, root), 'utf8');
  if (fixture.endsWith('.txt')) return parseReportText(content, emptyDocument(), {}).report;
  return checkDocument(htmlToDocument(content), { url: `https://example.gov.cn/${fixture}` }).report;
}

function check(report: Report, context: RuleContext = {}): Finding[] {
  return report.isReport ? runRules(report, context) : [];
}

const expectations = readdirSync(new URL('expected/', root))
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(`expected/${f}`, root), 'utf8')) as Expected] as const);

describe('fixtures: expected and forbidden findings', () => {
  for (const [name, exp] of expectations) {
    it(`${name} (${exp.fixture})`, () => {
      const report = load(exp.fixture);
      const findings = check(report);
      expect(validateFindings(findings, report)).toEqual({ ok: true });
      const rules = new Set(findings.map((f) => f.rule));
      const summary = findings.map((f) => `${f.severity} ${f.rule}: ${renderFinding(f, 'zh-Hans')}`).join('\n');
      for (const id of exp.expectedFindings ?? []) expect(rules.has(id), `missing ${id}; got:\n${summary}`).toBe(true);
      for (const id of exp.forbiddenFindings ?? []) expect(rules.has(id), `forbidden ${id}; got:\n${summary}`).toBe(false);
      expect(rules.has('internal-error'), summary).toBe(false);
    });

    if (exp.crossYear) {
      it(`${name}: across years`, () => {
        const cy = exp.crossYear!;
        const neighbour = (n: string) => {
          const other = expectations.find(([k]) => k === n)![1];
          const report = load(other.fixture);
          return { report, label: `${report.meta.year}年 ${report.meta.agency}` };
        };
        const context: RuleContext = {
          neighbours: { previous: cy.previous ? neighbour(cy.previous) : undefined, next: cy.next ? neighbour(cy.next) : undefined },
        };
        const findings = check(load(exp.fixture), context);
        const rules = new Set(findings.map((f) => f.rule));
        const summary = findings.map((f) => `${f.severity} ${f.rule}: ${renderFinding(f, 'zh-Hans')}`).join('\n');
        for (const id of cy.expectedFindings ?? []) expect(rules.has(id), `missing ${id}; got:\n${summary}`).toBe(true);
        for (const id of cy.forbiddenFindings ?? []) expect(rules.has(id), `forbidden ${id}; got:\n${summary}`).toBe(false);
      });
    }
  }
});

const sameCell = (l: Location, c: CellValue) => l.kind === 'cell' && l.table === c.at.table && l.row === c.at.row && l.col === c.at.col;

describe('fixtures: mutation property on parsed pages with consistent standard tables', () => {
  for (const fixture of ['pages/clean-2019.html', 'pages/clean-2021.html', 'pages/agency-a-2021.html', 'pages/agency-a-2022.html']) {
    it(fixture, () => {
      const base = load(fixture);
      const cells = (r: Report): CellValue[] => [
        ...Object.values(r.standard.applications?.rows ?? {}).flatMap((row) => Object.values(row ?? {}) as CellValue[]),
        ...Object.values(r.standard.reviewLitigation?.groups ?? {}).flatMap((g) => Object.values(g ?? {}) as CellValue[]),
      ];
      const size = cells(base).filter((c) => c.value.kind === 'number').length;
      expect(size).toBeGreaterThan(20);
      expect(
        runRules(base)
          .filter((f) => f.severity === 'error')
          .map((f) => renderFinding(f, 'zh-Hans')),
      ).toEqual([]);
      fc.assert(
        fc.property(
          fc.nat({ max: size - 1 }),
          fc.integer({ min: -500, max: 500 }).filter((d) => d !== 0),
          (i, delta) => {
            const report = structuredClone(base);
            const cell = cells(report).filter((c) => c.value.kind === 'number')[i]!;
            const value = (cell.value as { value: number }).value + delta;
            cell.value = { kind: 'number', value, text: String(value) };
            return runRules(report)
              .filter((f) => f.severity === 'error')
              .some((f) => sameCell(f.location, cell) || (f.related ?? []).some((r) => sameCell(r, cell)));
          },
        ),
        { numRuns: 150 },
      );
    });
  }
});
