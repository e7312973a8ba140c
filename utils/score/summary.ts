/**
 * A report's summary: what #scores and #dashboard read of it, kept beside its library row by the library's one
 * writer (table `summaries`, same id), so that the two views read 10,000 small rows and never the full ones.
 * Reading rows out of IndexedDB costs by their size (a structured clone in the page): a full row with its score
 * record is about 1,000 bytes as JSON, its summary about 400.
 *
 * Thresholds are the user's and may change at any time: the summary keeps no points that depend on them. It keeps
 * the points of the four threshold-free items (on time, sections, tables, data logic) and the three shares the
 * others are judged on (copied, 纠错率, 公开率), so the totals under any thresholds are a few comparisons away and
 * nothing has to be recomputed, nor is anything shown wrong, when a threshold is edited.
 *
 * What is stored is derived by this code: a change to what summaryOf computes (weights, deadlines, the items)
 * needs a new database version whose upgrade refills the summaries (utils/library/db.ts), as v5 and v6 did for
 * the score records. test/unit/score/summary.test.ts holds the summary's views equal to the full computation.
 * Pure: rows in, summaries and views out.
 */

import { timelinessOf } from './dashboard';
import type { ScoreRow } from './row';
import { type Criterion, DEFAULT_THRESHOLDS, recordRates, type ScoreThresholds, type TableKey, unwordedItems, WEIGHTS } from './scorecard';

/** The threshold-free items, in the order their points are kept. */
export const FIXED_CRITERIA = ['onTime', 'sections', 'tables', 'dataLogic'] as const satisfies readonly Criterion[];

export interface ReportSummary {
  /** The library row's id. */
  id: number;
  latest: 0 | 1;
  url: string;
  agency: string | null;
  /** The row's title, kept only when it has no agency (the name shown instead). */
  title?: string;
  agencyKey: string;
  region: string;
  year: number | null;
  /** The row's error and warning counts (dismissed findings left out), as the list shows them. */
  errors: number;
  warnings: number;
  /** figures.applicationsNew, for the dashboard's histogram (the summary is the dashboard's DashboardFacts). */
  applicationsNew: number | null;
  /**
   * Points and maximum of each threshold-free item, in FIXED_CRITERIA order ([points, max] × 4). Absent when the
   * row has no score record (then none of the fields below is there either, and #scores leaves the row out).
   */
  fixed?: number[];
  /** Share copied from last year's report (null: none saved), 纠错率, 公开率 (null: no cases). */
  copiedShare?: number | null;
  correctionRate?: number | null;
  disclosureRate?: number | null;
  timely?: 'onTime' | 'late' | null;
  /** Days late, when late. */
  daysLate?: number | null;
  /** What could not be read: 'scanned' (the whole report) or the standard tables; absent when everything was. */
  notCheckable?: 'scanned' | TableKey[];
}

/** A library row as summaryOf takes it (a ReportRow is one). */
export type SummarySource = ScoreRow & { id?: number; agencyKey?: string };

