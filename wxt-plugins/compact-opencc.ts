/**
 * Build-time plugin: opencc's TSCharacters dictionary ("萬 万|與 与|…") shipped without the 290 entries that map a
 * character to itself, as one string literal in the same "key value|…" form. An entry mapping a character to itself
 * changes no conversion: the converter copies an unmatched character as it is (test/unit/text/compact-opencc.test.ts
 * converts with both forms). Until sprint 11 it shipped as two strings, keys and values, joined back into this form
 * when the script loaded: 6.5 KB smaller, but the join cost a Traditional page 0.6–3.3 ms (median 1.1) in Chromium
 * before its first check, where a literal costs nothing. Build only: tests and the CLI read the package's dictionary.
 */
import type { Plugin } from 'vite';

const DICTIONARY = /\/opencc-js\/dist\/esm-lib\/dict\/TSCharacters\.js$/;

/** The module source for a "key value|…" dictionary of single characters; throws on any other shape. */
export function compactDictionaryModule(dictionary: string): string {
  const kept: string[] = [];
  for (const entry of dictionary.split('|')) {
    const [key, value, extra] = entry.split(' ');
    if (extra !== undefined || !key || !value || [...key].length !== 1 || [...value].length !== 1) {
      throw new Error(`not a single-character entry: ${JSON.stringify(entry)}`);
    }
    if (key !== value) kept.push(entry);
  }
  return `export default ${JSON.stringify(kept.join('|'))};\n`;
}

export function compactOpencc(): Plugin {
  return {
    name: 'report-lens:compact-opencc',
    apply: 'build',
    async transform(code, id) {
      if (!DICTIONARY.test(id.split('?')[0]!)) return null;
      // The package's module is one `export default "…";` line: read the string as data, never run it.
      const m = /^\s*export default ("(?:[^"\\]|\\.)*");?\s*$/.exec(code);
      if (!m) throw new Error(`unexpected shape of ${id}`);
      return { code: compactDictionaryModule(JSON.parse(m[1]!) as string), map: null };
    },
  };
}
