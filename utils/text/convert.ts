import { ConverterBuilder } from 'opencc-js/core';
import * as t2cnPreset from 'opencc-js/preset/t2cn';

type Convert = (text: string) => string;
let converter: Convert | null = null;

/**
 * Traditional → Simplified (mainland) with opencc's t2cn preset only. Built lazily, once: building
 * costs 20–40 ms, so Simplified pages never pay for it.
 */
export function toSimplified(text: string): string {
  converter ??= ConverterBuilder(t2cnPreset as Parameters<typeof ConverterBuilder>[0])({ from: 't', to: 'cn' });
  return converter(text);
}

/** True once the converter has been built (for tests proving Simplified pages never build it). */
export function converterBuilt(): boolean {
  return converter !== null;
}
