import { describe, expect, it } from 'vitest';
import { tableRules } from '../../../utils/ocr/rules';
import { findGrids } from '../../../utils/pdf/reconstruct';

/** A blank picture (0 = paper) and pens for 1 px lines of ink (1). */
function canvas(width: number, height: number) {
  const ink = new Uint8Array(width * height);
  const h = (y: number, x0: number, x1: number) => {
    for (let x = x0; x <= x1; x++) ink[y * width + x] = 1;
  };
  const v = (x: number, y0: number, y1: number) => {
    for (let y = y0; y <= y1; y++) ink[y * width + x] = 1;
  };
  return { ink, width, height, h, v };
}

const at = (rules: { dir: string; at: number }[], dir: 'h' | 'v') =>
  rules
    .filter((r) => r.dir === dir)
    .map((r) => Math.round(r.at))
    .sort((a, b) => a - b);

describe('tableRules: a table’s ruling lines, not the strokes of its text', () => {
  it('keeps a 3 × 3 ruled grid and none of the 口-shaped boxes of strokes drawn in its cells', () => {
    // Rows 40 px apart, columns 100 px apart; in each cell a box of strokes 30 × 20 px (口, or 一 over 一
    // joined by two short strokes), as on a scanned page: long enough to pass for rules on their own.
    const c = canvas(340, 160);
    for (const y of [20, 60, 100, 140]) c.h(y, 20, 320);
    for (const x of [20, 120, 220, 320]) c.v(x, 20, 140);
    for (const row of [20, 60, 100]) {
      for (const col of [20, 120, 220]) {
        const x0 = col + 30;
        const y0 = row + 10;
        c.h(y0, x0, x0 + 30);
        c.h(y0 + 20, x0, x0 + 30);
        c.v(x0, y0, y0 + 20);
        c.v(x0 + 30, y0, y0 + 20);
      }
    }
    const { rules, rowPitch } = tableRules(c.ink, c.width, c.height);
    expect(rowPitch).toBe(40);
    expect(at(rules, 'h')).toEqual([21, 61, 101, 141]);
    expect(at(rules, 'v')).toEqual([21, 121, 221, 321]);
  });

  it('keeps a table cut by the top of the picture (a scanned page after a page break): its verticals run off the page', () => {
    // No rule along the top: the first row is the end of a row begun on the previous page.
    const c = canvas(340, 130);
    for (const y of [30, 70, 110]) c.h(y, 20, 320);
    for (const x of [20, 120, 220, 320]) c.v(x, 0, 110);
    const { rules } = tableRules(c.ink, c.width, c.height);
    expect(at(rules, 'v')).toEqual([21, 121, 221, 321]);
    expect(at(rules, 'h')).toEqual([31, 71, 111]);
    const page = { page: 1, width: c.width, height: c.height, runs: [], rules, images: 1, picture: { image: 1, rotation: 0 } };
    const grids = findGrids(page);
    expect(grids).toHaveLength(1);
    // Three rows: the cut one (from the page's top to the first rule) and two whole ones.
    expect(grids[0]!.ys.map(Math.round)).toEqual([0, 31, 71, 111]);
  });
});
