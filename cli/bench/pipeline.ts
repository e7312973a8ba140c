/**
 * The pipeline in Node (cli/dom.ts: linkedom): per page, each stage of the real checkDocument timed through
 * its stage hook (the same composition the page and the CLI run, not a copy), the whole checkDocument, and
 * the DOM parse as the ratio base; the long report; opencc; CLI throughput.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConverterBuilder } from 'opencc-js/core';
import * as t2cnPreset from 'opencc-js/preset/t2cn';
import { PARSE_STAGES, type ParseStage } from '../../utils/parse';
import { findArticleRoot } from '../../utils/parse/article';
import { buildTextView } from '../../utils/parse/text-view';
import { type CheckStage, checkDocument } from '../../utils/pipeline';
import { dictionaryConverter, unifyCompatibilityIdeographs } from '../../utils/text/convert';
import { checkFile } from '../check';
import { answerFilesPooled, poolJobs } from '../check-pool';
import { htmlToDocument } from '../dom';
import { PAGES } from './browser';
import { type ProfileSummary, profile } from './profile';
import { type Stat, stat, timeRuns } from './stats';

export interface PagePipeline {
  page: string;
  bytes: number;
  script: string;
  isReport: boolean;
  findings: number;
  domParse: Stat;
  stages: Record<ParseStage, Stat>;
  stageSum: Stat;
  rules: Stat;
  /** parseDocument + runRules, the real composition (utils/pipeline.ts checkDocument). */
  check: Stat;
  /** check / domParse */
  ratioToDomParse: number;
  /** First checkDocument in this process on this page (cold JIT for the first page). */
  firstMs: number;
}

function measurePage(name: string, html: string, runs: number): PagePipeline {
  const parse = timeRuns(() => htmlToDocument(html), runs);
  const docs = () => Array.from({ length: runs + 2 }, () => htmlToDocument(html));
  let pool = docs();
  const t0 = performance.now();
  const first = checkDocument(pool.pop()!, { url: `http://www.example.gov.cn/${name}` });
  const firstMs = performance.now() - t0;
  pool = docs();
  const check = timeRuns(() => checkDocument(pool.pop()!, { url: `http://www.example.gov.cn/${name}` }), runs);
  pool = docs();
  // The stages as the real checkDocument reports them; the first two runs warm up.
  const st: Record<CheckStage, number[]> = { textView: [], tables: [], sections: [], facts: [], metadata: [], rules: [] };
  const sum: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const run: Partial<Record<CheckStage, number>> = {};
    checkDocument(pool.pop()!, { url: `http://www.example.gov.cn/${name}`, onStage: (stage, ms) => (run[stage] = ms) });
    if (i < 2) continue;
    for (const k of PARSE_STAGES) st[k].push(run[k] ?? 0);
    if (run.rules !== undefined) st.rules.push(run.rules);
    sum.push(PARSE_STAGES.reduce((a, k) => a + (run[k] ?? 0), 0));
  }
  // Rules run on reports only; on a non-report they cost nothing.
  const rules = st.rules.length ? st.rules : [0];
  const checkStat = stat(check);
  const parseStat = stat(parse);
  return {
    page: name,
    bytes: Buffer.byteLength(html),
    script: first.report.meta.script,
    isReport: first.report.isReport,
    findings: first.findings.length,
    domParse: parseStat,
    stages: Object.fromEntries(PARSE_STAGES.map((k) => [k, stat(st[k])])) as Record<ParseStage, Stat>,
    stageSum: stat(sum),
    rules: stat(rules),
    check: checkStat,
    ratioToDomParse: Math.round((checkStat.median / parseStat.median) * 100) / 100,
    firstMs: Math.round(firstMs * 100) / 100,
  };
}

export const SEEDS = readdirSync(PAGES)
  .filter((f) => /^seed-\d+\.html$/.test(f))
  .sort();

/** The largest seed with its article's content repeated tenfold (sections, tables and all). */
export function longReport(): { name: string; html: string; base: string } {
  const base = [...SEEDS].sort(
    (a, b) => Buffer.byteLength(readFileSync(join(PAGES, b))) - Buffer.byteLength(readFileSync(join(PAGES, a))),
  )[0]!;
  const doc = htmlToDocument(readFileSync(join(PAGES, base), 'utf8'));
  const root = findArticleRoot(doc);
  root.innerHTML = root.innerHTML.repeat(10);
  return { name: `${base.replace('.html', '')}×10`, html: `<!doctype html>\n${doc.documentElement.outerHTML}`, base };
}

export function largestSeed(): string {
  return [...SEEDS].sort((a, b) => readFileSync(join(PAGES, b)).length - readFileSync(join(PAGES, a)).length)[0]!;
}

/** One page per process, so no part's garbage skews another's timings. */
export function pipelinePage(file: string, runs: number): PagePipeline {
  if (file === 'long') {
    const long = longReport();
    return { ...measurePage(long.name, long.html, runs), base: long.base } as PagePipeline;
  }
  return measurePage(file.replace('.html', ''), readFileSync(join(PAGES, file), 'utf8'), runs);
}

