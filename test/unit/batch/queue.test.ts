import { describe, expect, it } from 'vitest';
import { DEFAULT_POLITENESS } from '../../../utils/batch/polite-fetch';
import {
  type BatchItem,
  BatchRunner,
  countItems,
  type ProcessOutcome,
  parseAddressList,
  planItems,
  type QueueStore,
  retryItem,
} from '../../../utils/batch/queue';
import { FakeClock } from './fake-clock';
import { type Answer, fakeFetch } from './fake-fetch';

const HOST = 'http://www.example.gov.cn';

class MemoryStore implements QueueStore {
  readonly rows = new Map<string, BatchItem>();
  async items(runId: string) {
    return [...this.rows.values()].filter((i) => i.runId === runId).map((i) => ({ ...i }));
  }
  async putItem(item: BatchItem) {
    this.rows.set(item.id, { ...item });
  }
}

function setup(script: Record<string, Answer[]>, addresses = Object.keys(script)) {
  const clock = new FakeClock();
  const { fetch, calls } = fakeFetch(clock, script);
  const store = new MemoryStore();
  for (const item of planItems('r1', addresses, 0)) void store.putItem(item);
  const processed: string[] = [];
  const process = async (item: BatchItem): Promise<ProcessOutcome> => {
    processed.push(item.url);
    if (item.url.endsWith('news.html')) return { ok: false, failure: { code: 'not-a-report', message: 'not a report' } };
    return { ok: true, result: { errors: 1, warnings: 2, kind: 'html' } };
  };
  const runner = (policy = DEFAULT_POLITENESS) => new BatchRunner('r1', { store, fetch, clock, policy, process });
  return { clock, calls, store, processed, runner };
}

describe('planning', () => {
  it('drops duplicates (fragments ignored), non-web addresses and junk, keeping order', () => {
    const items = planItems(
      'r',
      [`${HOST}/a.html`, `${HOST}/b.html#top`, `${HOST}/a.html#x`, 'javascript:void(0)', 'mailto:x@y.cn', `${HOST}/b.html`],
      5,
    );
    expect(items.map((i) => [i.id, i.url, i.state])).toEqual([
      ['r 0', `${HOST}/a.html`, 'waiting'],
      ['r 1', `${HOST}/b.html`, 'waiting'],
    ]);
  });

  it('reads a pasted list of addresses, one a line or separated by commas', () => {
    const text = `${HOST}/a.html\n  ${HOST}/b.pdf ，${HOST}/c.html\n\nnot an address\n${HOST}/a.html`;
    expect(parseAddressList(text)).toEqual([`${HOST}/a.html`, `${HOST}/b.pdf`, `${HOST}/c.html`]);
  });
});

