/**
 * A picture of a table → the positioned runs and ruling lines a PDF page gives (PdfPageInput), so the
 * PDF reconstruction (utils/pdf/reconstruct.ts) builds the table and the ordinary parser reads it:
 * nothing about tables is written twice. Pure: the ONNX runtime and the model bytes are passed in; the
 * caller decodes the picture (pngjs/jpeg-js in Node, createImageBitmap + OffscreenCanvas in a page).
 *
 * Grid first, then cells: the picture is straightened (skew up to 1.5°), binarised (Otsu: grey paper
 * and JPEG noise fall on the paper side), its long horizontal and vertical ink runs become rules, the
 * reconstruction's own grid finder cuts the cells, and each cell's text lines are recognised, all
 * crops of the table in one batch. A cell with no ink is blank, certainly; a cell whose ink the
 * recogniser cannot read is kept as a run of confidence 0. A picture without rules falls back to the
 * detector's text boxes, placed by position (the reconstruction's unruled-table reader).
 */
import { findGrids } from '../pdf/reconstruct';
import type { PdfPageInput, PdfRule, PdfRun } from '../pdf/types';
import { OCR_CERTAIN } from '../report/read';
import { createDetector, type Detector } from './detect';
import {
  binarise,
  estimateSkew,
  type GreyImage,
  inkBounds,
  otsu,
  paperLevel,
  type Rect,
  type RgbaImage,
  rotate,
  textLines,
  toGrey,
  upscale,
} from './image';
import { createRecogniser, parseKeys, type Recognised, type Recogniser, type TextBand } from './recognize';
import { eraseRules, tableRules } from './rules';
import { repairOcrTerms } from './terms';
import type { OcrModels, OcrRuntime } from './types';

export type { RgbaImage } from './image';
export type { OcrModels, OcrRuntime } from './types';

export interface OcrEngine {
  recogniser: Recogniser;
  detector(): Promise<Detector>;
}

/** Sessions are made once and reused for every picture (making one costs about half a second). */
export async function createOcrEngine(runtime: OcrRuntime, models: OcrModels): Promise<OcrEngine> {
  const rec = await runtime.InferenceSession.create(models.rec);
  let det: Promise<Detector> | null = null;
  return {
    recogniser: createRecogniser(runtime, rec, parseKeys(models.keys)),
    detector() {
      if (!models.det) throw new Error('no text detector model given');
      const bytes = models.det;
      det ??= (async () =>
        createDetector(runtime, await runtime.InferenceSession.create(typeof bytes === 'function' ? await bytes() : bytes)))();
      return det;
    },
  };
}

export interface PictureRead {
  /** The picture as a page for utils/pdf/reconstruct.ts (its runs carry confidence and alternatives). */
  page: PdfPageInput;
  /** Ruled grid found (else the detector's boxes, placed by position). */
  ruled: boolean;
  /** Skew corrected, degrees. */
  rotation: number;
  /**
   * Time of the stages, ms, by the clock passed in (`now`): prepare (everything before recognition) and
   * recognise; `stages` splits them finer (grey, skew, rules, cells, detect, paint, recognise).
   */
  timings: { prepare: number; recognise: number; stages: Record<string, number> };
  /** Text-line crops recognised. */
  crops: number;
}

export interface ReadPictureOptions {
  /** Page number given to the result (a picture's index in its document, 1-based). */
  page?: number;
  /** A whole page (a scan): text outside the ruled tables is read too, from the detector's boxes. */
  fullPage?: boolean;
  /** Clock for the timings (performance.now where there is one). */
  now?: () => number;
  /** Set by readTablePicture itself when it reads a scaled-up copy of a picture drawn small. */
  upscaled?: boolean;
  /**
   * The picture drawn again from its source, `scale` times as large, only the part `region` (in this picture's
   * pixels): a scanned PDF page rendered again by pdf.js, which has the scan's own pixels where the page drawn
   * at SCAN_SCALE had shrunk them. A whole page (fullPage) with a block of text too small to read (a table
   * pasted small into a page: cell text 5–8 px high) has that block read again from it (smallTextRegions).
   */
  render?: (scale: number, region: Rect) => Promise<RgbaImage>;
  /** How many of this picture's pixels make one of the picture `render` draws from (2 in a scaled-up copy). */
  sourceScale?: number;
}

