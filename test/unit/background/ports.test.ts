/**
 * The ports the background's services talk through (entrypoints/background/ports.ts):
 * - the batch queue port the library service builds over its handle (fake-indexeddb);
 * - the library service's port methods: reviews of a saved report, and the library page's writes with their
 *   sender check;
 * - the tab state and the batch service run on in-memory fakes of their ports alone: no database, no
 *   browser badge, which is what passing ports (not a handle) buys.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BatchService } from '../../../entrypoints/background/batch';
import { LibraryService } from '../../../entrypoints/background/library';
import type {
  BatchBadgePort,
  BatchLibraryPort,
  BatchQueuePort,
  LibraryChange,
  TabBadge,
  TabLibraryPort,
} from '../../../entrypoints/background/ports';
import { TabState } from '../../../entrypoints/background/tab-state';
import type { FetchLike } from '../../../utils/batch/polite-fetch';
import type { BatchItem, BatchRun } from '../../../utils/batch/queue';
import { errorText } from '../../../utils/i18n/errors';
import { findingKey, openLibrary } from '../../../utils/library/store';
import { runRules } from '../../../utils/rules';
import { dbName, makeReport } from '../library/builder';

const HOST = 'https://www.example.gov.cn';
const EXTENSION = 'chrome-extension://abcdefghijklmnop/';

beforeEach(() => fakeBrowser.reset());

describe('the batch queue port (built by the library service)', () => {
  it('creates a run with its items in order, reads, changes state, lists running runs', async () => {
    const queue = new LibraryService(() => openLibrary(dbName())).batchQueue();
    const { items } = await queue.create({
      id: 'r1',
      addresses: [`${HOST}/a.html`, `${HOST}/b.pdf`, `${HOST}/a.html`],
      source: null,
      now: 1000,
    });
    // The repeated address is one item.
    expect(items.map((i) => [i.id, i.url, i.state])).toEqual([
      ['r1 0', `${HOST}/a.html`, 'waiting'],
      ['r1 1', `${HOST}/b.pdf`, 'waiting'],
    ]);
    expect(await queue.run('r1')).toMatchObject({ id: 'r1', state: 'running', createdAt: 1000 });
    expect((await queue.items('r1')).map((i) => i.url)).toEqual([`${HOST}/a.html`, `${HOST}/b.pdf`]);
    await queue.create({ id: 'r2', addresses: [`${HOST}/c.html`], source: null, now: 2000 });
    await queue.setState('r1', 'paused');
    expect((await queue.running()).map((r) => r.id)).toEqual(['r2']);
    expect(await queue.run('nope')).toBeUndefined();
  });

  it('retries only a failed item, which goes back to waiting', async () => {
    const queue = new LibraryService(() => openLibrary(dbName())).batchQueue();
    const { items } = await queue.create({ id: 'r1', addresses: [`${HOST}/a.html`, `${HOST}/b.html`], source: null, now: 1000 });
    expect(await queue.retry('r1 0', 1500)).toBe(false); // waiting, not failed
    await queue.putItem({ ...items[1]!, state: 'failed', attempts: 1, failure: { code: 'http', message: '404', status: 404 } });
    expect((await queue.item('r1 1'))?.state).toBe('failed');
    expect(await queue.retry('r1 1', 1500)).toBe(true);
    expect((await queue.item('r1 1'))?.state).toBe('waiting');
    expect(await queue.retry('no such item', 1500)).toBe(false);
  });
});

describe('the library service as a port', () => {
  it('reviewsOf: a saved report’s reviews by finding key', async () => {
    const library = new LibraryService(() => openLibrary(dbName()));
    const report = makeReport({ year: 2022, url: `${HOST}/2022.html`, carriedOver: 5 });
    const findings = runRules(report);
    expect(findings.length).toBeGreaterThan(0);
    const saved = await library.save({ report, findings, url: `${HOST}/2022.html` });
    expect(await library.reviewsOf(saved.id)).toEqual({});
    const key = findingKey(findings[0]!);
    await library.review(saved.id, key, { status: 'confirmed', note: '已核' });
    expect(await library.reviewsOf(saved.id)).toEqual({ [key]: expect.objectContaining({ status: 'confirmed', note: '已核' }) });
  });

  it('pageWrite: a web page is refused, an operation not offered to the page is refused, errors come back as answers', async () => {
    const library = new LibraryService(() => openLibrary(dbName()));
    const refused = await library.pageWrite({ op: 'link', args: ['甲', '乙'] }, `${HOST}/evil.html`, EXTENSION);
    expect(refused).toMatchObject({ ok: false, error: { code: 'write-failed', text: { id: 'not-library-page' } } });
    // save is the library service's, but not the page's to call.
    expect(await library.pageWrite({ op: 'save', args: [] }, `${EXTENSION}library.html`, EXTENSION)).toMatchObject({
      ok: false,
      error: { text: { id: 'unknown-operation' } },
    });
    // A LibraryError crosses as its code and its message id (the page words it: errorText).
    const pair = await library.pageWrite({ op: 'markChild', args: ['甲局', '甲局'] }, `${EXTENSION}library.html`, EXTENSION);
    expect(pair).toMatchObject({ ok: false, error: { code: 'write-failed', text: { id: 'hierarchy-pair' } } });
    expect(!pair.ok && errorText(pair.error, 'en')).toBe('Choose two different agencies as parent and child.');
    expect(!pair.ok && errorText(pair.error, 'zh-Hans')).toBe('请选择两个不同的机关作为上级和下级。');
  });

  it('pageWrite: from the library page (or a sender without a tab) the write is made and announced', async () => {
    const library = new LibraryService(() => openLibrary(dbName()));
    const changes: LibraryChange[] = [];
    library.onChange((c) => changes.push(c));
    expect(
      await library.pageWrite({ op: 'link', args: ['北溪县卫生健康局', '北溪县卫生和计划生育局'] }, `${EXTENSION}library.html`, EXTENSION),
    ).toEqual({ ok: true, value: null });
    expect(await library.pageWrite({ op: 'unlink', args: ['北溪县卫生健康局', '北溪县卫生和计划生育局'] }, undefined, EXTENSION)).toEqual({
      ok: true,
      value: null,
    });
    expect(changes.map((c) => c.kind)).toEqual(['links', 'links']);
  });
});

/** A library port in memory: what the tab state asks, and what it was told to save. */
function memoryLibrary(): TabLibraryPort & { saves: string[] } {
  const saves: string[] = [];
  return {
    saves,
    context: async () => ({ neighbours: {} }),
    save: async (input) => {
      saves.push(input.url);
      return { status: 'saved', id: saves.length, savedAt: '2026-12-06T00:00:00.000Z' };
    },
    stateOf: async () => ({ saved: null, reviews: {} }),
    reviewsOf: async () => ({}),
    remove: async () => undefined,
    review: async () => undefined,
    onChange: () => () => undefined,
  };
}

