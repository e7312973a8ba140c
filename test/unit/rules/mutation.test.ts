/**
 * Mutation property: on a consistent applications table and review table (both eras), changing any
 * single count cell by any non-zero amount yields at least one error finding located at that cell or
 * listing it among its related cells.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CellValue, Location, Report } from '../../../utils/report/types';
import { runRules } from '../../../utils/rules';
import { addApplicationsTable, addReviewTable, baseReport, consistentApplicationValues, consistentReviewValues } from './build-report';
import { clean2019, clean2021 } from './clean-reports';

function countCells(report: Report): CellValue[] {
  const out: CellValue[] = [];
  for (const row of Object.values(report.standard.applications?.rows ?? {})) out.push(...(Object.values(row ?? {}) as CellValue[]));
  for (const g of Object.values(report.standard.reviewLitigation?.groups ?? {})) out.push(...(Object.values(g ?? {}) as CellValue[]));
  return out;
}

const sameCell = (l: Location, c: CellValue) => l.kind === 'cell' && l.table === c.at.table && l.row === c.at.row && l.col === c.at.col;

function mutate(build: () => Report, index: number, delta: number) {
  const report = build();
  const cells = countCells(report);
  const cell = cells[index % cells.length]!;
  if (cell.value.kind !== 'number') throw new Error('fixture must be all numbers');
  const value = cell.value.value + delta;
  cell.value = { kind: 'number', value, text: String(value) };
  return { report, cell };
}

const builders: Array<[string, () => Report]> = [
  [
    '2021 tables',
    () => addReviewTable(addApplicationsTable(baseReport(), '2021', consistentApplicationValues('2021')), consistentReviewValues()),
  ],
  [
    '2019 tables',
    () =>
      addReviewTable(
        addApplicationsTable(baseReport({ year: 2020 }), '2019', consistentApplicationValues('2019')),
        consistentReviewValues(),
      ),
  ],
  ['clean 2019 report', clean2019],
  ['clean 2021 report', clean2021],
];

describe('mutation property', () => {
  for (const [name, build] of builders) {
    it(`${name}: the fixture itself has no error`, () => {
      expect(runRules(build()).filter((f) => f.severity === 'error')).toEqual([]);
    });

    it(`${name}: any single count change is caught at or beside the cell`, () => {
      const size = countCells(build()).length;
      fc.assert(
        fc.property(
          fc.nat({ max: size - 1 }),
          fc.integer({ min: -1000, max: 1000 }).filter((d) => d !== 0),
          (index, delta) => {
            const { report, cell } = mutate(build, index, delta);
            const errors = runRules(report).filter((f) => f.severity === 'error');
            return errors.some((f) => sameCell(f.location, cell) || (f.related ?? []).some((r) => sameCell(r, cell)));
          },
        ),
        { numRuns: 300 },
      );
    });

    it(`${name}: exhaustive over cells with +1 and -1`, () => {
      const size = countCells(build()).length;
      for (let i = 0; i < size; i++) {
        for (const delta of [1, -1]) {
          const { report, cell } = mutate(build, i, delta);
          const errors = runRules(report).filter((f) => f.severity === 'error');
          const hit = errors.some((f) => sameCell(f.location, cell) || (f.related ?? []).some((r) => sameCell(r, cell)));
          expect(hit, `cell ${JSON.stringify(cell.at)} ${delta > 0 ? '+' : ''}${delta}`).toBe(true);
        }
      }
    });
  }
});

describe('findings of mutated tables stay valid', () => {
  it('validate against the Finding schema', async () => {
    const { validateFindings } = await import('../../../utils/report/schema');
    for (const [, build] of builders) {
      const { report } = mutate(build, 3, 7);
      expect(validateFindings(runRules(report), report)).toEqual({ ok: true });
    }
  });
});
