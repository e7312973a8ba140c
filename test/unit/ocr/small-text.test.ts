import { describe, expect, it } from 'vitest';
import { SMALL_TEXT_PX, smallTextRegions } from '../../../utils/ocr';
import type { Rect } from '../../../utils/ocr/image';

/** A row of `n` boxes `h` high at `y`, from x = 40, one every 30 px (a table row's digits). */
const row = (y: number, n: number, h: number): Rect[] => Array.from({ length: n }, (_, i) => ({ x: 40 + 30 * i, y, w: 10, h }));

// A page at 1.5 px per point (894 × 1265 px, as a scan is rendered for OCR).
const W = 894;
const H = 1265;

describe('smallTextRegions', () => {
  it('finds a block of small text (a table pasted small) as the page width around its lines', () => {
    const prose = [0, 1, 2].map((i) => ({ x: 30, y: 100 + 24 * i, w: 800, h: 18 }));
    const table = [...row(400, 8, 9), ...row(410, 8, 9), ...row(420, 8, 10)];
    const blocks = smallTextRegions([...prose, ...table], SMALL_TEXT_PX, W, H);
    expect(blocks).toHaveLength(1);
    // Lines 400–430, a small line (12 px) above and below, the whole width.
    expect(blocks[0]!.region).toEqual({ x: 0, y: 388, w: W, h: 54 });
    expect(blocks[0]!.textHeight).toBe(9);
  });

  it('finds nothing on a page of text of ordinary size, and not a few small boxes (a footnote, a page number)', () => {
    const prose = Array.from({ length: 30 }, (_, i) => ({ x: 30, y: 100 + 24 * i, w: 800, h: 18 }));
    expect(smallTextRegions(prose, SMALL_TEXT_PX, W, H)).toEqual([]);
    expect(smallTextRegions([...prose, ...row(1200, 5, 9)], SMALL_TEXT_PX, W, H)).toEqual([]);
  });

  it('keeps two tables far apart as two blocks, and joins blocks whose regions overlap', () => {
    const apart = smallTextRegions([...row(200, 12, 9), ...row(800, 12, 9)], SMALL_TEXT_PX, W, H);
    expect(apart.map((b) => b.region.y)).toEqual([188, 788]);
    // Two groups on the same lines 220 px apart (not linked), whose page-wide regions overlap: one block.
    const right = Array.from({ length: 12 }, (_, i) => ({ x: 600 + 20 * i, y: 205, w: 10, h: 9 }));
    const beside = smallTextRegions([...row(200, 12, 9), ...right], SMALL_TEXT_PX, W, H);
    expect(beside.map((b) => b.region)).toEqual([{ x: 0, y: 188, w: W, h: 38 }]);
  });

  it('measures small text in the picture given (a page read scaled up twice: the limit twice as high)', () => {
    const blocks = smallTextRegions(row(400, 12, 18), 2 * SMALL_TEXT_PX, 2 * W, 2 * H);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.region).toEqual({ x: 0, y: 376, w: 2 * W, h: 66 });
  });
});