/** checkDocument(htmlToDocument(html)) under the profiler: the DOM parse shows as htmlToDocument. */
export async function profileHtml(html: string, runs: number): Promise<ProfileSummary> {
  for (let i = 0; i < 3; i++) checkDocument(htmlToDocument(html));
  return profile(() => checkDocument(htmlToDocument(html)), runs, 15);
}

/** The CLI's checkFile over the fixture mix (as cliBench cycles it) under the profiler: `runs` passes over the mix. */
export async function profileCli(runs: number, top = 25): Promise<ProfileSummary> {
  const files = readdirSync(PAGES)
    .filter((f) => f.endsWith('.html') && f !== 'large-listing.html')
    .sort()
    .map((f) => join(PAGES, f));
  for (const f of files) await checkFile(f);
  return profile(
    async () => {
      for (const f of files) await checkFile(f);
    },
    runs,
    top,
  );
}

export interface OpenccBench {
  /** Building the t2cn converter (ConverterBuilder(preset)({from:'t',to:'cn'})). */
  build: Stat;
  /** First build in this process (includes parsing the dictionary strings for the first time). */
  firstBuildMs: number;
  inputBytes: number;
  convert: Stat;
  mbPerSecond: Stat;
  /** A preset holding only the t2s dictionaries gives the same output (checked on the input). */
  t2sOnlySameOutput: boolean;
  /** The converter the parser uses (utils/text/convert.ts dictionaryConverter over the same dictionaries). */
  ours: { firstBuildMs: number; build: Stat; convert: Stat; mbPerSecond: Stat; sameOutput: boolean };
}

export async function openccBench(runs: number): Promise<OpenccBench> {
  type Preset = Parameters<typeof ConverterBuilder>[0];
  const t0 = performance.now();
  ConverterBuilder(t2cnPreset as Preset)({ from: 't', to: 'cn' });
  const firstBuildMs = performance.now() - t0;
  const build = timeRuns(() => ConverterBuilder(t2cnPreset as Preset)({ from: 't', to: 'cn' }), Math.max(5, Math.floor(runs / 2)), 1);
  const convert = ConverterBuilder(t2cnPreset as Preset)({ from: 't', to: 'cn' });
  // Traditional input: the text of every Traditional seed page, repeated to about 1 MB.
  const texts: string[] = [];
  for (const f of SEEDS) {
    const doc = htmlToDocument(readFileSync(join(PAGES, f), 'utf8'));
    const view = buildTextView(findArticleRoot(doc));
    if (view.script === 'hant') texts.push(view.raw);
  }
  const one = texts.join('\n');
  const input = one.repeat(Math.max(1, Math.ceil(1_000_000 / Buffer.byteLength(one))));
  const inputBytes = Buffer.byteLength(input);
  const times = timeRuns(() => convert(input), runs, 1);
  const [TSPhrases, TSCharacters, CJK] = await Promise.all([
    import('opencc-js/dict/TSPhrases' as string),
    import('opencc-js/dict/TSCharacters' as string),
    import('opencc-js/dict/CJK_Compatibility_Ideographs' as string),
  ]);
  const t2sOnly = {
    from: {},
    to: { cn: [[TSPhrases.default, TSCharacters.default]] },
    configs: { t2s: { normalizationChain: [[CJK.default]], conversionChain: [[TSPhrases.default, TSCharacters.default]] } },
  } as unknown as Preset;
  const small = ConverterBuilder(t2sOnly)({ from: 't', to: 'cn' });
  const dictionaries = [TSCharacters.default as string, TSPhrases.default as string];
  const o0 = performance.now();
  dictionaryConverter(dictionaries);
  const oursFirstBuildMs = performance.now() - o0;
  const oursBuild = timeRuns(() => dictionaryConverter(dictionaries), Math.max(5, Math.floor(runs / 2)), 1);
  const oursConvert = dictionaryConverter(dictionaries);
  const oursTimes = timeRuns(() => oursConvert(unifyCompatibilityIdeographs(input)), runs, 1);
  return {
    build: stat(build),
    firstBuildMs: Math.round(firstBuildMs * 100) / 100,
    inputBytes,
    convert: stat(times),
    mbPerSecond: stat(
      times.map((ms) => inputBytes / 1e6 / (ms / 1000)),
      1,
    ),
    t2sOnlySameOutput: small(one) === convert(one),
    ours: {
      firstBuildMs: Math.round(oursFirstBuildMs * 100) / 100,
      build: stat(oursBuild),
      convert: stat(oursTimes),
      mbPerSecond: stat(
        oursTimes.map((ms) => inputBytes / 1e6 / (ms / 1000)),
        1,
      ),
      sameOutput: oursConvert(unifyCompatibilityIdeographs(one)) === convert(one),
    },
  };
}

