import { describe, expect, test } from 'vitest';
import { PLACEHOLDERS, parseCellValue } from '../../../utils/parse/values';

describe('parseCellValue', () => {
  test.each([
    ['0', 0],
    ['1552', 1552],
    ['30,731', 30731],
    ['30，731', 30731],
    ['１２３', 123],
    ['１，２３４．５', 1234.5],
    ['12.50', 12.5],
    [' 7 ', 7],
    ['增5', 5],
    ['减3', -3],
    ['增加2', 2],
    ['减少 4', -4],
    ['-3', -3],
    ['+2', 2],
    ['－2', -2],
    ['5件', 5],
    ['3.5万元', 3.5],
  ])('%s → number %d', (text, value) => {
    expect(parseCellValue(text)).toEqual({ kind: 'number', value, text: text.trim() });
  });

  test.each(['', '  ', '/', '-', '—', '－', '无', '不适用', '空', '——', '／', ' / '])('%j → missing', (text) => {
    expect(parseCellValue(text)).toEqual({ kind: 'missing', text: text.trim() });
  });

  test.each(['规章', '1,23', '1.2.3', '增', '增-3', '12abc', '（一）予以公开', '1 0', 'NaN'])('%j → text', (text) => {
    expect(parseCellValue(text).kind).toBe('text');
  });

  test('exports the brief placeholders', () => {
    for (const p of ['', '/', '-', '—', '－', '无', '不适用', '空']) expect(PLACEHOLDERS).toContain(p);
  });
});
