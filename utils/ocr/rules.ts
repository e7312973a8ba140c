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

export interface TableRules {
  rules: (PdfRule & { thickness: number })[];
  /** The usual distance between a table's horizontal rules (a row's height), px; 0 when none was found. */
  rowPitch: number;
}

/** How near the picture's border a rule's end may stop and still count as ending on something, px. */
const EDGE = 3;

/**
 * The ruling lines of the tables in a picture: horizontals first (longer than any character), then
 * verticals longer than most of a row that run from one horizontal rule to another, then the horizontals
 * that end on verticals. Text passes none of this: a stroke of 一 or 二 (or strokes of neighbouring
 * characters that JPEG noise and blur join) is a character or a few long and ends in the middle of a
 * cell; a digit 1 or a stroke of 十 touches no rule.
 *
 * The row pitch, which sets how long a vertical must be, is taken from the long horizontals only (at least
 * a quarter of the longest): on a scanned page the text strokes far outnumber a table's rules, and their
 * spacing (a line's strokes a few px apart) made verticals as short as a digit count.
 *
 * A rule may also end at the picture's border: a scanned page cuts a table at the page break (its top or
 * bottom row has no rule of its own, only verticals running off the page), and a screenshot may be cropped
 * through a table. findGrids (utils/pdf/reconstruct.ts) closes such a row.
 */
export function tableRules(ink: Uint8Array, width: number, height: number): TableRules {
  const minH = Math.max(24, Math.round(0.03 * width));
  const horizontals = findRules(ink, width, height, { minH, minV: height + 1 }).filter((r) => r.dir === 'h');
  const longest = Math.max(0, ...horizontals.map((h) => h.to - h.from));
  const long = horizontals.filter((h) => h.to - h.from >= Math.max(minH, 0.25 * longest));
  const ys = [...new Set(long.map((r) => Math.round(r.at)))].sort((a, b) => a - b);
  const pitches = ys
    .slice(1)
    .map((y, i) => y - ys[i]!)
    .filter((d) => d > 8)
    .sort((a, b) => a - b);
  const rowPitch = pitches.length ? pitches[Math.floor(pitches.length / 4)]! : 0;
  if (!rowPitch) return { rules: [], rowPitch: 0 };
  const onHorizontal = (x: number, y: number) =>
    y <= EDGE ||
    y >= height - 1 - EDGE ||
    horizontals.some((h) => Math.abs(h.at - y) <= h.thickness / 2 + 3 && x >= h.from - 3 && x <= h.to + 3);
  const verticals = findRules(ink, width, height, { minH: width + 1, minV: Math.max(10, Math.round(0.6 * rowPitch)) }).filter(
    (r) => r.dir === 'v' && onHorizontal(r.at, r.from) && onHorizontal(r.at, r.to - 1),
  );
  // Blurred text smears strokes of neighbouring characters into runs as long as a narrow cell, but they
  // end in the middle of a cell; a rule ends on a vertical (or at the border, where a crop cut it).
  const onVertical = (x: number, y: number) =>
    x <= EDGE ||
    x >= width - 1 - EDGE ||
    verticals.some((v) => Math.abs(v.at - x) <= v.thickness / 2 + 3 && y >= v.from - 3 && y <= v.to + 3);
  const kept = horizontals.filter((h) => onVertical(h.from, h.at) && onVertical(h.to - 1, h.at));
  // A vertical between two text strokes (a 丨 in a cell whose strokes passed as rules) is dropped with
  // them: it must still end on horizontals that were kept.
  const onKept = (x: number, y: number) =>
    y <= EDGE || y >= height - 1 - EDGE || kept.some((h) => Math.abs(h.at - y) <= h.thickness / 2 + 3 && x >= h.from - 3 && x <= h.to + 3);
  return { rules: [...kept, ...verticals.filter((v) => onKept(v.at, v.from) && onKept(v.at, v.to - 1))], rowPitch };
}
