/**
 * The background's batch service on fake-indexeddb, an injected fetch serving the fixture pages and PDFs,
 * the Node parse host and the real library service, rules and parser. Politeness delay off (settings), so
 * the runs take no wall time; the politeness itself is tested in polite-fetch.test.ts.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeParseHost } from '../../../cli/parse-host';
import { type ActionApi, BadgeService } from '../../../entrypoints/background/badge';
import { BatchService, type ParseBridge } from '../../../entrypoints/background/batch';
import { LibraryService } from '../../../entrypoints/background/library';
import type { FetchLike, ResponseLike } from '../../../utils/batch/polite-fetch';
import { processBody, readListingFrom } from '../../../utils/batch/process';
import type { BatchItem } from '../../../utils/batch/queue';
import { batchErrorText } from '../../../utils/i18n/errors';
import { openLibrary } from '../../../utils/library/store';
import type { BatchSettings } from '../../../utils/settings';
import { dbName } from '../library/builder';

const fixtures = join(__dirname, '../../fixtures');
const file = (dir: string, name: string) => new Uint8Array(readFileSync(join(fixtures, dir, name)));

const HOST = 'http://www.example.gov.cn';
const A_HTML = `${HOST}/bxx/2022/content_1.html`;
const A_PDF = `${HOST}/bxx/2022/report.pdf`;
const B_HTML = `${HOST}/dlx/2020/content_2.html`;
const NEWS = `${HOST}/news/1.html`;
const MISSING = `${HOST}/gone.html`;

interface Served {
  status?: number;
  body?: Uint8Array;
  type?: string;
  /** The address the response says it came from (a redirect). */
  finalUrl?: string;
}

function site(pages: Record<string, Served>) {
  const calls: string[] = [];
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const served = pages[url] ?? { status: 404, body: new TextEncoder().encode('<html><body>404</body></html>'), type: 'text/html' };
    const headers = new Map([['content-type', served.type ?? 'text/html']]);
    const response: ResponseLike = {
      status: served.status ?? 200,
      url: served.finalUrl ?? url,
      headers: { get: (n) => headers.get(n.toLowerCase()) ?? null },
      arrayBuffer: async () => (served.body ?? new Uint8Array()).slice().buffer as ArrayBuffer,
    };
    return response;
  };
  return { fetch, calls, pages };
}

const standardPages = (): Record<string, Served> => ({
  [A_HTML]: { body: file('pages', 'clean-2021.html'), type: 'text/html; charset=utf-8' },
  [A_PDF]: { body: file('pdf', 'clean-2021.chromium.pdf'), type: 'application/octet-stream' },
  [B_HTML]: { body: file('pages', 'clean-2019.html'), type: 'text/html' },
  [NEWS]: { body: file('pages', 'news.html'), type: 'text/html' },
});

const FAST: BatchSettings = { minIntervalMs: 0, timeoutMs: 30_000, maxAttempts: 1 };

function nodeBridge(processed: string[] = []): ParseBridge {
  return {
    process: async (body) => {
      processed.push(body.finalUrl);
      return processBody(body, nodeParseHost);
    },
    listing: async (body) => readListingFrom(body, nodeParseHost),
  };
}

function setup(options: { name?: string; pages?: Record<string, Served>; library?: LibraryService; bridge?: ParseBridge } = {}) {
  const name = options.name ?? dbName();
  const library = options.library ?? new LibraryService(() => openLibrary(name));
  const served = site(options.pages ?? standardPages());
  // The global badge's texts, as the badge service writes them.
  const badges: string[] = [];
  const actives: boolean[] = [];
  const action: ActionApi = {
    setBadgeText: async ({ text }) => void badges.push(text),
    setBadgeBackgroundColor: async () => undefined,
  };
  const processed: string[] = [];
  let ids = 0;
  const service = new BatchService({
    library,
    queue: library.batchQueue(),
    parse: options.bridge ?? nodeBridge(processed),
    fetch: served.fetch,
    settings: async () => FAST,
    badge: new BadgeService(() => action),
    active: (active) => void actives.push(active),
    newId: () => `run-${++ids}`,
  });
  return { name, library, service, served, badges, actives, processed };
}

async function itemsOf(library: LibraryService, runId: string): Promise<BatchItem[]> {
  const db = await library.library();
  return (await db.batchItems.where('runId').equals(runId).toArray()).sort((a, b) => a.order - b.order);
}

async function reportUrls(library: LibraryService): Promise<string[]> {
  const db = await library.library();
  return (await db.reports.toArray()).map((r) => r.url).sort();
}

