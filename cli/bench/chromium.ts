/**
 * Figures measured in Chromium with the built extension.
 *
 * The extension under test is a copy of .output/chrome-mv3 (bench/tmp/) with two extra declared content
 * scripts ahead of the detector, same matches and run_at (document_idle):
 *   idle.js  — stamps performance.now() on <html data-rl-idle>: the moment document_idle scripts start;
 *   empty.js — does nothing: the baseline cost of ANY content script.
 * The detector itself is the built file, unchanged. It emits no performance marks, so its main-thread
 * time is read from a Chromium trace (devtools.timeline): the EvaluateScript event of
 * content-scripts/detector.js (compile + run of the whole script, once per page, in its isolated world),
 * against the same event for empty.js.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { LIBRARY_DB_NAME } from '../../utils/library/db';
import { summaryOf } from '../../utils/score/summary';
import {
  type BenchBrowser,
  type BenchServer,
  CHROME_BUILD,
  clockStep,
  launch,
  ROOT,
  startServer,
  TMP,
  type TraceEvent,
  traceNavigation,
} from './browser';
import { type Stat, stat } from './stats';
import { syntheticLibrary } from './synthetic';

/** A copy of a Chromium build (by default this checkout's) with idle.js and empty.js declared ahead of the detector. */
export function instrumentedExtension(build = CHROME_BUILD, name = 'chrome-mv3-bench'): string {
  const dir = join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  cpSync(build, dir, { recursive: true });
  writeFileSync(join(dir, 'content-scripts/idle.js'), 'document.documentElement.dataset.rlIdle=String(performance.now());\n');
  writeFileSync(join(dir, 'content-scripts/empty.js'), 'var empty=(function(){return{}})();\n');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const detector = manifest.content_scripts.find((c: { js: string[] }) => c.js.includes('content-scripts/detector.js'));
  manifest.content_scripts.unshift({ ...detector, js: ['content-scripts/idle.js'] }, { ...detector, js: ['content-scripts/empty.js'] });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** esbuild IIFE bundles of our own source (SRC_ROOT: another checkout's), injected into pages (same code as the built scripts). */
export async function bundle(contents: string, minify = true): Promise<string> {
  const r = await build({
    stdin: { contents, resolveDir: process.env.SRC_ROOT ?? ROOT, loader: 'ts' },
    bundle: true,
    minify,
    format: 'iife',
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

// A candidate cheaper titleCandidates, for comparison only (bench code, not shipped): meta lookups scoped to
// <head>, headings through the live getElementsBy* collections, which stop walking once 12 are found.
const CANDIDATE = `
import { isReportTitleCandidate } from './utils/detect/looks-like-report';
function candidates(doc) {
  const out = [];
  if (doc.title) out.push(doc.title);
  const head = doc.head;
  if (head) for (const name of ['ArticleTitle', 'title', 'og:title']) {
    const c = head.querySelector('meta[name="' + name + '"],meta[property="' + name + '"]')?.getAttribute('content');
    if (c) out.push(c);
  }
  const lists = [doc.getElementsByTagName('h1'), doc.getElementsByTagName('h2'), doc.getElementsByTagName('h3'),
    doc.getElementsByClassName('title'), doc.getElementsByClassName('article-title'), doc.getElementsByClassName('bt')];
  for (const list of lists) for (let i = 0; i < list.length && out.length < 12; i++) {
    const t = list[i].textContent; if (t && t.length <= 320) out.push(t);
  }
  return out;
}
export function looksLikeReportCandidate(doc) { return candidates(doc).some(isReportTitleCandidate); }
`;

/**
 * The floor: a test that decides nothing and only makes the reads any title-and-heading test must make (the title,
 * the head's first meta, the first h1 and h2). On a small page its first call is the cost of first touching the
 * page's DOM from the script, below which no detector goes; ours minus it is what our test adds to those reads.
 * Sets globalThis.__rlFloor (detector-ab.ts's variant `floor` is the same code).
 */
export const FLOOR = `globalThis.__rlFloor = (d) => { const m = d.head?.getElementsByTagName('meta')[0]?.getAttribute('name');
  const h1 = d.getElementsByTagName('h1').item(0)?.textContent; const h2 = d.getElementsByTagName('h2').item(0)?.textContent;
  return d.title === '\\0' && m === h1 && h1 === h2; };`;

/** Fresh pages per repetition for each first-call duel (ours against Readability, the floor against Readability). */
const DUELS = 3;

export interface DetectorPage {
  page: string;
  /** EvaluateScript of content-scripts/detector.js (ms), per navigation. */
  detector: Stat;
  /** v8.compile of detector.js (part of EvaluateScript). */
  detectorCompile: Stat;
  /**
   * The detector's later calls (FunctionCall events of detector.js after its evaluation, within 500 ms of load):
   * the idle-period test and watch it defers from document_idle. Moved, not removed: `detectorAll` counts both.
   */
  detectorLater: Stat;
  /** detector + detectorLater, per navigation. */
  detectorAll: Stat;
  empty: Stat;
  /** detector / empty (medians) */
  ratioToEmpty: number;
  /** DOMContentLoaded end, ms after navigation start. */
  domContentLoaded: Stat;
  /** detector / DOMContentLoaded (medians) */
  ratioToDomContentLoaded: number;
  /** looksLikeReport(document) injected in the page (main world), first call on a fresh page. */
  inPageFirstCall: Stat;
  /** Same, warm: mean of 50 calls per sample. */
  inPageWarm: Stat;
  /** The candidate variant (see CANDIDATE), warm. */
  candidateWarm: Stat;
  candidateFirstCall: Stat;
  candidateAgrees: boolean;
  /** The detector's whole test (looksLikeReport || looksLikeListing), first call on a fresh page. */
  detectFirstCall: Stat;
  /** Readability's isProbablyReaderable(document) on the same fresh page, right after. */
  readabilityFirstCall: Stat;
  /** Both warm (mean of 50 calls per sample). */
  detectWarm: Stat;
  readabilityWarm: Stat;
  /** detectFirstCall / readabilityFirstCall, per sample (the median of the ratios): the goal is ≤ 0.25. */
  ratioToReadability: Stat;
  /** The floor's first call (FLOOR) on a fresh page, and Readability's on the same page, right before or after. */
  floorFirstCall: Stat;
  readabilityBesideFloor: Stat;
  /**
   * Trimmed means of the first calls (ms; the highest and lowest tenth left out). On a clock of 0.1 ms steps (before
   * sprint 10, or with BENCH_COARSE_CLOCK=1) a mean over many fresh pages resolves below a step where a median cannot;
   * the bench's pages now have a 5 µs clock. Readability's is pooled over both duels.
   */
  means: { detect: number; floor: number; readability: number };
  /** The page clock's step (ms): 0.005 on a cross-origin isolated page, else 0.1 (BENCH_COARSE_CLOCK=1). */
  clock: number;
  /** (ours − floor) ÷ Readability, trimmed means: what our test adds to the reads any test makes, against Readability. */
  overFloorRatio: number;
  /** floor ÷ Readability, trimmed means: the part of the plain ratio no test can avoid. */
  floorRatio: number;
}

/**
 * The mean without the highest and lowest tenth (at least one each from 5 samples on): it resolves below the page's
 * 0.1 ms clock as a mean does, and one page slowed by the machine's load does not move it as it moves a mean.
 */
const mean = (xs: number[]) => {
  const cut = xs.length >= 5 ? Math.max(1, Math.floor(xs.length / 10)) : 0;
  const kept = [...xs].sort((a, b) => a - b).slice(cut, xs.length - cut);
  return kept.reduce((a, b) => a + b, 0) / Math.max(kept.length, 1);
};
const round3 = (x: number) => Math.round(x * 1000) / 1000;

async function onPage<T>(page: Page, fn: string): Promise<T> {
  return (await page.evaluate(fn)) as T;
}

export async function detectorBench(b: BenchBrowser, server: BenchServer, pages: string[], reps: number): Promise<DetectorPage[]> {
  // The detector's whole test (report or listing, as detector.content.ts runs it) and, as the yardstick in the
  // same page and run, Firefox Reader View's own every-page test (@mozilla/readability isProbablyReaderable).
  const code = await bundle(
    `import { looksLikeReport } from './utils/detect/looks-like-report';\nimport { looksLikeListing } from './utils/detect/looks-like-listing';\nimport { isProbablyReaderable } from '@mozilla/readability';\n${CANDIDATE.replace(/^import.*$/m, '')}\nimport { isReportTitleCandidate } from './utils/detect/looks-like-report';\nglobalThis.__rlBench = { looksLikeReport, looksLikeListing, isProbablyReaderable, looksLikeReportCandidate };`,
  );
  const floorCode = await bundle(
    `${FLOOR}\nimport { isProbablyReaderable } from '@mozilla/readability';\nglobalThis.__rlBench = { floor: globalThis.__rlFloor, isProbablyReaderable };`,
  );
  // A first call on a fresh page against Readability's on the same page, which goes first alternating, so neither
  // always pays for the page's first style and layout queries (isProbablyReaderable reads computed style).
  const duel = async (name: string, script: string, test: string, readabilityFirst: boolean) => {
    const vs = await b.context.newPage();
    await vs.goto(server.url(`/${name}.html`, '127.0.0.1'), { waitUntil: 'load' });
    await vs.addScriptTag({ content: script });
    const res = await onPage<{ d: number; r: number; dw: number; rw: number; isolated: boolean }>(
      vs,
      `(() => {
        const b = globalThis.__rlBench; const detect = ${test};
        const time = (f) => { const t = performance.now(); f(); return performance.now() - t; };
        let d, r;
        if (${readabilityFirst}) { r = time(() => b.isProbablyReaderable(document)); d = time(detect); } else { d = time(detect); r = time(() => b.isProbablyReaderable(document)); }
        let t = performance.now(); for (let i = 0; i < 50; i++) detect(); const dw = (performance.now() - t) / 50;
        t = performance.now(); for (let i = 0; i < 50; i++) b.isProbablyReaderable(document); const rw = (performance.now() - t) / 50;
        return { d, r, dw, rw, isolated: crossOriginIsolated };
      })()`,
    );
    await vs.close();
    return res;
  };
  const out: DetectorPage[] = [];
  for (const name of pages) {
    const det: number[] = [];
    const compile: number[] = [];
    const later: number[] = [];
    const all: number[] = [];
    const emp: number[] = [];
    const dcl: number[] = [];
    const first: number[] = [];
    const warm: number[] = [];
    const candFirst: number[] = [];
    const candWarm: number[] = [];
    const dFirst: number[] = [];
    const rFirst: number[] = [];
    const dWarm: number[] = [];
    const rWarm: number[] = [];
    const ratio: number[] = [];
    const fFirst: number[] = [];
    const rBesideFloor: number[] = [];
    let agrees = true;
    let clock = 0.005;
    for (let r = 0; r < reps; r++) {
      const page = await b.context.newPage();
      // 500 ms after load: the detector's idle-period work has run by then (its idle callback comes first thing).
      const events = await traceNavigation(page, server.url(`/${name}.html`), () => page.waitForTimeout(500));
      const ev = (file: string) =>
        events
          .filter((e) => e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').endsWith(`content-scripts/${file}`))
          .map((e) => (e.dur ?? 0) / 1000);
      det.push(...ev('detector.js').slice(0, 1));
      const evaluation = events.find(
        (e) => e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').endsWith('content-scripts/detector.js'),
      );
      if (evaluation) {
        const end = evaluation.ts + (evaluation.dur ?? 0);
        const calls = events.filter(
          (e) => e.name === 'FunctionCall' && e.ts > end && String(e.args?.data?.url ?? '').endsWith('content-scripts/detector.js'),
        );
        const ms = calls.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000;
        later.push(ms);
        all.push((evaluation.dur ?? 0) / 1000 + ms);
      }
      compile.push(
        ...events
          .filter((e) => e.name === 'v8.compile' && String(e.args?.data?.url ?? '').endsWith('content-scripts/detector.js'))
          .map((e) => (e.dur ?? 0) / 1000)
          .slice(0, 1),
      );
      emp.push(...ev('empty.js').slice(0, 1));
      dcl.push(await onPage<number>(page, `performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd`));
      await page.close();
      // In-page timing on a page without the extension's scripts (a non-gov host is not matched).
      const plain = await b.context.newPage();
      await plain.goto(server.url(`/${name}.html`, '127.0.0.1'), { waitUntil: 'load' });
      await plain.addScriptTag({ content: code });
      // one call per fresh page for "first", loops for "warm".
      const res = await onPage<{ first: number; cfirst: number; warm: number; cwarm: number; same: boolean }>(
        plain,
        `(() => {
          const b = globalThis.__rlBench;
          let t = performance.now(); const a1 = b.looksLikeReport(document); const first = performance.now() - t;
          t = performance.now(); const a2 = b.looksLikeReportCandidate(document); const cfirst = performance.now() - t;
          t = performance.now(); for (let i = 0; i < 50; i++) b.looksLikeReport(document); const warm = (performance.now() - t) / 50;
          t = performance.now(); for (let i = 0; i < 50; i++) b.looksLikeReportCandidate(document); const cwarm = (performance.now() - t) / 50;
          return { first, cfirst, warm, cwarm, same: a1 === a2 };
        })()`,
      );
      first.push(res.first);
      candFirst.push(res.cfirst);
      warm.push(res.warm);
      candWarm.push(res.cwarm);
      agrees &&= res.same;
      await plain.close();
      // Ours against Readability, then the floor against Readability, each on fresh pages (DUELS of each per
      // repetition, alternating which goes first), so the floor is measured as ours is: a first call.
      for (let k = 0; k < DUELS; k++) {
        const first = (r * DUELS + k) % 2 === 1;
        const ours = await duel(name, code, '() => b.looksLikeReport(document) || b.looksLikeListing(document)', first);
        dFirst.push(ours.d);
        rFirst.push(ours.r);
        dWarm.push(ours.dw);
        rWarm.push(ours.rw);
        clock = Math.max(clock, clockStep(ours.isolated));
        ratio.push(ours.d / Math.max(ours.r, clockStep(ours.isolated)));
        const floor = await duel(name, floorCode, '() => b.floor(document)', first);
        fFirst.push(floor.d);
        rBesideFloor.push(floor.r);
      }
    }
    const d = stat(det);
    const e = stat(emp);
    const c = stat(dcl);
    out.push({
      page: name,
      detector: d,
      detectorCompile: stat(compile),
      detectorLater: stat(later),
      detectorAll: stat(all),
      empty: e,
      ratioToEmpty: Math.round((d.median / e.median) * 10) / 10,
      domContentLoaded: c,
      ratioToDomContentLoaded: Math.round((d.median / c.median) * 1000) / 1000,
      inPageFirstCall: stat(first),
      inPageWarm: stat(warm),
      candidateWarm: stat(candWarm),
      candidateFirstCall: stat(candFirst),
      candidateAgrees: agrees,
      detectFirstCall: stat(dFirst),
      readabilityFirstCall: stat(rFirst),
      detectWarm: stat(dWarm),
      readabilityWarm: stat(rWarm),
      ratioToReadability: stat(ratio),
      floorFirstCall: stat(fFirst),
      readabilityBesideFloor: stat(rBesideFloor),
      means: { detect: round3(mean(dFirst)), floor: round3(mean(fFirst)), readability: round3(mean([...rFirst, ...rBesideFloor])) },
      clock,
      overFloorRatio: round3((mean(dFirst) - mean(fFirst)) / mean([...rFirst, ...rBesideFloor])),
      floorRatio: round3(mean(fFirst) / mean([...rFirst, ...rBesideFloor])),
    });
  }
  return out;
}

/** Stamps (window.__rlPanel, and a performance mark each: cli/bench/panel-trace.ts reads them in its traces) when the panel's host, its content and its paint appear. */
export const PANEL_PROBE = `(() => {
  const stamp = (k) => { if (!window.__rlPanel[k]) { window.__rlPanel[k] = performance.now(); performance.mark('rl-' + k); } };
  window.__rlPanel = {};
  const watchRoot = (root) => {
    const check = () => {
      if (root.querySelector('.rl-panel, .rl-pill')) {
        stamp('inserted');
        requestAnimationFrame(() => requestAnimationFrame(() => { stamp('painted'); console.debug('rl-panel-painted'); }));
        return true;
      }
      return false;
    };
    if (!check()) new MutationObserver((_, o) => { if (check()) o.disconnect(); }).observe(root, { childList: true, subtree: true });
  };
  const find = () => {
    const host = document.querySelector('report-lens');
    if (host && host.shadowRoot) { stamp('host'); watchRoot(host.shadowRoot); return true; }
    return false;
  };
  const start = () => { if (!find()) new MutationObserver((_, o) => { if (find()) o.disconnect(); }).observe(document, { childList: true, subtree: true }); };
  start();
})();`;

export interface PanelPage {
  page: string;
  /** Panel content in the shadow root, ms after document_idle (the idle.js stamp). */
  fromIdle: Stat;
  /** Two animation frames later: the panel has been painted. */
  paintedFromIdle: Stat;
  fromDomContentLoaded: Stat;
  fromLoad: Stat;
  /** document_idle after navigation start. */
  idleAt: Stat;
  missed: number;
}

/** One page load with the panel probe: ms after document_idle, or null when no panel was painted within 15 s. */
export interface PanelLoad {
  fromIdle: number;
  painted: number;
  fromDomContentLoaded: number;
  fromLoad: number;
  idle: number;
  /** The renderer main thread's CPU time from before navigation to the paint (CDP ThreadTime), ms. */
  threadMs: number;
  /** With `trace`: where the interval idle → panel inserted went (see panelPhases). */
  phases?: PanelPhases;
  /** With `profile`: self time (ms) per 'file:function' sampled from before navigation to the paint (CDP Profiler). */
  selfMs?: Record<string, number>;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export function selfTimes(p: CpuProfile): Record<string, number> {
  const key = new Map(
    p.nodes.map((n) => [
      n.id,
      `${n.callFrame.url.split('/').pop() || '-'}:${n.callFrame.functionName || '(anonymous)'}${process.env.PROFILE_LINES ? `:${n.callFrame.lineNumber + 1}` : ''}`,
    ]),
  );
  const out: Record<string, number> = {};
  p.samples.forEach((id, i) => {
    const k = key.get(id) ?? '?';
    out[k] = (out[k] ?? 0) + (p.timeDeltas[i + 1] ?? 0) / 1000;
  });
  return out;
}

/**
 * The interval document_idle → panel inserted, cut at the scripts' evaluations in a trace of the load: each
 * phase's wall time and the renderer main thread's busy time inside it (top-level tasks), ms.
 *   toDetector   idle.js evaluated → detector.js evaluated (other idle scripts, scheduling)
 *   toReport     detector done → report.js starts (message to the background, executeScript, t2s part if any)
 *   report       report.js evaluated (compile and top level)
 *   toPanel      report.js done → panel inserted (storage reads, check, first render)
 */
export interface PanelPhases {
  wall: Record<'toDetector' | 'toReport' | 'report' | 'toPanel', number>;
  busy: Record<'toDetector' | 'toReport' | 'report' | 'toPanel', number>;
  /** Longest top-level tasks in toPanel (ms, name). */
  longest: [number, string][];
}

function panelPhases(events: TraceEvent[]): PanelPhases | undefined {
  const evalOf = (file: string) =>
    events.find((e) => e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').endsWith(`content-scripts/${file}`));
  const idle = evalOf('idle.js');
  const det = evalOf('detector.js');
  const rep = evalOf('report.js');
  const mark = events.find((e) => e.name === 'rl-inserted');
  if (!idle || !det || !rep || !mark) return undefined;
  const tid = det.tid;
  const tasks = events.filter(
    (e) => e.tid === tid && e.pid === det.pid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
  const cuts = {
    toDetector: [idle.ts, det.ts],
    toReport: [end(det), rep.ts],
    report: [rep.ts, end(rep)],
    toPanel: [end(rep), mark.ts],
  } as const;
  const busyIn = ([a, b]: readonly [number, number]) =>
    tasks.reduce((sum, t) => sum + Math.max(0, Math.min(end(t), b) - Math.max(t.ts, a)), 0) / 1000;
  const keys = Object.keys(cuts) as (keyof typeof cuts)[];
  const inPanel = tasks.filter((t) => t.ts >= cuts.toPanel[0] && t.ts < cuts.toPanel[1]).sort((x, y) => (y.dur ?? 0) - (x.dur ?? 0));
  return {
    wall: Object.fromEntries(keys.map((k) => [k, (cuts[k][1] - cuts[k][0]) / 1000])) as PanelPhases['wall'],
    busy: Object.fromEntries(keys.map((k) => [k, busyIn(cuts[k])])) as PanelPhases['busy'],
    longest: inPanel.slice(0, 4).map((t) => [(t.dur ?? 0) / 1000, t.name]),
  };
}

export async function panelLoad(
  b: BenchBrowser,
  server: BenchServer,
  name: string,
  trace = false,
  profile = false,
): Promise<PanelLoad | null> {
  const page = await b.context.newPage();
  try {
    await page.addInitScript({ content: PANEL_PROBE });
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async () =>
      ((await cdp.send('Performance.getMetrics')).metrics.find((x: { name: string }) => x.name === 'ThreadTime')?.value ?? NaN) * 1000;
    const events: TraceEvent[] = [];
    if (trace) {
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
      await cdp.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: { includedCategories: ['devtools.timeline', 'blink.user_timing', 'toplevel', 'v8.execute'] },
      });
    }
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const c0 = await threadTime();
    // Told by a console message, not by polling: Playwright's first poll injects its own script into the page
    // (about 15 ms of the renderer's main thread), which landed inside the measured interval, between the
    // check and the panel. PANEL_WAIT=poll measures the old way, to compare.
    const painted = page.waitForEvent('console', { predicate: (m) => m.text() === 'rl-panel-painted', timeout: 15_000 });
    painted.catch(() => undefined);
    try {
      await page.goto(server.url(`/${name}.html`), { waitUntil: 'load' });
      if (process.env.PANEL_WAIT === 'poll')
        await page.waitForFunction('window.__rlPanel && window.__rlPanel.painted', undefined, { timeout: 15_000, polling: 50 });
      else await painted;
    } catch {
      return null;
    }
    const c1 = await threadTime();
    let phases: PanelPhases | undefined;
    if (trace) {
      const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
      await cdp.send('Tracing.end');
      await done;
      phases = panelPhases(events);
    }
    const selfMs = profile ? selfTimes((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile) : undefined;
    await cdp.detach();
    const t = await onPage<{ idle: number; inserted: number; painted: number; dcl: number; load: number }>(
      page,
      `(() => { const n = performance.getEntriesByType('navigation')[0]; return { idle: Number(document.documentElement.dataset.rlIdle), inserted: window.__rlPanel.inserted, painted: window.__rlPanel.painted, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd }; })()`,
    );
    return {
      fromIdle: t.inserted - t.idle,
      painted: t.painted - t.idle,
      fromDomContentLoaded: t.inserted - t.dcl,
      fromLoad: t.inserted - t.load,
      idle: t.idle,
      threadMs: c1 - c0,
      ...(phases ? { phases } : {}),
      ...(selfMs ? { selfMs } : {}),
    };
  } finally {
    await page.close();
  }
}

export async function panelBench(b: BenchBrowser, server: BenchServer, pages: string[], reps: number): Promise<PanelPage[]> {
  const out: PanelPage[] = [];
  for (const name of pages) {
    const loads: PanelLoad[] = [];
    let missed = 0;
    for (let r = 0; r < reps; r++) {
      const l = await panelLoad(b, server, name);
      if (l) loads.push(l);
      else missed++;
    }
    out.push({
      page: name,
      fromIdle: stat(loads.map((l) => l.fromIdle)),
      paintedFromIdle: stat(loads.map((l) => l.painted)),
      fromDomContentLoaded: stat(loads.map((l) => l.fromDomContentLoaded)),
      fromLoad: stat(loads.map((l) => l.fromLoad)),
      idleAt: stat(loads.map((l) => l.idle)),
      missed,
    });
  }
  return out;
}

export interface BrowserPipelinePage {
  page: string;
  /** checkDocument(document) in the page: first call on a fresh page, and warm (the mean of the 5 calls after it). */
  first: Stat;
  warm: Stat;
  /**
   * The mean of calls 21–40 on the same page: V8's optimizing compilers have done most of their work by then. During
   * the 5 "warm" calls they run on background threads (cli/bench/pipeline-trace.ts), which on 2 cores share the CPU
   * with the page. Information beside the warm figure, not its goal.
   */
  steady: Stat;
}

/** The same pipeline (utils/pipeline.ts checkDocument) in Chromium's DOM, for comparison with Node's linkedom. */
export async function browserPipelineBench(
  b: BenchBrowser,
  server: BenchServer,
  pages: { name: string; path: string }[],
  reps: number,
): Promise<BrowserPipelinePage[]> {
  const code = await bundle(`import { checkDocument } from './utils/pipeline';\nglobalThis.__rlCheck = checkDocument;`);
  const out: BrowserPipelinePage[] = [];
  for (const { name, path } of pages) {
    const first: number[] = [];
    const warm: number[] = [];
    const steady: number[] = [];
    for (let r = 0; r < reps; r++) {
      const page = await b.context.newPage();
      await page.goto(server.url(path, '127.0.0.1'), { waitUntil: 'load' });
      await page.addScriptTag({ content: code });
      const res = await onPage<{ first: number; warm: number; steady: number }>(
        page,
        `(() => { const check = () => globalThis.__rlCheck(document, { url: location.href });
          let t = performance.now(); check(); const first = performance.now() - t;
          t = performance.now(); for (let i = 0; i < 5; i++) check(); const warm = (performance.now() - t) / 5;
          for (let i = 6; i < 20; i++) check();
          t = performance.now(); for (let i = 0; i < 20; i++) check(); return { first, warm, steady: (performance.now() - t) / 20 }; })()`,
      );
      first.push(res.first);
      warm.push(res.warm);
      steady.push(res.steady);
      await page.close();
    }
    out.push({ page: name, first: stat(first), warm: stat(warm), steady: stat(steady) });
  }
  return out;
}

export interface LibraryPageBench {
  reports: number;
  /** Writing the synthetic reports into the page's IndexedDB (from the bench, in chunks of 500). */
  seedInsertMs: number;
  /** The page's own count of matching reports (no filter): proves the 10,000 were there. */
  rowsInView: number;
  /** 'library:first-render' (library:start → table painted), per page load with 10,000 rows stored. */
  firstRender: Stat;
  /** 'library:all-rows-loaded': library:start → every row in memory and the full table committed. */
  allRowsLoaded: Stat;
  /** 'library:rendered' mark: from navigation start. */
  renderedFromNavigation: Stat;
  /** 'library:filter' measures: filter change → table committed. */
  filterYear: Stat;
  filterErrors: Stat;
  /** 'scores:first-render': library:start → #scores on screen (all rows loaded, scored under the thresholds, sorted, first 50 rows). */
  scoresFirstRender: Stat;
  /** Reports the scorecard counts (newest revisions with a score record): proves the 10,000 were scored. */
  scoresInView: number;
  /** 'dashboard:first-render': library:start → #dashboard's six charts drawn (all rows loaded and aggregated). */
  dashboardFirstRender: Stat;
  /** Charts on the dashboard. */
  dashboardCharts: number;
}

/** Writes n synthetic reports into the open library page's database, in chunks (ms spent writing). */
export async function seedLibraryPage(page: Page, n: number): Promise<number> {
  const { rows, bodies } = syntheticLibrary(n);
  let ms = 0;
  for (let at = 0; at < n; at += 500) {
    const part = rows.slice(at, at + 500);
    // Each row's summary too, as the library's writes keep them (its id is given on insert).
    const summaries = part.map((r) => summaryOf({ ...r, id: 0 }));
    const chunk = { name: LIBRARY_DB_NAME, rows: part, bodies: bodies.slice(at, at + 500), summaries };
    ms += await page.evaluate(
      (c) =>
        new Promise<number>((resolve, reject) => {
          const t0 = performance.now();
          const open = indexedDB.open(c.name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            // A build from before the summaries (an A/B run against an older main) has no such store.
            const summaries = db.objectStoreNames.contains('summaries');
            const tx = db.transaction(summaries ? ['reports', 'bodies', 'summaries'] : ['reports', 'bodies'], 'readwrite');
            c.rows.forEach((row, i) => {
              const add = tx.objectStore('reports').add(row);
              add.onsuccess = () => {
                tx.objectStore('bodies').add({ ...c.bodies[i], id: add.result });
                if (summaries) tx.objectStore('summaries').put({ ...c.summaries[i], id: add.result });
              };
            });
            tx.oncomplete = () => {
              db.close();
              resolve(performance.now() - t0);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      chunk,
    );
  }
  return ms;
}

export async function libraryPageBench(b: BenchBrowser, n: number, reps: number): Promise<LibraryPageBench> {
  // Extension pages forbid string evaluation (CSP): only plain arrow functions are sent here.
  const page = await b.context.newPage();
  const url = `${b.extensionOrigin}/library.html`;
  const entries = (name: string) => page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
  const waitEntries = (name: string, more: number, timeout: number) =>
    page.waitForFunction(([n, k]) => performance.getEntriesByName(n as string).length > (k as number), [name, more] as const, {
      timeout,
      polling: 20,
    });
  // The page opens (and so creates) the library; the synthetic reports are then written straight into its
  // IndexedDB from here, so the product carries no seeding code.
  await page.goto(url);
  await waitEntries('library:first-render', 0, 180_000);
  const seedInsertMs = await seedLibraryPage(page, n);
  const stored = () =>
    page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-testid="library-count"]')?.dataset.count ?? NaN));
  const first: number[] = [];
  const fromNav: number[] = [];
  const allRows: number[] = [];
  for (let r = 0; r < reps; r++) {
    await page.goto(url);
    await waitEntries('library:first-render', 0, 60_000);
    // The page shows the newest rows first, then loads every row (filters are enabled then).
    await waitEntries('library:all-rows-loaded', 0, 60_000);
    first.push(...(await entries('library:first-render')));
    allRows.push(...(await entries('library:all-rows-loaded')));
    fromNav.push(await page.evaluate(() => performance.getEntriesByName('library:rendered')[0]!.startTime));
  }
  const rowsInView = await stored();
  if (!(rowsInView >= n))
    throw new Error(`library page shows ${rowsInView} reports, expected ${n} (was the build replaced during the run?)`);
  const filter = async (testid: string): Promise<number[]> => {
    const values = await page.$$eval(`[data-testid="${testid}"] option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
    const pick = values.filter((v) => v !== '');
    const out: number[] = [];
    for (let r = 0; r < reps * 2; r++) {
      const before = (await entries('library:filter')).length;
      const value = r % 2 === 0 ? pick[r % pick.length]! : '';
      await page.selectOption(`[data-testid="${testid}"]`, value);
      await waitEntries('library:filter', before, 10_000);
      const all = await entries('library:filter');
      out.push(all[all.length - 1]!);
    }
    return out;
  };
  const year = await filter('filter-year');
  const errors = await filter('filter-errors');
  // The scorecard and the dashboard, each opened fresh (a new document, so library:start is its own).
  const view = async (hash: string, measure: string): Promise<number[]> => {
    const out: number[] = [];
    for (let r = 0; r < reps; r++) {
      await page.goto('about:blank');
      await page.goto(`${url}#${hash}`);
      await waitEntries(measure, 0, 120_000);
      out.push(...(await entries(measure)));
    }
    return out;
  };
  const scores = await view('scores', 'scores:first-render');
  const scoresInView = await page.evaluate(() =>
    Number(document.querySelector<HTMLElement>('[data-testid="scores-count"]')?.dataset.count ?? NaN),
  );
  if (!(scoresInView >= n)) throw new Error(`scorecard shows ${scoresInView} reports, expected ${n}`);
  const dashboard = await view('dashboard', 'dashboard:first-render');
  const dashboardCharts = await page.evaluate(() => document.querySelectorAll('canvas[data-chart]').length);
  await page.close();
  return {
    reports: n,
    seedInsertMs: Math.round(seedInsertMs),
    rowsInView,
    firstRender: stat(first),
    renderedFromNavigation: stat(fromNav),
    allRowsLoaded: stat(allRows),
    filterYear: stat(year),
    filterErrors: stat(errors),
    scoresFirstRender: stat(scores),
    scoresInView,
    dashboardFirstRender: stat(dashboard),
    dashboardCharts,
  };
}

export async function withChromium<T>(
  fn: (b: BenchBrowser, server: BenchServer) => Promise<T>,
  extra: Record<string, string | Uint8Array> = {},
): Promise<T> {
  const server = await startServer(extra);
  const b = await launch(instrumentedExtension());
  try {
    return await fn(b, server);
  } finally {
    await b.close();
    await server.close();
  }
}
