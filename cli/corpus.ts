/**
 * npm run corpus [-- --json] [--write-baseline] [dir]
 * Scores the parser and rules against the hand-written truth of test/corpus/ (format: test/corpus/README.md).
 * Every file goes through checkFile, the CLI's own path, under the truth's url; entries with "neighbours" are re-checked with the
 * neighbours' Reports so the cross-year rules run. Prints one block per entry and, as the last three lines,
 * the totals. The truth is written by hand from reading the pages; nothing here ever writes it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CellRef, FIGURE_KEYS, type Report } from '../utils/report/types';
import { runRules } from '../utils/rules';
import type { NeighbourReport, RuleContext } from '../utils/rules/types';
import { type CheckOutput, checkFile } from './check';

export type TruthInconsistency =
  | { id: string; kind: 'table'; where: Record<string, string>; what?: string }
  | { id: string; kind: 'prose'; number: number; what?: string }
  | { id: string; kind: 'report'; rule: string; what?: string };

export interface Truth {
  file: string;
  url?: string;
  forms?: string[];
  isReport: boolean;
  meta?: { agency?: string; year?: number; publishedAt?: string | null; format?: string };
  figures?: Record<string, number | null>;
  /** The key figures a careful reader says cannot be placed with certainty from this text: they must be shown doubtful. */
  doubtful?: string[];
  inconsistencies?: TruthInconsistency[];
  neighbours?: string[];
  notes?: string;
}

/** Severity and text of a finding; works with today's {message, messages} and with {messageId, data}. */
interface AnyFinding {
  rule: string;
  severity: string;
  message?: string;
  messages?: unknown;
  messageId?: string;
  data?: unknown;
  location?: { kind: string; table?: number; row?: number; col?: number };
  related?: { kind: string; table?: number; row?: number; col?: number }[];
}

export interface EntryScore {
  id: string;
  truthPath: string;
  file: string;
  error?: string;
  isReport: { truth: boolean; got: boolean | null; right: boolean };
  figures: { right: number; expected: number; wrong: string[]; spurious: string[] };
  /**
   * The truth's doubtful figures shown doubtful (marked / expected, missed listed), and figures shown doubtful that
   * the truth does not list (extra: counted and listed, not a failure of the figure).
   */
  doubtful: { marked: number; expected: number; missed: string[]; extra: string[] };
  meta: { right: number; expected: number; wrong: string[] };
  inconsistencies: { found: number; expected: number; missed: string[] };
  /** Error findings on a report whose truth lists no inconsistency, or on a non-report. */
  falseErrors: string[];
  /** Error findings on other reports that match no listed inconsistency. */
  unexplainedErrors: string[];
  crossYear: 'none' | 'checked' | 'skipped';
}

export interface CorpusTotals {
  entries: number;
  figuresRight: number;
  figuresExpected: number;
  figuresSpurious: number;
  doubtfulMarked: number;
  doubtfulExpected: number;
  /** Figures shown doubtful that the truth does not list as doubtful. */
  doubtfulExtra: number;
  metaRight: number;
  metaExpected: number;
  inconsistenciesFound: number;
  inconsistenciesExpected: number;
  cleanReports: number;
  nonReports: number;
  /** Error findings on clean reports and on non-reports. */
  falseErrors: number;
  unexplainedErrors: number;
  detectionRight: number;
  failedEntries: number;
}

export interface CorpusResult {
  entries: EntryScore[];
  totals: CorpusTotals;
}

/** Every *.truth.json under dir, sorted for a stable report. */
export function findTruthFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.truth.json')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const idOf = (truthPath: string) => truthPath.replace(/^.*[\\/]/, '').replace(/\.truth\.json$/, '');

/** The text a finding shows a reader, before and after findings carry {messageId, data}. */
export function findingText(f: AnyFinding): string {
  const parts: string[] = [];
  if (typeof f.message === 'string') parts.push(f.message);
  if (f.messages !== undefined) parts.push(JSON.stringify(f.messages));
  if (f.data !== undefined) parts.push(JSON.stringify(f.data));
  return parts.join('\n');
}

/** The number as a whole token: not part of a longer number (2599 is not found in 12599 or 2599.5). */
export function namesNumber(text: string, n: number): boolean {
  const plain = text.replace(/(\d),(?=\d{3}\b)/g, '$1');
  const re = new RegExp(`(?<![\\d.])${String(n).replace('.', '\\.')}(?!\\.?\\d)`);
  return re.test(plain);
}

