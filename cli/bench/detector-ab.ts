/**
 * The every-page test (looksLikeReport || looksLikeListing, as the detector runs it) of two source trees against
 * each other and against Readability's isProbablyReaderable, first calls on fresh pages, in Chromium:
 *
 *   npx tsx cli/bench/detector-ab.ts <fresh pages per variant and page> <page,page,…> <dir A> <dir B>
 *
 * A dir holds utils/detect/looks-like-report.ts and looks-like-listing.ts (e.g. `git show main:…` copied under
 * bench/tmp/, or `.` for this checkout); the dir `floor` is the built-in floor below. Each fresh page gets one variant's bundle and Readability, which of the
 * two goes first alternating; variants alternate page by page. performance.now() steps by 5 µs in the page
 * (the bench server makes it cross-origin isolated; 0.1 ms with BENCH_COARSE_CLOCK=1), and the figures are medians
 * and means of many first calls. Prints, per page and variant: ours and
 * Readability's median and mean (ms), the median of the per-page ratios (a reading of 0 counted as one clock step for
 * Readability, as the bench does) and the mean of ours ÷ the mean of Readability's.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { clockStep, ROOT, startServer } from './browser';
// The variant `floor`: the floor test of the bench (chromium.ts FLOOR), which decides nothing and only reads.
import { FLOOR } from './chromium';
import { stat } from './stats';

const [nArg, pagesArg, ...dirs] = process.argv.slice(2);
if (!nArg || !pagesArg || dirs.length < 2) throw new Error('usage: detector-ab.ts <n> <pages> <dir A> <dir B>');
const n = Number(nArg);
const pages = pagesArg.split(',');
const bundles = await Promise.all(
  dirs.map(async (dir) => {
    const r = await build({
      stdin: {
        contents:
          dir === 'floor'
            ? `${FLOOR}\nimport { isProbablyReaderable } from '${resolve(ROOT, 'node_modules/@mozilla/readability/index.js')}';\nglobalThis.__rl = { detect: globalThis.__rlFloor, isProbablyReaderable };`
            : `import { looksLikeReport } from './utils/detect/looks-like-report';\nimport { looksLikeListing } from './utils/detect/looks-like-listing';\nimport { isProbablyReaderable } from '${resolve(ROOT, 'node_modules/@mozilla/readability/index.js')}';\nglobalThis.__rl = { detect: (d) => looksLikeReport(d) || looksLikeListing(d), isProbablyReaderable };`,
        resolveDir: dir === 'floor' ? ROOT : resolve(dir),
        loader: 'ts',
      },
      bundle: true,
      minify: true,
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    return r.outputFiles[0]!.text;
  }),
);
const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await browser.newContext();
type S = { d: number[]; r: number[]; ratio: number[]; hits: Set<boolean> };
const out: Record<string, S[]> = Object.fromEntries(
  pages.map((p) => [p, dirs.map(() => ({ d: [], r: [], ratio: [], hits: new Set<boolean>() }))]),
);
for (let k = 0; k < n; k++) {
  for (const name of pages) {
    for (let j = 0; j < dirs.length; j++) {
      const v = (j + k) % dirs.length;
      const page = await ctx.newPage();
      await page.goto(server.url(`/${name}.html`, '127.0.0.1'), { waitUntil: 'load' });
      await page.addScriptTag({ content: bundles[v]! });
      const res =
        (await page.evaluate(`(() => { const b = globalThis.__rl; const time = (f) => { const t = performance.now(); const x = f(); return [performance.now() - t, x]; };
        let d, r; if (${k % 2}) { r = time(() => b.isProbablyReaderable(document)); d = time(() => b.detect(document)); } else { d = time(() => b.detect(document)); r = time(() => b.isProbablyReaderable(document)); }
        return { d: d[0], hit: d[1], r: r[0], isolated: crossOriginIsolated }; })()`)) as {
          d: number;
          r: number;
          hit: boolean;
          isolated: boolean;
        };
      const s = out[name]![v]!;
      s.d.push(res.d);
      s.r.push(res.r);
      s.ratio.push(res.d / Math.max(res.r, clockStep(res.isolated)));
      s.hits.add(res.hit);
      await page.close();
    }
  }
}
await browser.close();
await server.close();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log('page\tvariant\thit\tours median/mean\tReadability median/mean\tratio median\tmean÷mean');
for (const name of pages)
  for (let v = 0; v < dirs.length; v++) {
    const s = out[name]![v]!;
    console.log(
      [
        name,
        dirs[v],
        [...s.hits].join('/'),
        `${stat(s.d).median.toFixed(2)} / ${mean(s.d).toFixed(3)}`,
        `${stat(s.r).median.toFixed(2)} / ${mean(s.r).toFixed(3)}`,
        stat(s.ratio).median.toFixed(2),
        (mean(s.d) / mean(s.r)).toFixed(2),
      ].join('\t'),
    );
  }
