/**
 * Build-time plugin: opencc's TSCharacters dictionary ("萬 万|與 与|…", 29 KB in the report script)
 * shipped as two strings of single characters, keys and values, with the 290 entries that map a
 * character to itself left out, and rebuilt into the same "key value|…" form when the script loads.
 * An entry mapping a character to itself changes no conversion: the converter copies an unmatched
 * character as it is (test/unit/text/compact-opencc.test.ts converts with both forms). Saves ~9 KB.
 * Build only: tests and the CLI read the package's dictionary as it is.
 */
import type { Plugin } from 'vite';

const DICTIONARY = /\/opencc-js\/dist\/esm-lib\/dict\/TSCharacters\.js$/;

/** The module source for a "key value|…" dictionary of single characters; throws on any other shape. */
export function compactDictionaryModule(dictionary: string): string {
  let keys = '';
  let values = '';
  for (const entry of dictionary.split('|')) {
    const [key, value, extra] = entry.split(' ');
    if (extra !== undefined || !key || !value || [...key].length !== 1 || [...value].length !== 1) {
      throw new Error(`not a single-character entry: ${JSON.stringify(entry)}`);
    }
    if (key === value) continue;
    keys += key;
    values += value;
  }
  return `const keys = ${JSON.stringify(keys)}, values = Array.from(${JSON.stringify(values)});
export default Array.from(keys, (key, i) => key + " " + values[i]).join("|");
`;
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
