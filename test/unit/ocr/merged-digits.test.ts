/**
 * Two like digits merged by the recogniser (issue 18): the CTC decoding of PP-OCR gives "11" as "1" when no
 * blank step falls between the two strokes, with full confidence. glyphCount counts what is drawn, so a
 * number read with fewer digits than that is a doubt. Synthetic ink, drawn by hand below.
 */
import { describe, expect, it } from 'vitest';
import { glyphCount, type OcrEngine, type RgbaImage, readTablePicture } from '../../../utils/ocr';
import { OCR_CERTAIN } from '../../../utils/report/read';

/** An ink map from rows of '#' (ink) and '.' (paper). */
function ink(rows: string[]): { ink: Uint8Array; width: number; rect: { x: number; y: number; w: number; h: number } } {
  const width = rows[0]!.length;
  const data = new Uint8Array(width * rows.length);
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) data[y * width + x] = row[x] === '#' ? 1 : 0;
  });
  return { ink: data, width, rect: { x: 0, y: 0, w: width, h: rows.length } };
}

const count = (rows: string[]) => {
  const m = ink(rows);
  return glyphCount(m.ink, m.width, m.rect);
};

describe('glyphCount', () => {
  it('one stroke is one glyph; two strokes a blank column apart are two (11)', () => {
    const one = ['..#..', '.##..', '..#..', '..#..', '..#..', '.###.'];
    const eleven = ['..#...#..', '.##..##..', '..#...#..', '..#...#..', '..#...#..', '.###.###.'];
    expect(count(one)).toBe(1);
    expect(count(eleven)).toBe(2);
  });

  it('a 0 is one glyph (no blank column inside it), and 10 is two', () => {
    const zero = ['.###.', '#...#', '#...#', '#...#', '#...#', '.###.'];
    const ten = ['..#...###.', '.##..#...#', '..#..#...#', '..#..#...#', '..#..#...#', '.###..###.'];
    expect(count(zero)).toBe(1);
    expect(count(ten)).toBe(2);
  });

  it('a speck or a comma lower than 40 % of the ink height is no glyph', () => {
    const withSpeck = ['..#.....', '.##.....', '..#.....', '..#.....', '..#.....', '.###..#.'];
    expect(count(withSpeck)).toBe(1);
  });

  it('digits that touch are counted as one: it can only say too few, never too many, for a tight font', () => {
    const touching = ['..##..#..', '.##.###..', '..#...#..', '..#...#..', '..#...#..', '.#######.'];
    expect(count(touching)).toBe(1);
  });

  it('an empty crop holds no glyph', () => {
    expect(count(['.....', '.....'])).toBe(0);
  });
});

describe('a number read with fewer digits than drawn', () => {
  /**
   * A white picture with a ruled grid of 2 × 2 cells (rules 2 px, black): the top left cell holds one stroke
   * (a 1), the top right cell two strokes a gap apart (11); the bottom row is blank. Digits 30 px tall: read at
   * the picture's own size.
   */
  function picture(): RgbaImage {
    const width = 320;
    const height = 140;
    const data = new Uint8ClampedArray(width * height * 4).fill(255);
    const ink = (x: number, y: number) => data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    for (const y of [10, 11, 70, 71, 128, 129]) for (let x = 10; x < 310; x++) ink(x, y);
    for (const x of [10, 11, 160, 161, 308, 309]) for (let y = 10; y < 130; y++) ink(x, y);
    const stroke = (x0: number) => {
      for (let x = x0; x < x0 + 4; x++) for (let y = 25; y < 55; y++) ink(x, y);
    };
    stroke(80);
    stroke(230);
    stroke(242);
    return { data, width, height };
  }

  /** A recogniser that reads every piece as one "1", sure of it, as CTC does when it merges two like digits. */
  const ones: OcrEngine = {
    recogniser: {
      recognise: async (_image, bands) =>
        bands.map((band) => band.pieces.map((p) => ({ text: '1', chars: [{ ch: '1', p: 1, x0: p.x, x1: p.x + p.w }] }))),
    },
    detector: () => Promise.reject(new Error('a ruled picture needs no detector')),
  };

  it('the cell that shows two strokes is doubtful, with 11 named; the cell with one stays sure', async () => {
    const read = await readTablePicture(ones, picture());
    const runs = read.page.runs.map((r) => ({ x: Math.round(r.x), str: r.str, confidence: r.confidence, alternatives: r.alternatives }));
    expect(runs).toHaveLength(2);
    const [left, right] = runs.sort((a, b) => a.x - b.x);
    expect(left).toMatchObject({ str: '1', confidence: 1 });
    expect(left!.alternatives).toBeUndefined();
    expect(right).toMatchObject({ str: '1', alternatives: ['11'] });
    expect(right!.confidence).toBeLessThan(OCR_CERTAIN);
  });
});
