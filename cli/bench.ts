/**
 * npm run bench — speed and size figures (issue 6). Needs a build (`npm run bench` builds first) and
 * Debian Chromium. Prints a table (median and spread over repeated runs) and writes bench/results.json.
 *   BENCH_QUICK=1  fewer repeats (a smoke run, about a minute)
 * See BENCHMARKS.md for what each figure means and the latest results.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { PARSE_STAGES } from '../utils/parse';
import type { batchBench } from './bench/batch';
import { ROOT } from './bench/browser';
import { browserPipelineBench, detectorBench, libraryPageBench, panelBench, withChromium } from './bench/chromium';
import type { LibraryNodeBench } from './bench/library';
import { ocrChromiumBench, packageSizes } from './bench/ocr-chromium';
import { type PdfPageBench, pdfPageBench, printedReports } from './bench/pdf-page';
import { type CliBench, type CliPoolBench, largestSeed, longReport, type OpenccBench, type PagePipeline, SEEDS } from './bench/pipeline';
import type { ProfileSummary } from './bench/profile';
import { openccShare, targetSizes } from './bench/sizes';
import type { Stat } from './bench/stats';
import type { OcrNodeBench } from './ocr-bench';

const QUICK = !!process.env.BENCH_QUICK;
const R = (full: number, quick: number) => (QUICK ? quick : full);
const started = performance.now();
const log = (s = '') => process.stdout.write(s + '\n');
const step = (s: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${s}\n`);

function machine() {
  const cpu = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  let chromium = 'unknown';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    /* reported from the browser itself below */
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    /* not a git checkout */
  }
  return {
    cpu,
    cores: cpus().length,
    memoryGB: Math.round(Number(readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s+(\d+)/)?.[1] ?? 0) / 1048576),
    node: process.version,
    chromium,
    commit,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 10) / 10),
    date: new Date().toISOString(),
  };
}

const m = (s: Stat, d = 2) => `${s.median.toFixed(d)} (${s.p10.toFixed(d)}–${s.p90.toFixed(d)})`;
function table(title: string, head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  log(`\n## ${title}`);
  cells.forEach((r, j) => {
    log(r.map((c, i) => c + ' '.repeat(w[i]! - [...c].length)).join('  '));
    if (j === 0) log(w.map((x) => '-'.repeat(x)).join('  '));
  });
}

