/**
 * Writes utils/i18n/library-hant.ts: the library page's Simplified catalogue (the `zh` block of
 * utils/i18n/library.ts) converted to Traditional by opencc (cn → tw), source text to source text, so the
 * page carries no converter and a translator can still correct a word in the written file's source.
 * Only Han characters change (identifiers, placeholders and punctuation are ASCII or left as they are).
 * test/unit/i18n/library-hant.test.ts fails when the written file is not what this script writes now.
 *
 *   npx tsx cli/i18n-hant.ts          # rewrite the file
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js/cn2t';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = join(ROOT, 'utils/i18n/library.ts');
export const TARGET = join(ROOT, 'utils/i18n/library-hant.ts');

/** The Traditional catalogue's source, from the Simplified catalogue's source. */
export function libraryHantSource(source: string): string {
  const start = source.indexOf('\nconst zh = {');
  const end = source.indexOf('\n};\n', start);
  if (start < 0 || end < 0) throw new Error('utils/i18n/library.ts: the `const zh = { … };` block was not found');
  const imports = source
    .slice(0, start)
    .split('\n')
    .filter((line) => line.startsWith('import type '));
  const block = source.slice(start + '\nconst zh = '.length, end + 3);
  const convert = OpenCC.Converter({ from: 'cn', to: 'tw' });
  return [
    '// Written by cli/i18n-hant.ts from the `zh` block of ./library.ts (opencc cn → tw): do not edit by hand;',
    '// change ./library.ts and run `npx tsx cli/i18n-hant.ts`.',
    ...imports,
    "import type { FailureWords, LibraryStrings } from './library';",
    '',
    `export const zhHant: LibraryStrings = ${convert(block)}`,
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(TARGET, libraryHantSource(readFileSync(SOURCE, 'utf8')));
  console.log(`wrote ${TARGET}`);
}
