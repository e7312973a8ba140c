/**
 * Where the library page's time goes at 10,000 reports: a Chromium trace and a CPU profile of each measured
 * interval, taken apart.
 *
 *   npx tsx cli/bench/library-profile.ts <build dir> <loads> [views]
 *
 * views: a comma list of dashboard, scores, filter (default all three). Each dashboard / scores load is a fresh
 * document (library:start → its first-render measure); each filter load is one change of the year select on the
 * list with every row loaded (library:filter-start → library:filter). For each interval it prints the renderer
 * main thread's time by trace event (self time: script, style, layout, paint, GC…), the time the thread was idle
 * (waiting for IndexedDB, a frame or a timer), the page's own marks inside the interval, and the functions with the
 * most self and inclusive time in the CPU profile (use an RL_NO_MINIFY=1 build for names). Medians over the loads.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launch } from './browser';
import { type CpuProfile, instrumentedExtension, seedLibraryPage } from './chromium';
import { stat } from './stats';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const [dir, loadsArg, viewsArg] = process.argv.slice(2);
if (!dir || !loadsArg) throw new Error('usage: library-profile.ts <build dir> <loads> [dashboard,scores,filter]');
const LOADS = Number(loadsArg);
const VIEWS = (viewsArg ?? 'dashboard,scores,filter').split(',');
const N = Number(process.env.REPORTS ?? 10_000);

interface Interval {
  ms: number;
  /** Self time (ms) per trace event name on the renderer main thread inside the interval. */
  events: Record<string, number>;
  busy: number;
  idle: number;
  /** The page's marks and measures inside the interval: ms from its start. */
  marks: Record<string, number>;
  self: Record<string, number>;
  inclusive: Record<string, number>;
}

async function startTrace(cdp: CDPSession, events: TraceEvent[]): Promise<void> {
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'toplevel',
        'v8.execute',
        'v8',
      ],
    },
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}

async function stopTrace(cdp: CDPSession): Promise<CpuProfile> {
  const profile = (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile & {
    startTime: number;
  };
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.end');
  await done;
  return profile;
}

/** Self and inclusive ms per 'function (file)' over the samples whose time falls in [t0, t1] (µs, trace clock). */
function profileTimes(p: CpuProfile & { startTime?: number }, t0: number, t1: number) {
  const parent = new Map<number, number>();
  const nodes = p.nodes as (CpuProfile['nodes'][number] & { children?: number[] })[];
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = new Map(
    nodes.map((n) => [n.id, `${n.callFrame.functionName || '(anonymous)'} (${n.callFrame.url.split('/').pop() || '-'})`]),
  );
  const self: Record<string, number> = {};
  const inclusive: Record<string, number> = {};
  let t = p.startTime ?? 0;
  p.samples.forEach((id, i) => {
    t += p.timeDeltas[i] ?? 0;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    if (t < t0 || t > t1) return;
    const k = name.get(id) ?? '?';
    self[k] = (self[k] ?? 0) + dt;
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const kn = name.get(n)!;
      if (seen.has(kn)) continue;
      seen.add(kn);
      inclusive[kn] = (inclusive[kn] ?? 0) + dt;
    }
  });
  return { self, inclusive };
}