/** Run one Node part in a fresh process (see cli/bench/node-part.ts); null + the reason if it died. */
function part<T>(name: string, arg: string | number, runs: number): { value: T | null; error?: string; stderr: string } {
  // --expose-gc: memory figures (the batch part) are read after a collection; no other part calls gc().
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(ROOT, 'cli/bench/node-part.ts'), name, String(arg), String(runs)],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status === 0) return { value: JSON.parse(r.stdout) as T, stderr: r.stderr };
  const reason = /heap out of memory/.test(r.stderr)
    ? 'out of memory'
    : r.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${r.status}`;
  return { value: null, error: reason, stderr: r.stderr };
}
const must = <T>(p: { value: T | null; error?: string }, what: string): T => {
  if (p.value === null) throw new Error(`${what}: ${p.error}`);
  return p.value;
};

async function main(): Promise<void> {
  const results: Record<string, unknown> = {
    machine: machine(),
    quick: QUICK,
    note: 'medians with p10–p90 over repeated runs; ms unless named',
  };

  step('sizes');
  const sizes = targetSizes();
  const chrome = sizes.find((s) => s.target === 'chrome-mv3') ?? sizes[0]!;
  const opencc = await openccShare(chrome.report.raw, join(ROOT, '.output', chrome.target, 'content-scripts/report.js'));
  results.sizes = { targets: sizes, opencc };

  step('pipeline in Node');
  const pipePages = SEEDS.map((f) => must(part<PagePipeline>('page', f, R(15, 5)), f));
  const pipeLong = must(part<PagePipeline & { base: string }>('page', 'long', R(7, 3)), 'long report');
  const pipe = { pages: pipePages, long: pipeLong };
  const largest = largestSeed();
  const long = longReport();
  step('profile');
  const profLargest = must(part<ProfileSummary>('profile', largest, R(40, 10)), 'profile');
  const profLong = must(part<ProfileSummary>('profile', 'long', R(5, 2)), 'profile long');
  step('opencc');
  const cc = must(part<OpenccBench>('opencc', '', R(9, 3)), 'opencc');
  step('CLI throughput');
  const cliTotal = R(1000, 200);
  const cliRun = part<CliBench>('cli', '', cliTotal);
  const progress = [...cliRun.stderr.matchAll(/^progress (\d+) ([\d.]+) (\d+)$/gm)].map((x) => ({
    pages: Number(x[1]),
    seconds: Number(x[2]),
    heapMB: Number(x[3]),
  }));
  const lastProgress = progress[progress.length - 1];
  const cli: Omit<CliBench, 'cpuSeconds' | 'reportsPerCpuSecond'> & Partial<CliBench> = cliRun.value ?? {
    pages: lastProgress?.pages ?? 0,
    files: [],
    seconds: lastProgress?.seconds ?? 0,
    reportsPerSecond: lastProgress ? Math.round(lastProgress.pages / lastProgress.seconds) : 0,
    perFile: [],
  };
  const cliFailure = cliRun.value
    ? null
    : `${cliRun.error} after ${lastProgress?.pages ?? 0} of ${cliTotal} pages (heap ${lastProgress?.heapMB ?? '?'} MB)`;
  // The pool (npm run check -- --jobs=N): reported beside the one-thread figure, never over the DOM parse.
  const cliPool = part<CliPoolBench>('cli-pool', '', cliTotal).value;
  const domParse = must(part<{ pages: number; pagesPerSecond: number }>('dom-parse', '', R(300, 100)), 'dom parse');
  const listing = must(part<{ ms: number; domParseMs: number }>('large-listing', '', 1), 'large listing');
  results.pipeline = { ...pipe, largestSeed: largest, profile: { [largest]: profLargest, [long.name]: profLong } };
  results.opencc = cc;
  results.cli = {
    ...cli,
    requested: cliTotal,
    failure: cliFailure,
    heapMBByProgress: progress.filter((_, i) => i % 4 === 3).map((p) => [p.pages, p.heapMB]),
    largeListing: listing,
    domParseOnlyPerSecond: domParse.pagesPerSecond,
    pool: cliPool ?? null,
  };

  step('library in Node (fake-indexeddb)');
  const libNode = must(part<LibraryNodeBench>('library', R(3, 1), R(9, 3)), 'library');
  results.libraryNode = libNode;

  step('batch in Node (politeness off)');
  const batchNode = must(part<Awaited<ReturnType<typeof batchBench>>>('batch', R(1000, 200), 1), 'batch');
  results.batch = batchNode;

  step('PDFs to read (printed by Chromium: 5 and 20 pages)');
  const pdfs = await printedReports();
  step('Chromium');
  const chromiumResults = await withChromium(
    async (b, server) => {
      results.machine = { ...(results.machine as object), chromiumProduct: b.version };
      // First, while the profile's library is empty: the report pages below auto-save into it.
      step('library page');
      let library: unknown;
      try {
        library = await libraryPageBench(b, 10_000, R(5, 2));
      } catch (e) {
        library = { error: String(e).split('\n')[0] };
      }
      step('detector');
      const detector = await detectorBench(
        b,
        server,
        ['large-listing', 'news', 'guide', ...SEEDS.map((f) => f.replace('.html', ''))],
        R(7, 2),
      );
      step('panel');
      const panel = await panelBench(
        b,
        server,
        SEEDS.map((f) => f.replace('.html', '')),
        R(7, 2),
      );
      step('pipeline in Chromium');
      const inBrowser = await browserPipelineBench(
        b,
        server,
        [...SEEDS.map((f) => ({ name: f.replace('.html', ''), path: `/${f}` })), { name: long.name, path: '/bench/long.html' }],
        R(5, 2),
      );
      step('pdf.html');
      const pdfPage = await pdfPageBench(b, server, Object.keys(pdfs), R(5, 2));
      return { detector, panel, pipeline: inBrowser, library, pdfPage };
    },
    { '/bench/long.html': long.html, ...pdfs },
  );
  results.chromium = chromiumResults;

  // Issue 18: a table picture read by OCR in an extension page of the build, and what OCR adds to the package.
  step('OCR in Chromium');
  let ocr: Awaited<ReturnType<typeof ocrChromiumBench>> | { error: string };
  try {
    ocr = await ocrChromiumBench(R(5, 2));
  } catch (e) {
    ocr = { error: String(e).split('\n')[0]! };
  }
  // The same picture read in Node (the CLI's engine), in a process of its own: wall and CPU time, and the load average.
  step('OCR in Node');
  const ocrNode = part<OcrNodeBench>('ocr', '', R(7, 3));
  results.ocrNode = ocrNode.value ?? { error: ocrNode.error };
  const packages = await packageSizes();
  results.ocrChromium = ocr;
  results.packages = packages;

  // ---------- the table ----------
  log(
    `# Report Lens benchmarks — ${(results.machine as { cpu: string }).cpu}, ${cpus().length} cores, Node ${process.version}, ${b(results)}`,
  );
  table(
    'Every-page scripts (declared for *://*.gov.cn/*; run on every gov.cn page)',
    ['target', 'file', 'raw B', 'gzip B'],
    sizes.flatMap((s) => s.everyPage.map((f) => [s.target, f.file, f.raw, f.gzip])),
  );
  table(
    'Detector main-thread time in Chromium (trace: EvaluateScript of the content script, cold, once per page)',
    [
      'page',
      'detector ms',
      'of which compile',
      'later (idle) ms',
      'evaluation + later',
      'empty script ms',
      '× empty',
      'DCL ms',
      '÷ DCL',
      'in-page 1st call',
      'in-page warm',
      'detect+listing 1st',
      'Readability 1st',
      '÷ Readability',
      'floor 1st',
      'floor ÷ R',
      '(ours − floor) ÷ R',
      'warm ours / Readability',
    ],
    chromiumResults.detector.map((d) => [
      d.page,
      m(d.detector),
      m(d.detectorCompile),
      m(d.detectorLater),
      m(d.detectorAll),
      m(d.empty, 3),
      d.ratioToEmpty,
      m(d.domContentLoaded, 0),
      d.ratioToDomContentLoaded,
      m(d.inPageFirstCall, 1),
      m(d.inPageWarm, 3),
      m(d.detectFirstCall, 1),
      m(d.readabilityFirstCall, 1),
      m(d.ratioToReadability),
      // Trimmed means over the fresh pages (the page's clock is 0.1 ms): BENCHMARKS.md, sprint 8, says how to read them.
      `${m(d.floorFirstCall, 1)}; trimmed mean ${d.means.floor}`,
      d.floorRatio,
      d.overFloorRatio,
      `${d.detectWarm.median} / ${d.readabilityWarm.median}`,
    ]),
  );
  table(
    'Report page: panel content in the shadow root after document_idle (Chromium)',
    ['page', 'from idle', 'painted', 'from DCL', 'from load', 'missed'],
    chromiumResults.panel.map((p) => [
      p.page,
      m(p.fromIdle, 1),
      m(p.paintedFromIdle, 1),
      m(p.fromDomContentLoaded, 1),
      m(p.fromLoad, 1),
      p.missed,
    ]),
  );
  table(
    'Report script size and opencc',
    ['what', 'bytes'],
    [
      ...sizes.map((s) => [`${s.target} report.js raw / gzip`, `${s.report.raw} / ${s.report.gzip}`]),
      // Since issue 19 the converter and its dictionaries ship in part-t2s.js, loaded on Traditional pages only.
      [
        'opencc in report.js (all modules)',
        opencc.dictionaryFoundInReportJs
          ? `${opencc.openccBytes} (${(opencc.shareOfReportJs * 100).toFixed(0)}% of report.js)`
          : `0 (in content-scripts/part-t2s.js: ${opencc.openccBytes} before compacting)`,
      ],
      ['  of which dictionaries', `${opencc.dictionaryBytes}`],
      [
        '  of which used by {from:t,to:cn} (t2s)',
        `${opencc.modules.filter((x) => /TSPhrases|TSCharacters|CJK_Compat/.test(x.path)).reduce((a, x) => a + x.bytes, 0)}`,
      ],
      ['dictionary found in built report.js', String(opencc.dictionaryFoundInReportJs)],
    ],
  );
  table(
    'Pipeline in Node (linkedom, the CLI DOM), per page',
    ['page', 'KB', 'script', 'DOM parse', ...PARSE_STAGES, 'rules', 'check (all)', '÷ DOM parse', 'first'],
    [...pipe.pages, pipe.long].map((p) => [
      p.page,
      (p.bytes / 1024).toFixed(1),
      p.script,
      m(p.domParse),
      ...PARSE_STAGES.map((k) => m(p.stages[k])),
      m(p.rules),
      m(p.check),
      p.ratioToDomParse,
      p.firstMs,
    ]),
  );
  table(
    "pdf.html in Chromium: from navigation to the first pages' figures and to the findings on screen; stage medians (ms)",
    ['PDF', 'pages', 'first figures', 'findings', 'stages (pdf.js open, read; rebuild; parse; rules)'],
    chromiumResults.pdfPage.map((p) => [
      p.path,
      p.pages,
      p.firstFigures ? m(p.firstFigures, 0) : '–',
      m(p.findings, 0),
      Object.entries(p.stages)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
    ]),
  );
  table(
    'Pipeline in Chromium (same checkDocument bundled, in the page)',
    ['page', 'first call', 'warm (calls 2–6)', 'steady (calls 21–40)'],
    chromiumResults.pipeline.map((p) => [p.page, m(p.first, 1), m(p.warm, 2), m(p.steady, 2)]),
  );
  table(
    `Where the time goes: checkDocument on ${largest} in Node (inclusive, our functions; ${profLargest.msPerRun} ms/run under the profiler)`,
    ['function', 'ms', 'share'],
    profLargest.inclusive.map((h) => [h.fn, h.ms, h.share]),
  );
  table(
    `Self time on ${largest} (top)`,
    ['function', 'ms', 'share'],
    profLargest.self.map((h) => [h.fn, h.ms, h.share]),
  );
  table(
    `Where the time goes: ${long.name} (inclusive)`,
    ['function', 'ms', 'share'],
    profLong.inclusive.slice(0, 10).map((h) => [h.fn, h.ms, h.share]),
  );
  table(
    'opencc (t2cn)',
    ['figure', 'value'],
    [
      ['converter build, first in process', `${cc.firstBuildMs} ms`],
      ['converter build, again', m(cc.build)],
      [`convert ${(cc.inputBytes / 1e6).toFixed(2)} MB Traditional`, m(cc.convert)],
      ['throughput MB/s', m(cc.mbPerSecond, 1)],
      ['t2s-only preset gives identical output', String(cc.t2sOnlySameOutput)],
      ['ours (utils/text/convert.ts): build, first in process', `${cc.ours.firstBuildMs} ms`],
      ['ours: build, again', m(cc.ours.build)],
      [`ours: convert ${(cc.inputBytes / 1e6).toFixed(2)} MB`, m(cc.ours.convert)],
      ['ours: throughput MB/s', m(cc.ours.mbPerSecond, 1)],
      ["ours gives the preset's output", String(cc.ours.sameOutput)],
    ],
  );
  table(
    'CLI (checkFile in-process, one core)',
    ['figure', 'value'],
    [
      [`reports/s over ${cli.pages} pages (${cli.files.length || 13} fixture pages cycled)`, cli.reportsPerSecond],
      ['reports per CPU second (process user + system time)', cli.reportsPerCpuSecond ?? '—'],
      ...(cliFailure ? [['the 1,000-page run FAILED', cliFailure]] : []),
      [
        'heap after N pages (MB)',
        progress
          .filter((_, i) => i % 8 === 7)
          .map((p) => `${p.pages}:${p.heapMB}`)
          .join(' '),
      ],
      ['DOM parse only (linkedom), pages/s — the ratio base', domParse.pagesPerSecond],
      ['CLI time ÷ DOM parse time (both one thread)', (domParse.pagesPerSecond / cli.reportsPerSecond).toFixed(2)],
      [
        `pool (--jobs=${cliPool?.jobs ?? '?'}): reports/s, whole run (workers' start included) / after ${cliPool?.warm ?? '?'} pages`,
        cliPool ? `${cliPool.reportsPerSecond} / ${cliPool.warmReportsPerSecond}` : 'failed',
      ],
      ['pool: reports per CPU second (all threads)', cliPool?.reportsPerCpuSecond ?? '—'],
      ['large-listing.html (1 MB) checkFile ms / of which DOM parse', `${listing.ms} / ${listing.domParseMs}`],
    ],
  );
  table(
    'Library, 10,000 synthetic reports, Node + fake-indexeddb',
    ['figure', 'ms', 'rows'],
    [
      ['bulk insert (writes only)', m(libNode.insert, 0), libNode.reports],
      ['bulk insert incl. building reports', m(libNode.insertTotal, 0), libNode.reports],
      ...Object.entries(libNode.query).map(([k, v]) => [`queryReports ${k}`, m(v), v.rows]),
      ...Object.entries(libNode.inMemory).map(([k, v]) => [`in memory ${k}`, m(v), v.rows]),
    ],
  );
  table(
    'Batch path in Node (BatchRunner + politeFetch over loopback + process.ts; politeness delay off)',
    ['figure', 'value'],
    [
      [
        `items / reports checked / not reports (${batchNode.htmlFiles} fixture pages cycled, 2 hosts)`,
        `${batchNode.runner.items} / ${batchNode.runner.checked} / ${batchNode.runner.failed}`,
      ],
      ['pages: items/s (reports/s)', `${batchNode.runner.itemsPerSecond} (${batchNode.runner.reportsPerSecond})`],
      ['heap used / rss before (MB)', `${batchNode.runner.memoryBefore.heapUsedMB} / ${batchNode.runner.memoryBefore.rssMB}`],
      [
        `heap used / rss after ${batchNode.runner.items} (MB, after GC: ${batchNode.gc})`,
        `${batchNode.runner.memoryAfter.heapUsedMB} / ${batchNode.runner.memoryAfter.rssMB}`,
      ],
      ['heap used by reports done (MB)', batchNode.runner.samples.map((x) => `${x.reports}:${x.heapUsedMB}`).join(' ')],
      [`PDFs: ${batchNode.pdf.items}, PDFs/s`, String(batchNode.pdf.reportsPerSecond)],
      [
        `service with saves (fake-indexeddb): ${batchNode.service.items} items, reports saved/s`,
        `${batchNode.service.saved} saved, ${batchNode.service.reportsPerSecond}/s`,
      ],
    ],
  );
  const lib = chromiumResults.library as Awaited<ReturnType<typeof libraryPageBench>> | { error: string };
  if ('error' in lib) log(`\n## Library page in Chromium\nnot measured: ${lib.error}`);
  else
    table(
      'Library page in Chromium, 10,000 reports (IndexedDB)',
      ['figure', 'ms'],
      [
        ['seeding 10,000 (insert)', String(lib.seedInsertMs)],
        ['reports shown by the page (no filter)', String(lib.rowsInView)],
        ['first render (library:start → table painted)', m(lib.firstRender, 1)],
        ['rendered, from navigation start', m(lib.renderedFromNavigation, 1)],
        ['all 10,000 rows loaded (library:start → full table)', m(lib.allRowsLoaded, 1)],
        ['filter change: year', m(lib.filterYear, 1)],
        ['filter change: has errors', m(lib.filterErrors, 1)],
        [`#scores first render (library:start → ${lib.scoresInView} scored, first 50 rows painted)`, m(lib.scoresFirstRender, 1)],
        [`#dashboard first render (library:start → ${lib.dashboardCharts} charts drawn)`, m(lib.dashboardFirstRender, 1)],
      ],
    );

  if ('error' in ocr) log(`\n## OCR of a table picture in Chromium\nnot measured: ${ocr.error}`);
  else
    table(
      `OCR of a table picture in Chromium (extension page of the build; ${ocr.picture}, ${ocr.width}×${ocr.height} px, ${ocr.dataRows} data rows)`,
      ['figure', 'value'],
      [
        ['first read in a fresh page (engine load + read), ms', String(ocr.first)],
        ['read, engine loaded (ms)', m(ocr.warm, 0)],
        ['  of which image work / recognition (ms)', `${m(ocr.prepare, 0)} / ${m(ocr.recognise, 0)}`],
        ['text-line crops recognised; ruled grid found', `${ocr.crops}; ${ocr.ruled}`],
        ['value cells exact / read sure but wrong', `${ocr.exact} / ${ocr.values}; ${ocr.sureWrong}`],
      ],
    );
  table(
    'Extension package (zip, DEFLATE 9): with OCR, without its files and chunks',
    ['target', 'zip B', 'zip without OCR B', 'OCR raw B'],
    packages.map((p) => [p.target, p.zip, p.zipWithoutOcr, p.ocrRaw]),
  );

  // ---------- targets ----------
  const listingDet = chromiumResults.detector.find((d) => d.page === 'large-listing')!;
  const largestName = largest.replace('.html', '');
  const nodeLargest = pipe.pages.find((p) => p.page === largestName)!;
  const chromeLargest = chromiumResults.pipeline.find((p) => p.page === largestName)!;
  const worstPanel = Math.max(...chromiumResults.panel.map((p) => p.fromIdle.median));
  const maxEvery = Math.max(...sizes.map((s) => s.everyPageRaw));
  const targets = [
    { target: 'every-page script ≤ 5 KB (raw, largest target)', figure: `${maxEvery} B`, met: maxEvery <= 5120 },
    {
      target: 'detector ≤ 0.5 ms median on the 1 MB page (Chromium trace, whole content script)',
      figure: `${listingDet.detector.median} ms`,
      met: listingDet.detector.median <= 0.5,
    },
    {
      target: '  (same, looksLikeReport alone in the page, first call)',
      figure: `${listingDet.inPageFirstCall.median} ms`,
      met: listingDet.inPageFirstCall.median <= 0.5,
    },
    {
      target: `full pipeline ≤ 10 ms on the largest seed (${largestName}), Node/linkedom`,
      figure: `${nodeLargest.check.median} ms`,
      met: nodeLargest.check.median <= 10,
    },
    {
      target: `  (same in Chromium, warm / first call)`,
      figure: `${chromeLargest.warm.median} / ${chromeLargest.first.median} ms`,
      met: chromeLargest.warm.median <= 10,
    },
    { target: 'panel visible ≤ 100 ms after document_idle (worst seed median)', figure: `${worstPanel} ms`, met: worstPanel <= 100 },
    {
      target: 'CLI ≥ 200 reports/s on one core',
      figure: `${cli.reportsPerSecond}/s${cliFailure ? ` (${cliFailure})` : ''}`,
      met: !cliFailure && cli.reportsPerSecond >= 200,
    },
    {
      target: `  (same, the CLI's pool of ${cliPool?.jobs ?? '?'} threads, whole run)`,
      figure: cliPool ? `${cliPool.reportsPerSecond}/s` : 'failed',
      met: !!cliPool && cliPool.reportsPerSecond >= 200,
    },
    'error' in lib
      ? { target: 'library first render ≤ 300 ms / filter ≤ 50 ms (10,000)', figure: 'not measured', met: false }
      : {
          target: 'library first render ≤ 300 ms (10,000 reports)',
          figure: `${lib.firstRender.median} ms`,
          met: lib.firstRender.median <= 300,
        },
    ...('error' in lib
      ? []
      : [
          {
            target: 'library filter change ≤ 50 ms',
            figure: `${Math.max(lib.filterYear.median, lib.filterErrors.median)} ms`,
            met: Math.max(lib.filterYear.median, lib.filterErrors.median) <= 50,
          },
        ]),
    'error' in ocr
      ? { target: 'a 25-row table picture read ≤ 3 s in Chromium (issue 18)', figure: 'not measured', met: false }
      : {
          target: `a ${ocr.dataRows}-row table picture read ≤ 3 s in Chromium (issue 18; engine loaded, median)`,
          figure: `${Math.round(ocr.warm.median)} ms`,
          met: ocr.warm.median <= 3000,
        },
  ];
  targets.push(
    ocrNode.value
      ? {
          target: `a 25-row table picture read ≤ 3 s in Node (issue 18; engine loaded, median; CPU ${ocrNode.value.cpu.median} ms, load ${ocrNode.value.loadBefore})`,
          figure: `${ocrNode.value.wall.median} ms`,
          met: ocrNode.value.wall.median <= 3000,
        }
      : { target: 'a 25-row table picture read ≤ 3 s in Node (issue 18)', figure: 'not measured', met: false },
  );
  results.targets = targets;
  table(
    'Targets (issue 6)',
    ['target', 'figure', 'met'],
    targets.map((t) => [t.target, t.figure, t.met ? 'yes' : 'NO']),
  );

  // ---------- issue 19: each figure with its goal and, where it has one, its baseline measured in this run ----------
  const goals = issue19Goals({
    sizes,
    chromiumResults,
    pipeBrowser: chromiumResults.pipeline,
    cli,
    domParse,
    lib,
    pdfPage: chromiumResults.pdfPage,
  });
  results.goals = goals;
  table(
    'Goals (issue 19): figure, goal, baseline in the same run, ratio to it (times move with the load: see BENCHMARKS.md)',
    ['figure', 'value', 'goal', 'baseline (same run)', 'ratio', 'met'],
    goals.map((g) => [g.figure, g.value, g.goal, g.baseline ?? '—', g.ratio ?? '—', g.met === null ? '—' : g.met ? 'yes' : 'NO']),
  );
  const seconds = (performance.now() - started) / 1000;
  results.benchSeconds = Math.round(seconds);
  results.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 10) / 10);
  log(
    `load average at start ${(results.machine as { loadAverageAtStart: number[] }).loadAverageAtStart.join(' ')}, at end ${(results.loadAverageAtEnd as number[]).join(' ')} (${cpus().length} cores): other work on the machine inflates every time figure`,
  );
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');
  log(`\nwrote bench/results.json (${seconds.toFixed(0)} s)`);
}