/** The summary of a library row (its id must be set: the summary is stored under it). */
export function summaryOf(row: SummarySource): ReportSummary {
  const v = row.figures?.applicationsNew;
  const out: ReportSummary = {
    id: row.id!,
    latest: row.latest,
    url: row.url,
    agency: row.agency,
    ...(row.agency === null && row.title !== null ? { title: row.title } : {}),
    agencyKey: row.agencyKey ?? '',
    region: row.region,
    year: row.year,
    errors: row.counts.error,
    warnings: row.counts.warning,
    applicationsNew: typeof v === 'number' && Number.isFinite(v) ? v : null,
  };
  const score = row.score;
  if (!score) return out;
  if (score.unreadable) {
    // Nothing scored (every item 0 of 0), no rates: what applyThresholds says of such a record.
    return {
      ...out,
      fixed: [0, 0, 0, 0, 0, 0, 0, 0],
      copiedShare: null,
      correctionRate: null,
      disclosureRate: null,
      timely: null,
      daysLate: null,
      notCheckable: 'scanned',
    };
  }
  // The scorecard's own items (unworded), not copies of their rules; the first four do not read the thresholds.
  const items = unwordedItems(score);
  const fixed: number[] = [];
  for (const c of FIXED_CRITERIA) {
    // Before 2019 completeness is one item (sections, 0 of 0) and there is no tables item: 0 of 0 too.
    const i = items.find((x) => x.criterion === c);
    fixed.push(i?.points ?? 0, i?.max ?? 0);
  }
  // Days late as scoredRows reads them, from the on-time item's reason.
  const onTime = items[0]!;
  const days = onTime.reason.messageId === 'late' || onTime.reason.messageId === 'lateListing' ? Number(onTime.reason.data.days) : null;
  const rates = recordRates(score);
  const unread = (score.unreadableTables ?? []).map((u) => u.table);
  return {
    ...out,
    fixed,
    copiedShare: score.copiedShare,
    correctionRate: rates.correctionRate,
    disclosureRate: rates.disclosureRate,
    timely: timelinessOf(score),
    daysLate: Number.isFinite(days) ? days : null,
    ...(unread.length ? { notCheckable: unread } : {}),
  };
}

export interface CriterionPoints {
  criterion: Criterion;
  points: number;
  max: number;
}

/** Each item's points and maximum under the thresholds, in the scorecard's order (what the CSV lists). */
export function summaryItems(s: ReportSummary, thresholds?: Partial<ScoreThresholds>): CriterionPoints[] {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const fixed = s.fixed ?? [0, 0, 0, 0, 0, 0, 0, 0];
  const out: CriterionPoints[] = FIXED_CRITERIA.map((criterion, i) => ({ criterion, points: fixed[2 * i]!, max: fixed[2 * i + 1]! }));
  // The three items that read a threshold, as scorecard.ts judges them (copied, ratioItem).
  const copied = s.copiedShare ?? null;
  out.push(
    copied === null
      ? { criterion: 'copied', points: 0, max: 0 }
      : { criterion: 'copied', points: copied >= t.copiedShare ? 0 : WEIGHTS.copied, max: WEIGHTS.copied },
  );
  const cr = s.correctionRate ?? null;
  out.push(
    cr === null
      ? { criterion: 'correctionRate', points: 0, max: 0 }
      : { criterion: 'correctionRate', points: cr <= t.correctionRate ? WEIGHTS.ratio : 0, max: WEIGHTS.ratio },
  );
  const dr = s.disclosureRate ?? null;
  out.push(
    dr === null
      ? { criterion: 'disclosureRate', points: 0, max: 0 }
      : { criterion: 'disclosureRate', points: dr >= t.disclosureRate ? WEIGHTS.ratio : 0, max: WEIGHTS.ratio },
  );
  return out;
}

/** summaryItems' total points and maximum, without building the items (what #scores ranks 10,000 rows by). */
export function summaryTotals(s: ReportSummary, t: ScoreThresholds): { points: number; max: number } {
  const f = s.fixed!;
  let points = f[0]! + f[2]! + f[4]! + f[6]!;
  let max = f[1]! + f[3]! + f[5]! + f[7]!;
  const copied = s.copiedShare ?? null;
  if (copied !== null) {
    max += WEIGHTS.copied;
    if (copied < t.copiedShare) points += WEIGHTS.copied;
  }
  const cr = s.correctionRate ?? null;
  if (cr !== null) {
    max += WEIGHTS.ratio;
    if (cr <= t.correctionRate) points += WEIGHTS.ratio;
  }
  const dr = s.disclosureRate ?? null;
  if (dr !== null) {
    max += WEIGHTS.ratio;
    if (dr >= t.disclosureRate) points += WEIGHTS.ratio;
  }
  return { points, max };
}
