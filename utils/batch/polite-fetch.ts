/**
 * Fetching as a polite crawler: one request at a time per host, a minimum interval between requests to the
 * same host, a timeout per attempt, retries with exponential back-off for transient failures, and the
 * server's Retry-After honoured (it also holds back every other request to that host).
 * Clock and fetch are injected so the whole policy runs under a fake clock in tests.
 */

export interface Politeness {
  /** Gap between the end of one request to a host and the start of the next (ms). 0 turns it off. */
  minIntervalMs: number;
  /** One attempt's limit, headers and body together (ms). */
  timeoutMs: number;
  /** Attempts per address, the first included. */
  maxAttempts: number;
  /** First back-off delay; doubles per attempt (ms). */
  backoffMs: number;
  backoffMaxMs: number;
  /** A Retry-After longer than this is not waited for: the item fails (ms). */
  retryAfterMaxMs: number;
  /** Bodies larger than this are refused (bytes). */
  maxBytes: number;
}

export const DEFAULT_POLITENESS: Politeness = {
  minIntervalMs: 1000,
  timeoutMs: 30_000,
  maxAttempts: 3,
  backoffMs: 2000,
  backoffMaxMs: 60_000,
  retryAfterMaxMs: 5 * 60_000,
  maxBytes: 50 * 1024 * 1024,
};

export interface Clock {
  now(): number;
  /** Resolves after ms; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** The part of a fetch Response the batch reads. */
export interface ResponseLike {
  status: number;
  /** 'opaqueredirect' for a redirect not followed (fetch with redirect: 'manual'). */
  type?: string;
  url?: string;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}
export type FetchLike = (url: string, init: { signal: AbortSignal }) => Promise<ResponseLike>;

export type FailureCode = 'http' | 'redirect' | 'timeout' | 'network' | 'too-large' | 'retry-after-too-long' | 'cancelled';

interface FetchFailure {
  ok: false;
  code: FailureCode;
  /** HTTP status for code 'http' (and for a too-long Retry-After). */
  status?: number;
  message: string;
  attempts: number;
}

export interface FetchSuccess {
  ok: true;
  status: number;
  /** The address after redirects. */
  finalUrl: string;
  contentType: string | null;
  bytes: Uint8Array;
  attempts: number;
}

export type FetchOutcome = FetchSuccess | FetchFailure;

/** Statuses worth another attempt: the server is busy or briefly broken. */
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

/** Retry-After as a delay in ms: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

function backoffDelay(policy: Politeness, attempt: number): number {
  return Math.min(policy.backoffMaxMs, policy.backoffMs * 2 ** (attempt - 1));
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/**
 * One lane per host: acquire() waits until no request to the host is in flight and the interval since the
 * last one has passed; release() records when it ended and any extra hold the server asked for.
 */
export class HostGate {
  private readonly lanes = new Map<string, { busy: boolean; nextAt: number; waiters: Array<() => void> }>();

  constructor(
    private readonly clock: Clock,
    private readonly minIntervalMs: () => number,
  ) {}

  private lane(host: string) {
    let lane = this.lanes.get(host);
    if (!lane) {
      lane = { busy: false, nextAt: 0, waiters: [] };
      this.lanes.set(host, lane);
    }
    return lane;
  }

  /** Resolves when the caller owns the host's lane and may send; FIFO, ownership handed over on release. */
  async acquire(host: string, signal?: AbortSignal): Promise<void> {
    const lane = this.lane(host);
    if (lane.busy) await new Promise<void>((resolve) => lane.waiters.push(resolve));
    else lane.busy = true;
    try {
      if (signal?.aborted) throw signal.reason;
      for (let wait = lane.nextAt - this.clock.now(); wait > 0; wait = lane.nextAt - this.clock.now()) {
        await this.clock.sleep(wait, signal);
      }
    } catch (error) {
      this.handOver(lane);
      throw error;
    }
  }

  /** holdMs: extra time the host is left alone (back-off, Retry-After), counted from now. */
  release(host: string, holdMs = 0): void {
    const lane = this.lane(host);
    const now = this.clock.now();
    lane.nextAt = Math.max(lane.nextAt, now + this.minIntervalMs(), now + holdMs);
    this.handOver(lane);
  }

