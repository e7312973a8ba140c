/**
 * Where the ms go from document_idle to the panel's first paint, in one Chromium build:
 *
 *   npx tsx cli/bench/panel-trace.ts <build dir> <page=seed-003> <loads=5> [function,function,…]
 *
 * Each load is traced (devtools.timeline, v8) and sampled (CDP Profiler, 100 µs) at once. Cut at document_idle
 * (the idle.js stamp), the panel inserted in the shadow root and painted (two animation frames later), it prints
 * medians over the loads of: the renderer main thread's time by trace event (script evaluation per file, compile,
 * callbacks and microtasks, style, layout, paint, garbage collection, messages) and the sampled JS by script
 * file (self) and by function (inclusive: every function on the sampled stack). Use an RL_NO_MINIFY=1 build for
 * function names. Times overlap between lines (a GC inside a script's run is in both): read each line alone.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import { launch, startServer, type TraceEvent } from './browser';
import { instrumentedExtension, PANEL_PROBE } from './chromium';
import { stat } from './stats';

const [buildDir, pageName = 'seed-003', loadsArg = '5', fnArg] = process.argv.slice(2);
if (!buildDir) throw new Error('usage: panel-trace.ts <build dir> [page] [loads] [functions]');

/** Function names whose inclusive time is printed first (the rest: the top inclusive ones). */
const WATCH = (
  fnArg ??
  'start,check,checkPage,checkDocument,parseDocument,readPageText,buildTextView,cleanText,toSimplified,readTables,readSections,' +
    'extractFacts,describe,runRules,mount,renderPanel,render,getSettings,getPanelState,laterFindings,loadPart,sendMessage,' +
    'markFindings,probablyTraditional,detectScript'
).split(',');

interface Profile {
  nodes: { id: number; parent?: number; children?: number[]; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

interface LoadCut {
  fromIdle: number;
  painted: number;
  /** ms per trace line, idle → painted. */
  events: Record<string, number>;
  /** ms per script file (self), idle → painted. */
  files: Record<string, number>;
  /** ms per function (inclusive), idle → painted. */
  inclusive: Record<string, number>;
}

const add = (m: Record<string, number>, k: string, v: number) => {
  m[k] = (m[k] ?? 0) + v;
};

function eventLines(events: TraceEvent[], from: number, to: number, tid: number, pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  const clip = (e: TraceEvent) => Math.max(0, Math.min(e.ts + (e.dur ?? 0), to) - Math.max(e.ts, from)) / 1000;
  for (const e of events) {
    if (e.ph !== 'X' || e.tid !== tid || e.pid !== pid || e.ts + (e.dur ?? 0) < from || e.ts > to) continue;
    const data = e.args?.data ?? {};
    const file = String(data.url ?? '')
      .split('/')
      .pop();
    switch (e.name) {
      case 'RunTask':
      case 'ThreadControllerImpl::RunTask':
        add(out, 'busy (top-level tasks)', clip(e));
        break;
      case 'EvaluateScript':
        add(out, `evaluate ${file || '?'}`, clip(e));
        break;
      case 'v8.compile':
      case 'V8.CompileCode':
      case 'v8.compileModule':
        add(out, `compile ${file || '(lazy)'}`, clip(e));
        break;
      case 'v8.produceCache':
      case 'v8.produceModuleCache':
      case 'v8.consumeCache':
        add(out, `${e.name} ${file}`, clip(e));
        break;
      case 'FunctionCall':
        add(out, `callback ${String(data.functionName ?? '') || '?'} ${file}`.trim(), clip(e));
        break;
      case 'RunMicrotasks':
      case 'UpdateLayoutTree':
      case 'Layout':
      case 'PrePaint':
      case 'Paint':
      case 'Layerize':
      case 'Commit':
      case 'ParseAuthorStyleSheet':
      case 'MinorGC':
      case 'MajorGC':
      case 'V8.GC_SCAVENGER':
      case 'TimerFire':
      case 'FireAnimationFrame':
      case 'HitTest':
      case 'ParseHTML':
        add(out, e.name, clip(e));
        break;
      default:
        if (/message|ipc|mojo/i.test(e.name)) add(out, `(message) ${e.name}`, clip(e));
    }
  }
  return out;
}

function profileCut(p: Profile, from: number, to: number): { files: Record<string, number>; inclusive: Record<string, number> } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const files: Record<string, number> = {};
  const inclusive: Record<string, number> = {};
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] ?? 0;
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (t < from || t > to) return;
    const node = byId.get(id)!;
    const file = node.callFrame.url.split('/').pop() || node.callFrame.functionName || '-';
    add(files, file, ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = byId.get(n)!.callFrame.functionName;
      if (name && !seen.has(name)) {
        seen.add(name);
        add(inclusive, name, ms);
      }
    }
  });
  return { files, inclusive };
}

