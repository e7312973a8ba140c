/**
 * The scorecard table (#scores) as data: every newest revision with its scorecard under the user's
 * thresholds, filtered (region, year, and what a dashboard bar counts), sorted by any column, and exported
 * to CSV. The filter travels in the hash (#scores?region=…&year=…), so a dashboard mark links to its reports.
 * Pure: rows and thresholds in; the UI renders what comes out.
 */

import { SCORES_CSV } from '../i18n/csv';
import { SCORE_MESSAGES } from '../i18n/score';
import type { Locale } from '../report/types';
import { fillTemplate } from '../rules/render';
import { csvText } from '../text/csv';
import { binIndex, HISTOGRAM_METRICS, type HistogramMetric, rateOf, timelinessOf } from './dashboard';
import type { ScoreRow } from './row';
import {
  applyThresholds,
  type Criterion,
  DEFAULT_THRESHOLDS,
  type Scorecard,
  type ScoreItem,
  type ScoreThresholds,
  scoreTotals,
  type TableKey,
} from './scorecard';
import { type CriterionPoints, type ReportSummary, summaryItems, summaryTotals } from './summary';

export interface ScoresFilter {
  region?: string;
  year?: number;
  /** Reports in one bin of a dashboard histogram. */
  bin?: { metric: HistogramMetric; index: number };
  /** Only reports with (true) or without (false) errors. */
  errors?: boolean;
  /** Only reports published on time or late (judged ones). */
  timely?: 'onTime' | 'late';
}

/** What a scored row shows of its report: a library row has it, and so does what scoredSummaries builds. */
export type ScoredFacts = Pick<ScoreRow, 'id' | 'url' | 'title' | 'agency' | 'region' | 'year'> & {
  counts: { error: number; warning: number };
};

export interface ScoredRow {
  row: ScoredFacts;
  /**
   * The scorecard with its items and reasons, worded when first read: there when scored from full rows
   * (scoredRows); from summaries, the view reads the row's score record to word it (an explained row).
   */
  card?: Scorecard;
  /** Each criterion's points and maximum under the thresholds (the CSV's columns; 0 of 0: not judged), built when first read. */
  items: readonly CriterionPoints[];
  /** The card's points and maximum, known without wording it. */
  points: number;
  max: number;
  /** Points as a share of the maximum (0..1); null when nothing could be judged (max 0). */
  share: number | null;
  timely: 'onTime' | 'late' | null;
  /** Days late, when late. */
  daysLate: number | null;
  correctionRate: number | null;
  disclosureRate: number | null;
  /** figures.applicationsNew (a dashboard histogram's bin filters on it). */
  applicationsNew: number | null;
  /** What could not be read: 'scanned', or the standard tables (empty: everything was). */
  notCheckable: 'scanned' | TableKey[];
}

export type ScoreSortKey = 'agency' | 'region' | 'year' | 'score' | 'timely' | 'findings' | 'correctionRate' | 'disclosureRate';
export const SCORE_SORT_KEYS: readonly ScoreSortKey[] = [
  'agency',
  'region',
  'year',
  'score',
  'timely',
  'findings',
  'correctionRate',
  'disclosureRate',
];

/**
 * The score as a share of its maximum: maximums differ (what cannot be judged scores 0 of 0), so 85 of 85
 * must rank above 89 of 100. Null when nothing could be judged.
 */
export function scoreShare(card: Pick<Scorecard, 'points' | 'max'>): number | null {
  return card.max > 0 ? card.points / card.max : null;
}

/**
 * A row of the scores with no score (issue 21): a batch item that failed (never saved) or an expected agency
 * with no report for the year. Shown and exported with its reason in 说明, never dropped.
 */
export interface UnscoredRow {
  kind: 'failed' | 'missing';
  agency: string | null;
  region: string;
  year: number | null;
  url: string | null;
  /** Why there is no score, in the reader's words (the view words it from the catalogue). */
  reason: string;
}

/** Unscored rows under the same region and year filter as the scored ones (other filters need a score: none pass). */
export function filterUnscored(rows: readonly UnscoredRow[], f: ScoresFilter): UnscoredRow[] {
  if (f.bin || f.errors !== undefined || f.timely) return [];
  return rows.filter((r) => (f.region === undefined || r.region === f.region) && (f.year === undefined || r.year === f.year));
}

