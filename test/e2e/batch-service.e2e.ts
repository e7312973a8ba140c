/**
 * The batch service in real browsers (Chromium chrome-mv3: the offscreen document parses; Firefox
 * firefox-mv2: the background page parses): a batchStart from an extension page on fixture pages and a
 * PDF served under a gov.cn host ends with the reports saved and the failures recorded with their codes,
 * and no request leaves for any address outside the list. The UI and the popup flow are tested in
 * batch.e2e.ts. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Driver, sleep, type TestPage } from './lib/driver';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';

interface ItemRow {
  url: string;
  state: string;
  failure?: { code: string; status?: number };
  result?: { reportId?: number; kind: string };
}

/** The batch messages as @webext-core/messaging sends them, from an extension page. */
function send(page: TestPage, type: string, data: unknown): Promise<{ res?: unknown; err?: unknown }> {
  return page.evaluate(
    async ({ type, data }) => {
      type Runtime = { runtime: { sendMessage(message: unknown): Promise<{ res?: unknown; err?: unknown }> } };
      const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
      return (g.browser ?? g.chrome).runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() });
    },
    { type, data },
  );
}

/** The library database, read as an extension page reads it. */
function readDb(page: TestPage): Promise<{ items: ItemRow[]; reports: string[]; runs: { id: string; state: string }[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('report-lens-library');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        if (!db.objectStoreNames.contains(store)) return resolve([]);
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const items = (await all<ItemRow & { order: number }>('batchItems')).sort((a, b) => a.order - b.order);
    const reports = (await all<{ url: string }>('reports')).map((r) => r.url).sort();
    const runs = await all<{ id: string; state: string }>('batchRuns');
    db.close();
    return { items, reports, runs };
  });
}

for (const target of BROWSERS) {
  describe.skipIf(!existsSync(target.build))(`batch service — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;
    let page: TestPage;

    useBrowser(target.name, async (s) => {
      ({ server, driver } = s);
      page = await driver.openExtensionPage('/library.html');
    });

    it('checks a list of addresses: pages and a PDF saved, a non-report and a 404 failed with reasons', async () => {
      const list = [
        server.url(GOV_HOST, '/clean-2021.html'),
        server.url(GOV_HOST, '/clean-2019.html'),
        server.url(GOV_HOST, '/pdf/seed-003.chromium.pdf'),
        server.url(GOV_HOST, '/news.html'),
        server.url(GOV_HOST, '/no-such-report.html'),
      ];
      const before = server.requests.length;
      const answer = await send(page, 'batchStart', { addresses: list, source: null });
      expect(answer.err).toBeUndefined();
      expect(answer.res).toMatchObject({ ok: true, total: 5 });
      const runId = (answer.res as { runId: string }).runId;

      let db = await readDb(page);
      const started = Date.now();
      while (!db.runs.some((r) => r.id === runId && r.state === 'done') && Date.now() - started < 60_000) {
        await sleep(250);
        db = await readDb(page);
      }
      expect(db.runs.find((r) => r.id === runId)?.state).toBe('done');
      expect(db.items.map((i) => [i.url, i.state, i.failure?.code ?? null, i.result?.kind ?? null])).toEqual([
        [list[0], 'checked', null, 'html'],
        [list[1], 'checked', null, 'html'],
        [list[2], 'checked', null, 'pdf'],
        [list[3], 'failed', 'not-a-report', null],
        [list[4], 'failed', 'http', null],
      ]);
      expect(db.reports).toEqual([list[0], list[1], list[2]].sort());
      // Only the listed addresses were asked for (each once: nothing failed for a transient reason).
      const asked = server.requests.slice(before).filter((r) => !r.includes('favicon'));
      expect(asked.sort()).toEqual(list.map((u) => `${new URL(u).host} ${new URL(u).pathname}`).sort());
    });

    it('the same list again saves no second copy of any report', async () => {
      const list = [server.url(GOV_HOST, '/clean-2021.html'), server.url(GOV_HOST, '/pdf/seed-003.chromium.pdf')];
      const answer = await send(page, 'batchStart', { addresses: list, source: null });
      const runId = (answer.res as { runId: string }).runId;
      let db = await readDb(page);
      const started = Date.now();
      while (!db.runs.some((r) => r.id === runId && r.state === 'done') && Date.now() - started < 60_000) {
        await sleep(250);
        db = await readDb(page);
      }
      expect(db.items.filter((i) => list.includes(i.url)).every((i) => i.state === 'checked')).toBe(true);
      expect(db.reports.filter((u) => list.includes(u))).toHaveLength(2);
    });

    it('a content script cannot start a run', async () => {
      // The report page's isolated world sends like any content script would: refused by the background.
      const tab = await driver.open(server.url(GOV_HOST, '/clean-2021.html'));
      const runsBefore = (await readDb(page)).runs.length;
      const answer = await driver.extEval<{ ok: boolean }>(
        `const api = globalThis.browser ?? globalThis.chrome;
         const [r] = await api.scripting.executeScript({ target: { tabId: ${tab.tabId} }, func: () => (globalThis.browser ?? chrome).runtime.sendMessage({ id: 1, type: 'batchStart', data: { addresses: [location.href], source: null }, timestamp: Date.now() }) });
         return r.result.res;`,
      );
      expect(answer).toMatchObject({ ok: false });
      expect((await readDb(page)).runs.length).toBe(runsBefore);
      await tab.close();
    });
  });
}
