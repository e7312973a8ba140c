/**
 * CPU profiles for the bench: run a function under the V8 sampling profiler (node:inspector, in process)
 * and summarise where the time goes — self time per function, and inclusive time per function of ours
 * (files under utils/ or cli/), so "parseDocument → buildTextView → cleanText" reads as ms per call.
 */
import { Session } from 'node:inspector/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  fn: string;
  /** Milliseconds per call of the profiled function. */
  ms: number;
  share: number;
}
export interface ProfileSummary {
  runs: number;
  msPerRun: number;
  /** Self time (the function's own code, not its callees), top entries. */
  self: HotSpot[];
  /** Inclusive time of our own functions (utils/, cli/), top entries. */
  inclusive: HotSpot[];
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function label(frame: ProfileNode['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) return name;
  let file = frame.url.startsWith('file://') ? relative(ROOT, fileURLToPath(frame.url)) : frame.url;
  file = file.replace(/^node_modules\/(\.pnpm\/)?/, '');
  if (file.includes('node_modules/')) file = file.slice(file.lastIndexOf('node_modules/') + 13);
  return `${name} (${file}:${frame.lineNumber + 1})`;
}

const ours = (frame: ProfileNode['callFrame']) => /\/(utils|cli)\//.test(frame.url) && !/node_modules|\/cli\/bench/.test(frame.url);

export async function profile(fn: () => unknown, runs: number, top = 12): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const t0 = performance.now();
  // An async fn (the CLI's checkFile) is awaited per run; a sync one costs no microtask.
  for (let i = 0; i < runs; i++) {
    const r = fn();
    if (r instanceof Promise) await r;
  }
  const elapsed = performance.now() - t0;
  const { profile: p } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  await session.post('Profiler.disable');
  session.disconnect();
  return summarise(p, runs, elapsed, top);
}

function summarise(p: Profile, runs: number, elapsedMs: number, top: number): ProfileSummary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Sample time per node (µs), from timeDeltas.
  const nodeTime = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i + 1] ?? 0;
    nodeTime.set(p.samples[i]!, (nodeTime.get(p.samples[i]!) ?? 0) + dt);
  }
  const total = [...nodeTime.values()].reduce((a, b) => a + b, 0) || 1;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, t] of nodeTime) {
    const node = byId.get(id)!;
    const l = label(node.callFrame);
    self.set(l, (self.get(l) ?? 0) + t);
    // Inclusive: every distinct function of ours on the stack gets the sample once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!ours(f)) continue;
      const key = label(f);
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + t);
    }
  }
  const msPerRun = elapsedMs / runs;
  const list = (m: Map<string, number>) =>
    [...m]
      .filter(([k]) => !/^\((idle|program|garbage collector|root)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, t]) => ({ fn, ms: round((t / total) * msPerRun), share: round(t / total, 3) }));
  const gc = [...self].filter(([k]) => k.startsWith('(garbage collector)')).reduce((a, [, t]) => a + t, 0);
  const selfList = list(self);
  if (gc) selfList.push({ fn: '(garbage collector)', ms: round((gc / total) * msPerRun), share: round(gc / total, 3) });
  return { runs, msPerRun: round(msPerRun), self: selfList, inclusive: list(incl) };
}

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
