/**
 * The batch view's logic, pure (no DOM, no browser API): which run to show, how far it is, a failure in the
 * reader's words, and what a pasted list holds. The view (BatchView.tsx) only renders these.
 */
import { countItems, normaliseAddress, parseAddressList, type BatchCounts, type BatchItem, type BatchRun, type ItemFailure } from '@/utils/batch/queue';
import type { LibraryStrings } from '@/utils/i18n/library';

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

/** A failure in the reader's language; the server's status (HTTP 404) is kept in the text. */
export function failureText(failure: ItemFailure | undefined, t: LibraryStrings['batch']): string {
  if (!failure) return t.unknownFailure;
  const say = (t.failures as Partial<Record<string, (status?: number) => string>>)[failure.code];
  return say ? say(failure.status) : failure.status ? `${t.unknownFailure} (HTTP ${failure.status})` : t.unknownFailure;
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