/** The newest revision of every report that has a score record, scored under the thresholds. */
export function scoredRows(rows: readonly ScoreRow[], thresholds?: Partial<ScoreThresholds>): ScoredRow[] {
  const out: ScoredRow[] = [];
  for (const row of rows) {
    const score = row.score;
    if (row.latest !== 1 || !score) continue;
    // Every row is ranked by its share; only the rows shown (or exported) need their items worded.
    const { points, max, onTime } = scoreTotals(score, thresholds);
    let card: Scorecard | undefined;
    const cardOf = () => (card ??= applyThresholds(score, thresholds));
    const timely = timelinessOf(score);
    const days = onTime?.reason.messageId === 'late' || onTime?.reason.messageId === 'lateListing' ? Number(onTime.reason.data.days) : null;
    const apps = row.figures?.applicationsNew;
    out.push({
      row,
      get card() {
        return cardOf();
      },
      get items() {
        // Every criterion, 0 of 0 where the card has no item (before 2019 completeness is one item).
        const items = cardOf().items;
        return CRITERIA.map((criterion) => {
          const i = items.find((x) => x.criterion === criterion);
          return { criterion, points: i?.points ?? 0, max: i?.max ?? 0 };
        });
      },
      points,
      max,
      share: scoreShare({ points, max }),
      timely,
      daysLate: Number.isFinite(days) ? days : null,
      correctionRate: rateOf(score, 'correctionRate'),
      disclosureRate: rateOf(score, 'disclosureRate'),
      applicationsNew: typeof apps === 'number' && Number.isFinite(apps) ? apps : null,
      notCheckable: notCheckableOf(row),
    });
  }
  return out;
}

/**
 * scoredRows from the reports' summaries (what the library's writer keeps, utils/score/summary.ts): the same
 * rows, points, order and CSV, without reading any full row; no card (the view words an explained row from its
 * record).
 */
export function scoredSummaries(summaries: readonly ReportSummary[], thresholds?: Partial<ScoreThresholds>): ScoredRow[] {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const out: ScoredRow[] = [];
  for (const s of summaries) {
    if (s.latest !== 1 || !s.fixed) continue;
    const { points, max } = summaryTotals(s, t);
    let items: CriterionPoints[] | undefined;
    out.push({
      row: {
        id: s.id,
        url: s.url,
        title: s.title ?? null,
        agency: s.agency,
        region: s.region,
        year: s.year,
        counts: { error: s.errors, warning: s.warnings },
      },
      get items() {
        items ??= summaryItems(s, t);
        return items;
      },
      points,
      max,
      share: scoreShare({ points, max }),
      timely: s.timely ?? null,
      daysLate: s.daysLate ?? null,
      correctionRate: s.correctionRate ?? null,
      disclosureRate: s.disclosureRate ?? null,
      applicationsNew: s.applicationsNew,
      notCheckable: s.notCheckable ?? [],
    });
  }
  return out;
}

export function filterScored(rows: readonly ScoredRow[], f: ScoresFilter): ScoredRow[] {
  const metric = f.bin?.metric;
  return rows.filter((s) => {
    const { row, timely } = s;
    if (f.region !== undefined && row.region !== f.region) return false;
    if (f.year !== undefined && row.year !== f.year) return false;
    if (f.errors !== undefined && row.counts.error > 0 !== f.errors) return false;
    if (f.timely !== undefined && timely !== f.timely) return false;
    if (f.bin) {
      const value = metric === 'applicationsNew' ? s.applicationsNew : metric === 'correctionRate' ? s.correctionRate : s.disclosureRate;
      if (binIndex(f.bin.metric, value) !== f.bin.index) return false;
    }
    return true;
  });
}

const collator = new Intl.Collator('zh-Hans-CN');

function sortValue(s: ScoredRow, key: ScoreSortKey): string | number | null {
  switch (key) {
    case 'agency':
      return s.row.agency ?? s.row.title ?? null;
    case 'region':
      return s.row.region || null;
    case 'year':
      return s.row.year;
    case 'score':
      // The share, not the points (maximums differ); equal shares rank the larger maximum first.
      return s.share === null ? null : s.share + s.max * 1e-9;
    case 'timely':
      // On time first when ascending by "lateness": on time 0, late by its days.
      return s.timely === null ? null : s.timely === 'onTime' ? 0 : 1 + (s.daysLate ?? 0);
    case 'findings':
      // Errors weigh more than any number of warnings.
      return s.row.counts.error * 1e6 + s.row.counts.warning;
    case 'correctionRate':
      return s.correctionRate;
    case 'disclosureRate':
      return s.disclosureRate;
  }
}

/** Sorted copy; what has no value (no year, no cases…) goes last either way; ties by id. */
export function sortScored(rows: readonly ScoredRow[], key: ScoreSortKey, dir: 'asc' | 'desc'): ScoredRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const keyed = rows.map((s) => ({ s, v: sortValue(s, key) }));
  keyed.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.s.row.id! - b.s.row.id! : a.v === null ? 1 : -1;
    const c = typeof a.v === 'string' && typeof b.v === 'string' ? collator.compare(a.v, b.v) : (a.v as number) - (b.v as number);
    return c ? sign * c : a.s.row.id! - b.s.row.id!;
  });
  return keyed.map((k) => k.s);
}

