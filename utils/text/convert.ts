import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

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

interface PhraseNode {
  next: Map<number, PhraseNode>;
  value?: string;
}

/**
 * opencc's dictionary conversion (its Trie.convert: at each position the longest key wins, else one
 * character — or a whole ideographic description sequence — is copied), built for these dictionaries'
 * shape: single characters in one map, the few hundred phrases in a small trie. Building opencc's trie
 * of a map per character cost 20–40 ms on a report page's first Traditional text; this costs about 1 ms.
 * Dictionaries are "key value|key value" strings; a later entry for the same key wins, as in opencc.
 */
export function dictionaryConverter(dictionaries: readonly string[]): Convert {
  const chars = new Map<number, string>();
  const phrases: PhraseNode = { next: new Map() };
  // BMP lookups by code unit, so the common character (no phrase starts with it, no entry of its own) costs
  // two typed-array reads instead of two Map lookups: 1 = a phrase starts here, 2 = a character entry.
  const flags = new Uint8Array(0x10000);
  const charValues: string[] = [''];
  const charIndex = new Uint16Array(0x10000);
  // One scan of each dictionary string, filling the arrays as it reads: this runs cold on a Traditional page's first
  // check, where splitting it into entries and going through a map first cost several milliseconds.
  for (const dictionary of dictionaries) {
    for (let start = 0; start < dictionary.length; ) {
      let end = dictionary.indexOf('|', start);
      if (end < 0) end = dictionary.length;
      const space = dictionary.indexOf(' ', start);
      if (space < 0 || space > end) throw new TypeError(`invalid dictionary entry ${JSON.stringify(dictionary.slice(start, end))}`);
      let valueEnd = dictionary.indexOf(' ', space + 1);
      if (valueEnd < 0 || valueEnd > end) valueEnd = end;
      const value = dictionary.slice(space + 1, valueEnd);
      const first = dictionary.codePointAt(start)!;
      // An empty key never matches in opencc either.
      if (space > start && space - start === (first > 0xffff ? 2 : 1)) {
        if (first > 0xffff) chars.set(first, value);
        else {
          flags[first]! |= 2;
          charIndex[first] = charValues.push(value) - 1;
        }
      } else if (space > start) {
        let node = phrases;
        for (let i = start; i < space; ) {
          const cp = dictionary.codePointAt(i)!;
          i += cp > 0xffff ? 2 : 1;
          let child = node.next.get(cp);
          if (!child) node.next.set(cp, (child = { next: new Map() }));
          if (node === phrases && cp <= 0xffff) flags[cp]! |= 1;
          node = child;
        }
        node.value = value;
      }
      start = end + 1;
    }
  }
  return (s) => {
    const n = s.length;
    let out = '';
    let copyFrom = 0;
    for (let i = 0; i < n; ) {
      const unit = s.charCodeAt(i);
      // Not a surrogate, no phrase, no entry, not a description character: copied as it is.
      const flag = flags[unit]!;
      if (flag === 0 && (unit < 0x2ff0 || unit > 0x2fff) && (unit < 0xd800 || unit > 0xdfff)) {
        i++;
        continue;
      }
      const cp = s.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      // Longest phrase from i (two characters or more).
      let end = 0;
      let value: string | undefined;
      let node = width === 1 && !(flag & 1) ? undefined : phrases.next.get(cp);
      for (let j = i + width; node; ) {
        if (node.value !== undefined) {
          end = j;
          value = node.value;
        }
        if (j >= n) break;
        const c = s.codePointAt(j)!;
        node = node.next.get(c);
        j += c > 0xffff ? 2 : 1;
      }
      if (value === undefined) {
        value = width === 1 ? (flag & 2 ? charValues[charIndex[cp]!] : undefined) : chars.get(cp);
        end = i + width;
      }
      if (value !== undefined) {
        out += s.slice(copyFrom, i) + value;
        i = end;
        copyFrom = i;
      } else {
        i += unmatchedLength(s, i);
      }
    }
    return copyFrom === 0 ? s : out + s.slice(copyFrom);
  };
}

/** How many children an ideographic description character (U+2FF0–U+2FFF) takes; 0 for any other. */
function descriptionArity(cp: number): number {
  if (cp >= 0x2ff0 && cp <= 0x2ff1) return 2;
  if (cp >= 0x2ff2 && cp <= 0x2ff3) return 3;
  if (cp >= 0x2ff4 && cp <= 0x2fff) return 2;
  return 0;
}

/** End of the ideographic description sequence starting at i, or 0 (opencc copies such a sequence whole). */
function descriptionEnd(s: string, i: number): number {
  const arity = descriptionArity(s.codePointAt(i)!);
  if (arity === 0) return 0;
  let end = i + codePointWidth(s, i);
  for (let k = 0; k < arity; k++) {
    if (end >= s.length) return 0;
    end = descriptionEnd(s, end) || end + codePointWidth(s, end);
  }
  return end;
}

const codePointWidth = (s: string, i: number) => (s.codePointAt(i)! > 0xffff ? 2 : 1);

function unmatchedLength(s: string, i: number): number {
  const end = descriptionEnd(s, i);
  return end > i ? end - i : codePointWidth(s, i);
}

/**
 * Traditional → Simplified (mainland): exactly the t2cn preset's generic-Traditional chain
 * (its `configs.t2s`: CJK compatibility normalisation, then TSPhrases + TSCharacters), from those
 * dictionaries only (the preset module would also bundle its Hong Kong, Taiwan and Japanese ones).
 * test/unit/text/convert.test.ts proves the output identical to the preset's. Built lazily, once,
 * so Simplified pages never pay for it.
 */
export function toSimplified(text: string): string {
  if (!converter) {
    // opencc loads a group's dictionaries last first, so the first one's entries win: phrases over characters.
    const convert = dictionaryConverter([TSCharacters, TSPhrases]);
    // Run once on a few characters that take every path, before the page's text, for the reason clean.ts gives
    // (here: 280 deoptimizations in a check's cell conversions, each entering the loop's optimized code and leaving
    // it without feedback).
    convert('與a乾隆乾⿰門問');
    converter = (s) => convert(unifyCompatibilityIdeographs(s));
  }
  return converter(text);
}

/** True once the converter has been built (for tests proving Simplified pages never build it). */
export function converterBuilt(): boolean {
  return converter !== null;
}
