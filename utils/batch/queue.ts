/**
 * A batch run's queue: one item per address, its state persisted after every step so that a stopped
 * service worker or a restarted browser resumes where it was, without fetching or saving anything twice.
 * Storage is injected (QueueStore): Dexie in the extension, a Map in tests.
 */
import type { PdfProblem, PdfProblemData } from '../i18n/pdf';
import type { Clock, FailureCode, FetchLike, FetchSuccess, Politeness } from './polite-fetch';
import { HostGate, hostOf, politeFetch } from './polite-fetch';

export type ItemState = 'waiting' | 'fetching' | 'checked' | 'failed' | 'cancelled';

/** Why an item failed: a fetch failure, or what the fetched body turned out to be. */
export type ItemFailureCode = FailureCode | 'not-a-report' | 'unsupported' | 'parse-error' | 'off-list';

export interface ItemFailure {
  code: ItemFailureCode;
  status?: number;
  /**
   * Technical words for the record (the fetch's or the parser's, often English, shown as a tooltip). The
   * reason the reader sees is worded from `code` and `data` by the catalogue (utils/i18n/library.ts);
   * items saved by older versions hold bilingual words here, and render by their code all the same.
   */
  message: string;
  data?: ItemFailureData;
}

/** What a failure's words need: the body's type, the site redirected to, a PDF's problem. */
export interface ItemFailureData {
  /** 'unsupported': the declared content type. */
  type?: string;
  /** 'off-list': the site the address redirected to. */
  host?: string;
  /** 'parse-error' of a PDF: the PDF path's problem and its data (utils/i18n/pdf.ts words it). */
  pdf?: { problem: PdfProblem; data: PdfProblemData };
}

export interface ItemResult {
  /** The saved report's id in the library. */
  reportId?: number;
  errors: number;
  warnings: number;
  kind: 'html' | 'pdf';
  /** Pages of a scanned PDF read by OCR: the item's figures were read from pictures. */
  picturePages?: number;
  /** Standard tables of a page read from its pictures by OCR. */
  pictureTables?: number;
}

export interface BatchItem {
  /** `${runId} ${order}`: stable, so re-planning a run cannot duplicate an item. */
  id: string;
  runId: string;
  order: number;
  url: string;
  /** The link's title and the date beside it on the 年报 column page, when the address came from one. */
  title?: string;
  listedDate?: string;
  state: ItemState;
  attempts: number;
  result?: ItemResult;
  failure?: ItemFailure;
  updatedAt: number;
}

export type RunState = 'running' | 'paused' | 'cancelled' | 'done';

export interface BatchRun {
  id: string;
  createdAt: number;
  state: RunState;
  /** The listing page the addresses came from, or null for a pasted list. */
  source: string | null;
  /** The agencies the user expects a report from (one name each), to say who has none for the year. */
  expected?: string[];
}

export interface BatchCounts {
  total: number;
  done: number;
  failed: number;
  waiting: number;
  fetching: number;
  cancelled: number;
}

/** The address as queued: http(s) only, without the fragment (it names the same document). */
export function normaliseAddress(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  return url.href;
}

/** Addresses from a pasted list: one per line, or separated by spaces/commas; duplicates dropped. */
export function parseAddressList(text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const token of text.split(/[\s,，;；]+/)) {
    if (!token) continue;
    const address = normaliseAddress(token);
    if (address && !seen.has(address)) {
      seen.add(address);
      out.push(address);
    }
  }
  return out;
}

/** What a listing said of one address: its link's title and the date beside it. */
export interface ListedHint {
  title?: string | null;
  date?: string | null;
}

/** The items of a new run, in the given order, duplicates (after normalising) dropped; hints keyed by address. */
export function planItems(
  runId: string,
  addresses: readonly string[],
  now: number,
  hints: ReadonlyMap<string, ListedHint> = new Map(),
): BatchItem[] {
  const items: BatchItem[] = [];
  const seen = new Set<string>();
  for (const raw of addresses) {
    const url = normaliseAddress(raw);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const order = items.length;
    const item: BatchItem = { id: `${runId} ${order}`, runId, order, url, state: 'waiting', attempts: 0, updatedAt: now };
    const hint = hints.get(url) ?? hints.get(raw);
    if (hint?.title) item.title = hint.title;
    if (hint?.date && /^\d{4}-\d{2}-\d{2}$/.test(hint.date)) item.listedDate = hint.date;
    items.push(item);
  }
  return items;
}

export function countItems(items: readonly BatchItem[]): BatchCounts {
  const counts: BatchCounts = { total: items.length, done: 0, failed: 0, waiting: 0, fetching: 0, cancelled: 0 };
  for (const item of items) {
    if (item.state === 'checked') counts.done++;
    else if (item.state === 'failed') counts.failed++;
    else if (item.state === 'waiting') counts.waiting++;
    else if (item.state === 'fetching') counts.fetching++;
    else counts.cancelled++;
  }
  return counts;
}

export interface QueueStore {
  items(runId: string): Promise<BatchItem[]>;
  putItem(item: BatchItem): Promise<void>;
}

