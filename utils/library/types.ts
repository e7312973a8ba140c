/** Records of the library database (schema version 2; see db.ts). */
import type { AgencyKind, Era, FigureKey, Figures, Finding, Report } from '../report/types';
import type { ScoreRecord } from '../score/scorecard';

export { FIGURE_KEYS } from '../report/types';
export type { ReportSummary } from '../score/summary';

/** Finding counts of a report. error/warning/info/total exclude dismissed findings. */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  total: number;
  dismissed: number;
  confirmed: number;
}
export type CountKey = keyof FindingCounts;
export const COUNT_KEYS: readonly CountKey[] = ['error', 'warning', 'info', 'total', 'dismissed', 'confirmed'];

/**
 * One saved revision of a report, as listed in the library: small, with the columns the library queries.
 * The full Report and its findings live in `bodies` under the same id (loaded only when needed).
 */
export interface ReportRow {
  id?: number;
  /** Source URL without its #fragment. */
  url: string;
  contentHash: string;
  /** 'pdf' for a report read from a PDF (the library opens it in pdf.html); absent for pages. */
  sourceKind?: 'pdf';
  /** ISO 8601, when this revision was first saved. */
  savedAt: string;
  /** ISO 8601, when this revision was last seen (saved again unchanged, or re-checked). */
  checkedAt: string;
  /** 1 for the newest revision of its URL, 0 for older ones (kept when a page changed). */
  latest: 0 | 1;
  /** The revision this one replaced, if any. */
  previousId?: number;
  title: string | null;
  agency: string | null;
  /** agencyKey(agency): the grouping key; '' when unknown. */
  agencyKey: string;
  region: string;
  year: number | null;
  era: Era | '';
  publishedAt: string | null;
  agencyKind: AgencyKind;
  figures: Figures;
  /** Report.doubtfulFigures: figures read from a table cell whose column is a guess. Not indexed; absent when none. */
  doubtfulFigures?: FigureKey[];
  counts: FindingCounts;
  /** Findings per rule id (dismissed excluded). */
  ruleCounts: Record<string, number>;
  /**
   * The scorecard's threshold-free part (utils/score/scorecard.ts), kept so the #scores view and the
   * dashboard need no bodies: computed on save, import, re-check (the copied share needs last year's
   * report) and review (dismissed findings leave the data-logic item). Filled for older rows by v5.
   */
  score?: ScoreRecord;
}

export interface ReportBody {
  id: number;
  report: Report;
  findings: Finding[];
}

export type ReviewStatus = 'confirmed' | 'dismissed';

export interface Review {
  reportId: number;
  findingKey: string;
  status: ReviewStatus;
  note: string;
  updatedAt: string;
}

/** A user-made link: two agency names (keys) are the same body, e.g. after a rename. */
export interface AgencyLink {
  id?: number;
  a: string;
  b: string;
  createdAt: string;
}

/** A saved report with everything: what findSaved and getReport return. */
export interface SavedReport extends ReportRow {
  id: number;
  report: Report;
  findings: Finding[];
}
