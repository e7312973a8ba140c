/**
 * The shipped form of opencc's TSCharacters dictionary (wxt-plugins/compact-opencc.ts: the Traditional part's,
 * without the entries that map a character to itself) converts exactly as the package's dictionary does.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import { describe, expect, it } from 'vitest';
import { compactDictionaryModule } from '../../../wxt-plugins/compact-opencc';

/** Runs the generated module's code and returns its default export. */
function load(source: string): string {
  return new Function(source.replace('export default', 'return'))() as string;
}

describe('compact TSCharacters', () => {
  const original = TSCharacters as unknown as string;
  const compact = load(compactDictionaryModule(original));

  it('keeps every entry that changes a character, in order, and drops only the ones mapping a character to itself', () => {
    const entries = original.split('|');
    expect(compact.split('|')).toEqual(entries.filter((e) => e.split(' ')[0] !== e.split(' ')[1]));
    expect(entries.length - compact.split('|').length).toBe(290);
    expect(compact).toContain('萬 万');
    // Characters outside the BMP (two UTF-16 units each) stay paired with their own values.
    expect(compact).toContain('㗲 𠵾');
    expect(compact).toContain('𰻞 𰻝');
  });

  it('converts every dictionary character, every phrase and the seeds exactly as the package dictionary does', () => {
    const full = ConverterFactory([TSPhrases, TSCharacters]);
    const small = ConverterFactory([TSPhrases, compact]);
    const keys = original
      .split('|')
      .map((e) => e.split(' ')[0])
      .join('');
    expect(small(keys)).toBe(full(keys));
    const phrases = (TSPhrases as unknown as string)
      .split('|')
      .map((e) => e.split(' ')[0])
      .join('，');
    expect(small(phrases)).toBe(full(phrases));
    for (const seed of ['000', '001', '002', '003', '004']) {
      const text = readFileSync(join(__dirname, '../../fixtures/seeds', `${seed}.txt`), 'utf8');
      expect(small(text), seed).toBe(full(text));
    }
    expect(small('萬與乾淨')).toBe('万与干净');
  });

  it('refuses a dictionary that is not one character to one character', () => {
    expect(() => compactDictionaryModule('乾淨 干净|萬 万')).toThrow(/single-character/);
  });
});
