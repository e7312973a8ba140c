/**
 * The pipeline in Node (cli/dom.ts: linkedom): per page, each stage of parseDocument timed on its own, the whole
 * checkDocument, and the DOM parse as the ratio base; the long report; opencc; CLI throughput.
 *
 * stages() mirrors utils/parse/index.ts parseDocument step by step (same functions, same order) so each
 * stage can be timed; `stageSumMs` vs `checkMs` shows whether the mirror still matches the real thing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConverterBuilder } from 'opencc-js/core';
import * as t2cnPreset from 'opencc-js/preset/t2cn';
import { htmlToDocument } from '../dom';
import { checkFile } from '../check';
import { checkDocument } from '../../utils/pipeline';
import { runRules } from '../../utils/rules';
import { findArticleRoot } from '../../utils/parse/article';
import { buildTextView } from '../../utils/parse/text-view';
import { tableToGrid } from '../../utils/parse/grid';
import { recogniseStandardTables } from '../../utils/parse/standard-tables';
import { buildSections, sectionPathAt } from '../../utils/parse/sections';
import { extractFacts } from '../../utils/parse/facts';
import { buildMeta } from '../../utils/parse/metadata';
import { titleCandidates } from '../../utils/detect/looks-like-report';
import { decideIsReport } from '../../utils/detect/is-report';
import { keyFigures } from '../../utils/parse';
import { cleanText } from '../../utils/text/clean';
import { toSimplified } from '../../utils/text/convert';
import type { ReportTable } from '../../utils/report/types';
import { PAGES } from './browser';
import { stat, timeRuns, type Stat } from './stats';
import { profile, type ProfileSummary } from './profile';

export const STAGES = ['textView', 'tables', 'sections', 'facts', 'metadata'] as const;
type StageName = (typeof STAGES)[number];

function stages(doc: Document): Record<StageName, number> {
  const t: Record<StageName, number> = { textView: 0, tables: 0, sections: 0, facts: 0, metadata: 0 };
  let s = performance.now();
  const root = findArticleRoot(doc);
  const view = buildTextView(root);
  const script = view.script;
  const normalise = (x: string) => {
    const cleaned = cleanText(x).text;
    return script === 'hant' ? toSimplified(cleaned) : cleaned;
  };
  t.textView = performance.now() - s;
  s = performance.now();
  const dataTables = view.tables.filter((x) => x.data);
  const tables: ReportTable[] = dataTables.map((x, index) => ({ ...tableToGrid(x.element, normalise, index).table, kind: 'other', section: [], source: 'html' }));
  const { kinds, standard } = recogniseStandardTables(tables);
  tables.forEach((x, i) => (x.kind = kinds[i] ?? 'other'));
  t.tables = performance.now() - s;
  s = performance.now();
  const sections = buildSections(view.text, view.tableRanges, dataTables.map((x) => x.range), view.images);
  tables.forEach((x, i) => (x.section = sectionPathAt(sections, dataTables[i]!.range.start)));
  t.sections = performance.now() - s;
  s = performance.now();
  const { facts } = extractFacts(view.text, view.tableRanges);
  t.facts = performance.now() - s;
  s = performance.now();
  const meta = buildMeta({ doc, text: view.text, script, standard, normalise, fromTextDump: false });
  const candidates = titleCandidates(doc).map(normalise);
  decideIsReport({ title: meta.title, titleCandidates: candidates, text: view.text, sections, standard, year: meta.year });
  keyFigures(standard, facts);
  if (doc.title) normalise(doc.title);
  t.metadata = performance.now() - s;
  return t;
}

export interface PagePipeline {
  page: string;
  bytes: number;
  script: string;
  isReport: boolean;
  findings: number;
  domParse: Stat;
  stages: Record<StageName, Stat>;
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
  const st: Record<StageName, number[]> = { textView: [], tables: [], sections: [], facts: [], metadata: [] };
  const sum: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const r = stages(pool.pop()!);
    if (i < 2) continue;
    for (const k of STAGES) st[k].push(r[k]);
    sum.push(STAGES.reduce((a, k) => a + r[k], 0));
  }
  const rules = timeRuns(() => runRules(first.report), runs);
  const checkStat = stat(check);
  const parseStat = stat(parse);
  return {
    page: name,
    bytes: Buffer.byteLength(html),
    script: first.report.meta.script,
    isReport: first.report.isReport,
    findings: first.findings.length,
    domParse: parseStat,
    stages: Object.fromEntries(STAGES.map((k) => [k, stat(st[k])])) as Record<StageName, Stat>,
    stageSum: stat(sum),
    rules: stat(rules),
    check: checkStat,
    ratioToDomParse: Math.round((checkStat.median / parseStat.median) * 100) / 100,
    firstMs: Math.round(firstMs * 100) / 100,
  };
}

export const SEEDS = readdirSync(PAGES).filter((f) => /^seed-\d+\.html$/.test(f)).sort();

/** The largest seed with its article's content repeated tenfold (sections, tables and all). */
export function longReport(): { name: string; html: string; base: string } {
  const base = [...SEEDS].sort((a, b) => Buffer.byteLength(readFileSync(join(PAGES, b))) - Buffer.byteLength(readFileSync(join(PAGES, a))))[0]!;
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
  return {
    build: stat(build),
    firstBuildMs: Math.round(firstBuildMs * 100) / 100,
    inputBytes,
    convert: stat(times),
    mbPerSecond: stat(times.map((ms) => inputBytes / 1e6 / (ms / 1000)), 1),
    t2sOnlySameOutput: small(one) === convert(one),
  };
}

