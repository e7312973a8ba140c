import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileAnswer } from '../../../cli/check';
import { answerFilesPooled } from '../../../cli/check-pool';

const root = join(__dirname, '../../..');
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'cli/check.ts'), ...args], { cwd: root, encoding: 'utf8' });

async function all(answers: AsyncGenerator<FileAnswer>): Promise<FileAnswer[]> {
  const out: FileAnswer[] = [];
  for await (const a of answers) out.push(a);
  return out;
}

describe('npm run check on a pool of worker threads', () => {
  it('prints the same bytes as one thread, in input order, bad files refused by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-pool-'));
    const binary = join(dir, 'photo.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 0xff]));
    const files = [
      'test/fixtures/pages/seed-003.html',
      binary,
      'test/fixtures/seeds/004.txt',
      join(dir, 'missing.html'),
      'test/fixtures/pages/news.html',
      'test/fixtures/pages/seed-000.html',
      'test/fixtures/pages/clean-2021.html',
    ];
    const one = run('--json', '--jobs=1', ...files);
    const pooled = run('--json', '--jobs=3', ...files);
    expect(pooled.status).toBe(1);
    expect(one.status).toBe(1);
    expect(pooled.stdout).toBe(one.stdout);
    expect(pooled.stderr).toBe(one.stderr);
    const out = JSON.parse(pooled.stdout);
    expect(out.map((o: { source: string }) => o.source)).toEqual([
      'test/fixtures/pages/seed-003.html',
      'test/fixtures/seeds/004.txt',
      'test/fixtures/pages/news.html',
      'test/fixtures/pages/seed-000.html',
      'test/fixtures/pages/clean-2021.html',
    ]);
    expect(out[1].meta.agency).toBe('平邑县卫生健康局');
    expect(pooled.stderr.split('\n').filter(Boolean)).toEqual([
      `report-lens: ${binary}: cannot read: binary file (contains NUL bytes), expected .html or .txt`,
      `report-lens: ${join(dir, 'missing.html')}: cannot read: no such file`,
    ]);
  });

  it('the text summaries too', () => {
    const files = ['test/fixtures/pages/seed-004.html', 'test/fixtures/pages/guide.html', 'test/fixtures/pages/seed-002.html'];
    const one = run('--jobs=1', ...files);
    const pooled = run('--jobs=2', ...files);
    expect(pooled.stdout).toBe(one.stdout);
    expect(pooled.stdout.indexOf('# seed-004.html')).toBeLessThan(pooled.stdout.indexOf('# guide.html'));
    expect(pooled.stdout.indexOf('# guide.html')).toBeLessThan(pooled.stdout.indexOf('# seed-002.html'));
    expect(pooled.status).toBe(0);
  });

  it('a worker that dies costs only the file it held; a new worker takes the rest', async () => {
    const worker = new URL('./dying-worker.mjs', import.meta.url);
    const files = ['a', 'b', 'die-c', 'd', 'e', 'die-f', 'g', 'h'];
    const answers = await all(answerFilesPooled(files, 2, true, worker));
    expect(answers).toEqual([
      { printed: { source: 'a' }, summary: null, strays: [] },
      { printed: { source: 'b' }, summary: null, strays: [] },
      { refused: 'the check stopped (worker exit 3)' },
      { printed: { source: 'd' }, summary: null, strays: [] },
      { printed: { source: 'e' }, summary: null, strays: [] },
      { refused: 'the check stopped (worker exit 3)' },
      { printed: { source: 'g' }, summary: null, strays: [] },
      { printed: { source: 'h' }, summary: null, strays: [] },
    ]);
  });
});
