/**
 * A picture's reading without OCR, for tests of what follows it: a truth grid of test/fixtures/pictures
 * (written by hand from the source page) drawn as the page readTablePicture would give, with a ruled
 * grid (each cell's four edges) and one run per cell at its top-left, in the picture's pixels.
 */
import { readFileSync } from 'node:fs';
import type { PdfPageInput, PdfRule, PdfRun } from '../../../utils/pdf/types';

export interface TruthGrid {
  rows: number;
  cols: number;
  cells: { row: number; col: number; rowSpan: number; colSpan: number; text: string }[];
}

export const COL_W = 90;
export const ROW_H = 24;

export function readTruth(name: string): TruthGrid {
  return JSON.parse(readFileSync(`test/fixtures/pictures/${name}.truth.json`, 'utf8')) as TruthGrid;
}

/** The grid as a picture's page: cell (r, c) spans x = c·COL_W, y = r·ROW_H; `confidence` for every run. */
export function pageFromTruth(truth: TruthGrid, page: number, confidence = 0.99): PdfPageInput {
  const rules: PdfRule[] = [];
  const runs: PdfRun[] = [];
  for (const cell of truth.cells) {
    const x = cell.col * COL_W;
    const y = cell.row * ROW_H;
    const w = cell.colSpan * COL_W;
    const h = cell.rowSpan * ROW_H;
    rules.push({ dir: 'h', at: y, from: x, to: x + w }, { dir: 'h', at: y + h, from: x, to: x + w });
    rules.push({ dir: 'v', at: x, from: y, to: y + h }, { dir: 'v', at: x + w, from: y, to: y + h });
    if (cell.text)
      runs.push({ str: cell.text, x: x + 4, y: y + 6, w: Math.min(w - 8, 12 * cell.text.length), h: 12, index: runs.length, confidence });
  }
  return { page, width: truth.cols * COL_W, height: truth.rows * ROW_H, runs, rules, images: 1, picture: { image: page, rotation: 0 } };
}
