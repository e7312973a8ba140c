/**
 * The batch service: runs batch checks in the background, the one writer of the batch queue (batchRuns,
 * batchItems, through the queue port the library service builds). Each item is fetched politely (utils/batch/polite-fetch.ts, one shared per-host gate),
 * parsed where a DOM exists (the parse bridge: the offscreen document in Chrome MV3, the background page in
 * Firefox MV2), checked, and saved through the library service, the one writer of reports.
 *
 * Every step is persisted (BatchRunner over Dexie), so a stopped service worker or a restarted browser
 * resumes the runs that were running; an item interrupted after its report was saved is processed again
 * and the library's save dedupes it by address and content.
 *
 * No browser API and no database handle here: the library, the queue, fetch, clock, settings, the badge and
 * the parse bridge are passed in as ports (tests pass fakes or the real services).
 */

import {
  type Clock,
  DEFAULT_POLITENESS,
  type FetchLike,
  type FetchSuccess,
  HostGate,
  hostOf,
  type Politeness,
  politeFetch,
  realClock,
} from '@/utils/batch/polite-fetch';
import { applyListing, type FetchedBody, type ListingRead, type Processed } from '@/utils/batch/process';
import type { BatchAction, BatchAnswer, BatchError, BatchStart, BatchStartAnswer } from '@/utils/batch/protocol';
import {
  type BatchItem,
  BatchRunner,
  countItems,
  type ItemFailure,
  type ItemState,
  type ListedHint,
  normaliseAddress,
  type ProcessOutcome,
} from '@/utils/batch/queue';
import type { ListedReport } from '@/utils/detect/listing';
import type { ErrorMessageData, ErrorMessageId } from '@/utils/i18n/errors';
import { parseExpectedAgencies } from '@/utils/library/expected';
import { countActive } from '@/utils/reviews';
import { ALL_RULES, runRules, sortFindings } from '@/utils/rules';
import { type BatchSettings, DEFAULT_BATCH_SETTINGS } from '@/utils/settings';
import { withLibrary } from './cross-year';
import type { BatchBadgePort, BatchLibraryPort, BatchQueuePort } from './ports';

/** Where fetched bodies are parsed: the one part that needs a DOM (and pdf.js). */
export interface ParseBridge {
  process(body: FetchedBody): Promise<Processed>;
  listing(body: FetchedBody): Promise<ListingRead>;
  /** No run is active any more: free what the host holds (Chrome: the offscreen document). */
  idle?(): Promise<void>;
}

export interface BatchServiceDeps {
  library: BatchLibraryPort;
  queue: BatchQueuePort;
  parse: ParseBridge;
  fetch: FetchLike;
  clock?: Clock;
  settings?: () => Promise<BatchSettings>;
  /** The global (not per-tab) badge: the active runs' progress, null when none is. */
  badge?: BatchBadgePort;
  /** Whether any run is active, told whenever that or the progress changes (the host remembers it across a stopped worker). */
  active?: (active: boolean) => Promise<void> | void;
  newId?: () => string;
}

/** Further listing pages read at start, at most (a column of 200 pages is already a very large one). */
const MAX_LISTING_PAGES = 200;
/** A picture of a table is a few hundred KB; anything over this is no table picture worth reading. */
const MAX_PICTURE_BYTES = 10 * 1024 * 1024;
/** Addresses in one run, at most. */
const MAX_ADDRESSES = 10_000;

/** Judged again when a listing's date becomes the publication date (the page's check had none to judge). */
const DATE_RULES = ALL_RULES.filter((r) => r.id === 'late-publication');

const err = (id: ErrorMessageId, data: ErrorMessageData = {}): { ok: false; error: BatchError } => ({
  ok: false,
  error: { text: { id, data } },
});

function offList(finalUrl: string): ItemFailure {
  const host = hostOf(finalUrl) || finalUrl;
  return { code: 'off-list', message: `redirected to ${host}, a site not in the list; not read`, data: { host } };
}

