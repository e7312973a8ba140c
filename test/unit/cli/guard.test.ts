/**
 * guardFile (cli/parse-host.ts), the CLI's per-file guard, in a child process: an unhandled rejection ends a
 * Node process, and the test runner would catch it in-process before the guard could be seen doing so.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');

function runScript(body: string) {
  const dir = mkdtempSync(join(tmpdir(), 'rl-guard-'));
  const file = join(dir, 'script.mts');
  writeFileSync(file, `import { guardFile, strayCount } from ${JSON.stringify(join(root, 'cli/parse-host.ts'))};\n${body}`);
  return spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8' });
}

/** A rejection nobody awaits, made the way pdf.js's worker makes its XRefEntryException (a named Error). */
const STRAYS = `
const pdfjsStray = () => { void Promise.reject(Object.assign(new Error('Bad (uncompressed) XRef entry: 34R'), { name: 'XRefEntryException' })); };
const ourStray = () => { void Promise.reject(new TypeError('x is undefined')); };
const later = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
const line = async (name, work) => {
  try { const { value, strays } = await guardFile(work); console.log(name, 'answered', value, JSON.stringify(strays)); }
  catch (error) { console.log(name, 'refused', String(error)); }
};
`;

describe('guardFile', () => {
  it("keeps pdf.js's stray rejection as a note of the file in flight, refuses a file during which another stray came, and goes on", () => {
    const result = runScript(`${STRAYS}
await line('a.pdf', async () => { pdfjsStray(); return later(20, 'A'); });
await line('b.pdf', async () => { ourStray(); return later(20, 'B'); });
await line('c.pdf', async () => later(5, 'C'));
console.log('strays', strayCount);
`);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'a.pdf answered A ["XRefEntryException: Bad (uncompressed) XRef entry: 34R"]',
      'b.pdf refused TypeError: x is undefined',
      'c.pdf answered C []',
      'strays 1',
    ]);
  });

  it('outside any file, a stray not from pdf.js still ends the process (our own bug is not hidden)', () => {
    const result = runScript(`${STRAYS}
await line('a.pdf', async () => 'A');
ourStray();
await later(50);
console.log('not reached');
`);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toContain('a.pdf answered A []');
    expect(result.stdout).not.toContain('not reached');
    expect(result.stderr).toContain('x is undefined');
  });
});