export type ProcessOutcome = { ok: true; result: ItemResult } | { ok: false; failure: ItemFailure };

export interface RunnerDeps {
  store: QueueStore;
  fetch: FetchLike;
  clock: Clock;
  policy: Politeness;
  /** Shared across runs so the per-host interval holds between them too. */
  gate?: HostGate;
  /**
   * Parse, check and save a fetched body. Must be idempotent for the same address (the library's save
   * dedupes by address and content): an item interrupted after saving but before being marked checked is
   * processed again on resume, and must not become a second report.
   */
  process(item: BatchItem, fetched: FetchSuccess, signal: AbortSignal): Promise<ProcessOutcome>;
  /** Told after every persisted change (progress view, badge). */
  onChange?(item: BatchItem): void;
  /** Hosts fetched in parallel (each host still one request at a time). */
  maxHosts?: number;
}

/**
 * Runs one batch. run() resolves when every item is checked or failed ('done'), or after pause() or
 * cancel(). Calling run() again after a pause, or in a fresh runner after a restart, resumes: items left
 * 'fetching' by an interruption go back to 'waiting' (their attempt count kept).
 */
export class BatchRunner {
  private readonly controller = new AbortController();
  private stopping: 'paused' | 'cancelled' | null = null;
  private readonly gate: HostGate;

  constructor(
    readonly runId: string,
    private readonly deps: RunnerDeps,
  ) {
    this.gate = deps.gate ?? new HostGate(deps.clock, () => deps.policy.minIntervalMs);
  }

  pause(): void {
    this.stop('paused');
  }

  cancel(): void {
    this.stop('cancelled');
  }

  private stop(how: 'paused' | 'cancelled') {
    if (this.stopping === 'cancelled') return;
    this.stopping = how;
    this.controller.abort(new Error(how));
  }

  async run(): Promise<RunState> {
    const { store } = this.deps;
    const items = (await store.items(this.runId)).sort((a, b) => a.order - b.order);
    for (const item of items) {
      if (item.state === 'fetching') await this.save(item, { state: 'waiting' });
    }
    const byHost = new Map<string, BatchItem[]>();
    for (const item of items) {
      if (item.state !== 'waiting') continue;
      const host = hostOf(item.url);
      const lane = byHost.get(host) ?? [];
      lane.push(item);
      byHost.set(host, lane);
    }
    const lanes = [...byHost.values()];
    const worker = async () => {
      for (let lane = lanes.shift(); lane; lane = lanes.shift()) {
        for (const item of lane) {
          if (this.stopping) break;
          await this.runItem(item);
        }
      }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(this.deps.maxHosts ?? 4, lanes.length)) }, worker);
    await Promise.all(workers);
    if (this.stopping === 'cancelled') {
      for (const item of await store.items(this.runId)) {
        if (item.state === 'waiting' || item.state === 'fetching') await this.save(item, { state: 'cancelled' });
      }
      return 'cancelled';
    }
    if (this.stopping === 'paused') return 'paused';
    return 'done';
  }

  private async runItem(item: BatchItem): Promise<void> {
    const signal = this.controller.signal;
    const fetched = await politeFetch(item.url, {
      fetch: this.deps.fetch,
      clock: this.deps.clock,
      gate: this.gate,
      policy: this.deps.policy,
      signal,
      onAttempt: () => {
        // Persist before the request leaves, so an interruption mid-request is seen on resume.
        void this.save(item, { state: 'fetching', attempts: item.attempts + 1 });
      },
    });
    if (!fetched.ok) {
      if (fetched.code === 'cancelled') {
        await this.save(item, { state: this.stopping === 'cancelled' ? 'cancelled' : 'waiting' });
        return;
      }
      const { code, status, message } = fetched;
      await this.save(item, { state: 'failed', failure: status === undefined ? { code, message } : { code, status, message } });
      return;
    }
    let outcome: ProcessOutcome;
    try {
      outcome = await this.deps.process(item, fetched, signal);
    } catch (error) {
      if (signal.aborted) {
        await this.save(item, { state: this.stopping === 'cancelled' ? 'cancelled' : 'waiting' });
        return;
      }
      outcome = { ok: false, failure: { code: 'parse-error', message: error instanceof Error ? error.message : String(error) } };
    }
    if (outcome.ok) await this.save(item, { state: 'checked', result: outcome.result, failure: undefined });
    else await this.save(item, { state: 'failed', failure: outcome.failure });
  }

  private async save(item: BatchItem, patch: Partial<BatchItem>): Promise<void> {
    Object.assign(item, patch, { updatedAt: this.deps.clock.now() });
    if (patch.failure === undefined && 'failure' in patch) delete item.failure;
    await this.deps.store.putItem({ ...item });
    this.deps.onChange?.({ ...item });
  }
}

/** An item back to waiting, for the retry button: attempts and failure cleared. */
export function retryItem(item: BatchItem, now: number): BatchItem {
  const { failure: _failure, result: _result, ...rest } = item;
  return { ...rest, state: 'waiting', attempts: 0, updatedAt: now };
}