export class BatchService {
  private readonly clock: Clock;
  /** Shared by every run, so one host is never asked twice at once, even by two runs. */
  private readonly gate: HostGate;
  private minIntervalMs = DEFAULT_BATCH_SETTINGS.minIntervalMs;
  private readonly runners = new Map<string, BatchRunner>();
  private readonly tasks = new Map<string, Promise<void>>();
  /** Item states of the active runs, for the badge. */
  private readonly progress = new Map<string, Map<string, ItemState>>();
  private lastBadge: string | null = null;
  /** A pause or cancel asked before the run's runner existed (it is being set up). */
  private readonly stopAsked = new Map<string, 'pause' | 'cancel'>();

  constructor(private readonly deps: BatchServiceDeps) {
    this.clock = deps.clock ?? realClock;
    this.gate = new HostGate(this.clock, () => this.minIntervalMs);
  }

  private async policy(): Promise<Politeness> {
    const settings = (await this.deps.settings?.().catch(() => null)) ?? DEFAULT_BATCH_SETTINGS;
    this.minIntervalMs = settings.minIntervalMs;
    return { ...DEFAULT_POLITENESS, ...settings };
  }

  // ---- messages ----

  async start(input: BatchStart): Promise<BatchStartAnswer> {
    const raw = Array.isArray(input?.addresses) ? input.addresses : [];
    const addresses = raw.map((a) => (typeof a === 'string' ? normaliseAddress(a) : null)).filter((a): a is string => a !== null);
    const pages = (Array.isArray(input?.pages) ? input.pages : [])
      .map((p) => (typeof p === 'string' ? normaliseAddress(p) : null))
      .filter((p): p is string => p !== null)
      .slice(0, MAX_LISTING_PAGES);
    const source = typeof input?.source === 'string' ? normaliseAddress(input.source) : null;
    // What the listing said of each address (title, date): the page's word, kept only in this shape.
    const hints = new Map<string, ListedHint>();
    const hint = (url: unknown, title: unknown, date: unknown) => {
      const address = typeof url === 'string' ? normaliseAddress(url) : null;
      if (!address || hints.has(address)) return;
      hints.set(address, {
        title: typeof title === 'string' ? title.slice(0, 500) : null,
        date: typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
      });
    };
    for (const l of Array.isArray(input?.listed) ? input.listed.slice(0, MAX_ADDRESSES) : []) hint(l?.url, l?.title, l?.date);
    const expected = parseExpectedAgencies(
      Array.isArray(input?.expected) ? input.expected.filter((e): e is string => typeof e === 'string').join('\n') : '',
    );
    if (!addresses.length && !pages.length) {
      return err('batch-no-address');
    }
    const policy = await this.policy();
    if (pages.length) {
      for (const r of await this.readPages(pages, [...addresses, ...pages, ...(source ? [source] : [])], policy)) {
        addresses.push(r.url);
        hint(r.url, r.title, r.date);
      }
    }
    if (!addresses.length) return err('batch-no-listing-links');
    if (addresses.length > MAX_ADDRESSES) {
      return err('batch-too-many', { max: MAX_ADDRESSES });
    }
    const id = this.deps.newId?.() ?? crypto.randomUUID();
    const { items } = await this.deps.queue.create({
      id,
      addresses,
      source,
      now: this.clock.now(),
      hints,
      ...(expected.length ? { expected } : {}),
    });
    this.launch(id);
    return { ok: true, runId: id, total: items.length };
  }

  async control(runId: string, action: BatchAction): Promise<BatchAnswer> {
    const queue = this.deps.queue;
    const run = typeof runId === 'string' ? await queue.run(runId) : undefined;
    if (!run) return err('batch-no-run');
    if (action === 'pause') {
      if (run.state !== 'running') return { ok: true };
      await queue.setState(runId, 'paused');
      this.stopAsked.set(runId, 'pause');
      this.runners.get(runId)?.pause();
      return { ok: true };
    }
    if (action === 'resume') {
      if (run.state === 'cancelled' || run.state === 'done') return { ok: true };
      if (run.state === 'running' && this.runners.has(runId)) return { ok: true };
      // A pause asked while a runner is still finishing its current item: let it end, then start again.
      await this.tasks.get(runId);
      await queue.setState(runId, 'running');
      this.launch(runId);
      return { ok: true };
    }
    if (action === 'cancel') {
      if (run.state === 'cancelled' || run.state === 'done') return { ok: true };
      await queue.setState(runId, 'cancelled');
      this.stopAsked.set(runId, 'cancel');
      const runner = this.runners.get(runId);
      if (runner) runner.cancel();
      else await this.cancelWaiting(runId);
      return { ok: true };
    }
    return err('batch-unknown-action');
  }

