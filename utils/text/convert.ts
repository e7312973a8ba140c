import { ConverterFactory } from 'opencc-js/core';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';

type Convert = (text: string) => string;
let converter: Convert | null = null;

/** The two blocks of CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F). */
const COMPATIBILITY_IDEOGRAPH = /[\u{F900}-\u{FAFF}\u{2F800}-\u{2FA1F}]/gu;

/**
 * opencc's CJK_Compatibility_Ideographs dictionary, without its 16 KB: each of its 1,002 entries maps
 * a compatibility ideograph to the ideograph Unicode's canonical decomposition names, and it leaves
 * every other one of the two blocks as it is, which is exactly what NFC does to a character of those
 * blocks (test/unit/text/convert.test.ts compares the two on every code point). Other text is untouched.
 */
export function unifyCompatibilityIdeographs(text: string): string {
  return text.replace(COMPATIBILITY_IDEOGRAPH, (c) => c.normalize('NFC'));
}

/**
 * Traditional → Simplified (mainland): exactly the t2cn preset's generic-Traditional chain
 * (its `configs.t2s`: CJK compatibility normalisation, then TSPhrases + TSCharacters), built from
 * those dictionaries only. Importing the preset module would also bundle its Hong Kong,
 * Taiwan and Japanese dictionaries, which `{ from: 't', to: 'cn' }` never uses (about 40% of the
 * report script). test/unit/text/convert.test.ts proves the output identical to the preset's.
 * Built lazily, once: building costs 15–40 ms, so Simplified pages never pay for it.
 */
export function toSimplified(text: string): string {
  if (!converter) {
    const convert = ConverterFactory([TSPhrases, TSCharacters]);
    converter = (s) => convert(unifyCompatibilityIdeographs(s));
  }
  return converter(text);
}

/** True once the converter has been built (for tests proving Simplified pages never build it). */
export function converterBuilt(): boolean {
  return converter !== null;
}
