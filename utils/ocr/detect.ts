/**
 * Text boxes for pictures without ruling lines: PaddleOCR's PP-OCRv4 DB detector (a probability map of
 * "text here"), thresholded, its connected regions grown back by DB's unclip ratio, as axis-aligned
 * boxes in the picture's pixels. Boxes are kept apart, never merged into lines: the columns of a table
 * are the gaps between them.
 */
import type { GreyImage, Rect } from './image';
import type { OcrRuntime, OcrSession } from './types';

export interface Detector {
  detect(image: GreyImage): Promise<Rect[]>;
}

/** Longest side fed to the detector (PaddleOCR's default limit), a multiple of 32. */
const LIMIT = 1280;
const BIN_THRESHOLD = 0.3;
const BOX_THRESHOLD = 0.55;
const UNCLIP = 1.6;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export function createDetector(runtime: OcrRuntime, session: OcrSession): Detector {
  return {
    async detect(image) {
      const scale = Math.min(1, LIMIT / Math.max(image.width, image.height));
      const w = Math.max(32, Math.round((image.width * scale) / 32) * 32);
      const h = Math.max(32, Math.round((image.height * scale) / 32) * 32);
      const sx = image.width / w;
      const sy = image.height / h;
      const plane = w * h;
      const input = new Float32Array(3 * plane);
      for (let y = 0; y < h; y++) {
        const iy = Math.min(image.height - 1, Math.floor((y + 0.5) * sy));
        for (let x = 0; x < w; x++) {
          const ix = Math.min(image.width - 1, Math.floor((x + 0.5) * sx));
          const v = image.data[iy * image.width + ix]! / 255;
          for (let c = 0; c < 3; c++) input[c * plane + y * w + x] = (v - MEAN[c]!) / STD[c]!;
        }
      }
      const result = await session.run({ [session.inputNames[0]!]: new runtime.Tensor('float32', input, [1, 3, h, w]) });
      const prob = result[session.outputNames[0]!]!.data as Float32Array;
      return regions(prob, w, h).map((r) => ({
        x: Math.max(0, Math.floor(r.x * sx)),
        y: Math.max(0, Math.floor(r.y * sy)),
        w: Math.min(image.width, Math.ceil((r.x + r.w) * sx)) - Math.max(0, Math.floor(r.x * sx)),
        h: Math.min(image.height, Math.ceil((r.y + r.h) * sy)) - Math.max(0, Math.floor(r.y * sy)),
      }));
    },
  };
}

/** Connected regions of the thresholded map, scored by their mean probability, grown by the unclip distance. */
function regions(prob: Float32Array, w: number, h: number): Rect[] {
  const seen = new Uint8Array(w * h);
  const out: Rect[] = [];
  const stack: number[] = [];
  for (let i = 0; i < w * h; i++) {
    if (seen[i] || prob[i]! <= BIN_THRESHOLD) continue;
    let x0 = w,
      y0 = h,
      x1 = 0,
      y1 = 0,
      sum = 0,
      n = 0;
    seen[i] = 1;
    stack.push(i);
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % w;
      const y = (p - x) / w;
      sum += prob[p]!;
      n++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (const q of [p - 1, p + 1, p - w, p + w]) {
        if (q < 0 || q >= w * h || seen[q] || prob[q]! <= BIN_THRESHOLD) continue;
        if ((q === p - 1 && x === 0) || (q === p + 1 && x === w - 1)) continue;
        seen[q] = 1;
        stack.push(q);
      }
    }
    const bw = x1 - x0 + 1;
    const bh = y1 - y0 + 1;
    if (n < 6 || Math.min(bw, bh) < 3 || sum / n < BOX_THRESHOLD) continue;
    const d = (bw * bh * UNCLIP) / (2 * (bw + bh));
    out.push({ x: x0 - d, y: y0 - d, w: bw + 2 * d, h: bh + 2 * d });
  }
  return out;
}