/**
 * A detector box (its text line with 2 px margins) this high or lower holds text too small to read: at 1.5 px
 * per point, type under 6 pt. The body of a page scanned at 144 dpi is 14–18 px; a 1× table screenshot pasted
 * at 600 px into a 1000 px page and printed on A4 has its cell text at 7–11 px.
 */
export const SMALL_TEXT_PX = 12;
/** A block of small text is a table when it has at least this many boxes (a footnote or a page number is not). */
const SMALL_TEXT_BOXES = 12;
/** Small text is read again drawn this high (the height at which the recogniser reads a 1× table's cells best). */
const SMALL_TEXT_TARGET_PX = 28;

/**
 * Blocks of small text on a page (regions to read again from the picture's source): boxes of small text
 * linked when less than two small lines apart, blocks of SMALL_TEXT_BOXES or more, each the page's width and
 * a small line above and below; blocks that overlap are one. `limit`: the small-text height in this picture's
 * pixels; `textHeight`: the block's median box height.
 */
export function smallTextRegions(
  boxes: readonly Rect[],
  limit: number,
  width: number,
  height: number,
): { region: Rect; textHeight: number }[] {
  const small = boxes.filter((b) => b.h <= limit);
  if (small.length < SMALL_TEXT_BOXES) return [];
  const parent = small.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const reach = 2 * limit;
  for (let i = 0; i < small.length; i++)
    for (let j = i + 1; j < small.length; j++) {
      const a = small[i]!;
      const b = small[j]!;
      const dx = Math.max(0, Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w));
      const dy = Math.max(0, Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h));
      if (dx <= reach && dy <= reach) parent[find(i)] = find(j);
    }
  const groups = new Map<number, Rect[]>();
  for (const [i, b] of small.entries()) groups.set(find(i), [...(groups.get(find(i)) ?? []), b]);
  const out: { region: Rect; heights: number[] }[] = [];
  for (const members of groups.values()) {
    if (members.length < SMALL_TEXT_BOXES) continue;
    const y0 = Math.min(...members.map((b) => b.y));
    const y1 = Math.max(...members.map((b) => b.y + b.h));
    // The page's whole width: a table's outer columns may hold no text on these lines (a label spanning rows),
    // and its rules must be in the picture for its grid to be found; a report sets nothing beside a table.
    const region = { x: 0, y: Math.max(0, Math.floor(y0 - limit)), w: width, h: 0 };
    region.h = Math.min(height, Math.ceil(y1 + limit)) - region.y;
    out.push({ region, heights: members.map((b) => b.h) });
  }
  // Blocks whose regions overlap (a table's digits in two groups, its labels between them) are one block.
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++)
      for (let j = i + 1; j < out.length && !merged; j++) {
        const a = out[i]!.region;
        const b = out[j]!.region;
        if (a.x >= b.x + b.w || b.x >= a.x + a.w || a.y >= b.y + b.h || b.y >= a.y + a.h) continue;
        const x = Math.min(a.x, b.x);
        const y = Math.min(a.y, b.y);
        out[i] = {
          region: { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y },
          heights: [...out[i]!.heights, ...out[j]!.heights],
        };
        out.splice(j, 1);
        merged = true;
      }
  }
  return out.map(({ region, heights }) => ({ region, textHeight: heights.sort((a, b) => a - b)[heights.length >> 1]! }));
}

/**
 * How much to scale a ruled picture up before reading it, from the heights of its cells' text lines (2 px
 * margins included): lines of 24 px and under are a 1× screenshot of a Word table or a page scanned at about
 * 144 dpi, whose digits the recogniser misreads (6 as 5, 48 as 8, a zero beside the rule as nothing); at twice
 * the size they read as the eye reads them (cli/picture-corpus.ts, BENCHMARKS.md).
 */
export function upscaleFactor(lineHeights: readonly number[]): number {
  if (!lineHeights.length) return 1;
  const sorted = [...lineHeights].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]! <= 24 ? 2 : 1;
}

/** A reading of a picture scaled up by `k`, given back in the picture's own pixels. */
function scaledBack(read: PictureRead, k: number, width: number, height: number): PictureRead {
  const page = read.page;
  return {
    ...read,
    page: {
      ...page,
      width,
      height,
      runs: page.runs.map((r) => ({ ...r, x: r.x / k, y: r.y / k, w: r.w / k, h: r.h / k })),
      rules: page.rules.map((r) => ({ ...r, at: r.at / k, from: r.from / k, to: r.to / k })),
    },
  };
}

const DIGIT_LIKE = /^[0-9０-９oO〇零,，.．]+$/;
const DIGIT = /[0-9０-９]/;

