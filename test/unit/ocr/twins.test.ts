import { describe, expect, it } from 'vitest';
import { findTwins } from '../../../utils/ocr';
import type { GreyImage, Rect } from '../../../utils/ocr/image';

/** A 6×8 ring (a 0) drawn at (x, y); `bar` adds a middle stroke (an 8-like glyph). */
function draw(img: GreyImage, x: number, y: number, bar = false, ink = 0) {
  for (let j = 0; j < 8; j++) {
    for (let i = 0; i < 6; i++) {
      const edge = i === 0 || i === 5 || j === 0 || j === 7 || (bar && j === 4);
      if (edge) img.data[(y + j) * img.width + x + i] = ink;
    }
  }
}

describe('twin crops (one glyph read once)', () => {
  it('pairs a glyph with its copy shifted by a pixel, not with a different glyph of the same size', () => {
    const img: GreyImage = { data: new Uint8Array(48 * 14).fill(255), width: 48, height: 14 };
    draw(img, 2, 2);
    draw(img, 14, 3); // the same 0, one pixel lower inside its crop
    draw(img, 26, 2, true); // an 8-like glyph
    draw(img, 38, 2, false, 40); // the same 0 in slightly lighter ink (JPEG, blur)
    const crops: Rect[] = [
      { x: 1, y: 1, w: 8, h: 10 },
      { x: 13, y: 1, w: 8, h: 10 },
      { x: 25, y: 1, w: 8, h: 10 },
      { x: 37, y: 1, w: 8, h: 10 },
    ];
    expect(findTwins(img, crops, 64)).toEqual([-1, 0, -1, 0]);
    // A stricter tolerance keeps the lighter copy apart.
    expect(findTwins(img, crops, 32)).toEqual([-1, 0, -1, -1]);
  });

  it('never pairs long crops (a label), nor crops of different sizes', () => {
    const img: GreyImage = { data: new Uint8Array(60 * 14).fill(255), width: 60, height: 14 };
    const crops: Rect[] = [
      { x: 0, y: 0, w: 30, h: 10 },
      { x: 30, y: 0, w: 30, h: 10 },
      { x: 0, y: 0, w: 8, h: 10 },
      { x: 20, y: 0, w: 11, h: 10 },
    ];
    expect(findTwins(img, crops, 64)).toEqual([-1, -1, -1, -1]);
  });
});
