/**
 * Helpers for the batch end-to-end tests (batch.e2e.ts, the network audit): the politeness settings through
 * storage, the #batch page's counts and rows as the DOM contract names them, and the library database read
 * with the raw IndexedDB API from an extension page (works while the MV3 service worker is stopped).
 */
import type { Driver, TestPage } from './driver';
import { patchSettings } from './settings';

export interface BatchSettings {
  minIntervalMs: number;
  timeoutMs: number;
  maxAttempts: number;
}

/** settings.batch in storage.local (utils/settings.ts), other settings kept. */
export async function setBatchSettings(driver: Driver, batch: BatchSettings): Promise<void> {
  await patchSettings(driver, { batch });
}

export interface BatchCounts {
  total: number;
  done: number;
  failed: number;
}

export interface BatchRowView {
  url: string;
  state: string;
  failureCode: string | null;
  failureText: string | null;
  retry: boolean;
}

/** The #batch page as the DOM contract names it; integers parsed from the count elements' text. */
export function batchView(
  page: TestPage,
): Promise<{ counts: BatchCounts | null; progress: { value: number; max: number } | null; rows: BatchRowView[] }> {
  return page.evaluate(() => {
    const int = (sel: string) => {
      const el = document.querySelector(sel);
      const t = (el?.textContent ?? '').trim();
      return el && /^\d+$/.test(t) ? Number(t) : null;
    };
    const total = int('[data-batch-total]');
    const done = int('[data-batch-done]');
    const failed = int('[data-batch-failed]');
    const bar = document.querySelector('progress');
    return {
      counts: total === null || done === null || failed === null ? null : { total, done, failed },
      progress: bar ? { value: bar.value, max: bar.max } : null,
      rows: Array.from(document.querySelectorAll<HTMLElement>('[data-batch-item]')).map((row) => {
        const failure = row.querySelector<HTMLElement>('[data-failure]');
        return {
          url: row.dataset.url ?? '',
          state: row.dataset.state ?? '',
          failureCode: failure?.dataset.code ?? null,
          failureText: failure ? (failure.textContent ?? '').trim() : null,
          retry: !!row.querySelector('[data-action="batch-retry"]'),
        };
      }),
    };
  });
}

/** Waits until the run shown is over: done + failed = total, for the expected total. */
export async function waitForRunEnd(page: TestPage, total: number, timeoutMs: number): Promise<void> {
  await page.waitFor(
    (want) => {
      const n = (sel: string) => Number((document.querySelector(sel)?.textContent ?? '').trim() || NaN);
      const t = n('[data-batch-total]');
      return t === want && n('[data-batch-done]') + n('[data-batch-failed]') === t;
    },
    total,
    timeoutMs,
  );
}

export interface LibraryRow {
  id: number;
  url: string;
  agency: string | null;
  year: number | null;
  latest: number;
  sourceKind: string | null;
  figures: Record<string, number | null>;
}

export interface BatchItemRow {
  id: string;
  runId: string;
  url: string;
  state: string;
  failure: { code: string; status?: number } | null;
  /** The listing's title and date of the address, when it came from a listing. */
  title: string | null;
  listedDate: string | null;
}

/** The reports, batchRuns and batchItems stores, read with the raw IndexedDB API in an extension page. */
export function readLibrary(
  page: TestPage,
): Promise<{ reports: LibraryRow[]; runs: { id: string; state: string }[]; items: BatchItemRow[] }> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    if (!names.includes('report-lens-library')) return { reports: [], runs: [], items: [] };
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      const r = indexedDB.open('report-lens-library');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => ko(r.error);
    });
    try {
      const all = <T>(store: string) =>
        [...db.objectStoreNames].includes(store)
          ? new Promise<T[]>((ok, ko) => {
              const r = db.transaction(store, 'readonly').objectStore(store).getAll();
              r.onsuccess = () => ok(r.result as T[]);
              r.onerror = () => ko(r.error);
            })
          : Promise.resolve([] as T[]);
      type Row = {
        id: number;
        url: string;
        agency: string | null;
        year: number | null;
        latest: number;
        sourceKind?: string;
        figures?: Record<string, number | null>;
      };
      type Item = {
        id: string;
        runId: string;
        url: string;
        state: string;
        failure?: { code: string; status?: number };
        title?: string;
        listedDate?: string;
      };
      const reports = (await all<Row>('reports')).map((r) => ({
        id: r.id,
        url: r.url,
        agency: r.agency,
        year: r.year,
        latest: r.latest,
        sourceKind: r.sourceKind ?? null,
        figures: r.figures ?? {},
      }));
      const runs = (await all<{ id: string; state: string }>('batchRuns')).map((r) => ({ id: r.id, state: r.state }));
      const items = (await all<Item>('batchItems')).map((i) => ({
        id: i.id,
        runId: i.runId,
        url: i.url,
        state: i.state,
        failure: i.failure ? { code: i.failure.code, ...(i.failure.status === undefined ? {} : { status: i.failure.status }) } : null,
        title: i.title ?? null,
        listedDate: i.listedDate ?? null,
      }));
      return { reports, runs, items };
    } finally {
      db.close();
    }
  });
}

/** Score rows on #scores: report id → points and maximum (attribute values, integers). */
export function scoreRows(page: TestPage): Promise<Record<string, { points: number; max: number }>> {
  return page.evaluate(() => {
    const out: Record<string, { points: number; max: number }> = {};
    for (const row of Array.from(document.querySelectorAll<HTMLElement>('[data-score-row]'))) {
      const score = row.querySelector<HTMLElement>('[data-score]');
      if (!score) continue;
      out[row.dataset.reportId ?? ''] = {
        points: Number(score.getAttribute('data-score')),
        max: Number(score.getAttribute('data-score-max')),
      };
    }
    return out;
  });
}
