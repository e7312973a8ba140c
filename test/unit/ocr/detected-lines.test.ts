/**
 * Text found by the detector on a page without rules (a scanned page's prose and unruled tables), issue 18:
 * a heading cut after a CJK comma is one line again, and a box lying inside another box is not read twice.
 * Synthetic pictures, drawn by hand below; the engine's two models are stand-ins that say what they were shown.
 */
import { describe, expect, it } from 'vitest';
import { continuesAfterPunctuation, joinRuns, type OcrEngine, type RgbaImage, readTablePicture, withoutInner } from '../../../utils/ocr';
import type { Rect } from '../../../utils/ocr/image';
import type { PdfRun } from '../../../utils/pdf/types';
import { OCR_CERTAIN } from '../../../utils/report/read';

const run = (str: string, x: number, w: number, extra: Partial<PdfRun> = {}): PdfRun => ({ str, x, y: 100, w, h: 12, index: 0, ...extra });

describe('continuesAfterPunctuation', () => {
  it('a piece ending in 、 and one beginning a line height or less after it are one line', () => {
    expect(continuesAfterPunctuation(run('四、政府信息公开行政复议、', 29, 149), run('行政诉讼情况', 185, 73))).toBe(true);
    expect(continuesAfterPunctuation(run('报告如下：', 0, 60), run('一是', 70, 24))).toBe(true);
  });

  it('not without the punctuation, not when farther than a line height, not on another line', () => {
    expect(continuesAfterPunctuation(run('结果维', 0, 36), run('持', 40, 12))).toBe(false);
    expect(continuesAfterPunctuation(run('复议、', 0, 36), run('诉讼', 36 + 15, 24))).toBe(false);
    expect(continuesAfterPunctuation(run('复议、', 0, 36), { ...run('诉讼', 40, 24), y: 112 })).toBe(false);
  });

  it('joinRuns: text joined, the box around both, the less sure confidence', () => {
    expect(joinRuns(run('复议、', 10, 36, { confidence: 0.99 }), run('诉讼', 50, 24, { y: 99, h: 14, confidence: 0.9 }))).toEqual({
      str: '复议、诉讼',
      x: 10,
      y: 99,
      w: 64,
      h: 14,
      index: 0,
      confidence: 0.9,
    });
  });
});

describe('withoutInner', () => {
  it('drops a box lying inside a larger one, keeps boxes side by side and boxes that only touch', () => {
    const zero: Rect = { x: 437, y: 277, w: 9, h: 11 };
    const stroke: Rect = { x: 437, y: 279, w: 2, h: 7 };
    const next: Rect = { x: 480, y: 277, w: 8, h: 11 };
    const half: Rect = { x: 484, y: 277, w: 8, h: 11 };
    expect(withoutInner([zero, stroke, next])).toEqual([zero, next]);
    // Half of `half` lies in `next`: two boxes, both kept.
    expect(withoutInner([next, half])).toEqual([next, half]);
  });
});

describe('a page without rules, read from the detector’s boxes', () => {
  /** White 400 × 100: a "heading" of two inked blocks 20 px apart on one line, and a lone mark below. */
  function picture(): RgbaImage {
    const width = 400;
    const height = 100;
    const data = new Uint8ClampedArray(width * height * 4).fill(255);
    const block = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    };
    block(20, 120, 20, 40);
    block(140, 200, 20, 40);
    block(300, 310, 60, 80);
    return { data, width, height };
  }

  /** The detector gives the heading one box (DB joins it), the mark a box, and a second box inside the mark's. */
  const boxes: Rect[] = [
    { x: 15, y: 15, w: 190, h: 30 },
    { x: 295, y: 55, w: 20, h: 30 },
    { x: 300, y: 62, w: 4, h: 14 },
  ];
  const shown: string[] = [];
  const engine: OcrEngine = {
    recogniser: {
      recognise: async (_image, bands) =>
        bands.map((band) =>
          band.pieces.map((p) => {
            const text = p.y > 50 ? (p.w < 8 ? '1' : '0') : p.x < 130 ? '四、复议、' : '诉讼情况';
            shown.push(text);
            return { text, chars: [...text].map((ch) => ({ ch, p: 0.99, x0: p.x, x1: p.x + p.w })) };
          }),
        ),
    },
    detector: async () => ({ detect: async () => boxes }),
  };

  it('gives the heading as one run and the mark once', async () => {
    const read = await readTablePicture(engine, picture());
    expect(read.ruled).toBe(false);
    const runs = read.page.runs.map((r) => [r.str, Math.round(r.x), Math.round(r.w)]);
    // The heading: from its first block's left (20 − 2 px margin) to its second's right (200 + 2).
    expect(runs).toEqual([
      ['四、复议、诉讼情况', 18, 184],
      ['0', 298, 14],
    ]);
    expect(shown).not.toContain('1');
  });
});

describe('a row of digits the detector boxed whole (an unruled row of narrow columns)', () => {
  /**
   * White 200 × 60, digits 20 px tall from y 20: "12" as two strokes 3 px apart (x 20–24, 27–31), then 15 px of
   * paper (more than 0.6 of the line's height, less than the 0.9 the detector's boxes are cut at), "3" as one
   * stroke (x 46–50), 15 px, "0" as a block (x 65–75).
   */
  function picture(): RgbaImage {
    const width = 200;
    const height = 60;
    const data = new Uint8ClampedArray(width * height * 4).fill(255);
    const block = (x0: number, x1: number) => {
      for (let y = 20; y < 40; y++) for (let x = x0; x < x1; x++) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    };
    block(20, 24);
    block(27, 31);
    block(46, 50);
    block(65, 75);
    return { data, width, height };
  }
  /** A recogniser reading the box as "1230", each digit at the x the CTC steps give (`at`: their centres). */
  const engine = (at: number[]): OcrEngine => ({
    recogniser: {
      recognise: async (_image, bands) =>
        bands.map((band) =>
          band.pieces.map(() => ({ text: '1230', chars: [...'1230'].map((ch, i) => ({ ch, p: 0.99, x0: at[i]! - 2, x1: at[i]! + 2 })) })),
        ),
    },
    detector: async () => ({ detect: async () => [{ x: 10, y: 10, w: 80, h: 40 }] }),
  });

  it('each digit goes to the part of the ink it was read over: 12, 3 and 0, sure', async () => {
    const read = await readTablePicture(engine([22, 29, 48, 70]), picture());
    expect(read.page.runs.map((r) => [r.str, r.x, r.w])).toEqual([
      ['12', 20, 11],
      ['3', 46, 4],
      ['0', 65, 10],
    ]);
    for (const r of read.page.runs) expect(r.confidence).toBeGreaterThanOrEqual(OCR_CERTAIN);
  });

  it('a digit read over a gap is given to the nearest part, and that split is doubtful', async () => {
    // The 3 read at x 40: in the blank between the 12 and the stroke at 46.
    const read = await readTablePicture(engine([22, 29, 40, 70]), picture());
    expect(read.page.runs.map((r) => r.str)).toEqual(['12', '3', '0']);
    for (const r of read.page.runs) expect(r.confidence).toBeLessThan(OCR_CERTAIN);
  });

  it('a reading that leaves a part of the ink without a digit is not split, and is doubtful', async () => {
    // All four digits read over the first part: the stroke and the block would hold none.
    const read = await readTablePicture(engine([21, 23, 26, 29]), picture());
    expect(read.page.runs.map((r) => r.str)).toEqual(['1230']);
    expect(read.page.runs[0]!.confidence).toBeLessThan(OCR_CERTAIN);
  });
});