/** One load's main-thread tasks from idle to the paint, each with its longest inner events (DETAIL=1). */
function timeline(events: TraceEvent[], profile: Profile, idle: TraceEvent, inserted: number, painted: number): void {
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  const mine = events.filter((e) => e.ph === 'X' && e.tid === idle.tid && e.pid === idle.pid && end(e) >= idle.ts && e.ts <= painted);
  const tasks = mine.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const ms = (us: number) => (us / 1000).toFixed(1);
  console.log(`\ntimeline of one load (ms after idle; inserted at ${ms(inserted - idle.ts)}, painted at ${ms(painted - idle.ts)})`);
  for (const t of tasks) {
    if ((t.dur ?? 0) < 200) continue;
    const { inclusive } = profileCut(profile, t.ts, end(t));
    const watched = WATCH.filter((k) => (inclusive[k] ?? 0) >= 0.3);
    const others = Object.entries(inclusive)
      .filter(([k, v]) => v >= 0.3 && !watched.includes(k) && !k.startsWith('('))
      .sort((a, b) => b[1] - a[1])
      .slice(0, watched.length ? 0 : 5)
      .map(([k]) => k);
    const fns = [...watched, ...others].map((k) => `${k} ${ms((inclusive[k] ?? 0) * 1000)}`);
    const inner = mine
      .filter((e) => e !== t && e.ts >= t.ts && end(e) <= end(t) && !/^V8\.|FlushInstructionCache|RunTask/.test(e.name))
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .slice(0, 4)
      .map(
        (e) =>
          `${e.name}${e.args?.data?.url ? ` ${String(e.args.data.url).split('/').pop()}` : ''}${e.args?.data?.functionName ? ` ${e.args.data.functionName}` : ''} ${ms(e.dur ?? 0)}`,
      );
    console.log(`  ${ms(t.ts - idle.ts)}\t+${ms(t.dur ?? 0)}\t${inner.join('; ')}${fns.length ? `\n\t\t[${fns.join(', ')}]` : ''}`);
  }
}

/** First and last sample (ms after idle) with each function on the stack (DETAIL=1). */
function whenSampled(p: Profile, from: number, names: string[]): void {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const seen: Record<string, [number, number, number]> = {};
  let t = p.startTime;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] ?? 0;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = byId.get(n)!.callFrame.functionName;
      if (names.includes(name)) {
        const s = (seen[name] ??= [t, t, 0]);
        s[1] = t;
        s[2]++;
      }
    }
  });
  for (const [k, [a, b, n]] of Object.entries(seen))
    console.log(`  ${k}: sampled ${n}× from ${((a - from) / 1000).toFixed(1)} to ${((b - from) / 1000).toFixed(1)} ms after idle`);
}

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<{ events: TraceEvent[]; profile: Profile }> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'blink.user_timing', 'toplevel', 'v8.execute', 'v8', 'disabled-by-default-v8.compile'],
    },
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await run();
  const profile = (await cdp.send('Profiler.stop')).profile as unknown as Profile;
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.end');
  await done;
  return { events, profile };
}

const server = await startServer();
const browser = await launch(instrumentedExtension(buildDir, 'chrome-mv3-trace'));
const cuts: LoadCut[] = [];
try {
  for (let i = 0; i <= Number(loadsArg); i++) {
    const page = await browser.context.newPage();
    await page.addInitScript({ content: PANEL_PROBE });
    const cdp = await browser.context.newCDPSession(page);
    const { events, profile } = await traced(cdp, async () => {
      // A console message, not polling: Playwright's first poll injects its script into the page mid-check.
      const painted = page.waitForEvent('console', { predicate: (m) => m.text() === 'rl-panel-painted', timeout: 15_000 });
      await page.goto(server.url(`/${pageName}.html`), { waitUntil: 'load' });
      await painted;
    });
    await cdp.detach();
    await page.close();
    // The first load is the browser's and the service worker's start, not the code's.
    if (i === 0) continue;
    const evalOf = (file: string) =>
      events.find((e) => e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').endsWith(`content-scripts/${file}`));
    const mark = (name: string) => events.find((e) => e.name === name && e.cat.includes('user_timing'));
    const idle = evalOf('idle.js');
    const inserted = mark('rl-inserted');
    const painted = mark('rl-painted');
    if (!idle || !inserted || !painted) {
      process.stderr.write(`load ${i}: no cut (${!!idle}/${!!inserted}/${!!painted})\n`);
      continue;
    }
    const ev = eventLines(events, idle.ts, painted.ts, idle.tid, idle.pid);
    // SAVE=<file>: the last load's CPU profile, for DevTools or a closer look.
    if (process.env.SAVE) writeFileSync(process.env.SAVE, JSON.stringify(profile));
    if (process.env.DETAIL === '1' && i <= 2) timeline(events, profile, idle, inserted.ts, painted.ts);
    if (process.env.DETAIL === '1' && i <= 2) whenSampled(profile, idle.ts, ['mount', 'renderPanel', 'start', 'laterFindings']);
    const { files, inclusive } = profileCut(profile, idle.ts, painted.ts);
    cuts.push({ fromIdle: (inserted.ts - idle.ts) / 1000, painted: (painted.ts - idle.ts) / 1000, events: ev, files, inclusive });
    process.stderr.write(`load ${i}: inserted ${((inserted.ts - idle.ts) / 1000).toFixed(1)} ms\n`);
  }
} finally {
  await browser.close();
  await server.close();
}

const med = (xs: number[]) => stat(xs).median;
const f = (x: number) => x.toFixed(1);
const table = (title: string, pick: (c: LoadCut) => Record<string, number>, keys?: string[], top = 30) => {
  const all = keys ?? [...new Set(cuts.flatMap((c) => Object.keys(pick(c))))];
  const rows = all.map((k) => [k, med(cuts.map((c) => pick(c)[k] ?? 0))] as const).filter(([, v]) => v >= 0.05);
  if (!keys) rows.sort((a, b) => b[1] - a[1]);
  console.log(`\n${title}`);
  for (const [k, v] of rows.slice(0, top)) console.log(`  ${f(v)}\t${k}`);
};
console.log(`${pageName}, ${cuts.length} loads of ${buildDir}`);
console.log(`inserted after idle ${f(med(cuts.map((c) => c.fromIdle)))} ms, painted ${f(med(cuts.map((c) => c.painted)))} ms (medians)`);
table('main thread, idle → painted, by trace event (median ms)', (c) => c.events);
table('sampled JS by file (self, median ms)', (c) => c.files, undefined, 15);
table('watched functions (inclusive, median ms)', (c) => c.inclusive, WATCH);
table('top functions (inclusive, median ms)', (c) => c.inclusive, undefined, 40);
