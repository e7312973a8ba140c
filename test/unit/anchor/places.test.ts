/** The further places a finding names, as Locations (utils/anchor/places.ts). */
import { describe, expect, it } from 'vitest';
import { tablePlace, termLocation } from '../../../utils/anchor/places';
import type { Finding } from '../../../utils/report/types';

const finding = (location: Finding['location'], related?: Finding['related']): Finding => ({
  rule: 'narrative-vs-table',
  messageId: 'mismatch',
  data: {},
  severity: 'warning',
  location,
  ...(related ? { related } : {}),
});

describe('places a finding names', () => {
  it('a term of a sum: its cell, quoted as printed', () => {
    const term = {
      label: { 'zh-Hans': '予以公开', 'zh-Hant': '予以公開', en: 'Granted' },
      value: 12,
      text: '12',
      cell: { table: 2, row: 5, col: 8 },
      side: 'right' as const,
    };
    expect(termLocation(term)).toEqual({ kind: 'cell', table: 2, row: 5, col: 8, quote: '12' });
  });

  it('a sentence read against a table: the first cell among its related places', () => {
    const sentence = { kind: 'text' as const, start: 40, end: 46, quote: '新收申请49件' };
    const section = { kind: 'section' as const, path: [5], quote: '' };
    const cellA = { kind: 'cell' as const, table: 2, row: 3, col: 8, quote: '49' };
    const cellB = { kind: 'cell' as const, table: 2, row: 4, col: 8, quote: '4' };
    expect(tablePlace(finding(sentence, [section, cellA, cellB]))).toEqual(cellA);
    expect(tablePlace(finding(sentence, [section]))).toBeNull();
    expect(tablePlace(finding(sentence))).toBeNull();
    // A finding on a cell has no other table place to offer.
    expect(tablePlace(finding(cellA, [cellB]))).toBeNull();
  });
});
