/**
 * The bench's "every-page script, whole (trace)" figure taken apart: two or more detector.js files, each put in
 * a copy of the Chromium build in place of the built detector (the bench's instrumented copy: idle.js and
 * empty.js declared ahead of it), one browser each, alternated page load by page load in the same minutes:
 *
 *   npx tsx cli/bench/detector-trace.ts <loads per variant and page> <page,page,…> <detector.js A> <detector.js B> [...]
 *
 * A variant is any script (the built detector.js of a checkout, or a cut-down copy that stops at some point, to
 * see what each step costs). Per load it reads, from a Chromium trace of the navigation and the next 600 ms, the
 * EvaluateScript of detector.js and of empty.js (the bench's figure and its baseline), the v8.compile inside it,
 * and the detector's later calls (FunctionCall events of detector.js outside its evaluation: an idle callback,
 * a timer, a mutation callback), so that work moved out of the evaluation is still counted ("all" = evaluation +
 * later). Prints medians per page and variant, and each variant's median of per-round ratios to the first.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchBrowser, CHROME_BUILD, launch, startServer, type TraceEvent } from './browser';
import { instrumentedExtension } from './chromium';
import { stat } from './stats';

const [nArg, pagesArg, ...files] = process.argv.slice(2);
if (!nArg || !pagesArg || files.length < 2) throw new Error('usage: detector-trace.ts <n> <pages> <detector.js A> <detector.js B> [...]');
const n = Number(nArg);
const pages = pagesArg.split(',');
const build = process.env.BUILD ?? CHROME_BUILD;

const server = await startServer();
const browsers: BenchBrowser[] = [];
for (const [i, file] of files.entries()) {
  const dir = instrumentedExtension(build, `chrome-mv3-det-${i}`);
  copyFileSync(file, join(dir, 'content-scripts/detector.js'));
  browsers.push(await launch(dir));
}

interface Load {
  det: number;
  empty: number;
  compile: number;
  later: number;
}

async function load(b: BenchBrowser, name: string): Promise<Load | undefined> {
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  const categories = ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'v8'];
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  await page.goto(server.url(`/${name}.html`), { waitUntil: 'load' });
  await page.waitForTimeout(600);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  await page.close();
  const evalOf = (file: string) =>
    events.find((e) => e.name === 'EvaluateScript' && String(e.args?.data?.url ?? '').endsWith(`content-scripts/${file}`));
  const det = evalOf('detector.js');
  const empty = evalOf('empty.js');
  if (!det || !empty) return undefined;
  const end = det.ts + (det.dur ?? 0);
  const inside = events.filter((e) => e.tid === det.tid && e.pid === det.pid && e.ts >= det.ts && e.ts <= end && e !== det);
  const compile = inside.filter((e) => e.name === 'v8.compile').reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  const later = events
    .filter((e) => e.name === 'FunctionCall' && String(e.args?.data?.url ?? '').endsWith('content-scripts/detector.js'))
    .filter((e) => e.ts > end)
    .reduce((s, e) => s + (e.dur ?? 0), 0);
  return { det: (det.dur ?? 0) / 1000, empty: (empty.dur ?? 0) / 1000, compile, later: later / 1000 };
}

const loads: Record<string, Load[][]> = Object.fromEntries(pages.map((p) => [p, files.map(() => [] as Load[])]));
try {
  // One untimed load per browser: its first page's costs are not the script's.
  for (const b of browsers) await load(b, pages[0]!);
  for (let r = 0; r < n; r++) {
    for (const page of pages)
      for (let k = 0; k < files.length; k++) {
        const i = (k + r) % files.length;
        const l = await load(browsers[i]!, page);
        if (l) loads[page]![i]!.push(l);
      }
    process.stderr.write(`round ${r + 1}/${n}\n`);
  }
} finally {
  for (const b of browsers) await b.close();
  await server.close();
}

const med = (xs: number[]) => stat(xs).median;
console.log(`variants: ${files.map((f, i) => `${String.fromCharCode(65 + i)}=${f}`).join('  ')}`);
console.log('page\tvariant\tn\tevaluation ms (p10–p90)\tempty ms\tcompile ms\tlater ms\tall ms\teval÷A per round\tall÷A per round');
for (const page of pages) {
  const a = loads[page]![0]!;
  for (let i = 0; i < files.length; i++) {
    const x = loads[page]![i]!;
    const s = stat(x.map((l) => l.det));
    const all = (l: Load) => l.det + l.later;
    const perRound = (f: (l: Load) => number) => med(x.map((l, j) => (a[j] ? f(l) / f(a[j]!) : NaN)).filter((v) => !Number.isNaN(v)));
    console.log(
      [
        page,
        String.fromCharCode(65 + i),
        x.length,
        `${s.median.toFixed(3)} (${s.p10.toFixed(3)}–${s.p90.toFixed(3)})`,
        med(x.map((l) => l.empty)).toFixed(3),
        med(x.map((l) => l.compile)).toFixed(3),
        med(x.map((l) => l.later)).toFixed(3),
        med(x.map(all)).toFixed(3),
        perRound((l) => l.det).toFixed(2),
        perRound(all).toFixed(2),
      ].join('\t'),
    );
  }
}
