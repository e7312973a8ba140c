/**
 * The panel's first paint of two or more Chromium builds, alternated page load by page load in the same
 * minutes (a noisy machine falls on every build alike):
 *
 *   npx tsx cli/bench/panel-ab.ts <rounds> <page,page,…> <build dir A> <build dir B> [more builds]
 *
 * A build dir is a `.output/chrome-mv3` (of this checkout or another one, e.g. `git archive <commit>` built
 * under bench/tmp/). Each build gets its own browser and profile; in each round every page is loaded once per
 * build, the builds' order turning round by round. Prints, per page and build, the medians of: panel in the
 * shadow root after document_idle (the bench's figure), painted, and the renderer main thread's CPU time from
 * navigation to the paint; then each build's medians as a ratio to the first build's, and the median of the
 * per-round ratios. TRACE=1 traces each load and prints, per page and build, the medians of the phases of
 * idle → panel (wall and main-thread busy ms; see PanelPhases in chromium.ts). PROFILE=1 samples each load
 * (CDP Profiler; use RL_NO_MINIFY=1 builds for names) and prints the functions whose mean self time per load
 * differs most between each build and the first.
 */
import { type BenchBrowser, launch, startServer } from './browser';
import { instrumentedExtension, type PanelLoad, panelLoad } from './chromium';
import { stat } from './stats';

const [roundsArg, pagesArg, ...builds] = process.argv.slice(2);
if (!roundsArg || !pagesArg || builds.length < 2) throw new Error('usage: panel-ab.ts <rounds> <pages> <build A> <build B> [...]');
const rounds = Number(roundsArg);
const pages = pagesArg.split(',');
const TRACE = process.env.TRACE === '1';
const PROFILE = process.env.PROFILE === '1';

const server = await startServer();
const browsers: BenchBrowser[] = [];
for (const [i, dir] of builds.entries()) browsers.push(await launch(instrumentedExtension(dir, `chrome-mv3-ab-${i}`)));
const loads: Record<string, PanelLoad[][]> = Object.fromEntries(pages.map((p) => [p, builds.map(() => [] as PanelLoad[])]));
const missed = builds.map(() => 0);
try {
  // One untimed load per build first: the browser's own first-page costs (and the service worker's start) are not the code's.
  for (const b of browsers) await panelLoad(b, server, pages[0]!);
  for (let r = 0; r < rounds; r++) {
    for (const page of pages) {
      for (let k = 0; k < builds.length; k++) {
        const i = (k + r) % builds.length;
        const l = await panelLoad(browsers[i]!, server, page, TRACE, PROFILE);
        if (l) loads[page]![i]!.push(l);
        else missed[i]!++;
      }
    }
    process.stderr.write(`round ${r + 1}/${rounds}\n`);
  }
} finally {
  for (const b of browsers) await b.close();
  await server.close();
}

const med = (xs: number[]) => stat(xs).median;
const f = (x: number) => x.toFixed(1);
console.log(`builds: ${builds.map((b, i) => `${String.fromCharCode(65 + i)}=${b}`).join('  ')}; missed ${missed.join('/')}`);
console.log('page\tbuild\tn\tfromIdle\tpainted\tthreadMs\tfromIdle÷A\tthread÷A\tround ratio fromIdle÷A (median)');
for (const page of pages) {
  const a = loads[page]![0]!;
  for (let i = 0; i < builds.length; i++) {
    const x = loads[page]![i]!;
    const perRound = x.map((l, j) => (a[j] ? l.fromIdle / a[j]!.fromIdle : NaN)).filter((v) => !Number.isNaN(v));
    console.log(
      [
        page,
        String.fromCharCode(65 + i),
        x.length,
        f(med(x.map((l) => l.fromIdle))),
        f(med(x.map((l) => l.painted))),
        f(med(x.map((l) => l.threadMs))),
        (med(x.map((l) => l.fromIdle)) / med(a.map((l) => l.fromIdle))).toFixed(2),
        (med(x.map((l) => l.threadMs)) / med(a.map((l) => l.threadMs))).toFixed(2),
        med(perRound).toFixed(2),
      ].join('\t'),
    );
  }
}

if (TRACE) {
  console.log('\nphases (median ms, wall / main-thread busy): toDetector, toReport, report, toPanel; longest tasks in toPanel (one load)');
  for (const page of pages) {
    for (let i = 0; i < builds.length; i++) {
      const ph = loads[page]![i]!.map((l) => l.phases).filter((p) => p !== undefined);
      const keys = ['toDetector', 'toReport', 'report', 'toPanel'] as const;
      console.log(
        [
          page,
          String.fromCharCode(65 + i),
          ph.length,
          ...keys.map((k) => `${f(med(ph.map((p) => p.wall[k])))}/${f(med(ph.map((p) => p.busy[k])))}`),
          ph[0]?.longest.map(([ms]) => f(ms)).join(' '),
        ].join('\t'),
      );
    }
  }
}

if (PROFILE) {
  for (const page of pages) {
    const mean = (i: number) => {
      const ls = loads[page]![i]!.filter((l) => l.selfMs);
      const sum: Record<string, number> = {};
      for (const l of ls) for (const [k, v] of Object.entries(l.selfMs!)) sum[k] = (sum[k] ?? 0) + v / ls.length;
      return sum;
    };
    const a = mean(0);
    console.log(`\n${page}: top self ms per load in A`);
    for (const [k, v] of Object.entries(a)
      .sort((p, q) => q[1] - p[1])
      .slice(0, 25))
      console.log(`  ${f(v)}\t${k}`);
    const byFile = (m: Record<string, number>) => {
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(m)) out[k.split(':')[0]!] = (out[k.split(':')[0]!] ?? 0) + v;
      return out;
    };
    for (let i = 1; i < builds.length; i++) {
      const x = mean(i);
      const fa = byFile(a);
      const fx = byFile(x);
      const files = [...new Set([...Object.keys(fa), ...Object.keys(fx)])].sort((p, q) => (fx[q] ?? 0) - (fx[p] ?? 0)).slice(0, 12);
      console.log(`\n${page}: self ms per load by file, A → ${String.fromCharCode(65 + i)}`);
      for (const k of files) console.log(`  ${f(fa[k] ?? 0)} → ${f(fx[k] ?? 0)}\t${k}`);
      const keys = [...new Set([...Object.keys(a), ...Object.keys(x)])];
      const d = keys.map((k) => [k, (x[k] ?? 0) - (a[k] ?? 0)] as const).sort((p, q) => Math.abs(q[1]) - Math.abs(p[1]));
      console.log(`${page}: largest differences in self ms per load`);
      for (const [k, v] of d.slice(0, 20)) console.log(`  ${v > 0 ? '+' : ''}${v.toFixed(2)}\t${f(a[k] ?? 0)} → ${f(x[k] ?? 0)}\t${k}`);
    }
  }
}