  async retry(itemId: string): Promise<BatchAnswer> {
    const queue = this.deps.queue;
    if (typeof itemId !== 'string' || !(await queue.retry(itemId, this.clock.now()))) {
      return err('batch-retry-failed-only');
    }
    const item = await queue.item(itemId);
    const run = item && (await queue.run(item.runId));
    if (!item || !run) return { ok: true };
    // A run that had ended (or was cancelled) runs again for it alone; an active one picks it up when its
    // queue ends; a paused one when it is resumed.
    if (run.state === 'paused') return { ok: true };
    if (run.state !== 'running') await queue.setState(run.id, 'running');
    this.launch(run.id);
    return { ok: true };
  }

  /** On every service-worker (or background page) start: runs that were running go on. */
  async resumeAll(): Promise<void> {
    for (const run of await this.deps.queue.running()) this.launch(run.id);
  }

  /** Resolves when the run's current work has ended (tests, and resume after pause). */
  async settled(runId: string): Promise<void> {
    for (let task = this.tasks.get(runId); task; task = this.tasks.get(runId)) await task;
  }

  /** Runs being worked on now. */
  active(): string[] {
    return [...this.tasks.keys()];
  }

  // ---- running ----

  private launch(runId: string): void {
    if (this.tasks.has(runId)) return;
    this.stopAsked.delete(runId);
    const task = this.runLoop(runId)
      .catch((error) => console.warn('[report-lens] batch run failed', runId, error))
      .finally(async () => {
        this.tasks.delete(runId);
        this.runners.delete(runId);
        this.progress.delete(runId);
        await this.showBadge();
        // A retry that came while the run was ending.
        const queue = this.deps.queue;
        const run = await queue.run(runId).catch(() => undefined);
        if (run?.state === 'running' && (await queue.items(runId)).some((i) => i.state === 'waiting')) {
          this.launch(runId);
          return;
        }
        if (!this.tasks.size) await this.deps.parse.idle?.().catch(() => undefined);
      });
    this.tasks.set(runId, task);
  }

  private async runLoop(runId: string): Promise<void> {
    const store = this.deps.queue;
    const policy = await this.policy();
    for (;;) {
      const run = await store.run(runId);
      if (run?.state !== 'running') return;
      const items = await store.items(runId);
      // Only the run's own hosts: a redirect elsewhere is not followed into the library.
      const hosts = new Set(items.map((i) => hostOf(i.url)));
      this.progress.set(runId, new Map(items.map((i) => [i.id, i.state])));
      await this.showBadge();
      const runner = new BatchRunner(runId, {
        store,
        fetch: this.deps.fetch,
        clock: this.clock,
        policy,
        gate: this.gate,
        process: (item, fetched) => this.processItem(item, fetched, hosts),
        onChange: (item) => {
          this.progress.get(runId)?.set(item.id, item.state);
          void this.showBadge();
        },
      });
      this.runners.set(runId, runner);
      const asked = this.stopAsked.get(runId);
      if (asked === 'pause') runner.pause();
      else if (asked === 'cancel') runner.cancel();
      const state = await runner.run();
      this.runners.delete(runId);
      if (state !== 'done') return; // paused or cancelled: control() has recorded it
      if ((await store.items(runId)).some((i) => i.state === 'waiting')) continue; // retried meanwhile
      // Written only while the run is still 'running': a pause or cancel that raced the end stays.
      if ((await store.run(runId))?.state === 'running') await store.setState(runId, 'done');
      return;
    }
  }

