/**
 * Issue 17, "Must show": a shuffled or split header row of a clean table never produces a table error (the
 * columns are then a guess, and a sum over a guess is at most a note), while each single-cell change of a
 * clean table read with certainty is still caught as an error.
 * Inputs: the converter's pipe table of 表三 (test/unit/parse/fixtures-pipe-table.ts) through the text path, and the
 * Word-pasted clean-2021 page (表三 and 表四 with spans) through the HTML path.
 * Cases: 100 + 80 header edits, 80 + 50 single-cell changes.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../utils/parse/index';
import { checkDocument, checkText } from '../../../utils/pipeline';
import type { CellValue, Finding } from '../../../utils/report/types';
import { runs } from './arbitraries';
import { htmlToDocument } from './dom';
import { HEADER, ROWS, reportText } from './fixtures-pipe-table';

/** The rules that judge the tables' arithmetic and values (prose rules compare prose with cells: not these). */
const TABLE_RULES = new Set([
  'applications-balance',
  'applications-outcome-sum',
  'applications-row-sum',
  'review-litigation-sum',
  'invalid-value',
]);
const tableErrors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error' && TABLE_RULES.has(f.rule));

const cellsOf = (line: string) =>
  line
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim());
const lineOf = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** A header edit: shuffle a header line's cells, split a line in two at a cell, or split a header word over two cells. */
type HeaderEdit =
  | { op: 'shuffle'; line: number; seed: number[] }
  | { op: 'splitLine'; line: number; at: number }
  | { op: 'splitWord'; line: number; at: number };
const headerEdit: fc.Arbitrary<HeaderEdit> = fc.oneof(
  fc.record({ op: fc.constant('shuffle' as const), line: fc.constantFrom(2, 3), seed: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }) }),
  fc.record({ op: fc.constant('splitLine' as const), line: fc.constantFrom(2, 3), at: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('splitWord' as const), line: fc.constantFrom(2, 3), at: fc.integer({ min: 2, max: 8 }) }),
);

function applyHeaderEdit(header: string[], e: HeaderEdit): string[] {
  const out = [...header];
  const line = out[e.line];
  if (!line) return out;
  const cells = cellsOf(line);
  if (e.op === 'shuffle') {
    // sort by the random keys: a permutation of the line's cells
    const order = cells
      .map((c, i) => ({ c, k: e.seed[i]! * 16 + i }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.c);
    out[e.line] = lineOf(order);
  } else if (e.op === 'splitLine') {
    // the converter broke the line: the cells after `at` go to a line of their own
    out.splice(e.line, 1, lineOf(cells.slice(0, e.at)), lineOf(cells.slice(e.at)));
  } else {
    const word = cells[e.at];
    if (!word || word.length < 2) return out;
    const half = Math.ceil(word.length / 2);
    out[e.line] = lineOf([...cells.slice(0, e.at), word.slice(0, half), word.slice(half), ...cells.slice(e.at + 1)]);
  }
  return out;
}

const emptyDoc = () => htmlToDocument('<html><body></body></html>');

describe('pipe table 三: header edits and single-cell changes', () => {
  it('the clean table has no table error (the premise)', () => {
    expect(tableErrors(checkText(reportText(HEADER, ROWS), emptyDoc()).findings)).toEqual([]);
  });

  it('a shuffled or split header never produces a table error (100 cases)', () => {
    fc.assert(
      fc.property(fc.array(headerEdit, { minLength: 1, maxLength: 2 }), (edits) => {
        const header = edits.reduce(applyHeaderEdit, HEADER);
        const errors = tableErrors(checkText(reportText(header, ROWS), emptyDoc()).findings);
        expect(
          errors.map((f) => `${f.rule} ${JSON.stringify(f.data.expression ?? f.data)}`),
          header.join('\n'),
        ).toEqual([]);
      }),
      { numRuns: runs(100) },
    );
  });

  it('each single-cell change of the clean table is an error (80 cases)', () => {
    fc.assert(
      fc.property(fc.nat({ max: ROWS.length - 1 }), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 1, max: 9 }), (row, col, delta) => {
        const cells = cellsOf(ROWS[row]!);
        cells[col] = String(Number(cells[col]) + delta);
        const rows = ROWS.map((r, i) => (i === row ? lineOf(cells) : r));
        expect(tableErrors(checkText(reportText(HEADER, rows), emptyDoc()).findings).length).toBeGreaterThan(0);
      }),
      { numRuns: runs(80) },
    );
  });
});

describe('Word-pasted grid (clean-2021): header edits and single-cell changes', () => {
  const page = readFileSync(join(__dirname, '../../fixtures/pages/clean-2021.html'), 'utf8');
  // 表三's leaf header row and 表四's outcome row, as printed
  const APP_LEAVES = '<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>';
  const APP_TOP = '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>';
  const REVIEW_LEAVES =
    '<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>';

  it('the fixture rows are there and the clean page has no table error (the premise)', () => {
    for (const row of [APP_LEAVES, APP_TOP, REVIEW_LEAVES]) expect(page.includes(row), row).toBe(true);
    expect(tableErrors(checkDocument(htmlToDocument(page)).findings)).toEqual([]);
  });

  /** Shuffles the <td>s of a row (a permutation from random keys). */
  const shuffleRow = (row: string, seed: number[]) => {
    const tds = row.slice(4, -5).match(/<td[^>]*>[^<]*<\/td>/g)!;
    const order = tds
      .map((c, i) => ({ c, k: (seed[i] ?? 0) * 32 + i }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.c);
    return `<tr>${order.join('')}</tr>`;
  };

  it('a shuffled header row of 表三 or 表四 never produces a table error (80 cases)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(APP_LEAVES, APP_TOP, REVIEW_LEAVES),
        fc.array(fc.nat(), { minLength: 15, maxLength: 15 }),
        (row, seed) => {
          const html = page.replace(row, shuffleRow(row, seed));
          const errors = tableErrors(checkDocument(htmlToDocument(html)).findings);
          expect(
            errors.map((f) => `${f.rule} ${JSON.stringify(f.data.expression ?? f.data)}`),
            shuffleRow(row, seed),
          ).toEqual([]);
        },
      ),
      { numRuns: runs(80) },
    );
  });

  it('each single-cell change of 表三 or 表四 is an error (50 cases)', () => {
    const report = checkDocument(htmlToDocument(page)).report;
    const cells: CellValue[] = [report.standard.applications!, report.standard.reviewLitigation!].flatMap((t) =>
      Object.values('rows' in t ? t.rows : t.groups).flatMap((line) => Object.values(line ?? {}) as CellValue[]),
    );
    expect(cells.length).toBeGreaterThan(150);
    expect(cells.every((c) => c.read?.placed === 'grid')).toBe(true);
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 9 }), (pick, delta) => {
        const target = cells[pick % cells.length]!;
        // the same cell in a fresh copy of the page, found through the parser's anchors
        const doc = htmlToDocument(page);
        const td = parseDocument(doc).anchors.resolve({ kind: 'cell', ...target.at, quote: target.value.text }) as Element;
        expect(td.textContent?.trim()).toBe(target.value.text);
        td.textContent = String(Number(target.value.text) + delta);
        expect(tableErrors(checkDocument(doc).findings).length).toBeGreaterThan(0);
      }),
      { numRuns: runs(50) },
    );
  });
});
