/**
 * Where the pipeline's warm calls in Chromium spend their time, main thread and others (the bench's "warm": the
 * mean of 5 calls right after the first, on a fresh page):
 *
 *   npx tsx cli/bench/pipeline-trace.ts [page loads=4] [page=seed-003]
 *
 * Per page load: the first call untraced, then the 5 warm calls under a Chromium trace (v8, GC and compile
 * categories). Prints the wall time per warm call beside, per call, the summed duration of each trace event name on
 * the renderer's main thread and on its other threads (V8's background compilers, GC helpers), medians over the
 * page loads. On this 2-core machine the background compilers' time competes with the main thread's. Two lines give
 * thread CPU instead of durations (sprint 12): the main thread's, and the renderer's other threads' together; the main
 * thread's CPU against the wall time is what a warm call ran against what it waited for a core.
 * SRC_ROOT=<another checkout> bundles that checkout's source.
 */
import { chromium } from 'playwright-core';
import { startServer } from './browser';
import { bundle } from './chromium';
import { stat } from './stats';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an 'X' event, µs: what the thread ran, without the time it waited for a core. */
  tdur?: number;
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
      categories: [
        'toplevel',
        'v8',
        'v8.execute',
        'devtools.timeline',
        'disabled-by-default-v8.gc',
        'disabled-by-default-v8.compile',
        '__metadata',
      ],
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
    // CPU per warm call: the thread time of each thread's outermost events (nested ones are inside them). On the
    // main thread, set beside the wall time, it says how much of a warm call was ours to run and how much waiting.
    const mainKey = main ? `${main.pid}:${main.tid}` : '';
    const outer = new Map<string, { end: number; cpu: number }>();
    for (const e of events.filter((x) => x.ph === 'X' && x.dur !== undefined).sort((a, b) => a.ts - b.ts)) {
      const key = `${e.pid}:${e.tid}`;
      const at = outer.get(key) ?? { end: -1, cpu: 0 };
      if (e.ts >= at.end) {
        at.end = e.ts + (e.dur ?? 0);
        at.cpu += (e.tdur ?? 0) / 1000 / 5;
      }
      outer.set(key, at);
    }
    const cpu = { main: 0, other: 0 };
    for (const [key, at] of outer) {
      if (key === mainKey) cpu.main += at.cpu;
      else if (main && key.startsWith(`${main.pid}:`)) cpu.other += at.cpu;
    }
    (perName['main\t(thread CPU, outermost events)'] ??= []).push(cpu.main);
    (perName["other\t(thread CPU of the renderer's other threads, outermost events)"] ??= []).push(cpu.other);
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
