/**
 * Where the pipeline's warm calls in Chromium spend their time, main thread and others (the bench's "warm": the
 * mean of 5 calls right after the first, on a fresh page):
 *
 *   npx tsx cli/bench/pipeline-trace.ts [page loads=4] [page=seed-003]
 *
 * Per page load: the first call untraced, then the 5 warm calls under a Chromium trace (v8, GC and compile
 * categories). Prints the wall time per warm call beside, per call, the summed duration of each trace event name on
 * the renderer's main thread and on its other threads (V8's background compilers, GC helpers), medians over the
 * page loads. On this 2-core machine the background compilers' time competes with the main thread's.
 * SRC_ROOT=<another checkout> bundles that checkout's source.
 */
import { chromium } from 'playwright-core';
import { startServer } from './browser';
import { bundle } from './chromium';
import { stat } from './stats';

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

const loads = Number(process.argv[2] ?? 4);
const pageName = process.argv[3] ?? 'seed-003';
const code = await bundle(`import { checkDocument } from './utils/pipeline';\nglobalThis.__rlCheck = checkDocument;`);
const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox'],
});
const perName: Record<string, number[]> = {};
try {
  for (let r = 0; r < loads; r++) {
    const page = await browser.newPage();
    await page.goto(server.url(`/${pageName}.html`, '127.0.0.1'), { waitUntil: 'load' });
    await page.addScriptTag({ content: code });
    await page.evaluate('globalThis.__rlCheck(document, { url: location.href })');
    await browser.startTracing(page, {
      categories: ['v8', 'v8.execute', 'devtools.timeline', 'disabled-by-default-v8.gc', 'disabled-by-default-v8.compile', '__metadata'],
    });
    const wall = (await page.evaluate(
      '(() => { const t = performance.now(); for (let i = 0; i < 5; i++) globalThis.__rlCheck(document, { url: location.href }); return (performance.now() - t) / 5; })()',
    )) as number;
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const sums = new Map<string, number>();
    for (const e of events) {
      if (e.ph !== 'X' || !e.dur) continue;
      const key = `${main && e.tid === main.tid && e.pid === main.pid ? 'main' : 'other'}\t${e.name}`;
      sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000 / 5);
    }
    (perName['wall per warm call'] ??= []).push(wall);
    for (const [k, v] of sums) (perName[k] ??= []).push(v);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const rows = Object.entries(perName)
  .map(([k, v]) => [k, stat(v).median] as const)
  .sort((a, b) => b[1] - a[1]);
console.log(`${pageName}, ${loads} page loads; ms per warm call (medians)`);
for (const [k, v] of rows.slice(0, 40)) console.log(`${v.toFixed(3).padStart(8)}\t${k}`);