export interface CliBench {
  pages: number;
  files: string[];
  seconds: number;
  reportsPerSecond: number;
  /** CPU time of the process (user + system) over the same pages: less swayed than wall time by other load. */
  cpuSeconds: number;
  reportsPerCpuSecond: number;
  /** Per-file ms (median over its repeats). */
  perFile: { file: string; ms: number }[];
}

/** checkFile (the CLI's function: read, decode, linkedom, parse, rules) over 1,000 pages, one core. */
export async function cliBench(total = 1000): Promise<CliBench> {
  // Every fixture page except the 1 MB non-report listing (it is measured on its own).
  const files = readdirSync(PAGES)
    .filter((f) => f.endsWith('.html') && f !== 'large-listing.html')
    .sort()
    .map((f) => join(PAGES, f));
  for (const f of files) await checkFile(f);
  const per = new Map<string, number[]>();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const f = files[i % files.length]!;
    const s = performance.now();
    await checkFile(f);
    (per.get(f) ?? per.set(f, []).get(f)!).push(performance.now() - s);
    // Progress on stderr, so a parent sees how far it got if the process dies (out of memory).
    if ((i + 1) % 25 === 0)
      process.stderr.write(
        `progress ${i + 1} ${((performance.now() - t0) / 1000).toFixed(3)} ${Math.round(process.memoryUsage().heapUsed / 1e6)}\n`,
      );
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    pages: total,
    files: files.map((f) => f.slice(PAGES.length + 1)),
    seconds: Math.round(seconds * 100) / 100,
    reportsPerSecond: Math.round(total / seconds),
    cpuSeconds: Math.round(cpuSeconds * 100) / 100,
    reportsPerCpuSecond: Math.round(total / cpuSeconds),
    perFile: [...per].map(([f, ms]) => ({ file: f.slice(PAGES.length + 1), ms: stat(ms, 2).median })),
  };
}

export interface CliPoolBench {
  jobs: number;
  pages: number;
  /** The whole run as `npm run check -- --jobs=N <pages>` would take it, the workers' start included. */
  seconds: number;
  reportsPerSecond: number;
  /** After the first `warm` answers (each worker has loaded the code and met every page): as cliBench's loop. */
  warm: number;
  warmReportsPerSecond: number;
  /** Process CPU (all threads) over the whole run. */
  cpuSeconds: number;
  reportsPerCpuSecond: number;
}

/**
 * The CLI's pool (cli/check-pool.ts: worker threads, answers in input order) over the same 1,000 pages.
 * Not over the DOM parse as "the ratio": that base is one thread's.
 */
export async function cliPoolBench(total = 1000, jobs = poolJobs()): Promise<CliPoolBench> {
  const files = readdirSync(PAGES)
    .filter((f) => f.endsWith('.html') && f !== 'large-listing.html')
    .sort()
    .map((f) => join(PAGES, f));
  const list = Array.from({ length: total }, (_, i) => files[i % files.length]!);
  const warm = Math.min(total - 1, files.length * jobs * 2);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let tWarm = t0;
  let i = 0;
  for await (const answer of answerFilesPooled(list, jobs, true)) {
    if ('refused' in answer) throw new Error(`${list[i]}: ${answer.refused}`);
    if (++i === warm) tWarm = performance.now();
  }
  const tEnd = performance.now();
  const seconds = (tEnd - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    jobs,
    pages: total,
    seconds: Math.round(seconds * 100) / 100,
    reportsPerSecond: Math.round(total / seconds),
    warm,
    warmReportsPerSecond: Math.round((total - warm) / ((tEnd - tWarm) / 1000)),
    cpuSeconds: Math.round(cpuSeconds * 100) / 100,
    reportsPerCpuSecond: Math.round(total / cpuSeconds),
  };
}

/** The ratio base: the same pages through htmlToDocument only (linkedom), pages per second. */
export function domParseBench(total = 300): { pages: number; pagesPerSecond: number } {
  const htmls = readdirSync(PAGES)
    .filter((f) => f.endsWith('.html') && f !== 'large-listing.html')
    .sort()
    .map((f) => readFileSync(join(PAGES, f), 'utf8'));
  for (const h of htmls) htmlToDocument(h);
  const t0 = performance.now();
  for (let i = 0; i < total; i++) htmlToDocument(htmls[i % htmls.length]!);
  return { pages: total, pagesPerSecond: Math.round(total / ((performance.now() - t0) / 1000)) };
}

/** The CLI on the 1 MB non-report listing (once: it is slow). */
export async function largeListingCli(): Promise<{ ms: number; domParseMs: number }> {
  const f = join(PAGES, 'large-listing.html');
  const html = readFileSync(f, 'utf8');
  const p = performance.now();
  htmlToDocument(html);
  const domParseMs = performance.now() - p;
  const t = performance.now();
  await checkFile(f);
  return { ms: Math.round(performance.now() - t), domParseMs: Math.round(domParseMs) };
}
