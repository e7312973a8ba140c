/**
 * The batch view's logic, pure (no DOM, no browser API): which run to show, how far it is, a failure in the
 * reader's words, and what a pasted list holds. The view (BatchView.tsx) only renders these.
 */
import {
  type BatchCounts,
  type BatchItem,
  type BatchRun,
  countItems,
  type ItemFailure,
  normaliseAddress,
  parseAddressList,
} from '@/utils/batch/queue';
import type { FailureWords, LibraryStrings } from '@/utils/i18n/library';
import { PDF_PROBLEMS } from '@/utils/i18n/pdf';
import { agencyKey, regionOf } from '@/utils/library/agency';
import { missingAgencies } from '@/utils/library/expected';
import type { ReportRow } from '@/utils/library/types';
import type { Locale } from '@/utils/report/types';
import type { UnscoredRow } from '@/utils/score/view';

/** Runs newest first (the view shows the newest unless the reader picks another). */
export function runsNewestFirst(runs: readonly BatchRun[]): BatchRun[] {
  return [...runs].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** The run to show: the one picked, while it still exists, else the newest. */
export function shownRun(runs: readonly BatchRun[], picked: string | null): BatchRun | null {
  const sorted = runsNewestFirst(runs);
  return sorted.find((r) => r.id === picked) ?? sorted[0] ?? null;
}

export interface RunProgress extends BatchCounts {
  /** Items that will not be fetched again in this run (checked, failed or cancelled): the progress bar's value. */
  finished: number;
}

export function runProgress(items: readonly BatchItem[]): RunProgress {
  const counts = countItems(items);
  return { ...counts, finished: counts.done + counts.failed + counts.cancelled };
}

/** Which run controls apply in a run's state. */
export function runControls(state: BatchRun['state'] | undefined): { pause: boolean; resume: boolean; cancel: boolean } {
  return { pause: state === 'running', resume: state === 'paused', cancel: state === 'running' || state === 'paused' };
}

/**
 * A failure in the reader's language, from its code and data (a PDF's problem in the PDF path's words); the
 * server's status (HTTP 404) is kept in the text. Items saved before failures carried data word by code.
 */
export function failureText(failure: ItemFailure | undefined, t: LibraryStrings['batch'], locale: Locale): string {
  if (!failure) return t.unknownFailure;
  const pdf = failure.data?.pdf;
  const pdfWords = pdf && (PDF_PROBLEMS[locale] ?? PDF_PROBLEMS['zh-Hans'])[pdf.problem];
  if (pdfWords) return pdfWords(pdf.data ?? {});
  const say = (t.failures as Partial<Record<string, (d: FailureWords) => string>>)[failure.code];
  const words: FailureWords = { ...(failure.status ? { status: failure.status } : {}) };
  if (typeof failure.data?.type === 'string') words.type = failure.data.type;
  if (typeof failure.data?.host === 'string') words.host = failure.data.host;
  return say ? say(words) : failure.status ? `${t.unknownFailure} (HTTP ${failure.status})` : t.unknownFailure;
}

export interface PastedList {
  /** The addresses to check, as the batch service will queue them (parseAddressList). */
  addresses: string[];
  /** Entries that are not http(s) addresses (a bare host, a title pasted with them…), to say they were left out. */
  rejected: string[];
}

/** What a pasted list holds: the same split as parseAddressList, keeping what it drops so the reader is told. */
export function readPastedList(text: string): PastedList {
  const rejected = text.split(/[\s,，;；]+/).filter((token) => token && !normaliseAddress(token));
  return { addresses: parseAddressList(text), rejected };
}

/**
 * The sites of a pasted list that the extension may not fetch without asking: the extension holds gov.cn
 * only, and other sites need the user's leave (least privilege). Returned as permission match patterns.
 */
export function sitesToAsk(addresses: readonly string[]): string[] {
  const out = new Set<string>();
  for (const address of addresses) {
    const host = new URL(address).hostname;
    if (host === 'gov.cn' || host.endsWith('.gov.cn')) continue;
    out.add(`*://${host}/*`);
  }
  return [...out];
}

/** An address fit for a link's href: http(s) only (a javascript: address must never become a link). */
export function httpHref(url: string | null | undefined): string | undefined {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : undefined;
}

type Row = Pick<ReportRow, 'id' | 'url' | 'agency' | 'agencyKey' | 'year' | 'latest'>;

/**
 * The year a run is about: the year most of its checked reports are of (a column lists one year, or an
 * agency's years: then the newest of the most frequent). Null before any report is in.
 */
export function runYear(items: readonly BatchItem[], rows: readonly Row[]): number | null {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const tally = new Map<number, number>();
  for (const item of items) {
    const year = item.result?.reportId !== undefined ? byId.get(item.result.reportId)?.year : null;
    if (typeof year === 'number') tally.set(year, (tally.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, n] of tally) if (best === null || n > tally.get(best)! || (n === tally.get(best)! && year > best)) best = year;
  return best;
}

/** A run's expected agencies with no report of its year in the library (agency links honoured). */
export function runMissing(
  run: Pick<BatchRun, 'expected'>,
  items: readonly BatchItem[],
  rows: readonly Row[],
  groups: ReadonlyMap<string, ReadonlySet<string>>,
): { year: number | null; missing: string[] } {
  if (!run.expected?.length) return { year: null, missing: [] };
  const year = runYear(items, rows);
  return { year, missing: year === null ? [] : missingAgencies(run.expected, rows, year, groups) };
}

/**
 * What the scores show with no score (issue 21): every failed batch item whose address has no saved report
 * (the newest try of each address), and every run's expected agencies with no report of its year; each
 * with its reason, worded from the catalogue.
 */
export function unscoredRows(
  runs: readonly BatchRun[],
  items: readonly BatchItem[],
  rows: readonly Row[],
  groups: ReadonlyMap<string, ReadonlySet<string>>,
  t: LibraryStrings,
  locale: Locale,
): UnscoredRow[] {
  const saved = new Set(rows.map((r) => r.url));
  const newest = new Map<string, BatchItem>();
  for (const item of items) {
    const seen = newest.get(item.url);
    if (!seen || item.updatedAt > seen.updatedAt) newest.set(item.url, item);
  }
  const out: UnscoredRow[] = [];
  for (const item of newest.values()) {
    if (item.state !== 'failed' || saved.has(item.url)) continue;
    const year = /((?:19|20)\d{2})\s*年/.exec(item.title ?? '');
    out.push({
      kind: 'failed',
      agency: item.title ?? null,
      region: regionOf(item.title),
      year: year ? Number(year[1]) : null,
      url: item.url,
      reason: t.scores.failedReason(failureText(item.failure, t.batch, locale)),
    });
  }
  const said = new Set<string>();
  for (const run of runsNewestFirst(runs)) {
    const own = items.filter((i) => i.runId === run.id);
    const { year, missing } = runMissing(run, own, rows, groups);
    for (const name of missing) {
      const key = `${agencyKey(name)}\u0000${year}`;
      if (said.has(key)) continue;
      said.add(key);
      out.push({ kind: 'missing', agency: name, region: regionOf(name), year, url: null, reason: t.scores.missingReason(String(year)) });
    }
  }
  return out;
}
