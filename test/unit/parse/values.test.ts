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
    // Plain digits take a short path: leading zeros, long runs and surrounding space read as before.
    ['0012', 12],
    ['000', 0],
    ['\t 42\n', 42],
    ['123456789012345', 123456789012345],
    ['1234567890123456', 1234567890123456],
  ])('%s → number %d', (text, value) => {
    expect(parseCellValue(text)).toEqual({ kind: 'number', value, text: text.trim() });
  });

  test.each(['', '  ', '/', '-', '—', '－', '无', '不适用', '空', '——', '／', ' / '])('%j → missing', (text) => {
    expect(parseCellValue(text)).toEqual({ kind: 'missing', text: text.trim() });
  });

  test.each(['规章', '1,23', '1.2.3', '增', '增-3', '12abc', '（一）予以公开', '1 0', 'NaN'])('%j → text', (text) => {
    expect(parseCellValue(text).kind).toBe('text');
  });

  test.each([
    ['31（其中修订9件）', 31, '其中修订9件'],
    ['40(含自然失效12件)', 40, '含自然失效12件'],
    ['12件（含转办3件）', 12, '含转办3件'],
    ['665 （现行有效）', 665, '现行有效'],
  ])('%s → number %d with the note kept apart', (text, value, note) => {
    expect(parseCellValue(text)).toEqual({ kind: 'number', value, text, note });
  });

  test.each(['（一）予以公开', '1.属于国家秘密（注）', '若干（待统计）', '3(2)'])('%j is no number with a note', (text) => {
    expect(parseCellValue(text).kind).toBe('text');
  });

  test.each(['&nbsp;', '\u00a0', '\u3000', '―', '暂无', '未涉及', 'N/A'])('%j → missing (placeholder)', (text) => {
    expect(parseCellValue(text).kind).toBe('missing');
  });

  test('reads the minus sign of a 本年增/减 cell typed as U+2212', () => {
    expect(parseCellValue('\u22127')).toEqual({ kind: 'number', value: -7, text: '\u22127' });
  });

  test('exports the brief placeholders', () => {
    for (const p of ['', '/', '-', '—', '－', '无', '不适用', '空']) expect(PLACEHOLDERS).toContain(p);
  });
});