interface Goal {
  figure: string;
  value: string;
  goal: string;
  baseline?: string;
  ratio?: string;
  met: boolean | null;
}

/**
 * The issue 19 table. Ratios compare two things measured in the same run, on the same machine and the same
 * page, so they hold better than absolute times when the machine is loaded: the detector against Readability's
 * own every-page test (isProbablyReaderable), the CLI against the bare DOM parse of the same pages.
 */
function issue19Goals(x: {
  sizes: ReturnType<typeof targetSizes>;
  chromiumResults: { detector: Awaited<ReturnType<typeof detectorBench>>; panel: Awaited<ReturnType<typeof panelBench>> };
  pipeBrowser: Awaited<ReturnType<typeof browserPipelineBench>>;
  cli: { reportsPerSecond: number; reportsPerCpuSecond?: number };
  domParse: { pagesPerSecond: number };
  lib: Awaited<ReturnType<typeof libraryPageBench>> | { error: string };
  pdfPage: PdfPageBench[];
}): Goal[] {
  const r2 = (v: number) => (Math.round(v * 100) / 100).toFixed(2);
  const worst = [...x.chromiumResults.panel].sort((a, b) => b.fromIdle.median - a.fromIdle.median)[0]!;
  const seed3 = x.pipeBrowser.find((p) => p.page === 'seed-003');
  const listing = x.chromiumResults.detector.find((d) => d.page === 'large-listing')!;
  const detectorRaw = Math.max(...x.sizes.map((s) => s.everyPageRaw));
  const reportRaw = Math.max(...x.sizes.map((s) => s.report.raw));
  const cliOverParse = x.domParse.pagesPerSecond / x.cli.reportsPerSecond;
  const goals: Goal[] = [
    {
      figure: `panel after document_idle, worst seed (${worst.page}), first paint`,
      value: `${worst.fromIdle.median} ms`,
      goal: '≤ 100 ms',
      met: worst.fromIdle.median <= 100,
    },
    ...(seed3
      ? [
          {
            figure: 'pipeline in Chromium, seed-003, first call / warm',
            value: `${seed3.first.median} / ${seed3.warm.median} ms`,
            goal: '≤ 30 / 5 ms',
            met: seed3.first.median <= 30 && seed3.warm.median <= 5,
          },
          {
            // During calls 2–6 V8's optimizing compilers run beside the page (2 cores): shown, not the goal's figure.
            figure: '  (same, steady: calls 21–40)',
            value: `${seed3.steady.median} ms`,
            goal: '–',
            met: null,
          },
        ]
      : []),
    {
      figure: 'every-page script, whole (trace), 1 MB page',
      value: `${listing.detector.median} ms`,
      goal: '≤ 0.5 ms',
      baseline: `empty content script ${listing.empty.median} ms`,
      ratio: `${listing.ratioToEmpty}×`,
      met: listing.detector.median <= 0.5,
    },
    {
      // What the evaluation no longer does runs in a later task: shown, so that moved work is not taken for saved work.
      figure: '  (same, with its later task: evaluation + later calls)',
      value: `${listing.detectorAll.median} ms`,
      goal: '–',
      baseline: `later calls ${listing.detectorLater.median} ms`,
      met: null,
    },
    ...x.chromiumResults.detector
      .filter((d) => d.page === 'large-listing' || d.page === 'news' || d.page === 'seed-003')
      .flatMap((d) => [
        {
          figure: `detector test in the page vs isProbablyReaderable, ${d.page}, first call (clock ${d.clock * 1000} µs)`,
          value: `${d.detectFirstCall.median} ms`,
          goal: '≤ 0.25× Readability',
          baseline: `Readability ${d.readabilityFirstCall.median} ms (warm ${d.readabilityWarm.median} vs ours ${d.detectWarm.median})`,
          ratio: `${r2(d.ratioToReadability.median)}×`,
          met: d.ratioToReadability.median <= 0.25,
        },
        {
          // Beside the plain ratio: the floor's (the reads any title test makes) and what ours adds over it, same pages.
          figure: '  (same page: what ours adds over the floor, (ours − floor) ÷ Readability, trimmed means)',
          value: `${r2(d.means.detect)} − ${r2(d.means.floor)} ms`,
          goal: '–',
          baseline: `floor ÷ Readability ${r2(d.floorRatio)}×`,
          ratio: `${r2(d.overFloorRatio)}×`,
          met: null,
        },
      ]),
    {
      figure: 'detector.js (raw, largest target)',
      value: `${detectorRaw} B`,
      goal: '≤ 3 KB (3,072 B) with listing detection',
      met: detectorRaw <= 3072,
    },
    { figure: 'report.js (raw, largest target)', value: `${reportRaw} B`, goal: '≤ 150 KB (150,000 B)', met: reportRaw <= 150_000 },
    {
      figure: 'CLI on the fixture mix',
      value: `${x.cli.reportsPerSecond}/s (${x.cli.reportsPerCpuSecond ?? '?'} per CPU s)`,
      goal: '≥ 200/s',
      met: x.cli.reportsPerSecond >= 200,
    },
    {
      figure: 'CLI time over the DOM parse alone',
      value: `${r2(cliOverParse)}×`,
      goal: '≤ 1.5×',
      // What is ours in ms a page beside the ratio: since linkedom's patch (sprint 12) the base is 2.4× faster, and
      // the ratio grew while our part shrank.
      baseline: `DOM parse ${x.domParse.pagesPerSecond} pages/s; ours ${r2(1000 / x.cli.reportsPerSecond - 1000 / x.domParse.pagesPerSecond)} ms a page`,
      ratio: `${r2(cliOverParse)}×`,
      met: cliOverParse <= 1.5,
    },
  ];
  if ('error' in x.lib)
    goals.push({ figure: 'library at 10,000', value: `not measured: ${x.lib.error}`, goal: '≤ 50 / 300 / 300 ms', met: false });
  else {
    const filter = Math.max(x.lib.filterYear.median, x.lib.filterErrors.median);
    goals.push(
      { figure: 'library 10,000: filter change (worst of year, has errors)', value: `${filter} ms`, goal: '≤ 50 ms', met: filter <= 50 },
      {
        figure: 'library 10,000: #scores first render',
        value: `${x.lib.scoresFirstRender.median} ms`,
        goal: '≤ 300 ms',
        baseline: `list first render ${x.lib.firstRender.median} ms`,
        ratio: `${r2(x.lib.scoresFirstRender.median / x.lib.firstRender.median)}×`,
        met: x.lib.scoresFirstRender.median <= 300,
      },
      {
        figure: 'library 10,000: #dashboard first render',
        value: `${x.lib.dashboardFirstRender.median} ms`,
        goal: '≤ 300 ms',
        baseline: `list first render ${x.lib.firstRender.median} ms`,
        ratio: `${r2(x.lib.dashboardFirstRender.median / x.lib.firstRender.median)}×`,
        met: x.lib.dashboardFirstRender.median <= 300,
      },
    );
  }
  for (const p of x.pdfPage) {
    const limit = p.pages <= 5 ? 1000 : 3000;
    goals.push({
      figure: `pdf.html to findings, ${p.pages} pages (from navigation)`,
      value: `${p.findings.median} ms`,
      goal: `≤ ${limit / 1000} s`,
      baseline: p.firstFigures ? `first pages' figures at ${p.firstFigures.median} ms` : undefined,
      met: p.findings.median <= limit,
    });
  }
  return goals;
}

function b(results: Record<string, unknown>): string {
  const mach = results.machine as { chromiumProduct?: string; chromium: string };
  return mach.chromiumProduct ?? mach.chromium;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
