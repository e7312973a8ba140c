/**
 * One bad file never takes the run down: damaged copies of the repository's PDFs (test/fixtures/
 * make-damaged-pdfs.mjs, seed 20) through `npm run check`. Every file is answered (in the JSON) or refused by
 * name (stderr "cannot read:"), never both, never neither, and the process ends by itself with 0 or 1.
 * The thousand-file run is measured by hand (BENCHMARKS.md); this holds a sample of 50 of the same thousand.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { DAMAGE_KINDS, makeDamaged, sourcePdfs } from '../../fixtures/make-damaged-pdfs.mjs';

interface Damaged {
  name: string;
  source: string;
  kind: string;
  detail: string;
  bytes: Uint8Array;
}

const root = join(__dirname, '../../..');
const md5 = (bytes: Uint8Array) => createHash('md5').update(bytes).digest('hex');

describe('make-damaged-pdfs.mjs', () => {
  it('is deterministic for a seed, and another seed damages otherwise', () => {
    const a = makeDamaged({ count: 30, seed: 20 }) as Damaged[];
    const b = makeDamaged({ count: 30, seed: 20 }) as Damaged[];
    const c = makeDamaged({ count: 30, seed: 21 }) as Damaged[];
    expect(a.map((d) => md5(d.bytes))).toEqual(b.map((d) => md5(d.bytes)));
    expect(a.map((d) => md5(d.bytes))).not.toEqual(c.map((d) => md5(d.bytes)));
  });

  it('a kept sample is the same files as in the whole set', () => {
    const all = makeDamaged({ count: 40, seed: 20 }) as Damaged[];
    const some = makeDamaged({ count: 40, seed: 20, keep: (i: number) => i % 7 === 3 }) as Damaged[];
    expect(some.map((d) => d.name)).toEqual(all.filter((_, i) => i % 7 === 3).map((d) => d.name));
    expect(some.map((d) => md5(d.bytes))).toEqual(all.filter((_, i) => i % 7 === 3).map((d) => md5(d.bytes)));
  });

  it('damages every source, each copy differs from its source, and an xref entry really moves into its object', () => {
    const sources = sourcePdfs() as { name: string; bytes: Uint8Array }[];
    const byName = new Map(sources.map((s) => [s.name, s.bytes]));
    // Sixteen sources, eleven kinds: one round of every kind over every source.
    const items = makeDamaged({ count: sources.length * DAMAGE_KINDS.length, seed: 20 }) as Damaged[];
    expect(new Set(items.map((d) => d.kind))).toEqual(new Set(DAMAGE_KINDS));
    expect(new Set(items.map((d) => d.source))).toEqual(new Set(sources.map((s) => s.name)));
    for (const item of items) expect(md5(item.bytes), item.name).not.toBe(md5(byName.get(item.source)!));

    const moved = items.find((d) => d.kind === 'xref-mid' && d.source === 'clean-2021.chromium.pdf')!;
    const text = Buffer.from(moved.bytes).toString('latin1');
    const original = Buffer.from(byName.get(moved.source)!).toString('latin1');
    const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1]);
    const entries = [...text.slice(startxref).matchAll(/(\d{10}) \d{5} n/g)].map((m) => Number(m[1]));
    // Some entry no longer points at "N 0 obj" in the damaged file (it points inside an object).
    expect(entries.some((offset) => !/^\d+ \d+ obj/.test(text.slice(offset, offset + 20)))).toBe(true);
    // The objects themselves are where they were: only the table lies.
    expect(text.slice(0, startxref)).toBe(original.slice(0, startxref));
  });
});

describe('npm run check over 50 damaged PDFs', () => {
  it('answers or refuses every file by name, and the run ends by itself', () => {
    // Every 20th of the thousand, from the 14th: 50 files over all kinds, including the 54th (an xref entry
    // moved into its object in clean-2021.chromium.pdf), which ended the whole run before the guard.
    const sample = makeDamaged({ count: 1000, seed: 20, keep: (i: number) => i % 20 === 13 }) as Damaged[];
    expect(sample).toHaveLength(50);
    expect(new Set(sample.map((d) => d.kind)).size).toBe(DAMAGE_KINDS.length);
    const dir = mkdtempSync(join(tmpdir(), 'rl-damaged-'));
    const files = sample.map((d) => {
      const file = join(dir, d.name);
      writeFileSync(file, d.bytes);
      return file;
    });
    // A sound file last: it is still answered after all the damage.
    const sound = join(root, 'test/fixtures/pdf/clean-2021.chromium.pdf');
    const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli/check.ts'), '--json', ...files, sound], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.signal).toBeNull();
    expect([0, 1]).toContain(result.status);
    expect(result.stderr).not.toMatch(/Unhandled|ERR_UNHANDLED_REJECTION|at .*\(node:internal/);
    const answered: string[] = JSON.parse(result.stdout).map((o: { source: string }) => o.source);
    const refused = [...result.stderr.matchAll(/^report-lens: (.+?): cannot read: (.+)$/gm)].map((m) => ({ file: m[1]!, reason: m[2]! }));
    for (const file of [...files, sound]) {
      const a = answered.filter((f) => f === file).length;
      const r = refused.filter((x) => x.file === file).length;
      expect(a + r, `${file}: answered ${a}, refused ${r}`).toBe(1);
    }
    expect(answered).toContain(sound);
    // Each refusal says why in Chinese and English: one of the PDF path's plain reasons.
    for (const { file, reason } of refused) expect(reason, file).toMatch(/PDF.*\(.*\)$|文件.*\(.*\)$/);
    // The 54th file's stray pdf.js rejection is said, and its answer stands.
    const fiftyFourth = files.find((f) => f.includes('damaged-0054-xref-mid-clean-2021.chromium'))!;
    expect(answered).toContain(fiftyFourth);
    expect(result.stderr).toContain(
      `${fiftyFourth}: note: pdf.js left an internal error unhandled (XRefEntryException: Bad (uncompressed) XRef entry`,
    );
  });
});