/**
 * A cell's text as a number cell reads it: the recogniser's zero look-alikes (o O ０ 〇) and full-width
 * digits as digits. Text that is not number-like is returned as read.
 */
export function numberCellText(text: string): string {
  const t = text.replace(/\s+/g, '');
  if (!t || !DIGIT_LIKE.test(t)) return text;
  if (!DIGIT.test(t) && !/^[oO〇０零]$/.test(t)) return text;
  return t
    .replace(/[oO〇零]/g, '0')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[，,]/g, ',')
    .replace(/．/g, '.');
}

const asDigit = (ch: string) => numberCellText(ch);

/** Latin letters the recogniser gives for a digit drawn small or blurred (8 as B, 1 as l or |). */
const LETTER_DIGITS: Record<string, string> = { B: '8', S: '5', I: '1', l: '1', '|': '1', Z: '2', G: '6', D: '0' };
const DIGITS_WITH_LETTERS = /^(?=.*[BSIlZGD|])[0-9BSIlZGD|oO〇]{1,6}$/;
/** Below OCR_CERTAIN: a digit guessed from a letter (or a signed or decimal count) is a doubt, never a value a sum may fail on. */
const LETTER_DIGIT_CONFIDENCE = 0.5;

/**
 * A crop read as one letter look-alike or as digits with some ("B", "1B", "l2"): a table's value cell holds no Latin
 * letters, so it is a number read unsurely, not text, which would leave the cell out of its sums.
 * Null when the text is anything else.
 */
export function letterDigits(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  // One letter alone, or letters among digits: a word of letters only ("BIG") is not a number.
  if (!DIGITS_WITH_LETTERS.test(t) || (t.length > 1 && !/[0-9]/.test(t))) return null;
  return numberCellText(t.replace(/[BSIlZGD|]/g, (ch) => LETTER_DIGITS[ch]!));
}

/**
 * Glyphs side by side in a crop of the ink: runs of inked columns whose ink stands at least 40 % of the
 * crop's ink height (a JPEG speck, a comma or a point is no digit). A digit is one such run in the fonts
 * tables are set in: none has a blank column inside.
 */
export function glyphCount(ink: Uint8Array, width: number, r: Rect): number {
  const bounds = inkBounds(ink, width, r, 1);
  if (!bounds) return 0;
  const tall = 0.4 * bounds.h;
  let count = 0;
  let top = Infinity;
  let bottom = -1;
  for (let x = bounds.x; x <= bounds.x + bounds.w; x++) {
    let t = -1;
    let b = -1;
    if (x < bounds.x + bounds.w)
      for (let y = bounds.y; y < bounds.y + bounds.h; y++) {
        if (!ink[y * width + x]) continue;
        if (t < 0) t = y;
        b = y;
      }
    if (t >= 0) {
      top = Math.min(top, t);
      bottom = Math.max(bottom, b);
    } else if (bottom >= 0) {
      if (bottom - top + 1 >= tall) count++;
      top = Infinity;
      bottom = -1;
    }
  }
  return count;
}

/**
 * The recogniser's decoding (CTC) gives two like characters side by side as one when no blank step falls
 * between them, and is sure of it: a JPEG table picture's 11 came back as 1 at confidence 1.0 (a sum then
 * failed by 10 with every term "certain"). A number read with fewer digits than the digits drawn is doubtful
 * below OCR_CERTAIN, and each reading with one digit doubled is named.
 */
const MERGED_DIGIT_CONFIDENCE = 0.5;

function mergedDigits(str: string, glyphs: number): string[] | null {
  const digits = str.replace(/[^0-9]/g, '');
  if (!/^[0-9]+$/.test(str) || glyphs <= digits.length) return null;
  const out: string[] = [];
  for (let i = 0; i < str.length; i++) {
    const doubled = str.slice(0, i + 1) + str.slice(i);
    if (!out.includes(doubled)) out.push(doubled);
  }
  return out;
}

/**
 * A crop read as a signed or decimal number ("-15", "1.5"): in a statistics table's picture a stray stroke of a
 * rule or a speck read as a minus or a point is likelier than such a value (a count is a whole number; only
 * 本年增/减 and the amounts in 万元 are not), so it is read unsurely, a doubt no sum or count check may fail on.
 */
export function signedOrDecimal(text: string): boolean {
  return /^[-−－—–]\d[\d,]*$|^\d+\.\d+$/.test(text);
}

