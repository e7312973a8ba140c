import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { letterDigits, numberCellText, signedOrDecimal } from '../../../utils/ocr';
import { binarise, estimateSkew, type GreyImage, otsu, rotate, toGrey } from '../../../utils/ocr/image';
import { findRules } from '../../../utils/ocr/rules';

/** A white picture with a 3 × 2 ruled grid (lines 1 px, black) drawn at the given skew. */
function gridPicture(width: number, height: number, deg = 0): GreyImage {
  const data = new Uint8Array(width * height).fill(235); // grey paper
  const t = Math.tan((deg * Math.PI) / 180);
  const cx = width / 2;
  const dot = (x: number, y: number) => {
    const yy = Math.round(y + (x - cx) * t);
    const xx = Math.round(x - (y - height / 2) * t);
    if (xx >= 0 && yy >= 0 && xx < width && yy < height) data[yy * width + xx] = 30;
  };
  for (const y of [20, 60, 100]) for (let x = 20; x <= 320; x++) dot(x, y);
  for (const x of [20, 120, 220, 320]) for (let y = 20; y <= 100; y++) dot(x, y);
  return { data, width, height };
}

describe('numberCellText', () => {
  it('reads zero look-alikes and full-width digits in a number cell as digits', () => {
    expect(numberCellText('o')).toBe('0');
    expect(numberCellText('O')).toBe('0');
    expect(numberCellText('〇')).toBe('0');
    expect(numberCellText('０')).toBe('0');
    expect(numberCellText('1O')).toBe('10');
    expect(numberCellText('２５')).toBe('25');
  });
  it('leaves text cells alone', () => {
    expect(numberCellText('自然人')).toBe('自然人');
    expect(numberCellText('（一）予以公开')).toBe('（一）予以公开');
    expect(numberCellText('Other')).toBe('Other');
  });
});

describe('ruling lines', () => {
  it('finds the three horizontal and four vertical rules of a ruled grid on grey paper', () => {
    const g = gridPicture(340, 120);
    const ink = binarise(g, otsu(g));
    const rules = findRules(ink, g.width, g.height, { minH: 30, minV: 30 });
    expect(rules.filter((r) => r.dir === 'h').map((r) => Math.round(r.at))).toEqual([21, 61, 101]);
    expect(rules.filter((r) => r.dir === 'v').map((r) => Math.round(r.at))).toEqual([21, 121, 221, 321]);
  });

  it('measures a skew of 0.8° and straightens it so the rules are found again', () => {
    const g = gridPicture(340, 120, 0.8);
    const ink = binarise(g, otsu(g));
    const skew = estimateSkew(ink, g.width, g.height);
    expect(Math.abs(skew - 0.8)).toBeLessThanOrEqual(0.1);
    const straight = rotate(g, skew).image;
    const rules = findRules(binarise(straight, otsu(straight)), g.width, g.height, { minH: 200, minV: 60, maxGap: 2 });
    expect(rules.filter((r) => r.dir === 'h')).toHaveLength(3);
  });

  it('turns a picture about its centre: a quarter turn moves one black pixel where the rotation says, paper elsewhere', () => {
    // 5×5, centre (2.5, 2.5); a quarter turn reads the result's (x, y) from the source's (5 − y, x):
    // the black source pixel (3, 1) lands on (1, 2).
    const data = new Uint8Array(25).fill(255);
    data[1 * 5 + 3] = 0;
    const out = rotate({ data, width: 5, height: 5 }, 90).image;
    const black = [...out.data.entries()].filter(([, v]) => v < 128).map(([i]) => [i % 5, Math.floor(i / 5)]);
    expect(black).toEqual([[1, 2]]);
    expect(out.data.filter((v) => v === 255).length).toBe(24);
  });

  it('finds no skew in a straight picture', () => {
    const g = gridPicture(340, 121);
    expect(estimateSkew(binarise(g, otsu(g)), g.width, g.height)).toBe(0);
  });

  it('finds no skew in a straight unruled table whose header lines are staggered across its columns', () => {
    // pingtan 2021's table 四 screenshotted at 1× by cli/picture-corpus.ts (926 × 93, straight): its 行政复议 and
    // 行政诉讼 header lines stand at different heights, and a slant of 0.8° lined them up a little better.
    const png = PNG.sync.read(readFileSync(join(__dirname, '../../fixtures/pictures/pingtan-2021.review-litigation.unruled-1x.png')));
    const g = toGrey({ data: new Uint8ClampedArray(png.data), width: png.width, height: png.height });
    expect(estimateSkew(binarise(g, otsu(g)), g.width, g.height)).toBe(0);
  });
});

describe('letterDigits', () => {
  it('reads a value cell given as letter look-alikes as the digits they stand for', () => {
    // A 1x screenshot of a Word table: 8 came back as "B" (yunling 2023, 予以公开 自然人).
    expect(letterDigits('B')).toBe('8');
    expect(letterDigits('1B')).toBe('18');
    expect(letterDigits('l2')).toBe('12');
    expect(letterDigits('|0')).toBe('10');
    expect(letterDigits('1O')).toBe(null); // no letter look-alike beyond the zeros numberCellText already reads
  });

  it('leaves words, plain numbers and long letter runs alone', () => {
    expect(letterDigits('12')).toBe(null);
    expect(letterDigits('自然人')).toBe(null);
    expect(letterDigits('BIG')).toBe(null);
    expect(letterDigits('GDP')).toBe(null);
    expect(letterDigits('SSSSSSS')).toBe(null);
  });
});

describe('signedOrDecimal', () => {
  it('takes a value crop read with a minus or a point for a doubt (pingtan 2020 as a scan: "-15" at 0.90)', () => {
    expect(signedOrDecimal('-15')).toBe(true);
    expect(signedOrDecimal('－18')).toBe(true);
    expect(signedOrDecimal('—3')).toBe(true);
    expect(signedOrDecimal('1.5')).toBe(true);
    expect(signedOrDecimal('1,024')).toBe(false);
  });

  it('leaves whole numbers, words and dates alone', () => {
    expect(signedOrDecimal('15')).toBe(false);
    expect(signedOrDecimal('0')).toBe(false);
    expect(signedOrDecimal('-')).toBe(false);
    expect(signedOrDecimal('2020年')).toBe(false);
    expect(signedOrDecimal('73802895.90元')).toBe(false);
    expect(signedOrDecimal('行政处罚')).toBe(false);
  });
});