describe('batch service: a run', () => {
  it('fetches, checks and saves each report; a page that is no report and a 404 fail with their reasons', async () => {
    const { service, library, badges, actives } = setup();
    const answer = await service.start({
      addresses: [A_HTML, A_PDF, NEWS, MISSING, `${A_HTML}#top`, 'javascript:void(0)'],
      source: `${HOST}/col/index.html`,
    });
    // The fragment names the same page; the script link is no address.
    expect(answer).toEqual({ ok: true, runId: 'run-1', total: 4 });
    await service.settled('run-1');
    const items = await itemsOf(library, 'run-1');
    expect(items.map((i) => [i.url, i.state, i.failure?.code])).toEqual([
      [A_HTML, 'checked', undefined],
      [A_PDF, 'checked', undefined],
      [NEWS, 'failed', 'not-a-report'],
      [MISSING, 'failed', 'http'],
    ]);
    expect(items[3]!.failure?.status).toBe(404);
    expect(items[0]!.result).toMatchObject({ kind: 'html', errors: 0 });
    expect(items[1]!.result).toMatchObject({ kind: 'pdf' });
    expect(await reportUrls(library)).toEqual([A_HTML, A_PDF].sort());
    // The saved rows are the items' reports.
    const db = await library.library();
    expect((await db.reports.get(items[0]!.result!.reportId!))?.title).toBe('北溪县卫生健康局2022年政府信息公开工作年度报告');
    expect((await db.batchRuns.get('run-1'))?.state).toBe('done');
    // The badge counted up to 4/4 and was cleared when the run ended.
    expect(badges).toContain('0/4');
    expect(badges).toContain('4/4');
    expect(badges.at(-1)).toBe('');
    // The host was told a run was active, and then that none is.
    expect(actives[0]).toBe(true);
    expect(actives.at(-1)).toBe(false);
  });

  it("a listing item's title and date travel into the saved report; the date serves only when the report has none", async () => {
    // The same clean page twice: as published (PubDate, 生成日期 and 发布日期 all 2023-01-18), and with the three
    // dates removed, as a page that names none. The column lists them on 2023-03-01 and 2023-02-20.
    const NO_DATE = `${HOST}/bxx/2022/content_3.html`;
    const undated = new TextDecoder()
      .decode(file('pages', 'clean-2021.html'))
      .replace('<meta name="PubDate" content="2023-01-18 09:30">', '')
      .replace('<tr><th>生成日期</th><td>2023-01-18</td>', '<tr><th>生成日期</th><td></td>')
      .replace('发布日期：2023-01-18', '');
    const pages = { ...standardPages(), [NO_DATE]: { body: new TextEncoder().encode(undated), type: 'text/html; charset=utf-8' } };
    const { service, library } = setup({ pages });
    const answer = await service.start({
      addresses: [A_HTML, NO_DATE],
      source: `${HOST}/col/index.html`,
      listed: [
        { url: A_HTML, title: '北溪县卫生健康局2022年政府信息公开工作年度报告', date: '2023-03-01' },
        { url: NO_DATE, title: '北溪县卫生健康局2022年度报告（列表标题）', date: '2023-02-20' },
      ],
      expected: ['北溪县卫生健康局', '  北溪县财政局 ', '北溪县卫生健康局', ''],
    });
    expect(answer).toMatchObject({ ok: true, total: 2 });
    await service.settled('run-1');
    const db = await library.library();
    expect((await db.batchRuns.get('run-1'))?.expected).toEqual(['北溪县卫生健康局', '北溪县财政局']);
    const items = await itemsOf(library, 'run-1');
    expect(items.map((i) => [i.title, i.listedDate])).toEqual([
      ['北溪县卫生健康局2022年政府信息公开工作年度报告', '2023-03-01'],
      ['北溪县卫生健康局2022年度报告（列表标题）', '2023-02-20'],
    ]);
    const dated = (await db.bodies.get(items[0]!.result!.reportId!))!;
    // The report's own date stands; the listing's is kept beside it.
    expect(dated.report.meta.publishedAt).toBe('2023-01-18');
    expect(dated.report.meta.publishedAtSource).not.toBe('listing');
    expect(dated.report.meta.listed).toEqual({
      title: '北溪县卫生健康局2022年政府信息公开工作年度报告',
      date: '2023-03-01',
      page: `${HOST}/col/index.html`,
    });
    const body = (await db.bodies.get(items[1]!.result!.reportId!))!;
    expect(body.report.meta.publishedAt).toBe('2023-02-20');
    expect(body.report.meta.publishedAtSource).toBe('listing');
    // A department's 2022 report is due 2023-01-31: listed 2023-02-20, 20 days late, judged on the listing's date.
    const late = body.findings.filter((f) => f.rule === 'late-publication');
    expect(late.map((f) => [f.messageId, f.data.days])).toEqual([['late', 20]]);
    expect(items[1]!.result!.errors).toBe(body.findings.filter((f) => f.severity === 'error').length);
    const row = (await db.reports.get(items[1]!.result!.reportId!))!;
    expect(row.publishedAt).toBe('2023-02-20');
    expect(row.score).toMatchObject({ date: '2023-02-20', dateSource: 'listing' });
  });

  it('refuses a list with no http(s) address', async () => {
    const { service, library } = setup();
    const answer = await service.start({
      addresses: ['ftp://www.example.gov.cn/a.html', 'javascript:alert(1)', 'not a url'],
      source: null,
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(batchErrorText(answer.error, 'en')).toMatch(/http/);
    expect(await (await library.library()).batchRuns.count()).toBe(0);
  });

  it('a redirect to a host not in the run fails the item as off-list: the body is neither parsed nor saved', async () => {
    const pages = standardPages();
    pages[B_HTML] = {
      body: file('pages', 'clean-2019.html'),
      type: 'text/html',
      finalUrl: 'http://mirror.example.com/dlx/2020/content_2.html',
    };
    const { service, library, processed } = setup({ pages });
    await service.start({ addresses: [A_HTML, B_HTML], source: null });
    await service.settled('run-1');
    const items = await itemsOf(library, 'run-1');
    expect(items[1]).toMatchObject({ state: 'failed', failure: { code: 'off-list' } });
    expect(items[1]!.failure!.data).toEqual({ host: 'mirror.example.com' });
    expect(processed).toEqual([A_HTML]);
    expect(await reportUrls(library)).toEqual([A_HTML]);
  });

  it("a redirect within the run's hosts is followed and saved at its final address", async () => {
    const pages = standardPages();
    const moved = `${HOST}/bxx/2022/moved.html`;
    pages[moved] = { ...pages[A_HTML]!, finalUrl: A_HTML };
    const { service, library } = setup({ pages });
    await service.start({ addresses: [moved], source: null });
    await service.settled('run-1');
    expect((await itemsOf(library, 'run-1'))[0]!.state).toBe('checked');
    expect(await reportUrls(library)).toEqual([A_HTML]);
  });

  it('reads the further listing pages named and queues their report links (and only fetches those pages and links)', async () => {
    const pages = standardPages();
    const page2 = `${HOST}/col/index_1.html`;
    pages[page2] = { body: file('pages', 'catalogue.html'), type: 'text/html' };
    const { service, library, served } = setup({ pages });
    const answer = await service.start({ addresses: [A_HTML], source: `${HOST}/col/index.html`, pages: [page2] });
    // The catalogue's column lists 30 reports (test/fixtures/README.md); with the one listed, 31.
    expect(answer).toMatchObject({ ok: true, total: 31 });
    await service.settled('run-1');
    const items = await itemsOf(library, 'run-1');
    expect(items[0]!.url).toBe(A_HTML);
    expect(new Set(served.calls)).toEqual(new Set([page2, ...items.map((i) => i.url)]));
    expect(served.calls.filter((u) => u === page2)).toHaveLength(1);
  });
});

describe('batch service: pause, resume, cancel, retry', () => {
  /** A fetch that waits for the test before answering, one request at a time. */
  function gated(pages: Record<string, Served>) {
    const inner = site(pages);
    const waiting: Array<() => void> = [];
    const fetch: FetchLike = async (url, init) => {
      // As a real fetch: an abort rejects the request in flight.
      await new Promise<void>((resolve, reject) => {
        waiting.push(resolve);
        init.signal.addEventListener('abort', () => reject(init.signal.reason), { once: true });
      });
      return inner.fetch(url, init);
    };
    const next = async () => {
      for (let i = 0; i < 200 && !waiting.length; i++) await new Promise((r) => setTimeout(r, 5));
      waiting.shift()?.();
    };
    return { fetch, next, calls: inner.calls };
  }

  it('pause stops after the item in hand; resume goes on; cancel marks what was left', async () => {
    const name = dbName();
    const library = new LibraryService(() => openLibrary(name));
    const net = gated(standardPages());
    const service = new BatchService({
      library,
      queue: library.batchQueue(),
      parse: nodeBridge(),
      fetch: net.fetch,
      settings: async () => FAST,
      newId: () => 'run-p',
    });
    await service.start({ addresses: [A_HTML, B_HTML, A_PDF, NEWS], source: null });
    await net.next(); // A_HTML answers
    for (let i = 0; i < 100 && (await itemsOf(library, 'run-p'))[0]!.state !== 'checked'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await service.control('run-p', 'pause')).toEqual({ ok: true });
    await net.next(); // B_HTML was already asked for: it is aborted by the pause, its answer comes too late
    await service.settled('run-p');
    const db = await library.library();
    expect((await db.batchRuns.get('run-p'))?.state).toBe('paused');
    let items = await itemsOf(library, 'run-p');
    expect(items.map((i) => i.state)).toEqual(['checked', 'waiting', 'waiting', 'waiting']);

    await service.control('run-p', 'resume');
    await net.next(); // B_HTML
    for (let i = 0; i < 100 && (await itemsOf(library, 'run-p'))[1]!.state !== 'checked'; i++) await new Promise((r) => setTimeout(r, 10));
    await service.control('run-p', 'pause');
    await net.next();
    await service.settled('run-p');
    expect(await service.control('run-p', 'cancel')).toEqual({ ok: true });
    items = await itemsOf(library, 'run-p');
    expect(items.map((i) => i.state)).toEqual(['checked', 'checked', 'cancelled', 'cancelled']);
    expect((await db.batchRuns.get('run-p'))?.state).toBe('cancelled');
    expect(await reportUrls(library)).toEqual([A_HTML, B_HTML].sort());
  });

  it('a failed item retried runs again in its ended run and is saved once it answers', async () => {
    const pages = standardPages();
    const flaky = `${HOST}/bxx/2022/flaky.html`;
    pages[flaky] = { status: 503, type: 'text/html' };
    const { service, library, served } = setup({ pages });
    await service.start({ addresses: [A_HTML, flaky], source: null });
    await service.settled('run-1');
    let items = await itemsOf(library, 'run-1');
    expect(items[1]).toMatchObject({ state: 'failed', failure: { code: 'http', status: 503 } });
    expect(await service.retry(items[0]!.id)).toMatchObject({ ok: false }); // a checked item is no retry

    pages[flaky] = { body: file('pages', 'clean-2019.html'), type: 'text/html' };
    expect(await service.retry(items[1]!.id)).toEqual({ ok: true });
    await service.settled('run-1');
    items = await itemsOf(library, 'run-1');
    expect(items.map((i) => i.state)).toEqual(['checked', 'checked']);
    expect((await (await library.library()).batchRuns.get('run-1'))?.state).toBe('done');
    // The checked item was not fetched again.
    expect(served.calls.filter((u) => u === A_HTML)).toHaveLength(1);
  });
});

describe('batch service: resume after the service worker stopped', () => {
  it('an item interrupted after its report was saved but before it was marked is processed again and saved once', async () => {
    const name = dbName();
    // The first service's library: the second save goes through, then never returns (the worker stops there).
    let saves = 0;
    class StoppingLibrary extends LibraryService {
      override async save(input: Parameters<LibraryService['save']>[0]) {
        const result = await super.save(input);
        if (++saves === 2) await new Promise<never>(() => {});
        return result;
      }
    }
    const first = setup({ name, library: new StoppingLibrary(() => openLibrary(name)) });
    await first.service.start({ addresses: [A_HTML, B_HTML, A_PDF, NEWS], source: null });
    for (let i = 0; i < 200 && saves < 2; i++) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    expect(saves).toBe(2);
    let items = await itemsOf(first.library, 'run-1');
    // B_HTML's report is in the library, the item still says fetching; the rest wait.
    expect(items.map((i) => i.state)).toEqual(['checked', 'fetching', 'waiting', 'waiting']);
    expect(await reportUrls(first.library)).toEqual([A_HTML, B_HTML].sort());

    // A fresh worker: a new library service and batch service on the same database.
    const second = setup({ name });
    await second.service.resumeAll();
    await second.service.settled('run-1');
    items = await itemsOf(second.library, 'run-1');
    expect(items.map((i) => i.state)).toEqual(['checked', 'checked', 'checked', 'failed']);
    // Each address saved exactly once: one row per report address, no second revision.
    const db = await second.library.library();
    const rows = await db.reports.toArray();
    expect(rows.map((r) => r.url).sort()).toEqual([A_HTML, A_PDF, B_HTML].sort());
    expect(rows.every((r) => r.latest === 1 && r.previousId === undefined)).toBe(true);
    // The interrupted item was fetched again; the checked one was not.
    expect(second.served.calls).toEqual([B_HTML, A_PDF, NEWS]);
    expect(items[1]!.result?.reportId).toBe(rows.find((r) => r.url === B_HTML)!.id);
    expect((await db.batchRuns.get('run-1'))?.state).toBe('done');
  });

  it('a paused or finished run is not picked up on start', async () => {
    const { name, service, library } = setup();
    await service.start({ addresses: [A_HTML], source: null });
    await service.settled('run-1');
    const second = setup({ name });
    await second.service.resumeAll();
    expect(second.service.active()).toEqual([]);
    expect(second.served.calls).toEqual([]);
    expect((await itemsOf(library, 'run-1'))[0]!.state).toBe('checked');
  });
});