// ---- the hash: #scores?region=…&year=…&bin=metric.index&errors=1&timely=late

export function parseScoresQuery(query: string): ScoresFilter {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const f: ScoresFilter = {};
  if (p.has('region')) f.region = p.get('region')!;
  const year = Number(p.get('year'));
  if (p.get('year') && Number.isInteger(year)) f.year = year;
  const bin = /^(\w+)\.(\d+)$/.exec(p.get('bin') ?? '');
  if (bin && (HISTOGRAM_METRICS as string[]).includes(bin[1])) f.bin = { metric: bin[1] as HistogramMetric, index: Number(bin[2]) };
  if (p.get('errors') === '1') f.errors = true;
  if (p.get('errors') === '0') f.errors = false;
  const timely = p.get('timely');
  if (timely === 'onTime' || timely === 'late') f.timely = timely;
  return f;
}

/** The hash (without '#') of the scorecard filtered so. */
export function scoresHash(f: ScoresFilter): string {
  const p = new URLSearchParams();
  if (f.region !== undefined) p.set('region', f.region);
  if (f.year !== undefined) p.set('year', String(f.year));
  if (f.bin) p.set('bin', `${f.bin.metric}.${f.bin.index}`);
  if (f.errors !== undefined) p.set('errors', f.errors ? '1' : '0');
  if (f.timely) p.set('timely', f.timely);
  const q = p.toString();
  return q ? `scores?${q}` : 'scores';
}

// ---- text

/** An item's reason in the reader's language. */
export function scoreReason(item: Pick<ScoreItem, 'reason'>, locale: Locale): string {
  return fillTemplate(SCORE_MESSAGES[item.reason.messageId][locale], item.reason.data, locale);
}

/**
 * What this tool could not read in a report (issue 21): 'scanned' (nothing at all), else the standard tables it
 * could not read (a picture, or every value doubtful); empty when it read everything it needed.
 */
export function notCheckableOf(row: Pick<ScoreRow, 'score'>): 'scanned' | TableKey[] {
  if (row.score?.unreadable) return 'scanned';
  return (row.score?.unreadableTables ?? []).map((u) => u.table);
}

const TABLE_NUMBERS: Record<TableKey, 2 | 3 | 4> = { activeDisclosure: 2, applications: 3, reviewLitigation: 4 };

/** A share as a percentage with one decimal ("16.7%"), or '' for none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '' : `${Math.round(rate * 1000) / 10}%`;
}

const CRITERIA: readonly Criterion[] = ['onTime', 'sections', 'tables', 'dataLogic', 'copied', 'correctionRate', 'disclosureRate'];
/** The not-checkable column: 扫描件 scanned, or the tables by their numerals (表三 table 3…). */
function notCheckableCsv(what: 'scanned' | TableKey[]): string {
  if (what === 'scanned') return SCORES_CSV.scanned;
  return what.map((k) => SCORES_CSV.table(TABLE_NUMBERS[k])).join('; ');
}

/**
 * The scorecard as CSV for Excel (UTF-8 with BOM, formulae escaped: names come from web pages), one row per
 * report in the order given: columns in Chinese with the English key, then the points of each criterion.
 */
export function scoresCsv(rows: readonly ScoredRow[], unscored: readonly UnscoredRow[] = []): string {
  const H = SCORES_CSV;
  const fields = [
    H.id,
    H.agency,
    H.region,
    H.year,
    H.score,
    H.max,
    H.percent,
    H.timely,
    H.errors,
    H.warnings,
    H.correctionRate,
    H.disclosureRate,
    ...CRITERIA.map((c) => H.points(H.criteria[c]!)),
    H.notCheckable,
    H.url,
    H.note,
  ];
  const data = rows.map(({ row, items, points, max, share, timely, correctionRate, disclosureRate, notCheckable }) => [
    row.id ?? '',
    row.agency ?? '',
    row.region,
    row.year ?? '',
    points,
    max,
    formatRate(share),
    timely === null ? '' : timely === 'onTime' ? H.onTime : H.late,
    row.counts.error,
    row.counts.warning,
    formatRate(correctionRate),
    formatRate(disclosureRate),
    ...CRITERIA.map((c) => {
      const i = items.find((x) => x.criterion === c);
      return i && i.max > 0 ? `${i.points}/${i.max}` : '';
    }),
    notCheckableCsv(notCheckable),
    row.url,
    `${points}/${max}`,
  ]);
  // No score: every score column blank, the reason in 说明.
  const blanks = fields.length - 6;
  for (const u of unscored) {
    data.push(['', u.agency ?? '', u.region, u.year ?? '', ...Array<string>(blanks).fill(''), u.url ?? '', u.reason]);
  }
  return csvText(fields, data);
}