  private handOver(lane: { busy: boolean; waiters: Array<() => void> }) {
    const next = lane.waiters.shift();
    if (next) next();
    else lane.busy = false;
  }
}

export interface PoliteFetchDeps {
  fetch: FetchLike;
  clock: Clock;
  gate: HostGate;
  policy: Politeness;
  /** Cancels waiting and the request in flight. */
  signal?: AbortSignal;
  /** Told before each attempt (1-based), e.g. to show "fetching" and persist the attempt count. */
  onAttempt?: (attempt: number) => void;
}

class TimeoutError extends Error {}

/** Fetches one address under the policy. Never throws: every end is an outcome. */
export async function politeFetch(url: string, deps: PoliteFetchDeps): Promise<FetchOutcome> {
  const { policy, gate } = deps;
  const host = hostOf(url);
  let attempt = 0;
  for (;;) {
    attempt++;
    if (deps.signal?.aborted) return cancelled(attempt - 1);
    try {
      await gate.acquire(host, deps.signal);
    } catch {
      return cancelled(attempt - 1);
    }
    let hold = 0;
    let failure: FetchFailure | null = null;
    try {
      deps.onAttempt?.(attempt);
      const result = await attemptOnce(url, deps);
      if (result.ok) return { ...result, attempts: attempt };
      failure = { ...result.failure, attempts: attempt };
      if (!result.retryable || attempt >= policy.maxAttempts) return failure;
      hold = backoffDelay(policy, attempt);
      if (result.retryAfterMs !== null) {
        if (result.retryAfterMs > policy.retryAfterMaxMs) {
          hold = policy.retryAfterMaxMs;
          return {
            ...failure,
            code: 'retry-after-too-long',
            message: `Retry-After ${Math.round(result.retryAfterMs / 1000)} s exceeds the ${Math.round(policy.retryAfterMaxMs / 1000)} s limit`,
          };
        }
        hold = Math.max(hold, result.retryAfterMs);
      }
    } finally {
      gate.release(host, hold);
    }
  }

  function cancelled(attempts: number): FetchFailure {
    return { ok: false, code: 'cancelled', message: 'cancelled', attempts };
  }
}

type AttemptResult =
  | (Omit<FetchSuccess, 'attempts'> & { ok: true })
  | { ok: false; failure: Omit<FetchFailure, 'attempts'>; retryable: boolean; retryAfterMs: number | null };

async function attemptOnce(url: string, deps: PoliteFetchDeps): Promise<AttemptResult> {
  const { clock, policy } = deps;
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(deps.signal?.reason);
  deps.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const timer = new AbortController();
  let timedOut = false;
  // The timeout runs on the injected clock, so tests can advance it instead of waiting.
  const timeout = clock.sleep(policy.timeoutMs, timer.signal).then(
    () => {
      timedOut = true;
      controller.abort(new TimeoutError('timeout'));
      throw new TimeoutError('timeout');
    },
    () => new Promise<never>(() => {}),
  );
  try {
    const work = (async () => {
      const response = await deps.fetch(url, { signal: controller.signal });
      const declared = Number(response.headers.get('content-length'));
      if (declared > policy.maxBytes) return { response, bytes: null };
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { response, bytes: bytes.byteLength > policy.maxBytes ? null : bytes };
    })();
    work.catch(() => {}); // when the timeout wins, the late rejection is expected and ignored
    const { response, bytes } = await Promise.race([work, timeout]);
    // Redirects are not followed: a browser hides where an unfollowed redirect points, and following it
    // blind could send a request to a site the user never listed.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      const location = response.headers.get('location');
      return {
        ok: false,
        failure: {
          ok: false,
          code: 'redirect',
          ...(response.status ? { status: response.status } : {}),
          message: location ? `redirected to ${location}` : 'redirected',
        },
        retryable: false,
        retryAfterMs: null,
      };
    }
    if (response.status < 200 || response.status >= 300) {
      return {
        ok: false,
        failure: { ok: false, code: 'http', status: response.status, message: `HTTP ${response.status}` },
        retryable: RETRYABLE.has(response.status),
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), clock.now()),
      };
    }
    if (!bytes) {
      return {
        ok: false,
        failure: { ok: false, code: 'too-large', message: `larger than ${policy.maxBytes} bytes` },
        retryable: false,
        retryAfterMs: null,
      };
    }
    return {
      ok: true,
      status: response.status,
      finalUrl: response.url || url,
      contentType: response.headers.get('content-type'),
      bytes,
    };
  } catch (error) {
    if (deps.signal?.aborted) {
      return { ok: false, failure: { ok: false, code: 'cancelled', message: 'cancelled' }, retryable: false, retryAfterMs: null };
    }
    if (timedOut || error instanceof TimeoutError) {
      return {
        ok: false,
        failure: { ok: false, code: 'timeout', message: `no answer within ${Math.round(policy.timeoutMs / 1000)} s` },
        retryable: true,
        retryAfterMs: null,
      };
    }
    return {
      ok: false,
      failure: { ok: false, code: 'network', message: error instanceof Error ? error.message : String(error) },
      retryable: true,
      retryAfterMs: null,
    };
  } finally {
    timer.abort();
    deps.signal?.removeEventListener('abort', onOuterAbort);
  }
}
