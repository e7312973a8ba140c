/**
 * The converted-text corpus entries are the converter's output, not hand edits: running
 * test/fixtures/make-converted.mjs again writes the same texts, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const root = join(__dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'rl-converted-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('make-converted.mjs reproduces every test/corpus/text/*-md-*.txt', () => {
  execFileSync(process.execPath, [join(root, 'test/fixtures/make-converted.mjs'), `--out=${out}`], { cwd: root });
  const made = readdirSync(out).sort();
  const committed = readdirSync(join(root, 'test/corpus/text'))
    .filter((n) => /-md-.*\.txt$/.test(n))
    .sort();
  expect(made).toEqual(committed);
  for (const name of made) {
    expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(root, 'test/corpus/text', name), 'utf8'));
  }
});
