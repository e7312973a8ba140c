/**
 * cli/verify-source-zip.mjs decides whether a rebuild from the sources zip matches the package. Its comparison
 * must notice each way two zips can differ, and name the entry. (The rebuild itself, `npm run verify:zip`, runs
 * `npm ci` and two builds: minutes, so it is a script, not a unit test.)
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { compareZips, zipNames } from '../../../cli/verify-source-zip.mjs';

const JSZip = createRequire(createRequire(import.meta.url).resolve('wxt'))('jszip') as typeof import('jszip');
const DATE = new Date(Date.UTC(2020, 0, 1));

async function zip(files: Record<string, string>, date = DATE): Promise<Uint8Array> {
  const z = new JSZip();
  for (const [name, text] of Object.entries(files)) z.file(name, text, { date, createFolders: false });
  return z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const BASE = { 'manifest.json': '{"name":"__MSG_extName__"}', 'background.js': 'console.log(1)' };

describe('compareZips', () => {
  it('finds nothing between two zips made alike', async () => {
    expect(await compareZips(await zip(BASE), await zip({ ...BASE }))).toEqual([]);
  });

  it('names an entry whose bytes differ', async () => {
    const problems = await compareZips(await zip(BASE), await zip({ ...BASE, 'background.js': 'console.log(2)' }));
    expect(problems).toEqual(['different bytes: background.js (14 B vs 14 B)']);
  });

  it('names entries missing from the rebuild and entries only in it', async () => {
    const problems = await compareZips(await zip(BASE), await zip({ 'manifest.json': BASE['manifest.json'], 'extra.js': '' }));
    expect(problems).toEqual(['missing from the rebuild: background.js', 'only in the rebuild: extra.js']);
  });

  it('notices archives that differ only in their dates', async () => {
    const problems = await compareZips(await zip(BASE), await zip(BASE, new Date(Date.UTC(2026, 11, 6))));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/archives differ/);
  });
});

describe('zipNames', () => {
  it('are the three files `npm run zip` writes', () => {
    expect(zipNames({ name: 'report-lens', version: '1.2.3' })).toEqual({
      chrome: 'report-lens-1.2.3-chrome.zip',
      firefox: 'report-lens-1.2.3-firefox.zip',
      sources: 'report-lens-1.2.3-sources.zip',
    });
  });
});