/** The grid slot the truth's "where" names, through the Report's standard tables. */
function cellOf(report: Report, where: Record<string, string>): CellRef | null {
  const s = report.standard;
  switch (where.table) {
    case 'applications':
      return (s.applications?.rows[where.row as never]?.[where.column as never] as { at?: CellRef } | undefined)?.at ?? null;
    case 'review-litigation':
      return (s.reviewLitigation?.groups[where.group as never]?.[where.outcome as never] as { at?: CellRef } | undefined)?.at ?? null;
    case 'active-disclosure':
      return (s.activeDisclosure?.rows[where.row as never]?.[where.column as never] as { at?: CellRef } | undefined)?.at ?? null;
    default:
      return null;
  }
}

/** Same cell: the same table and the same cell covering both slots (a merged cell may be named by any slot). */
function sameCell(report: Report, a: CellRef, loc: { kind: string; table?: number; row?: number; col?: number }): boolean {
  if (loc.kind !== 'cell' || loc.table !== a.table || loc.row === undefined || loc.col === undefined) return false;
  if (loc.row === a.row && loc.col === a.col) return true;
  const t = report.tables[a.table];
  const x = t?.slots[a.row]?.[a.col];
  const y = t?.slots[loc.row]?.[loc.col];
  return x !== undefined && x >= 0 && x === y;
}

function matches(report: Report, f: AnyFinding, inc: TruthInconsistency): boolean {
  if (inc.kind === 'report') return f.rule === inc.rule;
  if (f.severity !== 'error' && f.severity !== 'warning') return false;
  if (inc.kind === 'prose') return namesNumber(findingText(f), inc.number);
  const cell = cellOf(report, inc.where);
  if (!cell) return false;
  return [f.location, ...(f.related ?? [])].some((loc) => loc !== undefined && sameCell(report, cell, loc));
}

const show = (f: AnyFinding) => `${f.rule}: ${(f.message ?? findingText(f)).replace(/\s+/g, ' ').slice(0, 160)}`;

interface Loaded {
  id: string;
  truthPath: string;
  truth: Truth;
  file: string;
  out?: CheckOutput;
  error?: string;
}

function neighbourContext(entry: Loaded, byId: Map<string, Loaded>): RuleContext | null {
  const year = entry.truth.meta?.year ?? entry.out?.report.meta.year ?? null;
  if (year === null) return null;
  const ctx: { previous?: NeighbourReport; next?: NeighbourReport } = {};
  for (const nid of entry.truth.neighbours ?? []) {
    const n = byId.get(nid);
    if (!n?.out) continue;
    const nYear = n.truth.meta?.year ?? n.out.report.meta.year;
    const label = `${nYear}年 ${n.truth.meta?.agency ?? n.out.report.meta.agency ?? nid}`;
    const neighbour: NeighbourReport = { report: n.out.report, label, ...(n.truth.url ? { url: n.truth.url } : {}) };
    if (nYear === year - 1) ctx.previous = neighbour;
    else if (nYear === year + 1) ctx.next = neighbour;
  }
  return ctx.previous || ctx.next ? { neighbours: ctx } : null;
}

export async function scoreCorpus(dir = 'test/corpus'): Promise<CorpusResult> {
  const loaded: Loaded[] = [];
  for (const truthPath of findTruthFiles(dir)) {
    const id = idOf(truthPath);
    let truth: Truth;
    try {
      truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth;
    } catch (error) {
      loaded.push({ id, truthPath, truth: { file: '?', isReport: true }, file: '?', error: `bad truth: ${(error as Error).message}` });
      continue;
    }
    const file = resolve(dirname(truthPath), truth.file);
    try {
      const out = await checkFile(file, truth.url ? { url: truth.url } : {});
      loaded.push({ id, truthPath, truth, file, out });
    } catch (error) {
      loaded.push({ id, truthPath, truth, file, error: (error as Error).message });
    }
  }
  const byId = new Map(loaded.map((l) => [l.id, l]));
  const entries = loaded.map((l) => scoreEntry(l, byId));
  const totals: CorpusTotals = {
    entries: entries.length,
    figuresRight: 0,
    figuresExpected: 0,
    figuresSpurious: 0,
    doubtfulMarked: 0,
    doubtfulExpected: 0,
    doubtfulExtra: 0,
    metaRight: 0,
    metaExpected: 0,
    inconsistenciesFound: 0,
    inconsistenciesExpected: 0,
    cleanReports: 0,
    nonReports: 0,
    falseErrors: 0,
    unexplainedErrors: 0,
    detectionRight: 0,
    failedEntries: 0,
  };
  for (const e of entries) {
    totals.figuresRight += e.figures.right;
    totals.figuresExpected += e.figures.expected;
    totals.figuresSpurious += e.figures.spurious.length;
    totals.doubtfulMarked += e.doubtful.marked;
    totals.doubtfulExpected += e.doubtful.expected;
    totals.doubtfulExtra += e.doubtful.extra.length;
    totals.metaRight += e.meta.right;
    totals.metaExpected += e.meta.expected;
    totals.inconsistenciesFound += e.inconsistencies.found;
    totals.inconsistenciesExpected += e.inconsistencies.expected;
    totals.falseErrors += e.falseErrors.length;
    totals.unexplainedErrors += e.unexplainedErrors.length;
    if (e.isReport.right) totals.detectionRight++;
    if (e.error) totals.failedEntries++;
    const truth = byId.get(e.id)!.truth;
    if (truth.isReport && (truth.inconsistencies ?? []).length === 0) totals.cleanReports++;
    if (!truth.isReport) totals.nonReports++;
  }
  return { entries, totals };
}