export interface CliBench {
  pages: number;
  files: string[];
  seconds: number;
  reportsPerSecond: number;
  /** Per-file ms (median over its repeats). */
  perFile: { file: string; ms: number }[];
}

/** checkFile (the CLI's function: read, decode, linkedom, parse, rules) over 1,000 pages, one core. */
export function cliBench(total = 1000): CliBench {
  // Every fixture page except the 1 MB non-report listing (it is measured on its own).
  const files = readdirSync(PAGES).filter((f) => f.endsWith('.html') && f !== 'large-listing.html').sort().map((f) => join(PAGES, f));
  for (const f of files) checkFile(f);
  const per = new Map<string, number[]>();
  const t0 = performance.now();
  for (let i = 0; i < total; i++) {
    const f = files[i % files.length]!;
    const s = performance.now();
    checkFile(f);
    (per.get(f) ?? per.set(f, []).get(f)!).push(performance.now() - s);
    // Progress on stderr, so a parent sees how far it got if the process dies (out of memory).
    if ((i + 1) % 25 === 0) process.stderr.write(`progress ${i + 1} ${((performance.now() - t0) / 1000).toFixed(3)} ${Math.round(process.memoryUsage().heapUsed / 1e6)}\n`);
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    pages: total,
    files: files.map((f) => f.slice(PAGES.length + 1)),
    seconds: Math.round(seconds * 100) / 100,
    reportsPerSecond: Math.round(total / seconds),
    perFile: [...per].map(([f, ms]) => ({ file: f.slice(PAGES.length + 1), ms: stat(ms, 2).median })),
  };
}

/** The ratio base: the same pages through htmlToDocument only (linkedom), pages per second. */
export function domParseBench(total = 300): { pages: number; pagesPerSecond: number } {
  const htmls = readdirSync(PAGES).filter((f) => f.endsWith('.html') && f !== 'large-listing.html').sort().map((f) => readFileSync(join(PAGES, f), 'utf8'));
  for (const h of htmls) htmlToDocument(h);
  const t0 = performance.now();
  for (let i = 0; i < total; i++) htmlToDocument(htmls[i % htmls.length]!);
  return { pages: total, pagesPerSecond: Math.round(total / ((performance.now() - t0) / 1000)) };
}

/** The CLI on the 1 MB non-report listing (once: it is slow). */
export function largeListingCli(): { ms: number; domParseMs: number } {
  const f = join(PAGES, 'large-listing.html');
  const html = readFileSync(f, 'utf8');
  const p = performance.now();
  htmlToDocument(html);
  const domParseMs = performance.now() - p;
  const t = performance.now();
  checkFile(f);
  return { ms: Math.round(performance.now() - t), domParseMs: Math.round(domParseMs) };
}
