import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConverterBuilder, ConverterFactory } from 'opencc-js/core';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import * as t2cnPreset from 'opencc-js/preset/t2cn';
import { describe, expect, it } from 'vitest';
import { dictionaryConverter, toSimplified, unifyCompatibilityIdeographs } from '../../../utils/text/convert';

describe('toSimplified', () => {
  it('gives exactly the t2cn preset output on every seed', () => {
    const preset = ConverterBuilder(t2cnPreset as Parameters<typeof ConverterBuilder>[0])({ from: 't', to: 'cn' });
    for (const seed of ['000', '001', '002', '003', '004']) {
      const text = readFileSync(join(__dirname, '../../fixtures/seeds', `${seed}.txt`), 'utf8');
      expect(toSimplified(text), seed).toBe(preset(text));
    }
  });

  it('converts phrases and compatibility ideographs', () => {
    expect(toSimplified('乾淨')).toBe('干净');
    expect(toSimplified('乾隆')).toBe('乾隆');
    expect(toSimplified('\uF900')).toBe('岂'); // CJK compatibility ideograph 豈 → 豈 → 岂
  });

  it("unifies compatibility ideographs exactly as opencc's dictionary does, on every code point of both blocks", () => {
    const normalise = ConverterFactory([CJKCompatibility]);
    const differ: string[] = [];
    for (const [lo, hi] of [
      [0xf900, 0xfaff],
      [0x2f800, 0x2fa1f],
    ] as const) {
      for (let cp = lo; cp <= hi; cp++) {
        const c = String.fromCodePoint(cp);
        if (unifyCompatibilityIdeographs(c) !== normalise(c)) differ.push(cp.toString(16));
      }
    }
    expect(differ).toEqual([]);
    // In running text, and nothing else changes (a decomposable Latin sequence stays decomposed).
    const text = '\uF900\u{2F800}公開e\u0301\uFA0E';
    expect(unifyCompatibilityIdeographs(text)).toBe(normalise(text));
    expect(unifyCompatibilityIdeographs(text)).toBe('豈丽公開e\u0301\uFA0E');
  });
});

describe('dictionaryConverter', () => {
  const dictionaries = [TSCharacters as unknown as string, TSPhrases as unknown as string];
  const ours = dictionaryConverter(dictionaries);
  const opencc = ConverterFactory([TSPhrases, TSCharacters]);
  const keys = dictionaries.flatMap((d) => d.split('|').map((e) => e.split(' ')[0]!));

  it('converts every key of both dictionaries, run together and one by one, as opencc does', () => {
    expect(ours(keys.join(''))).toBe(opencc(keys.join('')));
    expect(ours(keys.join('，'))).toBe(opencc(keys.join('，')));
  });

  it('takes the longest phrase, copies unmatched text and ideographic description sequences whole', () => {
    expect(ours('乾淨')).toBe('干净');
    expect(ours('乾隆年間')).toBe('乾隆年间');
    // ⿰ takes two parts: the sequence ⿰門問 is copied as written; the 門 after it converts.
    expect(ours('⿰門問門')).toBe('⿰門問门');
    expect(opencc('⿰門問門')).toBe('⿰門問门');
    // An incomplete sequence is no sequence: ⿰ alone is copied and 門 converts.
    expect(ours('⿰門')).toBe('⿰门');
    expect(opencc('⿰門')).toBe('⿰门');
    expect(ours('abc 123')).toBe('abc 123');
    expect(ours('')).toBe('');
  });

  it('agrees with opencc on random text mixing keys, phrase pieces, description characters and surrogates', () => {
    const pieces = [
      ...keys.slice(0, 400),
      ...keys.filter((k) => [...k].length > 1).map((k) => [...k][0]!),
      '⿰',
      '⿱',
      '⿲',
      '⿻',
      '\ud840',
      '\udc00',
      'a',
      ' ',
      '，',
      '年',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        return ours(text) === opencc(text);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('dictionaryConverter built in one scan (sprint 7)', () => {
  it('takes the first candidate of a value, lets a later entry win, and reads keys beyond the BMP', () => {
    const convert = dictionaryConverter(['甲 乙 丙|丁 戊|𠀋 己', '丁 庚|甲乙 辛 壬']);
    expect(convert('甲')).toBe('乙');
    expect(convert('丁')).toBe('庚');
    expect(convert('𠀋')).toBe('己');
    expect(convert('甲乙甲')).toBe('辛乙');
  });

  it('refuses an entry without a value', () => {
    expect(() => dictionaryConverter(['甲 乙|丙'])).toThrow(TypeError);
  });
});
