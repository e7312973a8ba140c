/** A virtual clock: sleeps resolve only when the test lets time pass, so politeness runs in no real time. */
import type { Clock } from '../../../utils/batch/polite-fetch';

interface Timer {
  at: number;
  resolve: () => void;
  reject: (reason: unknown) => void;
  done: boolean;
}

export class FakeClock implements Clock {
  time = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = { at: this.time + Math.max(0, ms), resolve, reject, done: false };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          if (timer.done) return;
          timer.done = true;
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** Lets the promise settle, advancing virtual time to the next timer whenever nothing else can move. */
  async run<T>(promise: Promise<T>, limitMs = 24 * 3600_000): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
      if (settled) return promise;
      this.timers = this.timers.filter((t) => !t.done);
      if (this.timers.length === 0) throw new Error('deadlock: nothing pending and the promise is unsettled');
      const next = this.timers.reduce((a, b) => (b.at < a.at ? b : a));
      if (next.at > limitMs) throw new Error('virtual time limit passed');
      this.time = Math.max(this.time, next.at);
      next.done = true;
      next.resolve();
    }
  }
}
