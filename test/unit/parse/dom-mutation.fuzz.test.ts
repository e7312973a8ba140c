/**
 * Mutation property, DOM level (the Report-level version is test/unit/rules/mutation.test.ts): in each
 * fixture page with standard tables, changing the text of any single count cell of table 三 or 四 in the
 * DOM by any non-zero amount, then parsing, yields at least one error finding located at that cell or with
 * that cell among its related locations. (The brief also allowed "in the same row or column"; the
 * stricter form holds, so it is what is asserted.)
 * Cells already in an error of the unmutated page (seed-003 prints 结果维持 2 with 总计 0) are left out:
 * there a change can repair the table, and no error is then the right answer.
 * Cases: 5 pages × 120 = 600.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../utils/parse';
import type { CellRef, CellValue, Location, Report } from '../../../utils/report/types';
import { runRules } from '../../../utils/rules';
import { runs } from './arbitraries';
import { htmlToDocument } from './dom';

const PAGES = ['seed-003', 'clean-2019', 'clean-2021', 'agency-a-2021', 'agency-a-2022'];

function countCells(report: Report): CellValue[] {
  const out: CellValue[] = [];
  for (const row of Object.values(report.standard.applications?.rows ?? {})) out.push(...(Object.values(row ?? {}) as CellValue[]));
  for (const g of Object.values(report.standard.reviewLitigation?.groups ?? {})) out.push(...(Object.values(g ?? {}) as CellValue[]));
  return out.filter((c) => c.value.kind === 'number');
}

const exact = (l: Location, at: CellRef) => l.kind === 'cell' && l.table === at.table && l.row === at.row && l.col === at.col;

describe.each(PAGES)('%s', (name) => {
  const html = readFileSync(join(__dirname, '../../fixtures/pages', `${name}.html`), 'utf8');
  const doc = htmlToDocument(html);
  const { report, anchors } = parseDocument(doc);
  const cellElements = [...doc.querySelectorAll('td,th')];
  // Each count cell with the document-order index of its <td>, so a fresh document can find it again.
  const before = runRules(report).filter((f) => f.severity === 'error');
  const inError = (at: CellRef) => before.some((f) => exact(f.location, at) || (f.related ?? []).some((r) => exact(r, at)));
  const targets = countCells(report)
    .filter((c) => !inError(c.at))
    .map((c) => {
      const el = anchors.resolve({ kind: 'cell', quote: '', ...c.at }) as Element | null;
      return { cell: c, index: el ? cellElements.indexOf(el) : -1 };
    });

  it('has count cells in tables 三 and 四', () => {
    expect(targets.length).toBeGreaterThanOrEqual(15);
    expect(targets.every((t) => t.index >= 0)).toBe(true);
  });

  it('any single count cell changed by any non-zero amount is caught at or with the cell (120 cases)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: targets.length - 1 }),
        fc.integer({ min: -1000, max: 1000 }).filter((d) => d !== 0),
        (i, delta) => {
          const { cell, index } = targets[i]!;
          const value = (cell.value as { value: number }).value + delta;
          const mutated = htmlToDocument(html);
          const td = mutated.querySelectorAll('td,th')[index]!;
          td.textContent = String(value);
          const parsed = parseDocument(mutated).report;
          const errors = runRules(parsed).filter((f) => f.severity === 'error');
          const hit = errors.some((f) => exact(f.location, cell.at) || (f.related ?? []).some((r) => exact(r, cell.at)));
          expect(
            hit,
            `${name}: cell ${JSON.stringify(cell.at)} ${cell.value.text} → ${value}; errors: ${errors.map((f) => f.rule).join(', ')}`,
          ).toBe(true);
        },
      ),
      { numRuns: runs(120) },
    );
  });
});
