/**
 * A table of a scanned report cut by a page break, as OCR gives it back (runs and rules in points, written by
 * hand): the second part's leftmost column (a label spanning every row there) lost its rule, so its grid starts
 * one column in, and the label came back as text beside it; the first page ends with an unreadable crop.
 */
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../cli/dom';
import { reconstructDocument } from '../../../utils/pdf/reconstruct';
import type { PdfPageInput, PdfRule, PdfRun } from '../../../utils/pdf/types';

const run = (str: string, x: number, y: number, h = 8): Omit<PdfRun, 'index'> => ({
  str,
  x,
  y,
  w: [...str].length * h,
  h,
  confidence: 0.99,
});
const h = (at: number, from: number, to: number): PdfRule => ({ dir: 'h', at, from, to });
const v = (at: number, from: number, to: number): PdfRule => ({ dir: 'v', at, from, to });
const page = (n: number, runs: Omit<PdfRun, 'index'>[], rules: PdfRule[], picture = true): PdfPageInput => ({
  page: n,
  width: 600,
  height: 800,
  runs: runs.map((r, index) => ({ ...r, index })),
  rules,
  images: 1,
  ...(picture ? { picture: { image: n, rotation: 0 } } : {}),
});

// Columns 10 | 100 | 200 | 300 | 400 | 500: the label over the first two, then 甲, 乙, 丙, 总计.
const XS = [10, 100, 200, 300, 400, 500];
const first = (picture = true) =>
  page(
    1,
    [
      run('情况', 20, 675),
      run('甲', 210, 675),
      run('乙', 310, 675),
      run('丙', 410, 675),
      run('一、新收', 20, 715),
      ...[3, 1, 4].map((n, i) => run(String(n), 210 + 100 * i, 715)),
      run('二、结转', 20, 755),
      ...[0, 0, 0].map((n, i) => run(String(n), 210 + 100 * i, 755)),
      { ...run('', 300, 790), confidence: 0 },
    ],
    [...[660, 700, 740, 780].map((y) => h(y, 10, 500)), ...XS.map((x) => v(x, 660, 780)).filter((r) => r.at !== 100), v(100, 780, 780)],
    picture,
  );
const second = (picture = true) =>
  page(
    2,
    [
      run('三、办理', 20, 55),
      run('结果', 20, 67),
      run('（一）公开', 110, 55),
      ...[2, 1, 3].map((n, i) => run(String(n), 210 + 100 * i, 55)),
      run('（二）其他', 110, 95),
      ...[1, 0, 1].map((n, i) => run(String(n), 210 + 100 * i, 95)),
    ],
    [...[40, 80, 120].map((y) => h(y, 100, 500)), ...XS.slice(1).map((x) => v(x, 40, 120))],
    picture,
  );

const rowsOf = (table: Element) =>
  [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim()));

describe('a scanned table cut by a page break, its second part without its left rule', () => {
  it('is one table, the label read beside the part put back in the lost column', () => {
    const doc = emptyDocument();
    reconstructDocument([first(), second()], doc);
    const tables = [...doc.querySelectorAll('table')];
    expect(tables).toHaveLength(1);
    expect(rowsOf(tables[0]!)).toEqual([
      ['情况', '甲', '乙', '丙'],
      ['一、新收', '3', '1', '4'],
      ['二、结转', '0', '0', '0'],
      ['三、办理结果', '（一）公开', '2', '1', '3'],
      ['（二）其他', '1', '0', '1'],
    ]);
    // The label is in the table, not a paragraph after it (三、 would read as a section heading).
    expect([...doc.querySelectorAll('p, h2')].map((p) => p.textContent)).not.toContain('三、办理结果');
  });

  it('stays two tables in a PDF with its own text (not read from pictures)', () => {
    const doc = emptyDocument();
    reconstructDocument([first(false), second(false)], doc);
    expect(doc.querySelectorAll('table')).toHaveLength(2);
  });
});
