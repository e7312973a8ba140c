/**
 * A scanned PDF page read by OCR: pdf.js renders it at SCAN_SCALE pixels per point, OCR reads the picture,
 * and the runs and rules come back in the picture's pixels. `scanToPoints` turns them into points, as a
 * PDF's own text would be, so that the reconstruction's page geometry (margins, columns) holds. One copy for
 * every host: Node (cli/pdf.ts) and extension pages (entrypoints/shared/picture-reader.ts).
 */
import type { PdfPageInput } from './types';

/** Pixels per PDF point when a scanned page is rendered for OCR (1.5: 12 pt text is 18 px high). */
export const SCAN_SCALE = 1.5;

/** A page read from a picture rendered at `scale` pixels per point → the same page in points. */
export function scanToPoints(page: PdfPageInput, scale: number = SCAN_SCALE): PdfPageInput {
  const k = 1 / scale;
  return {
    ...page,
    width: page.width * k,
    height: page.height * k,
    runs: page.runs.map((r) => ({ ...r, x: r.x * k, y: r.y * k, w: r.w * k, h: r.h * k })),
    rules: page.rules.map((r) => ({ ...r, at: r.at * k, from: r.from * k, to: r.to * k })),
  };
}
