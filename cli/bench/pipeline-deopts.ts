/**
 * V8's deoptimizations during the pipeline's first calls in Chromium, by function and reason: a count, where the
 * timings of a busy 2-core machine only drift.
 *
 *   npx tsx cli/bench/pipeline-deopts.ts [page loads=6] [page=seed-003] [calls=6]
 *
 * Each page load is fresh: the bundle, then `calls` checkDocument calls back to back (the bench's first and warm
 * calls). Chromium runs with `--js-flags=--trace-deopt`, started here (its renderers write the trace to the
 * browser's standard output, which Playwright's own launch does not hand on) and driven over CDP. Storms show as one
 * function deoptimizing hundreds of times with one reason (sprint 11: the converter's loop, optimized mid-text, entered
 * and left by every table cell's conversion). The per-load counts are approximate (the renderer's lines can arrive
 * after the 300 ms wait); the total is not.
 * SRC_ROOT=<another checkout> bundles that checkout's source.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';
import { startServer } from './browser';
import { bundle } from './chromium';

const loads = Number(process.argv[2] ?? 6);
const pageName = process.argv[3] ?? 'seed-003';
const calls = Number(process.argv[4] ?? 6);
// Not minified: the trace names the functions.
const code = await bundle(`import { checkDocument } from './utils/pipeline';\nglobalThis.__rlCheck = checkDocument;`, false);
const server = await startServer();
const counts = new Map<string, number>();
let total = 0;
const process_ = spawn(
  process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  [
    '--headless=new',
    '--no-sandbox',
    '--js-flags=--trace-deopt',
    '--remote-debugging-port=0',
    `--user-data-dir=${mkdtempSync(join(tmpdir(), 'rl-deopts-'))}`,
    'about:blank',
  ],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
createInterface({ input: process_.stdout! }).on('line', (line) => {
  if (!line.includes('[bailout (kind')) return;
  // An anonymous function prints as `<JSFunction (sfi = …)>`.
  const fn = /deoptimizing \S+ <JSFunction ([^ (>][^ >]*)/.exec(line)?.[1] ?? '(anonymous)';
  const reason = /reason: (.*?)\): begin/.exec(line)?.[1] ?? '?';
  const key = `${fn}\t${reason}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  total++;
});
const endpoint = await new Promise<string>((found, failed) => {
  createInterface({ input: process_.stderr! }).on('line', (line) => {
    const m = /DevTools listening on (ws:\S+)/.exec(line);
    if (m) found(m[1]!);
  });
  process_.on('exit', () => failed(new Error('Chromium exited before listening')));
});
const browser = await chromium.connectOverCDP(endpoint);
const perLoad: number[] = [];
for (let i = 0; i < loads; i++) {
  const before = total;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url(`/${pageName}.html`, '127.0.0.1'), { waitUntil: 'load' });
  await page.addScriptTag({ content: code });
  await page.evaluate(`for (let i = 0; i < ${calls}; i++) globalThis.__rlCheck(document, { url: location.href })`);
  // The renderer's log lines arrive after the calls: wait for them before the next load is counted.
  await new Promise((done) => setTimeout(done, 300));
  perLoad.push(total - before);
  await context.close();
}
await browser.close();
process_.kill();
await server.close();
console.log(`${pageName}, ${loads} page loads, calls 1–${calls}: ${total} deoptimizations (per load: ${perLoad.join(' ')})`);
for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${String(n).padStart(6)}\t${key}`);
