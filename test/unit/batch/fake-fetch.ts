/** A scripted server: per address, a list of answers, one per attempt (the last repeats). Records every call. */

import type { FetchLike, ResponseLike } from '../../../utils/batch/polite-fetch';
import type { FakeClock } from './fake-clock';

export type Answer =
  | { status: number; type?: string; body?: string; headers?: Record<string, string>; delayMs?: number }
  | 'hang'
  | 'network-error';

export interface Call {
  url: string;
  start: number;
  end: number | null;
}

export function fakeFetch(clock: FakeClock, script: Record<string, Answer[]>) {
  const calls: Call[] = [];
  const seen = new Map<string, number>();
  const fetch: FetchLike = async (url, { signal }) => {
    const call: Call = { url, start: clock.now(), end: null };
    calls.push(call);
    const n = seen.get(url) ?? 0;
    seen.set(url, n + 1);
    const answers = script[url];
    if (!answers) throw new Error(`unexpected request to ${url}`);
    const answer = answers[Math.min(n, answers.length - 1)];
    const finish = () => (call.end = clock.now());
    if (answer === 'hang') {
      await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    }
    if (answer === 'network-error') {
      finish();
      throw new TypeError('Failed to fetch');
    }
    const a = answer as Exclude<Answer, 'hang' | 'network-error'>;
    if (a.delayMs) await clock.sleep(a.delayMs, signal);
    finish();
    const headers = new Map(Object.entries(a.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
    const response: ResponseLike = {
      status: a.status,
      ...(a.type ? { type: a.type } : {}),
      url,
      headers: { get: (name) => headers.get(name.toLowerCase()) ?? null },
      arrayBuffer: async () => new TextEncoder().encode(a.body ?? '').buffer as ArrayBuffer,
    };
    return response;
  };
  return { fetch, calls };
}