/** One crop's reading as a run: number cells normalised, confidence the least sure character's, alternatives for doubtful digits. */
function runFrom(r: Recognised, rect: Rect, index: number, glyphs: number): PdfRun {
  const guessed = letterDigits(r.text);
  const str = guessed ?? numberCellText(r.text);
  const numeric = str !== r.text || /^[0-9.,]+$/.test(str);
  const read = r.chars.length ? Math.min(...r.chars.map((c) => c.p)) : 0;
  const merged = numeric ? mergedDigits(str, glyphs) : null;
  const unsure = guessed !== null || signedOrDecimal(str) ? LETTER_DIGIT_CONFIDENCE : 1;
  const confidence = Math.min(read, unsure, merged ? MERGED_DIGIT_CONFIDENCE : 1);
  const alternatives: string[] = merged ?? [];
  if (numeric) {
    r.chars.forEach((c, i) => {
      if (!c.alt || c.p >= 0.9) return;
      const alt = asDigit(c.alt.ch);
      if (!/^[0-9]$/.test(alt)) return;
      const chars = r.chars.map((x) => asDigit(x.ch));
      chars[i] = alt;
      const reading = chars.join('');
      if (reading !== str && !alternatives.includes(reading)) alternatives.push(reading);
    });
  }
  return {
    str,
    x: rect.x,
    y: rect.y,
    w: rect.w,
    h: rect.h,
    index,
    confidence: Math.round(confidence * 1000) / 1000,
    ...(alternatives.length ? { alternatives } : {}),
  };
}

