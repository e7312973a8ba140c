/**
 * Chromium CPU profile of checkDocument on a fixture page (CDP Profiler on the page, unminified bundle):
 *   npx tsx cli/bench/profile-chromium.ts <page=seed-003> <warm runs=40> <first|warm> <page loads=5>
 * Prints first-call and warm times per page load and writes bench/tmp/chrome-<page>-<mode>.cpuprofile.
 */

import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startServer } from './browser';
import { ROOT } from './browser';
const page_ = process.argv[2] ?? 'seed-003';
const warmRuns = Number(process.argv[3] ?? 40);
const mode = process.argv[4] ?? 'warm';
const r = await build({ stdin: { contents: `import { checkDocument } from './utils/pipeline';\nglobalThis.__rlCheck = checkDocument;`, resolveDir: ROOT, loader: 'ts' }, bundle: true, minify: false, format: 'iife', write: false, logLevel: 'silent' });
const code = r.outputFiles[0]!.text;
const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox'] });
const ctx = await browser.newContext();
const firsts: number[] = []; const warms: number[] = [];
let profile: any;
for (let rep = 0; rep < Number(process.argv[5] ?? 5); rep++) {
  const page = await ctx.newPage();
  await page.goto(server.url(`/${page_}.html`, '127.0.0.1'), { waitUntil: 'load' });
  await page.addScriptTag({ content: code });
  const cdp = await ctx.newCDPSession(page);
  const prof = rep === 0;
  if (prof) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 }); }
  if (prof && mode === 'first') await cdp.send('Profiler.start');
  const first = await page.evaluate(`(() => { const t = performance.now(); globalThis.__rlCheck(document, { url: location.href }); return performance.now() - t; })()`) as number;
  if (prof && mode === 'warm') await cdp.send('Profiler.start');
  const warm = await page.evaluate(`(() => { const t = performance.now(); for (let i = 0; i < ${warmRuns}; i++) globalThis.__rlCheck(document, { url: location.href }); return (performance.now() - t) / ${warmRuns}; })()`) as number;
  if (prof) profile = (await cdp.send('Profiler.stop')).profile;
  firsts.push(first); warms.push(warm);
  await page.close();
}
mkdirSync(`${ROOT}/bench/tmp`, { recursive: true });
writeFileSync(`${ROOT}/bench/tmp/chrome-${page_}-${mode}.cpuprofile`, JSON.stringify(profile));
console.log(JSON.stringify({ firsts: firsts.map((x) => +x.toFixed(1)), warms: warms.map((x) => +x.toFixed(2)) }));
await browser.close(); await server.close();
