/**
 * The CLI's full answer on every HTML and text file, from one source tree, for a before/after diff:
 *   npx tsx cli/bench/cli-same.ts <tree> <out.jsonl>
 * Checks, with <tree>'s own checkFile, every .html/.htm/.txt file under this directory's test/fixtures and
 * test/corpus and the shared seeds and corpus (the same paths whichever tree runs, so `source` and the file URL
 * match), and writes one line per file: the path, then checkFile's JSON (the report included) or the error.
 * Two trees' outputs compared with `cmp` say whether a speed change kept the output byte for byte.
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [tree = '.', out = '/dev/stdout'] = process.argv.slice(2);
const ROOTS = ['test/fixtures', 'test/corpus', '/work/shared/seeds', '/work/shared/corpus'];

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.(html?|txt)$/i.test(n) ? [p] : [];
  });
}

const files = ROOTS.flatMap((r) => walk(resolve(r)));
const { checkFile } = await import(join(resolve(tree), 'cli/check.ts'));
const lines: string[] = [];
for (const f of files) {
  try {
    lines.push(`${f}\t${JSON.stringify(await checkFile(f))}`);
  } catch (e) {
    lines.push(`${f}\tERROR ${e instanceof Error ? e.message : String(e)}`);
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.error(`${files.length} files → ${out}`);
