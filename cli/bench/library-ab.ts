/**
 * The library page's #scores and #dashboard first renders at 10,000 reports, two or more Chromium builds
 * alternated view load by view load in the same minutes:
 *
 *   npx tsx cli/bench/library-ab.ts <rounds> <build dir A> <build dir B> [more builds]
 *
 * Each build gets its own browser, profile and library (the same 10,000 synthetic reports written into each).
 * Prints per view and build the medians of the page's own measures (scores:first-render,
 * dashboard:first-render, library:all-rows-loaded of that load) and the ratio to the first build.
 * PROFILE=1 samples each view load (CDP Profiler; RL_NO_MINIFY=1 builds for names) and prints the functions
 * whose mean self time per load differs most from the first build's.
 */
import type { Page } from 'playwright-core';
import { type BenchBrowser, launch } from './browser';
import { type CpuProfile, instrumentedExtension, seedLibraryPage, selfTimes } from './chromium';
import { stat } from './stats';

const [roundsArg, ...builds] = process.argv.slice(2);
if (!roundsArg || builds.length < 2) throw new Error('usage: library-ab.ts <rounds> <build A> <build B> [...]');
const rounds = Number(roundsArg);
const N = Number(process.env.REPORTS ?? 10_000);
const PROFILE = process.env.PROFILE === '1';
const VIEWS = (
  [
    ['scores', 'scores:first-render'],
    ['dashboard', 'dashboard:first-render'],
    ['filter', 'library:filter'],
  ] as const
).filter(([v]) => !process.env.VIEWS || process.env.VIEWS.split(',').includes(v));

interface Load {
  ms: number;
  allRows: number;
  selfMs?: Record<string, number>;
}

const browsers: { b: BenchBrowser; page: Page; url: string }[] = [];
const loads: Record<string, Load[][]> = Object.fromEntries(VIEWS.map(([v]) => [v, builds.map(() => [] as Load[])]));
const waitEntries = (page: Page, name: string, timeout: number) =>
  page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout, polling: 20 });
const entry = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.duration ?? NaN, name);
try {
  for (const [i, dir] of builds.entries()) {
    const b = await launch(instrumentedExtension(dir, `chrome-mv3-lib-ab-${i}`));
    const page = await b.context.newPage();
    const url = `${b.extensionOrigin}/library.html`;
    await page.goto(url);
    await waitEntries(page, 'library:first-render', 180_000);
    await seedLibraryPage(page, N);
    browsers.push({ b, page, url });
  }
  const viewLoad = async (i: number, hash: string, measure: string): Promise<Load> => {
    const { b, page, url } = browsers[i]!;
    await page.goto('about:blank');
    const cdp = PROFILE ? await b.context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    let ms: number;
    if (hash === 'filter') {
      // The list with every row loaded, then the bench's filter changes (a year, all years, with errors, any):
      // the load's figure is their median.
      await page.goto(url);
      await waitEntries(page, 'library:all-rows-loaded', 120_000);
      const changes: number[] = [];
      for (const [testid, pickValue] of [
        ['filter-year', 1],
        ['filter-year', 0],
        ['filter-errors', 1],
        ['filter-errors', 0],
      ] as const) {
        const values = await page.$$eval(`[data-testid="${testid}"] option`, (os) => os.map((o) => (o as HTMLOptionElement).value));
        const before = await page.evaluate((n) => performance.getEntriesByName(n).length, measure);
        await page.selectOption(`[data-testid="${testid}"]`, values[pickValue]!);
        await page.waitForFunction(
          ([n, k]) => performance.getEntriesByName(n as string).length > (k as number),
          [measure, before] as const,
          {
            timeout: 10_000,
            polling: 20,
          },
        );
        changes.push(await page.evaluate((n) => performance.getEntriesByName(n).at(-1)!.duration, measure));
      }
      ms = stat(changes).median;
    } else {
      await page.goto(`${url}#${hash}`);
      await waitEntries(page, measure, 120_000);
      ms = await entry(page, measure);
    }
    const allRows = await entry(page, 'library:all-rows-loaded');
    const selfMs = cdp ? selfTimes((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile) : undefined;
    await cdp?.detach();
    return { ms, allRows, ...(selfMs ? { selfMs } : {}) };
  };
  // One untimed load per build and view: the first opening of a profile's database is not the code's.
  for (let i = 0; i < builds.length; i++) for (const [v, m] of VIEWS) await viewLoad(i, v, m);
  for (let r = 0; r < rounds; r++) {
    for (const [v, m] of VIEWS) {
      for (let k = 0; k < builds.length; k++) {
        const i = (k + r) % builds.length;
        loads[v]![i]!.push(await viewLoad(i, v, m));
      }
    }
    process.stderr.write(`round ${r + 1}/${rounds}\n`);
  }
} finally {
  for (const { b } of browsers) await b.close();
}

const med = (xs: number[]) => stat(xs).median;
const f = (x: number) => x.toFixed(1);
console.log(`builds: ${builds.map((b, i) => `${String.fromCharCode(65 + i)}=${b}`).join('  ')}; ${N} reports`);
console.log('view\tbuild\tn\tfirst render\tall rows loaded\t÷A\tround ratio ÷A (median)');
for (const [v] of VIEWS) {
  const a = med(loads[v]![0]!.map((l) => l.ms));
  for (let i = 0; i < builds.length; i++) {
    const x = loads[v]![i]!;
    const m = med(x.map((l) => l.ms));
    const perRound = x.map((l, j) => l.ms / loads[v]![0]![j]!.ms);
    console.log(
      [v, String.fromCharCode(65 + i), x.length, f(m), f(med(x.map((l) => l.allRows))), (m / a).toFixed(2), med(perRound).toFixed(2)].join(
        '\t',
      ),
    );
  }
}
if (PROFILE) {
  for (const [v] of VIEWS) {
    const mean = (i: number) => {
      const ls = loads[v]![i]!;
      const sum: Record<string, number> = {};
      for (const l of ls) for (const [k, x] of Object.entries(l.selfMs ?? {})) sum[k] = (sum[k] ?? 0) + x / ls.length;
      return sum;
    };
    const a = mean(0);
    for (let i = 1; i < builds.length; i++) {
      const x = mean(i);
      const keys = [...new Set([...Object.keys(a), ...Object.keys(x)])];
      const top = (m: Record<string, number>) =>
        keys
          .filter((k) => !k.startsWith('-:'))
          .sort((p, q) => (m[q] ?? 0) - (m[p] ?? 0))
          .slice(0, 12);
      console.log(`\n${v}: top self ms per load in ${String.fromCharCode(65 + i)} (A → ${String.fromCharCode(65 + i)})`);
      for (const k of top(x)) console.log(`  ${f(a[k] ?? 0)} → ${f(x[k] ?? 0)}\t${k}`);
      const d = keys.map((k) => [k, (x[k] ?? 0) - (a[k] ?? 0)] as const).sort((p, q) => Math.abs(q[1]) - Math.abs(p[1]));
      console.log(`${v}: largest differences in self ms per load`);
      for (const [k, dv] of d.slice(0, 16)) console.log(`  ${dv > 0 ? '+' : ''}${dv.toFixed(2)}\t${f(a[k] ?? 0)} → ${f(x[k] ?? 0)}\t${k}`);
    }
  }
}