/** A picture of a table → its runs and rules as a page (see the module comment). */
export async function readTablePicture(engine: OcrEngine, picture: RgbaImage, options: ReadPictureOptions = {}): Promise<PictureRead> {
  const now = options.now ?? (() => Date.now());
  const t0 = now();
  const stages: Record<string, number> = {};
  let mark = t0;
  const lap = (stage: string) => {
    const t = now();
    stages[stage] = (stages[stage] ?? 0) + t - mark;
    mark = t;
  };
  const pageNo = options.page ?? 1;
  const { width, height } = picture;
  let grey: GreyImage = toGrey(picture);
  const threshold = otsu(grey);
  let ink = binarise(grey, threshold);
  lap('grey');
  const rotation = estimateSkew(ink, width, height);
  if (Math.abs(rotation) >= 0.05) {
    grey = rotate(grey, rotation).image;
    ink = binarise(grey, threshold);
  }
  lap('skew');
  // Rules: long horizontals, verticals from rule to rule, horizontals ending on verticals (rules.ts).
  const found = tableRules(ink, width, height);
  const { rowPitch } = found;
  const page: PdfPageInput = {
    page: pageNo,
    width,
    height,
    runs: [],
    rules: found.rules.map(({ dir, at, from, to }) => ({ dir, at, from, to })),
    images: 1,
    picture: { image: pageNo, rotation },
  };
  // A table has rows about a row pitch high and at least two rows and columns; the strokes of one
  // character (口, 田, 国 on a scanned page) close a "grid" a few pixels high, whose rules are not rules.
  const grids = findGrids(page).filter(
    (g) =>
      g.xs.length >= 3 &&
      g.ys.length >= 3 &&
      g.box.h / (g.ys.length - 1) >= 0.5 * rowPitch &&
      g.box.w / (g.xs.length - 1) >= 0.5 * rowPitch,
  );
  const inGrids = (r: PdfRule) => {
    const [x, y] = r.dir === 'h' ? [(r.from + r.to) / 2, r.at] : [r.at, (r.from + r.to) / 2];
    return grids.some((g) => x >= g.box.x - 4 && x <= g.box.x + g.box.w + 4 && y >= g.box.y - 4 && y <= g.box.y + g.box.h + 4);
  };
  const rules = found.rules.filter(inGrids);
  page.rules = page.rules.filter(inGrids);
  lap('rules');
  // Text is found on a lighter threshold than the rules: thin strokes drawn in grey (antialiasing at
  // 1×, a blurred scan) must not split a character into two "lines".
  const faint = binarise(grey, Math.round((threshold + paperLevel(grey)) / 2));
  const text = eraseRules(faint, width, height, rules, 2);

  const crops: Rect[] = [];
  /** Runs and rules of small-text blocks read again from the source (smallTextRegions), in this picture's pixels. */
  const reread: PdfRun[] = [];
  const rereadRules: PdfRule[] = [];
  /** Crops from the detector's boxes (not a ruled cell's lines): pieces of one line of text may be rejoined. */
  const detected = new Set<Rect>();
  if (grids.length) {
    const minGap = Math.max(2, Math.round(0.12 * rowPitch));
    for (const grid of grids) {
      for (const cell of grid.cells) {
        const inset = 3;
        const inner = {
          x: Math.max(0, Math.ceil(cell.box.x + inset)),
          y: Math.max(0, Math.ceil(cell.box.y + inset)),
          w: Math.floor(cell.box.w - 2 * inset),
          h: Math.floor(cell.box.h - 2 * inset),
        };
        if (inner.w <= 2 || inner.h <= 2) continue;
        if (!inkBounds(text, width, inner, 4)) continue;
        for (const line of textLines(text, width, inner, minGap)) {
          if (line.w * line.h < 6) continue; // a speck of JPEG noise
          crops.push(margin(line, 2, inner));
        }
      }
    }
  }
  lap('cells');
  const k = options.upscaled ? 1 : upscaleFactor(crops.map((c) => c.h));
  if (k > 1) {
    const read = await readTablePicture(engine, upscale(picture, k), {
      ...options,
      upscaled: true,
      sourceScale: k * (options.sourceScale ?? 1),
    });
    // The look at the picture's own size counts in its preparation.
    const first = now() - t0 - read.timings.prepare - read.timings.recognise;
    read.timings.prepare += first;
    read.timings.stages.small = first;
    return scaledBack(read, k, width, height);
  }
  if (!grids.length || options.fullPage) {
    // No rules (or a whole scanned page): the detector's text boxes, outside the ruled grids.
    const detector = await engine.detector();
    const inGrid = (r: Rect) =>
      grids.some(
        (g) =>
          r.x + r.w / 2 >= g.box.x && r.x + r.w / 2 <= g.box.x + g.box.w && r.y + r.h / 2 >= g.box.y && r.y + r.h / 2 <= g.box.y + g.box.h,
      );
    // Each box cut down to its ink (with the same 2 px margin as a cell's lines): DB's boxes are grown by
    // its unclip distance, and a lone 0 in a loose box comes back as 。 or nothing.
    const boxed: Rect[] = [];
    for (const box of await detector.detect(grey)) {
      if (box.w < 4 || box.h < 4 || inGrid(box)) continue;
      const within = {
        x: Math.max(0, box.x),
        y: Math.max(0, box.y),
        w: Math.min(width, box.x + box.w) - Math.max(0, box.x),
        h: Math.min(height, box.y + box.h) - Math.max(0, box.y),
      };
      const ink = inkBounds(text, width, within, 4);
      if (!ink || ink.w * ink.h < 6) continue;
      // DB joins words a space apart into one box; in a table without rules that space is the column
      // gap (three header cells side by side), so a box is cut where a blank as wide as the line is tall runs.
      for (const piece of splitOnGaps(text, width, ink, Math.max(8, Math.round(0.9 * ink.h)))) boxed.push(margin(piece, 2, within));
    }
    // A block of text too small to read (a table pasted small into the page) is read again from the source,
    // drawn larger: its boxes here are left unread.
    const source = options.sourceScale ?? 1;
    const blocks = options.render ? smallTextRegions(boxed, SMALL_TEXT_PX * source, width, height) : [];
    for (const { region, textHeight } of blocks) {
      const scale = Math.min(3, Math.max(2, Math.ceil((SMALL_TEXT_TARGET_PX * source) / textHeight)));
      const own = { x: region.x / source, y: region.y / source, w: region.w / source, h: region.h / source };
      const picture = await options.render!(scale, own);
      // Read as a page of its own: its grid cell by cell, and any text beside or around it from the detector.
      const read = await readTablePicture(engine, picture, { page: pageNo, now, upscaled: true, fullPage: true });
      const k = scale / source;
      for (const r of read.page.runs) reread.push({ ...r, x: region.x + r.x / k, y: region.y + r.y / k, w: r.w / k, h: r.h / k });
      for (const r of read.page.rules) {
        const [at, from] = r.dir === 'h' ? [region.y, region.x] : [region.x, region.y];
        rereadRules.push({ dir: r.dir, at: at + r.at / k, from: from + r.from / k, to: from + r.to / k });
      }
    }
    const inBlock = (r: Rect) =>
      blocks.some(
        ({ region: b }) => r.x + r.w / 2 >= b.x && r.x + r.w / 2 <= b.x + b.w && r.y + r.h / 2 >= b.y && r.y + r.h / 2 <= b.y + b.h,
      );
    for (const c of withoutInner(boxed.filter((b) => !inBlock(b)))) {
      detected.add(c);
      crops.push(c);
    }
  }
  lap('detect');
  const t1 = now();
  // The rules painted over with paper, so that no rule is read as 1 or 丨.
  const paper = paperLevel(grey);
  const clean = paintRules(grey, rules, paper);
  const inkLevel = Math.round((threshold + paper) / 2);
  // Twins: a table 三 is mostly lone zeros drawn from one glyph; each glyph is read once and its twins
  // take its reading (when it was sure of it), which halves the recogniser's width on such tables.
  const twinOf = findTwins(clean, crops, Math.round(0.5 * (paper - threshold)));
  const reading = new Map<Rect, Recognised>();
  const readCrops = async (list: Rect[]) => {
    const bands = toBands(list);
    const read = bands.length ? await engine.recogniser.recognise(clean, bands, inkLevel) : [];
    // A piece that came back empty (a lone character beside a long line, a lone 0) is read again on its
    // own: each as a band of one (the recogniser mixes a whole strip, and a lone character is read best alone).
    let again = 0;
    for (const [b, band] of bands.entries()) {
      for (const [i, piece] of band.pieces.entries()) {
        let r = read[b]![i]!;
        if (r.text === '' && again++ < 40) {
          const alone = (await engine.recogniser.recognise(clean, [{ pieces: [piece] }], inkLevel))[0]![0]!;
          if (alone.text) r = alone;
        }
        reading.set(piece, r);
      }
    }
  };
  lap('paint');
  await readCrops(crops.filter((_, i) => twinOf[i] === -1));
  // A doubtful reading is not copied: the bands holding its twins are read again whole, as they would
  // have been without twins (a strip of lone zeros alone reads less surely than the row they stand in).
  const all = toBands(crops);
  const unsure = new Set(crops.filter((_, i) => twinOf[i]! >= 0 && !sure(reading.get(crops[twinOf[i]!]!)!)));
  const again = all.filter((b) => b.pieces.some((p) => unsure.has(p))).flatMap((b) => b.pieces);
  if (again.length) await readCrops(again);
  crops.forEach((c, i) => {
    if (reading.has(c)) return;
    const r = reading.get(crops[twinOf[i]!]!)!;
    const dx = c.x - crops[twinOf[i]!]!.x;
    reading.set(c, { text: r.text, chars: r.chars.map((ch) => ({ ...ch, x0: ch.x0 + dx, x1: ch.x1 + dx })) });
  });
  const runs: PdfRun[] = [];
  for (const band of all) {
    let prev: { piece: Rect; run: PdfRun } | null = null;
    for (const piece of band.pieces) {
      const parts = detected.has(piece) ? splitDigitRun(reading.get(piece)!, piece, text, width) : null;
      if (parts) {
        for (const part of parts) {
          const run = runFrom(part.read, part.rect, runs.length, glyphCount(text, width, part.rect));
          if (!part.sure && (run.confidence ?? 1) > SPLIT_DOUBT_CONFIDENCE) run.confidence = SPLIT_DOUBT_CONFIDENCE;
          runs.push(run);
        }
        prev = null;
        continue;
      }
      const run = runFrom(reading.get(piece)!, piece, runs.length, glyphCount(text, width, piece));
      if (prev && detected.has(piece) && detected.has(prev.piece) && continuesAfterPunctuation(prev.run, run)) {
        Object.assign(prev.run, joinRuns(prev.run, run));
        prev.piece = piece;
        continue;
      }
      runs.push(run);
      prev = { piece, run };
    }
  }
  // The report's fixed terms put back where the recogniser lost a glyph of them (terms.ts: 行政復議 read "行政復").
  for (const run of reread) runs.push({ ...run, index: runs.length });
  for (const run of runs) run.str = repairOcrTerms(run.str);
  page.runs = runs;
  page.rules.push(...rereadRules);
  lap('recognise');
  return { page, ruled: grids.length > 0, rotation, crops: crops.length, timings: { prepare: t1 - t0, recognise: now() - t1, stages } };
}

