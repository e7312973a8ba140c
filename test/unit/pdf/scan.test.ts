/** utils/pdf/scan.ts: a page read from a picture rendered at 1.5 px/pt comes back in points (Node and browser share it). */
import { describe, expect, it } from 'vitest';
import { SCAN_SCALE, scanToPoints } from '../../../utils/pdf/scan';
import type { PdfPageInput } from '../../../utils/pdf/types';

const pixels: PdfPageInput = {
  page: 2,
  width: 893,
  height: 1263,
  images: 1,
  picture: { image: 2, rotation: 0.4 },
  runs: [{ str: '本年新收政府信息公开申请数量', x: 150, y: 300, w: 420, h: 30, index: 0, confidence: 0.97 }],
  rules: [
    { dir: 'h', at: 450, from: 90, to: 810 },
    { dir: 'v', at: 90, from: 450, to: 1200 },
  ],
};

describe('scanToPoints', () => {
  it('renders at 1.5 pixels per point (12 pt text is 18 px high)', () => {
    expect(SCAN_SCALE).toBe(1.5);
  });

  it('divides every length by the scale and keeps what is not a length', () => {
    const page = scanToPoints(pixels);
    expect(page.width).toBeCloseTo(595.33, 2);
    expect(page.height).toBeCloseTo(842, 5);
    expect(page.runs).toEqual([{ str: '本年新收政府信息公开申请数量', x: 100, y: 200, w: 280, h: 20, index: 0, confidence: 0.97 }]);
    expect(page.rules).toEqual([
      { dir: 'h', at: 300, from: 60, to: 540 },
      { dir: 'v', at: 60, from: 300, to: 800 },
    ]);
    expect(page.page).toBe(2);
    expect(page.images).toBe(1);
    expect(page.picture).toEqual({ image: 2, rotation: 0.4 });
  });

  it('takes another scale, and leaves its input as it was', () => {
    const before = JSON.stringify(pixels);
    expect(scanToPoints(pixels, 2).runs[0]).toMatchObject({ x: 75, y: 150, w: 210, h: 15 });
    expect(JSON.stringify(pixels)).toBe(before);
  });
});
