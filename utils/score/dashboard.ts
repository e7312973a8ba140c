/**
 * The dashboard's figures, aggregated from library rows (no bodies): reports by region and year, the share
 * with errors and the on-time rate per year, and histograms of the key figures. Only the newest revision of
 * each report counts. Every bar knows the filter that lists its reports (view.ts, #scores?…).
 * Pure: rows in, numbers out.
 */

import { deadlineFor } from '../rules/late-publication';
import type { ScoreRow } from './row';
import { recordRates, type ScoreRecord } from './scorecard';

export type DashboardRow = Pick<ScoreRow, 'latest' | 'region' | 'year' | 'counts' | 'figures' | 'score'>;

export type HistogramMetric = 'applicationsNew' | 'disclosureRate' | 'correctionRate';
export const HISTOGRAM_METRICS: readonly HistogramMetric[] = ['applicationsNew', 'disclosureRate', 'correctionRate'];

/** Applications received: bins by order of magnitude (most agencies get a handful, a few get thousands). */
const APPLICATION_EDGES = [0, 1, 10, 50, 100, 500, 1000] as const;
const RATE_BINS = 10;

/** The bins' labels, in order: counts as "10–49", rates as "10–20%"; a rate above 100% (a table error) has its own bin. */
export function binLabels(metric: HistogramMetric): string[] {
  if (metric === 'applicationsNew') {
    return APPLICATION_EDGES.map((lo, i) => {
      const hi = APPLICATION_EDGES[i + 1];
      if (hi === undefined) return `≥${lo}`;
      return hi - lo === 1 ? String(lo) : `${lo}–${hi - 1}`;
    });
  }
  return [...Array.from({ length: RATE_BINS }, (_, i) => `${i * 10}–${(i + 1) * 10}%`), '>100%'];
}

/** The rate a row's score record gives for a metric (null: no cases, or no record). */
export function rateOf(score: ScoreRecord | undefined, metric: 'disclosureRate' | 'correctionRate'): number | null {
  return score ? recordRates(score)[metric] : null;
}

/** The bin a row falls in for a metric, or null when the row has no such figure. */
export function binOf(metric: HistogramMetric, row: Pick<DashboardRow, 'figures' | 'score'>): number | null {
  return binIndex(metric, metric === 'applicationsNew' ? row.figures?.applicationsNew : rateOf(row.score, metric));
}

/** The bin of a value of the metric (applications received, or a rate); null for none. */
export function binIndex(metric: HistogramMetric, value: number | null | undefined): number | null {
  if (typeof value !== 'number') return null;
  if (metric === 'applicationsNew') {
    if (!Number.isFinite(value) || value < 0) return null;
    let bin = 0;
    for (let i = 0; i < APPLICATION_EDGES.length; i++) if (value >= APPLICATION_EDGES[i]) bin = i;
    return bin;
  }
  if (value < 0) return null;
  if (value > 1) return RATE_BINS;
  // 1e-9: 0.7 × 10 is 7.000000000000001, 0.3 × 10 is 3.0000000000000004 — keep exact tenths in their own bin.
  return Math.min(RATE_BINS - 1, Math.floor(value * RATE_BINS + 1e-9));
}

/** 'onTime' | 'late' from the stored record; null when it could not be judged (no year or no date). */
export function timelinessOf(score: ScoreRecord | undefined): 'onTime' | 'late' | null {
  if (!score?.date) return null;
  const deadline = deadlineFor(score.year, score.agencyKind);
  if (!deadline) return null;
  return score.date <= deadline.date ? 'onTime' : 'late';
}

export interface YearShare {
  year: number;
  /** Reports of the year (for on-time: those that could be judged). */
  reports: number;
  /** With errors (errorShare) or on time (onTime). */
  count: number;
  /** count ÷ reports, null when there are none. */
  share: number | null;
}

export interface Dashboard {
  /** Reports counted (newest revisions). */
  total: number;
  regions: string[];
  years: number[];
  /** byRegionYear[r][y]: reports of regions[r] for years[y]. */
  byRegionYear: number[][];
  errorShare: YearShare[];
  onTime: YearShare[];
  histograms: Record<HistogramMetric, { labels: string[]; counts: number[] }>;
}

const collator = new Intl.Collator('zh-Hans-CN');

/** What the dashboard counts of one report (a report's summary is one: utils/score/summary.ts). */
export interface DashboardFacts {
  latest: 0 | 1;
  region: string;
  year: number | null;
  errors: number;
  timely?: 'onTime' | 'late' | null;
  applicationsNew: number | null;
  correctionRate?: number | null;
  disclosureRate?: number | null;
}

/** The dashboard from full library rows (each row's score record read here). */
export function aggregateDashboard(rows: readonly DashboardRow[]): Dashboard {
  return dashboardOf(
    rows.map((r) => ({
      latest: r.latest,
      region: r.region,
      year: r.year,
      errors: r.counts.error,
      timely: timelinessOf(r.score),
      applicationsNew: r.figures?.applicationsNew ?? null,
      correctionRate: rateOf(r.score, 'correctionRate'),
      disclosureRate: rateOf(r.score, 'disclosureRate'),
    })),
  );
}

/**
 * The dashboard of the newest revisions among the reports, in one pass over them (10,000 summaries: the pass is
 * what #dashboard waits for once they are read); regions and years are sorted afterwards, a few dozen of each.
 */
export function dashboardOf(rows: readonly DashboardFacts[]): Dashboard {
  // Per region: reports per year; per year: [reports, with errors, judged on time, on time].
  const byRegion = new Map<string, Map<number, number>>();
  const perYear = new Map<number, [number, number, number, number]>();
  const histograms = Object.fromEntries(
    HISTOGRAM_METRICS.map((m) => [m, { labels: binLabels(m), counts: binLabels(m).map(() => 0) }]),
  ) as Dashboard['histograms'];
  const { applicationsNew: apps, correctionRate: corr, disclosureRate: disc } = histograms;
  let total = 0;
  for (const r of rows) {
    if (r.latest !== 1) continue;
    total++;
    const region = r.region ?? '';
    let years = byRegion.get(region);
    if (!years) byRegion.set(region, (years = new Map()));
    if (typeof r.year === 'number') {
      years.set(r.year, (years.get(r.year) ?? 0) + 1);
      let y = perYear.get(r.year);
      if (!y) perYear.set(r.year, (y = [0, 0, 0, 0]));
      y[0]++;
      if (r.errors > 0) y[1]++;
      if (r.timely) {
        y[2]++;
        if (r.timely === 'onTime') y[3]++;
      }
    }
    const a = binIndex('applicationsNew', r.applicationsNew);
    if (a !== null) apps.counts[a]++;
    const c = binIndex('correctionRate', r.correctionRate);
    if (c !== null) corr.counts[c]++;
    const d = binIndex('disclosureRate', r.disclosureRate);
    if (d !== null) disc.counts[d]++;
  }
  const regions = [...byRegion.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
  const years = [...perYear.keys()].sort((a, b) => a - b);
  const byRegionYear = regions.map((r) => {
    const counts = byRegion.get(r)!;
    return years.map((y) => counts.get(y) ?? 0);
  });
  const shares = (reports: 0 | 2, count: 1 | 3): YearShare[] =>
    years.map((year) => {
      const y = perYear.get(year)!;
      return { year, reports: y[reports], count: y[count], share: y[reports] ? y[count] / y[reports] : null };
    });
  return { total, regions, years, byRegionYear, errorShare: shares(0, 1), onTime: shares(2, 3), histograms };
}
