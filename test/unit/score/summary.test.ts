/**
 * A report's summary (utils/score/summary.ts: what the library keeps for #scores and #dashboard) must give what the
 * full computation over the full rows gives: scoredRows, sortScored, filterScored, scoresCsv, aggregateDashboard.
 * Compared over every branch of every item (the records of totals.test.ts) under three threshold sets, and over a
 * synthetic library with older revisions, rows without a score record, without an agency, and a scanned PDF.
 * A few summaries are written out by hand first.
 */
import { describe, expect, it } from 'vitest';
import { syntheticLibrary } from '../../../cli/bench/synthetic';
import type { ReportRow } from '../../../utils/library/types';
import { aggregateDashboard, dashboardOf } from '../../../utils/score/dashboard';
import { type ScoreRecord, type ScoreThresholds, unreadableRecord } from '../../../utils/score/scorecard';
import { summaryItems, summaryOf } from '../../../utils/score/summary';
import {
  filterScored,
  SCORE_SORT_KEYS,
  type ScoredRow,
  type ScoresFilter,
  scoredRows,
  scoredSummaries,
  scoresCsv,
  sortScored,
} from '../../../utils/score/view';

const base: ScoreRecord = {
  year: 2022,
  agencyKind: 'department',
  date: '2023-01-18',
  missingSections: ['other'],
  missingTables: [],
  errors: 1,
  warnings: 0,
  copiedShare: 0.55,
  copiedYear: 2021,
  corrected: 2,
  cases: 8,
  disclosed: 12,
  handled: 30,
};

function row(id: number, score: ScoreRecord | undefined, o: Partial<ReportRow> = {}): ReportRow {
  return {
    id,
    url: `https://www.example.gov.cn/${id}.html`,
    contentHash: `h${id}`,
    savedAt: '2023-02-01T08:00:00.000Z',
    checkedAt: '2023-02-01T08:00:00.000Z',
    latest: 1,
    title: `标题${id}`,
    agency: `机关${id}`,
    agencyKey: `机关${id}`,
    region: '张掖市',
    year: score?.year ?? 2022,
    era: '2021',
    publishedAt: score?.date ?? null,
    agencyKind: 'department',
    figures: {
      activeDisclosed: null,
      applicationsNew: id * 7,
      applicationsCarriedOver: null,
      applicationsHandled: null,
      applicationsCarriedForward: null,
      reviewTotal: null,
      litigationTotal: null,
    },
    counts: { error: score?.errors ?? 0, warning: score?.warnings ?? 0, info: 0, total: 0, dismissed: 0, confirmed: 0 },
    ruleCounts: {},
    ...(score ? { score } : {}),
    ...o,
  };
}

describe('a summary, by hand', () => {
  it('keeps the threshold-free points and the three shares; totals follow any thresholds', () => {
    const s = summaryOf(row(3, base));
    // On time 2023-01-18 ≤ 2023-01-31: 20/20; five of six sections: 15/18; three tables 12/12; one error 20/30.
    expect(s.fixed).toEqual([20, 20, 15, 18, 12, 12, 20, 30]);
    expect([s.copiedShare, s.correctionRate, s.disclosureRate]).toEqual([0.55, 0.25, 0.4]);
    expect([s.timely, s.daysLate, s.notCheckable]).toEqual(['onTime', null, undefined]);
    expect([s.id, s.agency, s.title, s.errors, s.warnings, s.applicationsNew]).toEqual([3, '机关3', undefined, 1, 0, 21]);
    // Defaults: copied 55% < 60% → 10/10; 纠错率 25% > 20% → 0/5; 公开率 40% < 50% → 0/5: 77 of 100.
    const [def] = scoredSummaries([s]);
    expect([def!.points, def!.max]).toEqual([77, 100]);
    // Copied at 50%: 55% ≥ 50% → 0/10; 纠错率 ≤ 30% → 5/5; 公开率 40% < 50% → 0/5: 72 of 100.
    const t = { copiedShare: 0.5, correctionRate: 0.3, disclosureRate: 0.5 };
    const [other] = scoredSummaries([s], t);
    expect([other!.points, other!.max]).toEqual([72, 100]);
    expect(summaryItems(s, t).map((i) => [i.criterion, i.points, i.max])).toEqual([
      ['onTime', 20, 20],
      ['sections', 15, 18],
      ['tables', 12, 12],
      ['dataLogic', 20, 30],
      ['copied', 0, 10],
      ['correctionRate', 5, 5],
      ['disclosureRate', 0, 5],
    ]);
  });

  it('a 2017 report: sections and tables 0 of 0, late by 10 days; no agency: the title is kept', () => {
    const s = summaryOf(
      row(4, { ...base, year: 2017, date: '2018-04-10', missingSections: null, missingTables: null }, { agency: null, agencyKey: '' }),
    );
    // Deadline 2018-03-31 (2007 Regulations): 10 days late, 0/20; before 2019 nothing of the format is scored.
    expect(s.fixed).toEqual([0, 20, 0, 0, 0, 0, 20, 30]);
    expect([s.timely, s.daysLate]).toEqual(['late', 10]);
    expect([s.agency, s.title]).toEqual([null, '标题4']);
  });

  it('a scanned PDF: nothing scored, marked scanned; a row without a score record has no score', () => {
    const scan = summaryOf(row(5, unreadableRecord('scanned')));
    expect(scan.fixed).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect([scan.copiedShare, scan.correctionRate, scan.disclosureRate, scan.timely, scan.notCheckable]).toEqual([
      null,
      null,
      null,
      null,
      'scanned',
    ]);
    expect(scoredSummaries([scan]).map((x) => [x.points, x.max, x.share])).toEqual([[0, 0, null]]);
    const bare = summaryOf(row(6, undefined));
    expect('fixed' in bare).toBe(false);
    expect(scoredSummaries([bare])).toEqual([]);
  });
});

