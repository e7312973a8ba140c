import { describe, expect, it } from 'vitest';
import { DEFAULT_POLITENESS, HostGate, type Politeness, parseRetryAfter, politeFetch } from '../../../utils/batch/polite-fetch';
import { FakeClock } from './fake-clock';
import { fakeFetch } from './fake-fetch';

const A = 'http://www.example.gov.cn/nb/a.html';
const B = 'http://www.example.gov.cn/nb/b.html';

function setup(script: Parameters<typeof fakeFetch>[1], policy: Partial<Politeness> = {}) {
  const clock = new FakeClock();
  const { fetch, calls } = fakeFetch(clock, script);
  const full = { ...DEFAULT_POLITENESS, ...policy };
  const gate = new HostGate(clock, () => full.minIntervalMs);
  const get = (url: string, signal?: AbortSignal) => politeFetch(url, { fetch, clock, gate, policy: full, signal });
  return { clock, calls, get };
}

describe('politeFetch', () => {
  it('returns the body, status and content type of a 200', async () => {
    const { clock, get } = setup({ [A]: [{ status: 200, body: 'hi', headers: { 'Content-Type': 'text/html' } }] });
    const out = await clock.run(get(A));
    expect(out.ok && new TextDecoder().decode(out.bytes)).toBe('hi');
    expect(out).toMatchObject({ ok: true, status: 200, contentType: 'text/html', attempts: 1, finalUrl: A });
  });

  it('keeps one request at a time per host, the next starting 1 s after the last ended', async () => {
    const { clock, calls, get } = setup({ [A]: [{ status: 200, delayMs: 300 }], [B]: [{ status: 200, delayMs: 300 }] });
    await clock.run(Promise.all([get(A), get(B)]));
    expect(calls.map((c) => [c.url, c.start, c.end])).toEqual([
      [A, 0, 300],
      [B, 1300, 1600],
    ]);
  });

  it('does not hold back a different host', async () => {
    const other = 'http://www.other.gov.cn/x.html';
    const { clock, calls, get } = setup({ [A]: [{ status: 200, delayMs: 300 }], [other]: [{ status: 200 }] });
    await clock.run(Promise.all([get(A), get(other)]));
    expect(calls.map((c) => c.start)).toEqual([0, 0]);
  });

  it('retries a 500 with back-off 2 s then 4 s, and gives up after three attempts', async () => {
    const { clock, calls, get } = setup({ [A]: [{ status: 500 }] });
    const out = await clock.run(get(A));
    expect(out).toEqual({ ok: false, code: 'http', status: 500, message: 'HTTP 500', attempts: 3 });
    expect(calls.map((c) => c.start)).toEqual([0, 2000, 6000]);
  });

  it("does not follow a redirect, readable (302 + Location) or opaque (a browser's redirect: manual), nor retry it", async () => {
    const { clock, calls, get } = setup({
      [A]: [{ status: 302, headers: { Location: 'http://www.example.com/elsewhere.html' } }],
      [B]: [{ status: 0, type: 'opaqueredirect' }],
    });
    expect(await clock.run(get(A))).toEqual({
      ok: false,
      code: 'redirect',
      status: 302,
      message: 'redirected to http://www.example.com/elsewhere.html',
      attempts: 1,
    });
    expect(await clock.run(get(B))).toEqual({ ok: false, code: 'redirect', message: 'redirected', attempts: 1 });
    expect(calls.map((c) => c.url)).toEqual([A, B]);
  });

  it('does not retry a 404', async () => {
    const { clock, calls, get } = setup({ [A]: [{ status: 404 }] });
    const out = await clock.run(get(A));
    expect(out).toMatchObject({ ok: false, code: 'http', status: 404, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('honours Retry-After in seconds, for the retried address and for the rest of the host', async () => {
    const { clock, calls, get } = setup({
      [A]: [{ status: 503, headers: { 'Retry-After': '7' } }, { status: 200 }],
      [B]: [{ status: 200 }],
    });
    const [a, b] = await clock.run(Promise.all([get(A), get(B)]));
    expect(a).toMatchObject({ ok: true, attempts: 2 });
    expect(b).toMatchObject({ ok: true, attempts: 1 });
    // B queued behind A's first attempt: it may not start before the 7 s the server asked for.
    expect(calls.map((c) => [c.url, c.start])).toEqual([
      [A, 0],
      [B, 7000],
      [A, 8000],
    ]);
  });

  it('fails rather than wait for a Retry-After beyond the limit', async () => {
    const { clock, get } = setup({ [A]: [{ status: 429, headers: { 'Retry-After': '3600' } }] });
    const out = await clock.run(get(A));
    expect(out).toMatchObject({ ok: false, code: 'retry-after-too-long', status: 429, attempts: 1 });
  });

  it('times out a request that never answers, retrying with back-off', async () => {
    const { clock, calls, get } = setup({ [A]: ['hang'] }, { timeoutMs: 10_000, maxAttempts: 2 });
    const out = await clock.run(get(A));
    expect(out).toMatchObject({ ok: false, code: 'timeout', attempts: 2 });
    expect(calls.map((c) => c.start)).toEqual([0, 12_000]);
    expect(clock.now()).toBe(22_000);
  });

  it('retries a network error and succeeds', async () => {
    const { clock, get } = setup({ [A]: ['network-error', { status: 200, body: 'ok' }] });
    expect(await clock.run(get(A))).toMatchObject({ ok: true, attempts: 2 });
  });

  it('refuses a body larger than the limit', async () => {
    const { clock, get } = setup({ [A]: [{ status: 200, body: 'x'.repeat(20) }] }, { maxBytes: 10 });
    expect(await clock.run(get(A))).toMatchObject({ ok: false, code: 'too-large', attempts: 1 });
  });

  it('stops at once when cancelled mid-request', async () => {
    const { clock, get } = setup({ [A]: ['hang'] });
    const controller = new AbortController();
    const pending = get(A, controller.signal);
    void clock.sleep(5000).then(() => controller.abort(new Error('cancel')));
    const out = await clock.run(pending);
    expect(out).toMatchObject({ ok: false, code: 'cancelled' });
    expect(clock.now()).toBe(5000);
  });

  it('with the interval set to 0, requests to one host follow each other without a gap', async () => {
    const { clock, calls, get } = setup({ [A]: [{ status: 200, delayMs: 10 }], [B]: [{ status: 200, delayMs: 10 }] }, { minIntervalMs: 0 });
    await clock.run(Promise.all([get(A), get(B)]));
    expect(calls.map((c) => c.start)).toEqual([0, 10]);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    const now = Date.UTC(2026, 10, 30, 12, 0, 0);
    expect(parseRetryAfter('Mon, 30 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
