import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLITENESS } from '../../../utils/batch/polite-fetch';
import { BatchRunner, countItems, type ProcessOutcome } from '../../../utils/batch/queue';
import {
  childAgencies,
  createBatchRun,
  DexieQueueStore,
  markChildAgency,
  retryBatchItem,
  runningBatchRuns,
  setBatchRunState,
  unmarkChildAgency,
} from '../../../utils/library/batch-store';
import { openLibrary } from '../../../utils/library/store';
import { FakeClock } from '../batch/fake-clock';
import { fakeFetch } from '../batch/fake-fetch';
import { dbName } from './builder';

const HOST = 'http://www.example.gov.cn';
const urls = Array.from({ length: 6 }, (_, i) => `${HOST}/nb/${i}.html`);

describe('the batch queue in the library database', () => {
  it('survives a restart: a second database handle resumes the run, each address processed once', async () => {
    const name = dbName();
    const db = openLibrary(name);
    await createBatchRun(db, { id: 'run-1', addresses: [...urls, urls[0]!], source: `${HOST}/nb/index.html`, now: 0 });
    const clock = new FakeClock();
    const { fetch, calls } = fakeFetch(clock, Object.fromEntries(urls.map((u) => [u, [{ status: 200, delayMs: 50 }]])));
    const processed: string[] = [];
    const process = async (item: { url: string }): Promise<ProcessOutcome> => {
      processed.push(item.url);
      return { ok: true, result: { errors: 0, warnings: 1, kind: 'html' } };
    };
    const first = new BatchRunner('run-1', { store: new DexieQueueStore(db), fetch, clock, policy: DEFAULT_POLITENESS, process });
    void clock.sleep(2200).then(() => first.pause());
    expect(await clock.run(first.run())).toBe('paused');
    db.close();

    // "Browser restarted": a new handle on the same database.
    const again = openLibrary(name);
    expect((await runningBatchRuns(again)).map((r) => [r.id, r.source])).toEqual([['run-1', `${HOST}/nb/index.html`]]);
    const second = new BatchRunner('run-1', { store: new DexieQueueStore(again), fetch, clock, policy: DEFAULT_POLITENESS, process });
    expect(await clock.run(second.run())).toBe('done');
    await setBatchRunState(again, 'run-1', 'done');

    expect(processed).toEqual(urls);
    expect(calls.map((c) => c.url)).toEqual(urls);
    const items = await new DexieQueueStore(again).items('run-1');
    expect(countItems(items)).toEqual({ total: 6, done: 6, failed: 0, waiting: 0, fetching: 0, cancelled: 0 });
    expect(await runningBatchRuns(again)).toEqual([]);
    again.close();
  });

  it('retry puts only a failed item back to waiting', async () => {
    const db = openLibrary(dbName());
    const { items } = await createBatchRun(db, { id: 'r', addresses: urls.slice(0, 2), source: null, now: 0 });
    await db.batchItems.put({ ...items[0]!, state: 'failed', attempts: 3, failure: { code: 'http', status: 404, message: 'HTTP 404' } });
    expect(await retryBatchItem(db, items[0]!.id, 5)).toBe(true);
    expect(await retryBatchItem(db, items[1]!.id, 5)).toBe(false);
    const back = await db.batchItems.get(items[0]!.id);
    expect(back).toMatchObject({ state: 'waiting', attempts: 0, updatedAt: 5 });
    expect(back?.failure).toBeUndefined();
    db.close();
  });
});

describe('hierarchy marks', () => {
  it('are kept once per pair and can be removed', async () => {
    const db = openLibrary(dbName());
    await markChildAgency(db, '临江区人民政府', '临江区教育局');
    await markChildAgency(db, '临江区人民政府', '临江区教育局');
    await markChildAgency(db, '临江区人民政府', '临江区城关镇人民政府');
    await markChildAgency(db, '临江区人民政府', '临江区人民政府');
    expect((await childAgencies(db, '临江区人民政府')).sort()).toEqual(['临江区城关镇人民政府', '临江区教育局']);
    await unmarkChildAgency(db, '临江区人民政府', '临江区教育局');
    expect(await childAgencies(db, '临江区人民政府')).toEqual(['临江区城关镇人民政府']);
    db.close();
  });
});
