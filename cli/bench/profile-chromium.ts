/**
 * Chromium CPU profile of checkDocument on a fixture page (CDP Profiler on the page, unminified bundle):
 *   npx tsx cli/bench/profile-chromium.ts <page=seed-003> <warm runs=40> <first|warm|none> <page loads=5>
 * Prints first-call and warm times per page load and writes bench/tmp/chrome-<page>-<mode>.cpuprofile
 * (mode none: no profiler, times only). SRC_ROOT=<another checkout> bundles that checkout's source instead,
 * to time two versions alternately in the same minutes.
 * MINIFY=1 minifies the bundle as the extension's build does. HINT=1 starts it with V8's compile-hints magic
 * comment (`//# allFunctionsCalledOnLoad`: every function compiled with the script, none lazily at its first call).
 * Each page load has a browser context of its own (no script cache carried between loads); cpuLoad is the
 * renderer CPU of evaluating the bundle (its compile and top level), cpuFirst that of the first call.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT, startServer } from './browser';

const page_ = process.argv[2] ?? 'seed-003';
const warmRuns = Number(process.argv[3] ?? 40);
const mode = process.argv[4] ?? 'warm';
const r = await build({
  stdin: {
    contents: `import { checkDocument } from './utils/pipeline';\nglobalThis.__rlCheck = checkDocument;`,
    resolveDir: process.env.SRC_ROOT ?? ROOT,
    loader: 'ts',
  },
  bundle: true,
  minify: process.env.MINIFY === '1',
  format: 'iife',
  write: false,
  logLevel: 'silent',
});
const code = (process.env.HINT === '1' ? '//# allFunctionsCalledOnLoad\n' : '') + r.outputFiles[0]!.text;
const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox'],
});
const firsts: number[] = [];
const warms: number[] = [];
const cpuFirsts: number[] = [];
const cpuWarms: number[] = [];
const cpuLoads: number[] = [];
let profile: unknown;
for (let rep = 0; rep < Number(process.argv[5] ?? 5); rep++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url(`/${page_}.html`, '127.0.0.1'), { waitUntil: 'load' });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Performance.enable');
  const loadCpu = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((x: { name: string }) => x.name === 'ThreadTime')?.value ?? NaN) * 1000;
  const l0 = await loadCpu();
  await page.addScriptTag({ content: code });
  cpuLoads.push((await loadCpu()) - l0);
  const prof = rep === 0 && mode !== 'none';
  if (prof) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  }
  if (prof && mode === 'first') await cdp.send('Profiler.start');
  // The renderer main thread's CPU time (CDP Performance ThreadTime, seconds): less swayed than wall time by other load.
  await cdp.send('Performance.enable');
  const threadTime = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((x: { name: string }) => x.name === 'ThreadTime')?.value ?? NaN) * 1000;
  const c0 = await threadTime();
  const first = (await page.evaluate(
    `(() => { const t = performance.now(); globalThis.__rlCheck(document, { url: location.href }); return performance.now() - t; })()`,
  )) as number;
  const c1 = await threadTime();
  if (prof && mode === 'warm') await cdp.send('Profiler.start');
  const warm = (await page.evaluate(
    `(() => { const t = performance.now(); for (let i = 0; i < ${warmRuns}; i++) globalThis.__rlCheck(document, { url: location.href }); return (performance.now() - t) / ${warmRuns}; })()`,
  )) as number;
  const c2 = await threadTime();
  if (prof) profile = (await cdp.send('Profiler.stop')).profile;
  firsts.push(first);
  warms.push(warm);
  cpuFirsts.push(c1 - c0);
  cpuWarms.push((c2 - c1) / warmRuns);
  await page.close();
  await ctx.close();
}
if (profile) mkdirSync(`${ROOT}/bench/tmp`, { recursive: true });
if (profile) writeFileSync(`${ROOT}/bench/tmp/chrome-${page_}-${mode}.cpuprofile`, JSON.stringify(profile));
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
console.log(
  JSON.stringify({
    firsts: firsts.map((x) => +x.toFixed(1)),
    warms: warms.map((x) => +x.toFixed(2)),
    cpuFirst: +med(cpuFirsts).toFixed(1),
    cpuWarm: +med(cpuWarms).toFixed(2),
    cpuFirsts: cpuFirsts.map((x) => +x.toFixed(1)),
    cpuLoad: +med(cpuLoads).toFixed(1),
    cpuLoadAndFirst: +med(cpuLoads.map((x, i) => x + cpuFirsts[i]!)).toFixed(1),
  }),
);
await browser.close();
await server.close();
