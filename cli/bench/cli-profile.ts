/**
 * Where the CLI's time and garbage go, on the fixture mix (the bench's `cli` part's pages):
 *   npx tsx cli/bench/cli-profile.ts <cpu|alloc> [pages=600] [top=30]
 * After one warm-up pass over the 19 pages, checks `pages` pages cycling them, under the V8 CPU profiler (cpu:
 * self and inclusive shares per function, 200 µs sampling) or the sampling heap profiler with collected objects
 * kept (alloc: bytes allocated per function, self and inclusive, garbage included: what the collector has to
 * clear). Shares are of all samples / all sampled bytes. Run it on a bundle for names that match the sources:
 *   npx esbuild cli/bench/cli-profile.ts --bundle --platform=node --format=esm --outfile=bench/tmp/p.mjs \
 *     --banner:js="import{createRequire as __cr}from'module';const require=__cr(import.meta.url);"
 *   node bench/tmp/p.mjs cpu 600 45   (from the repository root; bench/tmp is ignored)
 * LINES=<regex> (cpu) adds the self samples of the matching functions by line of the bundle; FILES=1 (cpu) the self
 * samples by source file of ours (linkedom and the rest are "(other)").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { checkFile } from '../check';

// Not imported from ./browser: that loads Playwright, which does not bundle.
const PAGES = join(process.cwd(), 'test/fixtures/pages');

const [mode = 'cpu', pagesText = '600', topText = '30'] = process.argv.slice(2);
const files = readdirSync(PAGES)
  .filter((f) => f.endsWith('.html') && f !== 'large-listing.html')
  .sort()
  .map((f) => join(PAGES, f));

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface Node {
  id: number;
  callFrame: Frame;
  hitCount?: number;
  selfSize?: number;
  children?: (number | Node)[];
  positionTicks?: { line: number; ticks: number }[];
}

const name = (f: Frame) => `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;

/** Self and inclusive weight per function name (a recursive function counted once per stack for inclusive). */
function summarise(nodes: Node[], weight: (n: Node) => number, top: number) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  const walk = (n: Node, stack: Map<string, number>) => {
    const k = name(n.callFrame);
    const w = weight(n);
    total += w;
    self.set(k, (self.get(k) ?? 0) + w);
    stack.set(k, (stack.get(k) ?? 0) + 1);
    for (const [s] of stack) incl.set(s, (incl.get(s) ?? 0) + w);
    for (const c of n.children ?? []) walk(typeof c === 'number' ? byId.get(c)! : c, stack);
    const left = stack.get(k)! - 1;
    if (left) stack.set(k, left);
    else stack.delete(k);
  };
  const roots = nodes.filter((n) => !nodes.some((p) => (p.children ?? []).some((c) => (typeof c === 'number' ? c : c.id) === n.id)));
  for (const r of roots) walk(r, new Map());
  const fmt = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${((100 * v) / total).toFixed(2).padStart(6)} %  ${k}`)
      .join('\n');
  // WHO=<regex>: the self weight of the matching functions split by their caller.
  const who = process.env.WHO ? new RegExp(process.env.WHO) : null;
  const callers = new Map<string, number>();
  if (who)
    for (const p of nodes)
      for (const c of p.children ?? []) {
        const n = typeof c === 'number' ? byId.get(c)! : c;
        const k = name(n.callFrame);
        if (who.test(k)) callers.set(`${k} ← ${name(p.callFrame)}`, (callers.get(`${k} ← ${name(p.callFrame)}`) ?? 0) + weight(n));
      }
  return `total ${total}\n-- self --\n${fmt(self)}\n-- inclusive --\n${fmt(incl)}${who ? `\n-- callers --\n${fmt(callers)}` : ''}`;
}

/** Flattens the heap profile's nested tree into a node list. */
function flatten(n: Node, out: Node[] = []): Node[] {
  out.push(n);
  for (const c of n.children ?? []) flatten(c as Node, out);
  return out;
}

for (const f of files) await checkFile(f);
const session = new Session();
session.connect();
const pages = Number(pagesText);
const cpu0 = process.cpuUsage();
if (mode === 'cpu') {
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
} else {
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
}
for (let i = 0; i < pages; i++) await checkFile(files[i % files.length]!);
const cpu = process.cpuUsage(cpu0);
console.log(`${pages} pages, ${((cpu.user + cpu.system) / 1000 / pages).toFixed(2)} ms CPU per page`);
if (mode === 'cpu') {
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: { nodes: Node[] } };
  console.log(summarise(profile.nodes, (n) => n.hitCount ?? 0, Number(topText)));
  // LINES=<regex>: the self samples of the matching functions by source line (of the bundle), most first.
  if (process.env.LINES) {
    const match = new RegExp(process.env.LINES);
    const lines = new Map<string, number>();
    const total = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
    for (const n of profile.nodes)
      if (match.test(name(n.callFrame)))
        for (const t of n.positionTicks ?? []) {
          const k = `${n.callFrame.functionName} ${t.line}`;
          lines.set(k, (lines.get(k) ?? 0) + t.ticks);
        }
    const top = [...lines].sort((a, b) => b[1] - a[1]).slice(0, Number(topText));
    console.log(`-- lines --\n${top.map(([k, v]) => `${((100 * v) / total).toFixed(2).padStart(6)} %  ${k}`).join('\n')}`);
  }
  // FILES=1: the self samples by source file, from the bundle's "// path" comments (a line's samples go to the
  // file whose comment precedes it): what each of our files costs, its regular expressions included.
  if (process.env.FILES) {
    const starts: [number, string][] = [];
    readFileSync(process.argv[1]!, 'utf8')
      .split('\n')
      .forEach((l, i) => {
        const m = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(l);
        if (m) starts.push([i + 1, m[1]!.replace(/^.*node_modules\//, '(dependency) ')]);
      });
    const fileOf = (line: number) => {
      let f = '(other)';
      for (const [at, name] of starts) if (at <= line) f = name;
      return f;
    };
    const byFile = new Map<string, number>();
    const total = profile.nodes.reduce((a, n) => a + (n.hitCount ?? 0), 0);
    for (const n of profile.nodes)
      for (const t of n.positionTicks ?? []) {
        const f = n.callFrame.url.endsWith('.mjs') ? fileOf(t.line) : '(other)';
        byFile.set(f, (byFile.get(f) ?? 0) + t.ticks);
      }
    const top = [...byFile].sort((a, b) => b[1] - a[1]).slice(0, Number(topText));
    console.log(`-- files --\n${top.map(([k, v]) => `${((100 * v) / total).toFixed(2).padStart(6)} %  ${k}`).join('\n')}`);
  }
} else {
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: Node } };
  const nodes = flatten(profile.head);
  for (const n of nodes) n.children = (n.children as Node[] | undefined)?.map((c) => c.id);
  console.log(summarise(nodes, (n) => n.selfSize ?? 0, Number(topText)));
}