  private async processItem(item: BatchItem, fetched: FetchSuccess, hosts: Set<string>): Promise<ProcessOutcome> {
    if (!hosts.has(hostOf(fetched.finalUrl))) return { ok: false, failure: offList(fetched.finalUrl) };
    const body = { bytes: fetched.bytes, contentType: fetched.contentType, finalUrl: fetched.finalUrl };
    let processed = await this.deps.parse.process(body);
    if (processed.ok && processed.wantsPictures) {
      // Tables published as pictures (issue 18): fetched as politely as the pages (the same gate per host), read
      // in the parse page. None fetched: the page as first read (its table-as-picture findings) is what is saved.
      const pictures = await this.fetchPictures(processed.wantsPictures);
      if (Object.keys(pictures).length) processed = await this.deps.parse.process({ ...body, pictures });
    }
    if (!processed.ok) return processed;
    const { report, kind } = processed;
    let own = processed.findings;
    // The listing's title and date travel with the report; its date serves when the report gives none.
    const run = await this.deps.queue.run(item.runId);
    if (applyListing(report, { title: item.title ?? null, date: item.listedDate ?? null, page: run?.source ?? null })) {
      own = sortFindings(report, [...own.filter((f) => f.rule !== 'late-publication'), ...runRules(report, {}, DATE_RULES)]);
    }
    // As for a tab: the cross-year and hierarchy rules run here, beside the saved years and marked children.
    const findings = withLibrary(report, own, await this.deps.library.context(report));
    const saved = await this.deps.library.save({ report, findings, url: fetched.finalUrl });
    // The panel's count (utils/reviews.ts), so the batch list, the panel and the scores agree.
    const { error: errors, warning: warnings } = countActive(findings);
    const pictures = {
      ...(processed.picturePages ? { picturePages: processed.picturePages } : {}),
      ...(processed.pictureTables ? { pictureTables: processed.pictureTables } : {}),
    };
    return { ok: true, result: { reportId: saved.id, errors, warnings, kind, ...pictures } };
  }

  /** A page's pictures, each fetched politely (one failed picture is left out, not the item). */
  private async fetchPictures(addresses: string[]): Promise<Record<string, Uint8Array>> {
    const policy = { ...(await this.policy()), maxBytes: MAX_PICTURE_BYTES };
    const out: Record<string, Uint8Array> = {};
    for (const address of addresses) {
      const fetched = await politeFetch(address, { fetch: this.deps.fetch, clock: this.clock, gate: this.gate, policy });
      if (fetched.ok) out[address] = fetched.bytes;
    }
    return out;
  }

  /** The column's further pages, read politely; their report links, in page order, without repeats. */
  private async readPages(pages: string[], listed: string[], policy: Politeness): Promise<ListedReport[]> {
    const hosts = new Set(listed.map(hostOf));
    const out: ListedReport[] = [];
    for (const page of pages) {
      const fetched = await politeFetch(page, { fetch: this.deps.fetch, clock: this.clock, gate: this.gate, policy });
      if (!fetched.ok || !hosts.has(hostOf(fetched.finalUrl))) continue;
      const read = await this.deps.parse
        .listing({ bytes: fetched.bytes, contentType: fetched.contentType, finalUrl: fetched.finalUrl })
        .catch(() => null);
      if (read?.ok) out.push(...read.reports);
    }
    return out;
  }

  private async cancelWaiting(runId: string): Promise<void> {
    const store = this.deps.queue;
    const now = this.clock.now();
    for (const item of await store.items(runId)) {
      if (item.state === 'waiting' || item.state === 'fetching') await store.putItem({ ...item, state: 'cancelled', updatedAt: now });
    }
  }

  private async showBadge(): Promise<void> {
    let done = 0;
    let total = 0;
    for (const states of this.progress.values()) {
      const counts = countItems([...states.values()].map((state) => ({ state }) as BatchItem));
      done += counts.done + counts.failed;
      total += counts.total - counts.cancelled;
    }
    const progress = this.progress.size && total ? { done, total } : null;
    const key = progress ? `${done}/${total}` : '';
    if (key === this.lastBadge) return;
    this.lastBadge = key;
    await Promise.all([
      Promise.resolve(this.deps.active?.(progress !== null)).catch(() => undefined),
      Promise.resolve(this.deps.badge?.batch(progress)).catch(() => undefined),
    ]);
  }
}