function scoreEntry(l: Loaded, byId: Map<string, Loaded>): EntryScore {
  const { truth } = l;
  const incs = truth.inconsistencies ?? [];
  const score: EntryScore = {
    id: l.id,
    truthPath: l.truthPath,
    file: l.file,
    isReport: { truth: truth.isReport, got: l.out?.isReport ?? null, right: l.out?.isReport === truth.isReport },
    figures: { right: 0, expected: 0, wrong: [], spurious: [] },
    doubtful: { marked: 0, expected: 0, missed: [], extra: [] },
    meta: { right: 0, expected: 0, wrong: [] },
    inconsistencies: { found: 0, expected: incs.length, missed: [] },
    falseErrors: [],
    unexplainedErrors: [],
    crossYear: (truth.neighbours ?? []).length > 0 ? 'skipped' : 'none',
  };
  if (l.error) score.error = l.error;
  if (truth.isReport) {
    for (const key of FIGURE_KEYS) {
      const want = truth.figures?.[key];
      if (want === undefined) continue;
      const got = l.out?.figures[key] ?? null;
      if (want === null) {
        if (got !== null) score.figures.spurious.push(`${key}: truth null, got ${got}`);
        continue;
      }
      score.figures.expected++;
      if (got === want) score.figures.right++;
      else score.figures.wrong.push(`${key}: want ${want}, got ${got ?? '—'}`);
    }
    const shown = new Set<string>(l.out?.doubtfulFigures ?? []);
    const listed = new Set(truth.doubtful ?? []);
    for (const key of listed) {
      score.doubtful.expected++;
      if (shown.has(key)) score.doubtful.marked++;
      else score.doubtful.missed.push(key);
    }
    for (const key of shown) if (!listed.has(key)) score.doubtful.extra.push(key);
    for (const [key, want] of Object.entries(truth.meta ?? {})) {
      score.meta.expected++;
      const got = (l.out?.meta as Record<string, unknown> | undefined)?.[key] ?? null;
      if (got === want) score.meta.right++;
      else score.meta.wrong.push(`${key}: want ${want ?? 'null'}, got ${got ?? 'null'}`);
    }
  }
  if (!l.out) {
    score.inconsistencies.missed = incs.map((i) => i.id);
    return score;
  }
  let findings = l.out.findings as unknown as AnyFinding[];
  if (score.crossYear === 'skipped' && l.out.isReport) {
    const ctx = neighbourContext(l, byId);
    if (ctx) {
      findings = runRules(l.out.report, ctx) as unknown as AnyFinding[];
      score.crossYear = 'checked';
    }
  }
  const report = l.out.report;
  for (const inc of incs) {
    if (findings.some((f) => matches(report, f, inc))) score.inconsistencies.found++;
    else score.inconsistencies.missed.push(inc.id);
  }
  const errors = findings.filter((f) => f.severity === 'error');
  if (incs.length === 0) score.falseErrors = errors.map(show);
  else score.unexplainedErrors = errors.filter((f) => !incs.some((inc) => matches(report, f, inc))).map(show);
  return score;
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);