describe('the tab state on its ports alone', () => {
  it('tells the badge port what each tab shows: findings, nothing after navigating, a PDF mark only on an unchecked tab', async () => {
    const told: [number, TabBadge['kind'], string?][] = [];
    const badge = {
      tab: async (tabId: number, b: TabBadge) =>
        void told.push([tabId, b.kind, b.kind === 'findings' ? b.findings.map((f) => f.severity).join(',') : undefined]),
    };
    const library = memoryLibrary();
    const tabs = new TabState(library, badge);
    const url = `${HOST}/2022.html`;
    const report = makeReport({ year: 2022, url, carriedOver: 5 });
    const findings = runRules(report);
    await tabs.checked(1, 0, { url, report, findings, save: true });
    expect(library.saves).toEqual([url]);
    expect(told[0]).toEqual([1, 'findings', findings.map((f) => f.severity).join(',')]);
    await tabs.markPdf(1); // the tab has a checked report: no PDF mark over it
    await tabs.forget(1);
    await tabs.markPdf(1);
    expect(told.slice(-2)).toEqual([
      [1, 'none', undefined],
      [1, 'pdf', undefined],
    ]);
    expect(told.filter(([, kind]) => kind === 'pdf')).toHaveLength(1);
  });
});

/** A queue port in memory. */
function memoryQueue(): BatchQueuePort {
  const runs = new Map<string, BatchRun>();
  const items = new Map<string, BatchItem>();
  return {
    create: async ({ id, addresses, source, now }) => {
      runs.set(id, { id, createdAt: now, state: 'running', source });
      const planned = addresses.map((url, order) => ({
        id: `${id} ${order}`,
        runId: id,
        order,
        url,
        state: 'waiting' as const,
        attempts: 0,
        updatedAt: now,
      }));
      for (const i of planned) items.set(i.id, i);
      return { items: planned };
    },
    run: async (id) => runs.get(id),
    item: async (id) => items.get(id),
    setState: async (id, state) => void (runs.has(id) && runs.set(id, { ...runs.get(id)!, state })),
    retry: async () => false,
    running: async () => [...runs.values()].filter((r) => r.state === 'running'),
    items: async (runId) => [...items.values()].filter((i) => i.runId === runId).sort((a, b) => a.order - b.order),
    putItem: async (item) => void items.set(item.id, item),
  };
}

describe('the batch service on its ports alone', () => {
  it('runs a list through an in-memory queue, saves through the library port and tells the badge port its progress', async () => {
    const queue = memoryQueue();
    const saved: string[] = [];
    const library: BatchLibraryPort = {
      context: async () => ({ neighbours: {} }),
      save: async (input) => {
        saved.push(input.url);
        return { status: 'saved', id: saved.length, savedAt: '2026-12-06T00:00:00.000Z' };
      },
    };
    const progress: string[] = [];
    const badge: BatchBadgePort = { batch: async (p) => void progress.push(p ? `${p.done} of ${p.total}` : 'none') };
    const fetch: FetchLike = async (url) => ({
      status: 200,
      url,
      headers: { get: () => 'text/html' },
      arrayBuffer: async () => new TextEncoder().encode('<html></html>').buffer as ArrayBuffer,
    });
    const report = (url: string) => makeReport({ year: 2022, url });
    const service = new BatchService({
      library,
      queue,
      fetch,
      badge,
      parse: {
        process: async (b) => ({ ok: true, kind: 'html', report: report(b.finalUrl), findings: [] }),
        listing: async () => ({ ok: true, reports: [] }) as never,
      },
      settings: async () => ({ minIntervalMs: 0, timeoutMs: 5_000, maxAttempts: 1 }),
      newId: () => 'mem',
    });
    expect(await service.start({ addresses: [`${HOST}/a.html`, `${HOST}/b.html`], source: null })).toEqual({
      ok: true,
      runId: 'mem',
      total: 2,
    });
    await service.settled('mem');
    expect(saved).toEqual([`${HOST}/a.html`, `${HOST}/b.html`]);
    expect((await queue.run('mem'))?.state).toBe('done');
    expect((await queue.items('mem')).map((i) => i.state)).toEqual(['checked', 'checked']);
    expect(progress[0]).toBe('0 of 2');
    expect(progress).toContain('2 of 2');
    expect(progress.at(-1)).toBe('none');
  });
});
