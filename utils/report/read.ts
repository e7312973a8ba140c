/** How sure a table value is (issue 17): one place that says which readings a rule may call an error. */
import type { CellValue } from './types';

/** OCR confidence at or above which a digit read from a picture counts as certain. */
export const OCR_CERTAIN = 0.9;

/** A value whose row and column are known: a grid cell, a text table with certain columns, or a confident OCR read. */
export function isCertain(cell: CellValue | undefined): boolean {
  const read = cell?.read;
  if (!read) return true; // reports saved before reads were recorded came from grids
  if (read.placed === 'grid' || read.placed === 'columns') return true;
  return read.placed === 'picture' && (read.confidence ?? 0) >= OCR_CERTAIN;
}
