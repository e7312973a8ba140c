/**
 * Which key figures were taken from values read from a picture by OCR, and how sure that reading was: the
 * least confidence of the cells a figure is taken from (as utils/parse's keyFigures takes them: table 三's
 * 总计 cell, or its applicant cells when that is blank; table 四's totals). Pure: the UI marks them.
 * A figure taken from the prose is not listed (the prose of a scanned page is read by OCR too: the page says
 * so as a whole).
 */
import {
  APPLICANT_COLUMNS,
  type ApplicantColumn,
  type CellValue,
  type FigureKey,
  type Figures,
  type StandardTables,
} from '@/utils/report/types';

const pictureConfidence = (cells: (CellValue | undefined)[]): number | null => {
  const read = cells.filter((c): c is CellValue => c?.read?.placed === 'picture' && c.value.kind === 'number');
  return read.length ? Math.min(...read.map((c) => c.read!.confidence ?? 0)) : null;
};

function rowCells(cells: Partial<Record<ApplicantColumn, CellValue>> | undefined): (CellValue | undefined)[] {
  if (!cells) return [];
  if (cells.total && cells.total.value.kind !== 'missing') return [cells.total];
  return APPLICANT_COLUMNS.filter((c) => c !== 'total').map((c) => cells[c]);
}

/** Figure → the least OCR confidence (0–1) of the table cells it is taken from; only figures the report states. */
export function pictureFigures(standard: StandardTables, figures: Figures): Partial<Record<FigureKey, number>> {
  const app = standard.applications?.rows;
  const review = standard.reviewLitigation?.groups;
  const from: Record<FigureKey, (CellValue | undefined)[]> = {
    activeDisclosed: [],
    applicationsNew: rowCells(app?.new),
    applicationsCarriedOver: rowCells(app?.carriedOver),
    applicationsHandled: rowCells(app?.total),
    applicationsCarriedForward: rowCells(app?.carriedForward),
    reviewTotal: [review?.review?.total],
    litigationTotal: [review?.litigationDirect?.total, review?.litigationAfterReview?.total],
  };
  const out: Partial<Record<FigureKey, number>> = {};
  for (const key of Object.keys(from) as FigureKey[]) {
    if (figures[key] === null || figures[key] === undefined) continue;
    const confidence = pictureConfidence(from[key]);
    if (confidence !== null) out[key] = confidence;
  }
  return out;
}
