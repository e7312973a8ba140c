/** Summaries of repeated measurements: median with p10/p90 and min/max. */
export interface Stat {
  n: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
}

export function stat(samples: number[], digits = 3): Stat {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => {
    if (!s.length) return NaN;
    const i = (s.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return s[lo]! + (s[hi]! - s[lo]!) * (i - lo);
  };
  const r = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  return { n: s.length, median: r(q(0.5)), p10: r(q(0.1)), p90: r(q(0.9)), min: r(s[0] ?? NaN), max: r(s[s.length - 1] ?? NaN) };
}

/** Time fn() `runs` times (after `warm` untimed runs); ms per run. */
export function timeRuns(fn: () => void, runs: number, warm = 2): number[] {
  for (let i = 0; i < warm; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

export async function timeRunsAsync(fn: () => Promise<unknown>, runs: number, warm = 1): Promise<number[]> {
  for (let i = 0; i < warm; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
