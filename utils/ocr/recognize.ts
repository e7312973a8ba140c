/**
 * Text recognition with PaddleOCR's PP-OCRv4 recogniser (CTC over 6,623 characters), run by the ONNX
 * runtime passed in. One call per table, not per cell: every text-line crop of the table is scaled to
 * the model's height, the crops are laid side by side with blank paper between them into strips of
 * one width, and the strips go in one batch. The CTC time steps map back to x (the model's stride is
 * 8 px), so each character is returned to the crop it was read from, with its probability and the
 * runner-up reading (the alternatives of a doubtful digit).
 */
import type { GreyImage, Rect } from './image';
import type { OcrRuntime, OcrSession } from './types';

/** The recogniser's input height and horizontal stride (pixels per CTC time step). */
const REC_HEIGHT = 48;
const STRIDE = 8;
/** Blank paper between two crops in a strip (time steps of blank for CTC). */
const GAP = 24;
/** Paper around a crop inside its slot. */
const PAD = 9;
/** Strips are this wide: wide enough that few strips are needed, narrow enough that few pixels are padding. */
const STRIP_WIDTH = 1600;

interface RecognisedChar {
  ch: string;
  /** Probability of the chosen character (max over its time steps). */
  p: number;
  /** Second reading and its probability, when one is worth naming. */
  alt?: { ch: string; p: number };
  /** Horizontal span in the crop's source pixels. */
  x0: number;
  x1: number;
}

export interface Recognised {
  text: string;
  chars: RecognisedChar[];
}

/**
 * A line to read: pieces of text (each cell's crop) lying on one band of the picture, left to right.
 * The band is read as one crop with the blank stretches between pieces squeezed to a small gap, so
 * the recogniser sees a short line of separate words and every character is given back to the piece
 * under it.
 */
export interface TextBand {
  pieces: Rect[];
}

export interface Recogniser {
  /** Each band's pieces read, in order (`threshold`: the grey level under which a pixel is ink). */
  recognise(image: GreyImage, bands: TextBand[], threshold: number): Promise<Recognised[][]>;
}

/** The dictionary: index 0 is CTC's blank, then ppocr_keys_v1.txt's lines, then the space. */
export function parseKeys(text: string): string[] {
  const keys = text.split(/\r?\n/);
  if (keys[keys.length - 1] === '') keys.pop();
  return ['', ...keys, ' '];
}

interface Placed {
  band: number;
  /** Left of the band in the strip, in strip pixels. */
  left: number;
  width: number;
  scale: number;
  /** Band's rows in the source. */
  y: number;
  h: number;
  /** Source x of each column kept (blank stretches squeezed), strip column i → cols[floor(i / scale)]. */
  cols: number[];
  pieces: Rect[];
}

/**
 * Columns of a band with blank stretches cut down: inside a piece to `keep` columns (a word gap),
 * between pieces to `between` (a clear gap, so that a lone 1 beside a cell's edge is not given to the
 * neighbouring cell).
 */
function squeeze(image: GreyImage, threshold: number, pieces: Rect[], y: number, h: number, keep: number, between: number): number[] {
  const x0 = Math.min(...pieces.map((p) => p.x));
  const x1 = Math.max(...pieces.map((p) => p.x + p.w));
  const cols: number[] = [];
  let blank = 0;
  let outside = 0;
  for (let x = x0; x < x1; x++) {
    const inPiece = pieces.some((p) => x >= p.x && x < p.x + p.w);
    if (!inPiece) {
      if (outside++ < between) cols.push(x);
      blank = 0;
      continue;
    }
    outside = 0;
    let ink = false;
    for (let yy = y; yy < y + h && !ink; yy++) ink = image.data[yy * image.width + x]! <= threshold;
    blank = ink ? 0 : blank + 1;
    if (blank <= keep) cols.push(x);
  }
  return cols;
}

