/**
 * The must-shows of issue 3 on the five seeds (test/fixtures/seeds/*.txt), parsed by the real parser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../cli/dom';
import { parseReportText } from '../../../utils/parse';
import type { Finding, Report } from '../../../utils/report/types';
import { runRules } from '../../../utils/rules';
import { renderFinding } from '../../../utils/rules/render';

function seed(n: string): { report: Report; findings: Finding[] } {
  const text = readFileSync(new URL(`../../fixtures/seeds/${n}.txt`, import.meta.url), 'utf8');
  const { report } = parseReportText(text, emptyDocument(), {});
  return { report, findings: runRules(report) };
}

const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);
const cell = (report: Report, at: { table: number; row: number; col: number }) => {
  const t = report.tables[at.table]!;
  return t.cells[t.slots[at.row]![at.col]!]!;
};
/** The row label (first cell of the grid row) and column header of a table-三 cell. */
function rowText(report: Report, at: { table: number; row: number }) {
  const t = report.tables[at.table]!;
  return t.slots[at.row]!.map((s) => (s >= 0 ? t.cells[s]!.text : '')).join('|');
}

describe('seed 003 (2020, 2019 tables with broken arithmetic)', () => {
  const { report, findings } = seed('003');
  const apps = report.standard.applications!;
  const review = report.standard.reviewLitigation!;

  it('applications-balance at the （七）总计 cells of 自然人 and 总计, naming 一 二 四 as related', () => {
    const got = of(findings, 'applications-balance');
    expect(got.map((f) => f.severity)).toEqual(['error', 'error']);
    const expected = [apps.rows.total!.natural!.at, apps.rows.total!.total!.at];
    expect(got.map((f) => f.location)).toEqual(expected.map((at) => expect.objectContaining({ kind: 'cell', ...at })));
    expect(got[0]!.related).toEqual(
      expect.arrayContaining(
        [apps.rows.new!.natural!.at, apps.rows.carriedOver!.natural!.at, apps.rows.carriedForward!.natural!.at].map((at) =>
          expect.objectContaining(at),
        ),
      ),
    );
    expect(rowText(report, got[0]!.location as never)).toMatch(/总计/);
  });

  it('applications-outcome-sum at the same （七） cells, with 不予公开 2 among the related cells', () => {
    const got = of(findings, 'applications-outcome-sum');
    expect(got.map((f) => f.location)).toEqual(
      [apps.rows.total!.natural!.at, apps.rows.total!.total!.at].map((at) => expect.objectContaining({ kind: 'cell', ...at })),
    );
    expect(got[0]!.related).toEqual(expect.arrayContaining([expect.objectContaining(apps.rows['refused.2']!.natural!.at)]));
    expect(cell(report, apps.rows['refused.2']!.natural!.at).text).toBe('1');
  });

  it('review-litigation-sum at the 未经复议直接起诉 总计 cell', () => {
    const got = of(findings, 'review-litigation-sum');
    expect(got).toHaveLength(1);
    expect(got[0]!.location).toMatchObject({ kind: 'cell', ...review.groups.litigationDirect!.total!.at });
    expect(got[0]!.related).toEqual(expect.arrayContaining([expect.objectContaining(review.groups.litigationDirect!.upheld!.at)]));
    expect(renderFinding(got[0]!, 'zh-Hans')).toContain('未经复议直接起诉');
  });

  it('no applications-row-sum (every row adds up)', () => {
    expect(of(findings, 'applications-row-sum')).toEqual([]);
  });
});

describe('seed 004 (2023 department, tables missing)', () => {
  const { findings } = seed('004');
  it('table-missing for sections 二, 三 and 四', () => {
    const got = of(findings, 'table-missing');
    expect(got.map((f) => f.location)).toEqual([
      expect.objectContaining({ kind: 'section', path: [2] }),
      expect.objectContaining({ kind: 'section', path: [3] }),
      expect.objectContaining({ kind: 'section', path: [4] }),
    ]);
  });
  it('no late-publication (published 2024-01-30, deadline 2024-01-31)', () => {
    expect(of(findings, 'late-publication')).toEqual([]);
  });
});

describe('seed 001 (2018, skipped numbers)', () => {
  const { findings } = seed('001');
  it('section-numbering at the top level (三 → 六) and inside 二 ((三) → (五))', () => {
    const got = of(findings, 'section-numbering');
    expect(got.map((f) => f.location)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'section', path: [6] }),
        expect.objectContaining({ kind: 'section', path: [2, 5] }),
      ]),
    );
    expect(renderFinding(got.find((f) => (f.location as { path: number[] }).path.join() === '6')!, 'zh-Hans')).toContain(
      '从“三、”跳到“六、”',
    );
    expect(renderFinding(got.find((f) => (f.location as { path: number[] }).path.join() === '2,5')!, 'zh-Hans')).toContain(
      '从“（三）”跳到“（五）”',
    );
  });
});

describe('seed 002 (2018, says nine parts, lists eight)', () => {
  const { findings } = seed('002');
  it('declared-parts', () => {
    const got = of(findings, 'declared-parts');
    expect(got).toHaveLength(1);
    expect(got[0]!.location.kind).toBe('text');
    expect(renderFinding(got[0]!, 'zh-Hans')).toContain('共九个部分');
    expect(renderFinding(got[0]!, 'zh-Hans')).toContain('8');
  });
  it('no narrative-sum (364 = 187 + 5 + 172; 73 = 49 + 21 + 3)', () => {
    expect(of(findings, 'narrative-sum')).toEqual([]);
  });
});

describe('seed 000 (2017, cut-off sentences)', () => {
  const { report, findings } = seed('000');
  it('truncated-sentence at the unclosed 《', () => {
    const got = of(findings, 'truncated-sentence');
    expect(got.length).toBeGreaterThanOrEqual(1);
    for (const f of got) {
      expect(f.location.kind).toBe('text');
      const loc = f.location as { start: number; end: number; quote: string };
      expect(report.text.slice(loc.start, loc.end)).toBe(loc.quote);
      expect(loc.quote).toMatch(/《财政部、国家发展改革委$/);
    }
  });
  it('no error-severity finding from a table or prose rule (1264 and 1574 add up)', () => {
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.rule}: ${renderFinding(f, 'zh-Hans')}`)).toEqual([]);
  });
});

describe('every seed', () => {
  for (const n of ['000', '001', '002', '003', '004']) {
    it(`${n}: no internal error, text locations quote the text`, () => {
      const { report, findings } = seed(n);
      expect(of(findings, 'internal-error')).toEqual([]);
      for (const f of findings) {
        for (const loc of [f.location, ...(f.related ?? [])]) {
          if (loc.kind === 'text') expect(report.text.slice(loc.start, loc.end)).toBe(loc.quote);
          if (loc.kind === 'cell') expect(report.tables[loc.table]?.slots[loc.row]?.[loc.col]).toBeGreaterThanOrEqual(0);
        }
      }
    });
  }
});