/** Below OCR_CERTAIN: a digit given to a column of an unruled row by a guess (see splitDigitRun). */
const SPLIT_DOUBT_CONFIDENCE = 0.5;

/**
 * A detector box read as a run of digits that is several values of an unruled row ("102031200012": the DB box
 * took a row of narrow columns whole, the gaps under the split of a line's words): its ink is cut again where a
 * blank of 0.6 line heights runs (wider than between the digits of one number, and wide enough to be a column
 * gap in the reconstruction), and each digit goes to the part its CTC time step falls in (recognize.ts maps the
 * steps back to x). The split is sure when every digit falls inside a part and each part holds as many digits
 * as it shows glyphs; else each part is doubtful (and a reading that leaves a part without a digit is kept whole,
 * doubtful). Null when the run is not digits or its ink has no such gap.
 */
export function splitDigitRun(
  read: Recognised,
  piece: Rect,
  ink: Uint8Array,
  width: number,
): { rect: Rect; read: Recognised; sure: boolean }[] | null {
  const digits = numberCellText(read.text);
  if (!/^[0-9]{2,}$/.test(digits) || read.chars.length !== digits.length) return null;
  const bounds = inkBounds(ink, width, piece, 1);
  if (!bounds) return null;
  const parts = splitOnGaps(ink, width, bounds, Math.max(4, Math.round(0.6 * bounds.h)));
  if (parts.length < 2) return null;
  const given: Recognised[] = parts.map(() => ({ text: '', chars: [] }));
  let sure = true;
  for (const ch of read.chars) {
    const cx = (ch.x0 + ch.x1) / 2;
    let at = parts.findIndex((p) => cx >= p.x && cx < p.x + p.w);
    if (at < 0) {
      sure = false; // in a gap: the nearest part takes it
      let best = Infinity;
      parts.forEach((p, i) => {
        const d = cx < p.x ? p.x - cx : cx - (p.x + p.w);
        if (d < best) {
          best = d;
          at = i;
        }
      });
    }
    given[at]!.chars.push(ch);
    given[at]!.text += ch.ch;
  }
  // A part with no digit: the reading does not fit the ink; kept whole, as a doubt.
  if (given.some((g) => !g.text)) return [{ rect: piece, read, sure: false }];
  return parts.map((rect, i) => ({
    rect,
    read: given[i]!,
    sure: sure && glyphCount(ink, width, rect) === given[i]!.chars.length,
  }));
}