/** Self time per event name on one thread inside [t0, t1] (µs), from complete ('X') events nested by time. */
function threadTimes(events: TraceEvent[], pid: number, tid: number, t0: number, t1: number) {
  const xs = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && e.ts < t1 && e.ts + e.dur! > t0)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out: Record<string, number> = {};
  const stack: { e: TraceEvent; end: number; child: number }[] = [];
  let busy = 0;
  const clip = (e: TraceEvent) => Math.min(e.ts + e.dur!, t1) - Math.max(e.ts, t0);
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= upTo) {
      const s = stack.pop()!;
      out[s.e.name] = (out[s.e.name] ?? 0) + (clip(s.e) - s.child) / 1000;
    }
  };
  for (const e of xs) {
    close(e.ts);
    const top = stack[stack.length - 1];
    if (top) top.child += clip(e);
    else busy += clip(e);
    stack.push({ e, end: e.ts + e.dur!, child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  return { events: out, busy: busy / 1000, idle: (t1 - t0) / 1000 - busy / 1000 };
}

function interval(events: TraceEvent[], profile: CpuProfile, startName: string, endName: string, ms: number): Interval {
  const marks = events.filter((e) => e.cat.includes('blink.user_timing'));
  // The last start mark before the last end (a filter change marks its start each time).
  const end = [...marks].reverse().find((e) => e.name === endName);
  if (!end) throw new Error(`no ${endName} in the trace (marks: ${[...new Set(marks.map((e) => e.name))].join(', ')})`);
  const start = [...marks].reverse().find((e) => e.name === startName && e.ts <= end.ts && e.pid === end.pid);
  if (!start) throw new Error(`no ${startName} before ${endName}`);
  // The measure's end is its start + ms on the page's clock; the trace's marks give the start.
  const t0 = start.ts;
  const t1 = start.ts + ms * 1000;
  const th = threadTimes(events, start.pid, start.tid, t0, t1);
  const inside: Record<string, number> = {};
  // Marks only ('R', 'I', 'n'): a measure's begin and end events would read as marks at its ends.
  for (const e of marks)
    if (e.pid === start.pid && e.ts >= t0 && e.ts <= t1 + 1 && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n'))
      inside[e.name] = Math.round((e.ts - t0) / 100) / 10;
  return { ms, ...th, marks: inside, ...profileTimes(profile, t0, t1) };
}

const browser = await launch(instrumentedExtension(dir, 'chrome-mv3-lib-profile'));
const results: Record<string, Interval[]> = {};
try {
  const page: Page = await browser.context.newPage();
  const url = `${browser.extensionOrigin}/library.html`;
  const waitEntries = (p: Page, name: string, more = 0) =>
    p.waitForFunction(([n, k]) => performance.getEntriesByName(n as string).length > (k as number), [name, more] as const, {
      timeout: 120_000,
      polling: 20,
    });
  const entryMs = (p: Page, name: string) =>
    p.evaluate((n) => {
      const all = performance.getEntriesByName(n);
      return all[all.length - 1]?.duration ?? NaN;
    }, name);
  await page.goto(url);
  await waitEntries(page, 'library:first-render');
  await seedLibraryPage(page, N);
  const measures: Record<string, [string, string, string]> = {
    dashboard: ['dashboard', 'library:start', 'dashboard:first-render'],
    scores: ['scores', 'library:start', 'scores:first-render'],
  };
  for (const v of VIEWS) {
    results[v] = [];
    for (let i = 0; i <= LOADS; i++) {
      const events: TraceEvent[] = [];
      let cdp: CDPSession;
      let ms: number;
      let profile: CpuProfile;
      if (v === 'filter') {
        await page.goto('about:blank');
        await page.goto(url);
        await waitEntries(page, 'library:all-rows-loaded');
        await page.waitForTimeout(300);
        const values = await page.$$eval('[data-testid="filter-year"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
        cdp = await browser.context.newCDPSession(page);
        await startTrace(cdp, events);
        const before = await page.evaluate(() => performance.getEntriesByName('library:filter').length);
        await page.selectOption('[data-testid="filter-year"]', values[1 + (i % (values.length - 1))]!);
        await waitEntries(page, 'library:filter', before);
        ms = await entryMs(page, 'library:filter');
        await page.waitForTimeout(100);
        profile = await stopTrace(cdp);
      } else {
        const [hash, , measure] = measures[v]!;
        await page.goto('about:blank');
        cdp = await browser.context.newCDPSession(page);
        await startTrace(cdp, events);
        await page.goto(`${url}#${hash}`);
        await waitEntries(page, measure);
        ms = await entryMs(page, measure);
        await page.waitForTimeout(100);
        profile = await stopTrace(cdp);
      }
      await cdp.detach();
      // The first load of each view is untimed (the first opening of the database, cold caches).
      if (i === 0) continue;
      const [s, e] = v === 'filter' ? ['library:filter-start', 'library:filter'] : [measures[v]![1], measures[v]![2]];
      results[v].push(interval(events, profile, s, e, ms));
      process.stderr.write(`${v} ${i}/${LOADS}: ${ms.toFixed(1)} ms\n`);
    }
  }
} finally {
  await browser.close();
}

const med = (xs: number[]) => stat(xs).median;
const f = (x: number) => x.toFixed(1);
const medianOf = (list: Interval[], pick: (x: Interval) => Record<string, number>, top: number) => {
  const keys = new Set(list.flatMap((x) => Object.keys(pick(x))));
  return [...keys]
    .map((k) => [k, med(list.map((x) => pick(x)[k] ?? 0))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
};
for (const [v, list] of Object.entries(results)) {
  console.log(`\n## ${v}: ${list.length} loads, interval median ${f(med(list.map((x) => x.ms)))} ms`);
  console.log(`main thread busy ${f(med(list.map((x) => x.busy)))} ms, idle ${f(med(list.map((x) => x.idle)))} ms`);
  console.log('marks (ms from start, median):');
  for (const [k, x] of medianOf(list, (x) => x.marks, 30).sort((a, b) => a[1] - b[1])) console.log(`  ${f(x)}\t${k}`);
  console.log('trace events, self ms (median):');
  for (const [k, x] of medianOf(list, (x) => x.events, 18)) console.log(`  ${f(x)}\t${k}`);
  console.log('CPU profile, self ms (median):');
  for (const [k, x] of medianOf(list, (x) => x.self, 25)) console.log(`  ${f(x)}\t${k}`);
  console.log('CPU profile, inclusive ms (median):');
  for (const [k, x] of medianOf(list, (x) => x.inclusive, 40)) console.log(`  ${f(x)}\t${k}`);
}