/** A scored row's values as plain data (the getters read), card left out: summaries have none. */
function plain(s: ScoredRow) {
  const { card: _card, items, row, ...rest } = s;
  return {
    ...rest,
    items: [...items],
    // What is shown and exported of the report: its name (agency, else title, else address), counts, place.
    row: {
      id: row.id,
      url: row.url,
      agency: row.agency,
      name: row.agency ?? row.title ?? row.url,
      region: row.region,
      year: row.year,
      counts: { error: row.counts.error, warning: row.counts.warning },
    },
  };
}

const thresholdSets: (Partial<ScoreThresholds> | undefined)[] = [
  undefined,
  { copiedShare: 0.5, correctionRate: 0.3, disclosureRate: 0.3 },
  { copiedShare: 1, correctionRate: 0, disclosureRate: 1 },
];

const variants: Partial<ScoreRecord>[] = [
  {},
  { year: null },
  { date: null },
  { date: '2023-03-02' },
  { date: '2023-03-02', dateSource: 'listing' },
  { agencyKind: 'government', date: '2023-03-30' },
  { year: 2017, date: '2018-04-10', missingSections: null, missingTables: null },
  { missingSections: [], missingTables: ['applications'] },
  { missingTables: ['applications', 'reviewLitigation'], unreadableTables: [{ table: 'applications', why: 'picture' }] },
  { unreadableTables: [{ table: 'reviewLitigation', why: 'doubtful' }] },
  {
    missingTables: ['activeDisclosure', 'applications', 'reviewLitigation'],
    unreadableTables: [
      { table: 'activeDisclosure', why: 'picture' },
      { table: 'applications', why: 'picture' },
      { table: 'reviewLitigation', why: 'picture' },
    ],
  },
  { errors: 0, warnings: 0 },
  { errors: 4, warnings: 7 },
  { copiedShare: null, copiedYear: null },
  { copiedShare: 0.9 },
  { copiedShare: 0.6 },
  { corrected: null, cases: null },
  { corrected: 0, cases: 3 },
  { corrected: 1, cases: 5 },
  { disclosed: null, handled: null },
  { disclosed: 30, handled: 30 },
  { disclosed: 15, handled: 30 },
  { disclosed: 40, handled: 30 },
];

function handRows(): ReportRow[] {
  const rows = variants.map((v, i) => row(i + 1, { ...base, ...v }));
  rows.push(row(100, unreadableRecord('scanned')));
  rows.push(row(101, undefined));
  rows.push(row(102, base, { latest: 0 }));
  rows.push(row(103, base, { agency: null, agencyKey: '', title: null }));
  return rows;
}

/** A synthetic library with older revisions, a row without a score record, rows without an agency, late ones. */
function syntheticRows(): ReportRow[] {
  const { rows } = syntheticLibrary(900, { seed: 7 });
  return rows.map((r, i) => {
    const out: ReportRow = { ...r, id: i + 1 };
    if (i % 37 === 0) out.latest = 0;
    if (i % 53 === 0) delete out.score;
    // Published in April: late for every kind of agency (the synthetic reports are all on time otherwise).
    if (i % 29 === 0 && out.score && out.year !== null) out.score = { ...out.score, date: `${out.year + 1}-04-15` };
    if (i % 41 === 0) {
      out.agency = null;
      out.agencyKey = '';
    }
    return out;
  });
}

const filters: ScoresFilter[] = [
  {},
  { region: '张掖市' },
  { year: 2019 },
  { errors: true },
  { errors: false },
  { timely: 'onTime' },
  { timely: 'late' },
  { bin: { metric: 'applicationsNew', index: 4 } },
  { bin: { metric: 'disclosureRate', index: 9 } },
  { bin: { metric: 'correctionRate', index: 0 } },
  { region: '成都市', year: 2020, errors: true },
];

describe('summaries give what the full rows give', () => {
  for (const [name, make] of [
    ['every branch of every item', handRows],
    ['a synthetic library of 900', syntheticRows],
  ] as const) {
    it(`${name}: scored rows, order, filters, CSV, dashboard`, () => {
      const rows = make();
      const summaries = rows.map(summaryOf);
      let compared = 0;
      for (const t of thresholdSets) {
        const full = scoredRows(rows, t);
        const small = scoredSummaries(summaries, t);
        expect(small.map(plain)).toEqual(full.map(plain));
        expect(scoresCsv(small)).toBe(scoresCsv(full));
        for (const key of SCORE_SORT_KEYS)
          for (const dir of ['asc', 'desc'] as const) {
            const ids = (xs: ScoredRow[]) => xs.map((x) => x.row.id);
            expect(ids(sortScored(small, key, dir)), `${key} ${dir}`).toEqual(ids(sortScored(full, key, dir)));
          }
        for (const f of filters) expect(filterScored(small, f).map(plain), JSON.stringify(f)).toEqual(filterScored(full, f).map(plain));
        compared += full.length;
      }
      expect(compared).toBeGreaterThan(0);
      expect(dashboardOf(summaries)).toEqual(aggregateDashboard(rows));
    });
  }

  it('the synthetic library has what the comparison needs (older revisions, no record, no agency, late, copied)', () => {
    const rows = syntheticRows();
    expect(rows.some((r) => r.latest === 0)).toBe(true);
    expect(rows.some((r) => !r.score)).toBe(true);
    expect(rows.some((r) => r.agency === null && r.latest === 1 && r.score)).toBe(true);
    const s = scoredRows(rows);
    expect(s.some((x) => x.timely === 'late')).toBe(true);
    expect(s.some((x) => x.items.find((i) => i.criterion === 'copied')!.max > 0)).toBe(true);
  });
});