/**
 * A line of prose cut by the detector's gap split after a CJK comma or stop: 、，；：。 stand in the left half of
 * their square, so the blank after one is as wide as a column gap ("四、政府信息公开行政复议、" | "行政诉讼情况", a
 * heading the unruled-table reader then took for a row of two cells). The piece after it, a line height or less
 * away, continues the text.
 */
export function continuesAfterPunctuation(prev: PdfRun, next: PdfRun): boolean {
  if (!/[、，；：。]$/.test(prev.str) || !next.str) return false;
  const h = Math.max(prev.h, next.h);
  const gap = next.x - (prev.x + prev.w);
  return gap >= -2 && gap <= 1.2 * h && Math.abs(prev.y + prev.h / 2 - (next.y + next.h / 2)) <= 0.35 * h;
}

/** Two runs of one line as one: text joined, box around both, the less sure confidence. */
export function joinRuns(a: PdfRun, b: PdfRun): PdfRun {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  const { alternatives: _a, ...rest } = a;
  return {
    ...rest,
    str: a.str + b.str,
    x,
    y,
    w: Math.max(a.x + a.w, b.x + b.w) - x,
    h: Math.max(a.y + a.h, b.y + b.h) - y,
    ...(a.confidence !== undefined || b.confidence !== undefined ? { confidence: Math.min(a.confidence ?? 1, b.confidence ?? 1) } : {}),
  };
}

/**
 * Crops without those lying mostly (80 % of their area) inside a larger one: DB gives a stroke of a digit a box
 * of its own beside the digit's, and read alone the stroke is a 1 that joins the digit ("0" + "1" → "01").
 */
export function withoutInner(crops: Rect[]): Rect[] {
  const area = (r: Rect) => r.w * r.h;
  const overlap = (a: Rect, b: Rect) =>
    Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  return crops.filter((c) => !crops.some((d) => d !== c && area(d) > area(c) && overlap(c, d) >= 0.8 * area(c)));
}

const sure = (r: Recognised) => r.text !== '' && r.chars.every((c) => c.p >= OCR_CERTAIN);

/**
 * For each crop, the index of an earlier crop showing the same glyphs (−1: none): short crops (a number
 * of up to three or four digits) of the same size, ±1 px, whose grey levels differ nowhere by more than
 * `tolerance` at the best of nine alignments (±1 px). Measured on the fixtures' table 三 pictures: the same
 * digit differs by at most 58–99 (median) in JPEG, blur and rotation; two different digits by at least
 * 117 on grey paper and 140–200 elsewhere; only a misread `0.` came nearer (and a doubtful reading is
 * never copied). Crops are compared with the first of each group only, so likeness does not chain.
 */
