import { ConverterFactory } from 'opencc-js/core';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import CJKCompatibility from 'opencc-js/dict/CJK_Compatibility_Ideographs';

type Convert = (text: string) => string;
let converter: Convert | null = null;

/**
 * Traditional → Simplified (mainland): exactly the t2cn preset's generic-Traditional chain
 * (its `configs.t2s`: CJK compatibility normalisation, then TSPhrases + TSCharacters), built from
 * those three dictionaries only. Importing the preset module would also bundle its Hong Kong,
 * Taiwan and Japanese dictionaries, which `{ from: 't', to: 'cn' }` never uses (about 40% of the
 * report script). test/unit/text/convert.test.ts proves the output identical to the preset's.
 * Built lazily, once: building costs 15–40 ms, so Simplified pages never pay for it.
 */
export function toSimplified(text: string): string {
  if (!converter) {
    const normalise = ConverterFactory([CJKCompatibility]);
    const convert = ConverterFactory([TSPhrases, TSCharacters]);
    converter = (s) => convert(normalise(s));
  }
  return converter(text);
}

/** True once the converter has been built (for tests proving Simplified pages never build it). */
export function converterBuilt(): boolean {
  return converter !== null;
}