export function formatResult(result: CorpusResult, root = process.cwd()): string {
  const lines: string[] = [];
  for (const e of result.entries) {
    const flags = [
      e.isReport.right ? '' : `DETECTION want isReport=${e.isReport.truth} got ${e.isReport.got}`,
      e.error ? `FAILED ${e.error}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    lines.push(`# ${e.id} (${relative(root, e.file)})${flags ? ' — ' + flags : ''}`);
    if (e.isReport.truth) {
      lines.push(
        `  figures ${e.figures.right}/${e.figures.expected}` +
          (e.doubtful.expected || e.doubtful.extra.length ? ` · doubtful marked ${e.doubtful.marked}/${e.doubtful.expected}` : '') +
          ` · meta ${e.meta.right}/${e.meta.expected} · inconsistencies ${e.inconsistencies.found}/${e.inconsistencies.expected}` +
          (e.crossYear !== 'none' ? ` · cross-year ${e.crossYear}` : ''),
      );
    } else {
      lines.push(`  not a report (truth)`);
    }
    for (const w of e.figures.wrong) lines.push(`    figure wrong   ${w}`);
    for (const w of e.figures.spurious) lines.push(`    figure extra   ${w}`);
    for (const k of e.doubtful.missed) lines.push(`    not doubtful   ${k}: the truth calls it doubtful, shown as certain`);
    for (const k of e.doubtful.extra) lines.push(`    doubtful extra ${k}: shown doubtful, the truth does not list it`);
    for (const w of e.meta.wrong) lines.push(`    meta wrong     ${w}`);
    for (const m of e.inconsistencies.missed) lines.push(`    missed         ${m}`);
    for (const f of e.falseErrors) lines.push(`    FALSE ERROR    ${f}`);
    for (const f of e.unexplainedErrors) lines.push(`    unexplained    ${f}`);
  }
  const t = result.totals;
  lines.push('');
  lines.push(
    `TOTAL figures ${t.figuresRight}/${t.figuresExpected} (${pct(t.figuresRight, t.figuresExpected)}, ${t.figuresSpurious} stated where truth has none) · doubtful figures marked doubtful: ${t.doubtfulMarked}/${t.doubtfulExpected} (${t.doubtfulExtra} shown doubtful the truth does not list) · meta ${t.metaRight}/${t.metaExpected} (${pct(t.metaRight, t.metaExpected)})`,
  );
  lines.push(
    `TOTAL inconsistencies found ${t.inconsistenciesFound}/${t.inconsistenciesExpected} · false errors on ${t.cleanReports} clean reports and ${t.nonReports} non-reports: ${t.falseErrors} · unexplained errors on the others: ${t.unexplainedErrors}`,
  );
  lines.push(`TOTAL detection ${t.detectionRight}/${t.entries} · entries ${t.entries}, failed to check ${t.failedEntries}`);
  return lines.join('\n') + '\n';
}

/** What the baseline holds per entry: the scored counts that may only go up (false errors: only down). */
export interface BaselineEntry {
  figuresRight: number;
  metaRight: number;
  inconsistenciesFound: number;
  detectionRight: number;
  falseErrors: number;
  /** Figures stated where the truth has none (a ceiling, like false errors). */
  figuresSpurious: number;
  /** The truth's doubtful figures shown doubtful (a floor). Absent in baselines measured before it existed: 0. */
  doubtfulMarked?: number;
}

export interface Baseline {
  measured: string;
  totals: CorpusTotals;
  entries: Record<string, BaselineEntry>;
}

export function baselineEntry(e: EntryScore): BaselineEntry {
  return {
    figuresRight: e.figures.right,
    metaRight: e.meta.right,
    inconsistenciesFound: e.inconsistencies.found,
    detectionRight: e.isReport.right ? 1 : 0,
    falseErrors: e.falseErrors.length,
    figuresSpurious: e.figures.spurious.length,
    doubtfulMarked: e.doubtful.marked,
  };
}

/** The baseline measured now: written by `npm run corpus -- --write-baseline` (a floor measured from the code). */
export function makeBaseline(result: CorpusResult, measured: string): Baseline {
  return {
    measured,
    totals: result.totals,
    entries: Object.fromEntries(result.entries.map((e) => [e.id, baselineEntry(e)])),
  };
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const write = argv.includes('--write-baseline');
  const dir = argv.find((a) => !a.startsWith('--')) ?? 'test/corpus';
  const result = await scoreCorpus(dir);
  if (write) {
    const baseline = makeBaseline(result, new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC');
    writeFileSync(join(dir, 'baseline.json'), JSON.stringify(baseline, null, 2) + '\n');
    process.stderr.write(`corpus: wrote ${join(dir, 'baseline.json')} (${result.entries.length} entries)\n`);
  }
  if (json) process.stdout.write(JSON.stringify({ totals: result.totals, entries: result.entries }, null, 2) + '\n');
  else process.stdout.write(formatResult(result));
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`corpus: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 1;
    },
  );
}