export function findTwins(grey: GreyImage, crops: Rect[], tolerance: number): number[] {
  const { data, width, height } = grey;
  const out = crops.map(() => -1);
  const firsts: number[] = [];
  const like = (a: Rect, b: Rect) => {
    const w = Math.min(a.w, b.w);
    const h = Math.min(a.h, b.h);
    for (let dy = -1; dy <= 1; dy++) {
      shift: for (let dx = -1; dx <= 1; dx++) {
        for (let y = 0; y < h; y++) {
          const by = b.y + y + dy;
          const ra = (a.y + y) * width + a.x;
          for (let x = 0; x < w; x++) {
            const bx = b.x + x + dx;
            const bv = by < 0 || bx < 0 || by >= height || bx >= width ? 255 : data[by * width + bx]!;
            if (Math.abs(data[ra + x]! - bv) > tolerance) continue shift;
          }
        }
        return true;
      }
    }
    return false;
  };
  crops.forEach((c, i) => {
    if (c.w > 2.5 * c.h) return;
    const first = firsts.find((j) => Math.abs(crops[j]!.w - c.w) <= 1 && Math.abs(crops[j]!.h - c.h) <= 1 && like(crops[j]!, c));
    if (first === undefined) firsts.push(i);
    else out[i] = first;
  });
  return out;
}

/** The ink of `r` cut into pieces where a run of blank columns at least `gap` wide separates them. */
function splitOnGaps(ink: Uint8Array, width: number, r: Rect, gap: number): Rect[] {
  const pieces: Rect[] = [];
  let start = -1;
  let blank = 0;
  for (let x = r.x; x <= r.x + r.w; x++) {
    let on = false;
    if (x < r.x + r.w) for (let y = r.y; y < r.y + r.h && !on; y++) on = ink[y * width + x] === 1;
    if (on) {
      if (start < 0) start = x;
      blank = 0;
    } else if (start >= 0 && (++blank >= gap || x === r.x + r.w)) {
      const piece = inkBounds(ink, width, { x: start, y: r.y, w: x - blank + 1 - start, h: r.h }, 1);
      if (piece) pieces.push(piece);
      start = -1;
      blank = 0;
    }
  }
  return pieces.length ? pieces : [r];
}

function paintRules(grey: GreyImage, rules: (PdfRule & { thickness: number })[], paper: number): GreyImage {
  const data = grey.data.slice();
  const { width, height } = grey;
  for (const r of rules) {
    const half = r.thickness / 2 + 1.5;
    const a0 = Math.max(0, Math.floor(r.at - half));
    const a1 = Math.min(r.dir === 'h' ? height : width, Math.ceil(r.at + half));
    for (let a = a0; a < a1; a++) {
      for (let b = Math.max(0, r.from - 1); b < Math.min(r.dir === 'h' ? width : height, r.to + 1); b++)
        data[r.dir === 'h' ? a * width + b : b * width + a] = paper;
    }
  }
  return { data, width, height };
}

/** Crops on one text band (their middles within a third of a line height), each band left to right. */
function toBands(crops: Rect[]): TextBand[] {
  const sorted = [...crops].sort((a, b) => a.y + a.h / 2 - (b.y + b.h / 2) || a.x - b.x);
  const bands: { cy: number; h: number; pieces: Rect[] }[] = [];
  for (const c of sorted) {
    const cy = c.y + c.h / 2;
    const band = bands.find((b) => Math.abs(b.cy - cy) <= 0.35 * Math.max(b.h, c.h) && Math.max(b.h, c.h) <= 1.8 * Math.min(b.h, c.h));
    if (band) {
      band.pieces.push(c);
      band.h = Math.max(band.h, c.h);
    } else bands.push({ cy, h: c.h, pieces: [c] });
  }
  return bands.map((b) => ({ pieces: b.pieces.sort((p, q) => p.x - q.x) }));
}

function margin(r: Rect, m: number, within: Rect): Rect {
  const x = Math.max(within.x, r.x - m);
  const y = Math.max(within.y, r.y - m);
  return { x, y, w: Math.min(within.x + within.w, r.x + r.w + m) - x, h: Math.min(within.y + within.h, r.y + r.h + m) - y };
}