describe('BatchRunner', () => {
  it('checks what it can, lists failures with their reasons, and counts them', async () => {
    const { clock, store, runner } = setup({
      [`${HOST}/1.html`]: [{ status: 200 }],
      [`${HOST}/2.html`]: [{ status: 404 }],
      [`${HOST}/news.html`]: [{ status: 200 }],
      [`${HOST}/3.html`]: [{ status: 200 }],
    });
    expect(await clock.run(runner().run())).toBe('done');
    const items = await store.items('r1');
    expect(countItems(items)).toEqual({ total: 4, done: 2, failed: 2, waiting: 0, fetching: 0, cancelled: 0 });
    const failed = items.filter((i) => i.state === 'failed').map((i) => [i.url, i.failure?.code, i.failure?.status]);
    expect(failed).toEqual([
      [`${HOST}/2.html`, 'http', 404],
      [`${HOST}/news.html`, 'not-a-report', undefined],
    ]);
    expect(items.find((i) => i.url.endsWith('1.html'))?.result).toEqual({ errors: 1, warnings: 2, kind: 'html' });
  });

  it('fetches two hosts side by side, each at its own pace', async () => {
    const other = 'http://www.other.gov.cn';
    const { clock, calls, runner } = setup({
      [`${HOST}/1.html`]: [{ status: 200 }],
      [`${HOST}/2.html`]: [{ status: 200 }],
      [`${other}/1.html`]: [{ status: 200 }],
      [`${other}/2.html`]: [{ status: 200 }],
    });
    await clock.run(runner().run());
    expect(calls.map((c) => [c.url.replace(/^http:\/\/www\.|\.gov\.cn/g, ''), c.start])).toEqual([
      ['example/1.html', 0],
      ['other/1.html', 0],
      ['example/2.html', 1000],
      ['other/2.html', 1000],
    ]);
  });

  it('resumes after an interruption without fetching or processing a finished item again', async () => {
    const script = {
      [`${HOST}/1.html`]: [{ status: 200 }],
      [`${HOST}/2.html`]: [{ status: 200 }],
      [`${HOST}/3.html`]: [{ status: 200 }],
    };
    const { clock, calls, store, processed, runner } = setup(script);
    // As left by a service worker stopped mid-run: 1 checked, 2 in flight, 3 not started.
    const [one, two] = await store.items('r1');
    await store.putItem({ ...one, state: 'checked', attempts: 1, result: { errors: 0, warnings: 0, kind: 'html' } });
    await store.putItem({ ...two, state: 'fetching', attempts: 1 });
    expect(await clock.run(runner().run())).toBe('done');
    expect(calls.map((c) => c.url)).toEqual([`${HOST}/2.html`, `${HOST}/3.html`]);
    expect(processed).toEqual([`${HOST}/2.html`, `${HOST}/3.html`]);
    const items = await store.items('r1');
    expect(items.map((i) => [i.state, i.attempts])).toEqual([
      ['checked', 1],
      ['checked', 2],
      ['checked', 1],
    ]);
  });

  it('pauses between items and a new runner resumes: every address processed exactly once', async () => {
    const urls = Array.from({ length: 5 }, (_, i) => `${HOST}/${i}.html`);
    const { clock, processed, store, runner } = setup(Object.fromEntries(urls.map((u) => [u, [{ status: 200, delayMs: 100 }]])));
    const first = runner();
    void clock.sleep(2500).then(() => first.pause());
    expect(await clock.run(first.run())).toBe('paused');
    const midway = countItems(await store.items('r1'));
    expect(midway.done).toBeGreaterThan(0);
    expect(midway.done).toBeLessThan(5);
    expect(midway.fetching).toBe(0);
    expect(await clock.run(runner().run())).toBe('done');
    expect(processed).toEqual(urls);
  });

  it('cancel stops the run and marks what was left cancelled', async () => {
    const urls = Array.from({ length: 4 }, (_, i) => `${HOST}/${i}.html`);
    const { clock, store, runner } = setup(Object.fromEntries(urls.map((u) => [u, ['hang' as const]])));
    const r = runner();
    void clock.sleep(1000).then(() => r.cancel());
    expect(await clock.run(r.run())).toBe('cancelled');
    expect(countItems(await store.items('r1'))).toMatchObject({ total: 4, cancelled: 4, done: 0, failed: 0 });
  });

  it('a processing error fails the item with its message; retry puts it back to waiting', async () => {
    const clock = new FakeClock();
    const { fetch } = fakeFetch(clock, { [`${HOST}/1.html`]: [{ status: 200 }] });
    const store = new MemoryStore();
    for (const item of planItems('r1', [`${HOST}/1.html`], 0)) await store.putItem(item);
    const process = async (): Promise<ProcessOutcome> => {
      throw new Error('no table');
    };
    await clock.run(new BatchRunner('r1', { store, fetch, clock, policy: DEFAULT_POLITENESS, process }).run());
    const [item] = await store.items('r1');
    expect(item).toMatchObject({ state: 'failed', attempts: 1, failure: { code: 'parse-error', message: 'no table' } });
    const again = retryItem(item, 9);
    expect(again).toMatchObject({ state: 'waiting', attempts: 0, updatedAt: 9 });
    expect(again.failure).toBeUndefined();
  });
});
