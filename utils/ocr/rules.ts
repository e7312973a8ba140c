/**
 * A table picture's ruling lines: long horizontal and vertical runs of ink in the straightened,
 * binarised picture, returned as the same rules pdf.js's operator list gives for a PDF (PdfRule), so
 * that utils/pdf/reconstruct.ts finds the grid and its spanned cells the one way it knows.
 */
import type { PdfRule } from '../pdf/types';

export interface RuleOptions {
  /** Shortest horizontal rule, in pixels. */
  minH: number;
  /** Shortest vertical rule, in pixels. */
  minV: number;
  /** Gaps of up to this many pixels inside a rule are bridged (JPEG noise, a faint pixel). */
  maxGap?: number;
  /** Thicker runs are not rules (a bold stroke, a smear); default 6 px. */
  maxThickness?: number;
}

interface Segment {
  at: number;
  from: number;
  to: number;
}

/** Runs of ink at least `min` long along one axis, each row (or column) on its own. */
function runs(ink: Uint8Array, width: number, height: number, dir: 'h' | 'v', min: number, maxGap: number): Segment[] {
  const out: Segment[] = [];
  const lines = dir === 'h' ? height : width;
  const length = dir === 'h' ? width : height;
  for (let a = 0; a < lines; a++) {
    let start = -1;
    let last = -1;
    for (let b = 0; b <= length; b++) {
      const on = b < length && ink[dir === 'h' ? a * width + b : b * width + a] === 1;
      if (on) {
        if (start < 0 || b - last - 1 > maxGap) {
          if (start >= 0 && last - start + 1 >= min) out.push({ at: a, from: start, to: last + 1 });
          start = b;
        }
        last = b;
      }
    }
    if (start >= 0 && last - start + 1 >= min) out.push({ at: a, from: start, to: last + 1 });
  }
  return out;
}

/**
 * Adjacent rows (a rule 2–3 px thick, or one smeared by blur) holding overlapping runs are one rule,
 * at their middle; `thickness` is how many rows it took.
 */
function merge(segments: Segment[], dir: 'h' | 'v'): (PdfRule & { thickness: number })[] {
  const sorted = [...segments].sort((a, b) => a.at - b.at || a.from - b.from);
  const groups: { segs: Segment[]; last: number; from: number; to: number }[] = [];
  for (const s of sorted) {
    const g = groups.find((g) => s.at - g.last <= 1 && s.from < g.to && s.to > g.from);
    if (g) {
      g.segs.push(s);
      g.last = s.at;
      g.from = Math.min(g.from, s.from);
      g.to = Math.max(g.to, s.to);
    } else groups.push({ segs: [s], last: s.at, from: s.from, to: s.to });
  }
  return groups.map((g) => {
    const ats = g.segs.map((s) => s.at);
    const lo = Math.min(...ats);
    const hi = Math.max(...ats);
    return { dir, at: (lo + hi + 1) / 2, from: g.from, to: g.to, thickness: hi - lo + 1 };
  });
}

/** Rules found in the picture (pixel coordinates), with their thickness (to keep cell crops clear of them). */
export function findRules(ink: Uint8Array, width: number, height: number, options: RuleOptions): (PdfRule & { thickness: number })[] {
  const maxGap = options.maxGap ?? 2;
  const h = merge(runs(ink, width, height, 'h', options.minH, maxGap), 'h');
  const v = merge(runs(ink, width, height, 'v', options.minV, maxGap), 'v');
  // A thick smear of text (a bold 一 run long) is not a rule; rules are thin.
  return [...h, ...v].filter((r) => r.thickness <= (options.maxThickness ?? 6));
}

/** Ink of the rules taken out (so a cell's ink is its text only). */
export function eraseRules(
  ink: Uint8Array,
  width: number,
  height: number,
  rules: (PdfRule & { thickness: number })[],
  pad = 1,
): Uint8Array {
  const out = ink.slice();
  for (const r of rules) {
    const half = r.thickness / 2 + pad;
    const a0 = Math.max(0, Math.floor(r.at - half));
    const a1 = Math.min(r.dir === 'h' ? height : width, Math.ceil(r.at + half));
    for (let a = a0; a < a1; a++) {
      for (let b = Math.max(0, r.from - pad); b < Math.min(r.dir === 'h' ? width : height, r.to + pad); b++) {
        out[r.dir === 'h' ? a * width + b : b * width + a] = 0;
      }
    }
  }
  return out;
}