export function createRecogniser(
  runtime: OcrRuntime,
  session: OcrSession,
  keys: string[],
  debug?: (input: Float32Array, width: number, height: number) => void,
): Recogniser {
  return {
    async recognise(image, bands, threshold) {
      // 1. Squeeze each band and lay the bands out in strips.
      const strips: Placed[][] = [];
      let current: Placed[] = [];
      let x = 0;
      bands.forEach((band, i) => {
        const y = Math.min(...band.pieces.map((p) => p.y));
        const h = Math.max(...band.pieces.map((p) => p.y + p.h)) - y;
        const scale = (REC_HEIGHT - 2 * PAD) / Math.max(1, h);
        const cols = squeeze(image, threshold, band.pieces, y, h, Math.max(3, Math.round(h * 0.4)), Math.max(6, Math.round(h * 0.9)));
        const width = Math.max(1, Math.round(cols.length * scale)) + 2 * PAD;
        if (current.length && x + width > STRIP_WIDTH) {
          strips.push(current);
          current = [];
          x = 0;
        }
        current.push({ band: i, left: x, width, scale, y, h, cols, pieces: band.pieces });
        x += width + GAP;
      });
      if (current.length) strips.push(current);
      const out: Recognised[][] = bands.map((b) => b.pieces.map(() => ({ text: '', chars: [] })));
      if (!strips.length) return out;
      // One run per strip, each at its own width: the recogniser mixes the whole line (SVTR's global
      // blocks), and a strip padded with a long stretch of blank paper loses its characters.
      for (const strip of strips) {
        const stripWidth = Math.ceil((strip[strip.length - 1]!.left + strip[strip.length - 1]!.width + PAD) / STRIDE) * STRIDE;
        const plane = REC_HEIGHT * stripWidth;
        const input = new Float32Array(3 * plane).fill(1); // white paper, normalised
        for (const p of strip) paint(image, p, input, 0, stripWidth);
        // The same grey in the three channels.
        input.copyWithin(plane, 0, plane);
        input.copyWithin(2 * plane, 0, plane);
        debug?.(input, stripWidth, REC_HEIGHT);
        const tensor = new runtime.Tensor('float32', input, [1, 3, REC_HEIGHT, stripWidth]);
        const result = await session.run({ [session.inputNames[0]!]: tensor });
        const probs = result[session.outputNames[0]!]!;
        const [, steps, classes] = probs.dims as number[];
        decodeStrip(probs.data as Float32Array, 0, steps!, classes!, strip, keys, out);
      }
      return out;
    },
  };
}

/**
 * A band scaled into its slot of a strip (grey 0–255 → (v/255 − 0.5) / 0.5, PaddleOCR's
 * normalisation); columns from the squeezed list, rows bilinear.
 */
function paint(image: GreyImage, p: Placed, input: Float32Array, offset: number, stripWidth: number): void {
  const w = p.width - 2 * PAD;
  const h = REC_HEIGHT - 2 * PAD;
  const d = image.data;
  for (let y = 0; y < h; y++) {
    const sy = p.y + (y + 0.5) / p.scale - 0.5;
    const y0 = Math.max(0, Math.min(image.height - 1, Math.floor(sy)));
    const y1 = Math.min(image.height - 1, y0 + 1);
    const fy = Math.max(0, Math.min(1, sy - y0));
    for (let x = 0; x < w; x++) {
      const ci = (x + 0.5) / p.scale - 0.5;
      const c0 = Math.max(0, Math.min(p.cols.length - 1, Math.floor(ci)));
      const c1 = Math.min(p.cols.length - 1, c0 + 1);
      const fx = Math.max(0, Math.min(1, ci - c0));
      const x0 = p.cols[c0]!;
      const x1 = p.cols[c1]!;
      const v =
        (1 - fy) * ((1 - fx) * d[y0 * image.width + x0]! + fx * d[y0 * image.width + x1]!) +
        fy * ((1 - fx) * d[y1 * image.width + x0]! + fx * d[y1 * image.width + x1]!);
      const px = p.left + PAD + x;
      if (px < stripWidth) input[offset + (PAD + y) * stripWidth + px] = v / 127.5 - 1;
    }
  }
}

const ZEROS = new Set(['o', 'O', '〇', '０', '零']);
const digitCache = new WeakMap<string[], [number, number][]>();

