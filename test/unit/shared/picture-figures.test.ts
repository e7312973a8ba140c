/** entrypoints/shared/picture-figures.ts: which key figures rest on values read by OCR, and how sure. */
import { describe, expect, it } from 'vitest';
import { pictureFigures } from '../../../entrypoints/shared/picture-figures';
import type { CellValue, Figures, StandardTables } from '../../../utils/report/types';

let col = 0;
const num = (value: number, confidence?: number): CellValue => ({
  value: { kind: 'number', value, text: String(value) },
  at: { table: 1, row: 0, col: col++ },
  ...(confidence === undefined ? {} : { read: { placed: 'picture', confidence } }),
});
const blank = (): CellValue => ({
  value: { kind: 'missing', text: '' },
  at: { table: 1, row: 0, col: col++ },
  read: { placed: 'picture', confidence: 0 },
});

const figures = (over: Partial<Figures>): Figures => ({
  activeDisclosed: null,
  applicationsNew: null,
  applicationsCarriedOver: null,
  applicationsHandled: null,
  applicationsCarriedForward: null,
  reviewTotal: null,
  litigationTotal: null,
  ...over,
});

describe('pictureFigures', () => {
  it('a figure from a picture-read 总计 cell carries that cell’s confidence; a typed table gives none', () => {
    const standard = {
      applications: {
        table: 1,
        format: '2021',
        rows: { new: { natural: num(5, 0.5), total: num(5, 0.97) }, carriedOver: { total: num(0) } },
      },
    } as unknown as StandardTables;
    expect(pictureFigures(standard, figures({ applicationsNew: 5, applicationsCarriedOver: 0 }))).toEqual({ applicationsNew: 0.97 });
  });

  it('a blank 总计: the least confidence of the applicant cells summed in its place', () => {
    const standard = {
      applications: {
        table: 1,
        format: '2021',
        rows: { carriedForward: { natural: num(1, 0.93), commercial: num(0, 0.71), total: blank() } },
      },
    } as unknown as StandardTables;
    expect(pictureFigures(standard, figures({ applicationsCarriedForward: 1 }))).toEqual({ applicationsCarriedForward: 0.71 });
  });

  it('litigation: the least of its two totals; a figure the report does not state is not listed', () => {
    const standard = {
      reviewLitigation: {
        table: 2,
        groups: {
          review: { total: num(3, 0.99) },
          litigationDirect: { total: num(0, 0.92) },
          litigationAfterReview: { total: num(0, 0.88) },
        },
      },
    } as unknown as StandardTables;
    expect(pictureFigures(standard, figures({ litigationTotal: 0 }))).toEqual({ litigationTotal: 0.88 });
  });

  it('a figure from the prose (主动公开) is never listed', () => {
    expect(pictureFigures({} as StandardTables, figures({ activeDisclosed: 209 }))).toEqual({});
  });
});
