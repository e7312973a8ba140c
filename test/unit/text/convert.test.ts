import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConverterBuilder } from 'opencc-js/core';
import * as t2cnPreset from 'opencc-js/preset/t2cn';
import { toSimplified } from '../../../utils/text/convert';

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
});