/** Indices of the dictionary's digit shapes and the digit each reads as. */
function digitClasses(keys: string[]): [number, number][] {
  let list = digitCache.get(keys);
  if (!list) {
    list = [];
    keys.forEach((k, i) => {
      if (i === 0) return;
      if (/^[0-9]$/.test(k)) list!.push([i, Number(k)]);
      else if (/^[０-９]$/.test(k)) list!.push([i, k.charCodeAt(0) - 0xff10]);
      else if (ZEROS.has(k)) list!.push([i, 0]);
    });
    digitCache.set(keys, list);
  }
  return list;
}

function digitOf(keys: string[], index: number): number | null {
  return digitClasses(keys).find(([i]) => i === index)?.[1] ?? null;
}

/** Greedy CTC decoding of one strip; characters are given to the crop whose slot holds their time step. */
function decodeStrip(
  data: Float32Array,
  base: number,
  steps: number,
  classes: number,
  strip: Placed[],
  keys: string[],
  out: Recognised[][],
): void {
  let prev = 0;
  let open: { ch: string; p: number; alt?: { ch: string; p: number }; t0: number; t1: number } | null = null;
  const close = () => {
    if (!open) return;
    const mid = ((open.t0 + open.t1 + 1) / 2) * STRIDE;
    const slot = strip.find((p) => mid >= p.left - GAP / 2 && mid < p.left + p.width + GAP / 2);
    if (slot && open.ch !== ' ') {
      const sourceX = (sx: number) =>
        slot.cols[Math.max(0, Math.min(slot.cols.length - 1, Math.round((sx - slot.left - PAD) / slot.scale)))]!;
      const x0 = sourceX(open.t0 * STRIDE);
      const x1 = sourceX((open.t1 + 1) * STRIDE);
      const cx = sourceX(mid);
      // The piece under the character, else the nearest one.
      let piece = slot.pieces.findIndex((p) => cx >= p.x && cx < p.x + p.w);
      if (piece < 0) {
        let best = Infinity;
        slot.pieces.forEach((p, i) => {
          const dist = cx < p.x ? p.x - cx : cx - (p.x + p.w);
          if (dist < best) {
            best = dist;
            piece = i;
          }
        });
      }
      const rec = out[slot.band]![piece]!;
      rec.chars.push({ ch: open.ch, p: open.p, ...(open.alt ? { alt: open.alt } : {}), x0, x1 });
      rec.text += open.ch;
    }
    open = null;
  };
  for (let t = 0; t < steps; t++) {
    const row = base + t * classes;
    let best = 0;
    let bestP = -1;
    let second = 0;
    let secondP = -1;
    for (let c = 0; c < classes; c++) {
      const v = data[row + c]!;
      if (v > bestP) {
        second = best;
        secondP = bestP;
        best = c;
        bestP = v;
      } else if (v > secondP) {
        second = c;
        secondP = v;
      }
    }
    if (best === 0) {
      close();
      prev = 0;
      continue;
    }
    // A digit's probability is its shape's, whatever the form (0 ０ o O 〇 are one reading in a number
    // cell); the runner-up is the likeliest other digit.
    let p = bestP;
    let alt: { ch: string; p: number } | undefined = second !== 0 && secondP > 0.02 ? { ch: keys[second] ?? '', p: secondP } : undefined;
    const digit = digitOf(keys, best);
    if (digit !== null) {
      const sums = new Float64Array(10);
      for (const [c, d] of digitClasses(keys)) sums[d]! += data[row + c]!;
      // Given that a character is here (CTC emitted one), how sure is it this digit: the blank's share
      // is left out (it says "no character yet", not "another digit").
      const present = Math.max(1e-6, 1 - data[row]!);
      p = Math.min(1, sums[digit]! / present);
      let other = -1;
      for (let d = 0; d < 10; d++) if (d !== digit && (other < 0 || sums[d]! > sums[other]!)) other = d;
      alt = sums[other]! / present > 0.02 ? { ch: String(other), p: Math.min(1, sums[other]! / present) } : undefined;
    }
    if (best === prev && open) {
      open.t1 = t;
      if (p > open.p) open.p = p;
      continue;
    }
    close();
    open = { ch: keys[best] ?? '', p, ...(alt ? { alt } : {}), t0: t, t1: t };
    prev = best;
  }
  close();
}
