import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../../../utils/library/types';
import { emptyFigures } from '../../../utils/report/types';
import { aggregateDashboard, binLabels, binOf } from '../../../utils/score/dashboard';
import type { ScoreRecord } from '../../../utils/score/scorecard';
import { filterScored, parseScoresQuery, scoredRows, scoresCsv, scoresHash, sortScored } from '../../../utils/score/view';

/** A library row written by hand: what the dashboard and the scorecard table read. */
function row(
  id: number,
  o: {
    region: string;
    year: number | null;
    errors?: number;
    warnings?: number;
    apps?: number | null;
    latest?: 0 | 1;
    onTime?: 'onTime' | 'late' | null;
    daysLate?: number;
    disclosure?: [number, number] | null;
    correction?: [number, number] | null;
    agency?: string;
  },
): ReportRow {
  const onTime = o.onTime === undefined ? 'onTime' : o.onTime;
  // A department: deadline 31 January of the next year; late by daysLate days in February.
  const next = (o.year ?? 2000) + 1;
  const date = onTime === null ? null : onTime === 'onTime' ? `${next}-01-20` : `${next}-02-${String(o.daysLate ?? 1).padStart(2, '0')}`;
  const score: ScoreRecord = {
    year: o.year,
    agencyKind: 'department',
    date,
    // Completeness left out (as before 2019: 0 of 0), so the sums below stay short.
    missingSections: null,
    missingTables: null,
    errors: o.errors ?? 0,
    warnings: o.warnings ?? 0,
    copiedShare: null,
    copiedYear: null,
    corrected: o.correction ? o.correction[0] : null,
    cases: o.correction ? o.correction[1] : null,
    disclosed: o.disclosure ? o.disclosure[0] : null,
    handled: o.disclosure ? o.disclosure[1] : null,
  };
  const figures = emptyFigures();
  figures.applicationsNew = o.apps === undefined ? 5 : o.apps;
  return {
    id,
    url: `https://www.example.gov.cn/${id}.html`,
    contentHash: String(id),
    savedAt: '2024-01-01T00:00:00Z',
    checkedAt: '2024-01-01T00:00:00Z',
    latest: o.latest ?? 1,
    title: null,
    agency: o.agency ?? `${o.region}机构${id}`,
    agencyKey: `k${id}`,
    region: o.region,
    year: o.year,
    era: '2021',
    publishedAt: null,
    agencyKind: 'department',
    figures,
    counts: {
      error: o.errors ?? 0,
      warning: o.warnings ?? 0,
      info: 0,
      total: (o.errors ?? 0) + (o.warnings ?? 0),
      dismissed: 0,
      confirmed: 0,
    },
    ruleCounts: {},
    score,
  };
}

const rows = [
  row(1, { region: '张掖市', year: 2021, errors: 1, apps: 0, disclosure: [3, 10], correction: [0, 4] }),
  row(2, { region: '张掖市', year: 2022, apps: 12, onTime: 'late', daysLate: 9, disclosure: [10, 10] }),
  row(3, { region: '成都市', year: 2022, errors: 2, warnings: 1, apps: 1000, onTime: null, disclosure: [7, 10], correction: [1, 4] }),
  row(4, { region: '成都市', year: 2022, apps: 49, disclosure: [12, 10] }), // 120%: a table error, own bin
  row(5, { region: '', year: null, apps: null }),
  row(6, { region: '张掖市', year: 2021, errors: 5, apps: 3 }), // an older revision: not counted
].map((r, i) => (i === 5 ? { ...r, latest: 0 as const } : r));

describe('dashboard aggregation (worked by hand from the six rows above)', () => {
  const d = aggregateDashboard(rows);

  it('counts newest revisions only, by region (unknown last) and year', () => {
    expect(d.total).toBe(5);
    expect(d.regions).toEqual(['成都市', '张掖市', '']);
    expect(d.years).toEqual([2021, 2022]);
    expect(d.byRegionYear).toEqual([
      [0, 2], // 成都市: 3, 4
      [1, 1], // 张掖市: 1 (2021), 2 (2022)
      [0, 0], // row 5 has no year
    ]);
  });

  it('share with errors and on-time rate per year', () => {
    expect(d.errorShare).toEqual([
      { year: 2021, reports: 1, count: 1, share: 1 },
      { year: 2022, reports: 3, count: 1, share: 1 / 3 }, // only row 3
    ]);
    expect(d.onTime).toEqual([
      { year: 2021, reports: 1, count: 1, share: 1 },
      { year: 2022, reports: 2, count: 1, share: 0.5 }, // row 2 late, row 3 not judged, row 4 on time
    ]);
  });

  it('histograms: applications by magnitude, rates by tenths, above 100% apart', () => {
    expect(binLabels('applicationsNew')).toEqual(['0', '1–9', '10–49', '50–99', '100–499', '500–999', '≥1000']);
    // 0 → "0"; 12 and 49 → "10–49"; 1000 → "≥1000"; row 5 has none.
    expect(d.histograms.applicationsNew.counts).toEqual([1, 0, 2, 0, 0, 0, 1]);
    expect(binLabels('disclosureRate')).toHaveLength(11);
    // 3/10 = 30% → bin 3; 10/10 = 100% → bin 9; 7/10 → bin 7; 12/10 → ">100%".
    expect(d.histograms.disclosureRate.counts).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1]);
    // 0/4 → bin 0; 1/4 = 25% → bin 2.
    expect(d.histograms.correctionRate.counts).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(binOf('disclosureRate', rows[4])).toBeNull();
  });
});

describe('the scorecard table: filter, sort, hash, CSV', () => {
  const scored = scoredRows(rows);

  it('one entry per newest revision, scored (onTime + dataLogic items above; no ratio thresholds met unless shown)', () => {
    expect(scored.map((s) => s.row.id)).toEqual([1, 2, 3, 4, 5]);
    // Row 1: 20 + (30 − 10) + 公开率 30% < 50% → 0 + 纠错率 0% ≤ 20% → 5 = 45 of 20 + 30 + 5 + 5 = 60.
    expect(scored[0].card).toMatchObject({ points: 45, max: 60 });
    // Row 2: late 0 + 30 + 公开率 100% → 5 = 35 of 20 + 30 + 5 = 55.
    expect(scored[1].card).toMatchObject({ points: 35, max: 55 });
    expect(scored[1]).toMatchObject({ timely: 'late', daysLate: 9 });
  });

  it('a dashboard mark’s filter lists exactly the reports it counts', () => {
    const ids = (q: string) => filterScored(scored, parseScoresQuery(q)).map((s) => s.row.id);
    expect(ids('region=成都市&year=2022')).toEqual([3, 4]);
    expect(ids('year=2022&errors=1')).toEqual([3]);
    expect(ids('year=2022&timely=late')).toEqual([2]);
    expect(ids('bin=applicationsNew.2')).toEqual([2, 4]);
    expect(ids('bin=disclosureRate.10')).toEqual([4]);
    expect(ids('region=')).toEqual([5]);
    expect(ids('')).toEqual([1, 2, 3, 4, 5]);
  });

  it('the hash round-trips', () => {
    const f = {
      region: '张掖市',
      year: 2021,
      bin: { metric: 'correctionRate' as const, index: 2 },
      errors: false,
      timely: 'onTime' as const,
    };
    const hash = scoresHash(f);
    expect(hash.startsWith('scores?')).toBe(true);
    expect(parseScoresQuery(hash.slice('scores'.length))).toEqual(f);
    expect(scoresHash({})).toBe('scores');
    expect(parseScoresQuery('?year=abc&bin=nothing.1&timely=soon')).toEqual({});
  });

  it('sorts by every column, missing values last both ways', () => {
    const by = (k: Parameters<typeof sortScored>[1], dir: 'asc' | 'desc') => sortScored(scored, k, dir).map((s) => s.row.id);
    // points: 1 → 45, 2 → 35, 3 → no date 0 + 30 − 23 = 7 + 公开率 70% → 5 + 纠错率 25% → 0 = 12,
    // 4 → 20 + 30 + 5 = 55, 5 → no year (on time 0 of 0) + 30 = 30.
    // Ranked by share of the maximum: 1 → 45/60 = 75%, 2 → 35/55 = 63.6%, 3 → 12/40 = 30%, 4 → 55/55 = 100%,
    // 5 → 30/30 = 100% (equal shares: the larger maximum, 4, first when descending).
    expect(by('score', 'desc')).toEqual([4, 5, 1, 2, 3]);
    expect(by('score', 'asc')).toEqual([3, 2, 1, 5, 4]);
    expect(by('year', 'asc')).toEqual([1, 2, 3, 4, 5]);
    expect(by('year', 'desc')).toEqual([2, 3, 4, 1, 5]);
    expect(by('disclosureRate', 'desc')).toEqual([4, 2, 3, 1, 5]);
    expect(by('correctionRate', 'asc')).toEqual([1, 3, 2, 4, 5]);
    expect(by('timely', 'asc')).toEqual([1, 4, 2, 3, 5]); // 3 and 5 cannot be judged: last
    expect(by('findings', 'desc')).toEqual([3, 1, 2, 4, 5]);
    expect(by('region', 'asc')).toEqual([3, 4, 1, 2, 5]);
  });

  it('ranks by the share of the maximum, not raw points: 55 of 55 above 57 of 60', () => {
    // full: on time 20/20, data logic 30/30, 公开率 10/10 → 5/5, no cases 0/0: 55 of 55 = 100%.
    // warned: on time 20/20, one warning 27/30, 公开率 5/5, 纠错率 0/4 = 0% → 5/5: 57 of 60 = 95%.
    // older: late 0/20, 30/30, 公开率 1/10 → 0/5, no cases 0/0: 30 of 55 = 54.5%.
    const full = row(11, { region: '张掖市', year: 2022, disclosure: [10, 10] });
    const warned = row(12, { region: '张掖市', year: 2022, warnings: 1, disclosure: [10, 10], correction: [0, 4] });
    const older = row(13, { region: '张掖市', year: 2022, onTime: 'late', disclosure: [1, 10] });
    const scoredHere = scoredRows([warned, older, full]);
    expect(scoredHere.map((s) => [s.row.id, s.card!.points, s.card!.max])).toEqual([
      [12, 57, 60],
      [13, 30, 55],
      [11, 55, 55],
    ]);
    expect(sortScored(scoredHere, 'score', 'desc').map((s) => s.row.id)).toEqual([11, 12, 13]);
    expect(sortScored(scoredHere, 'score', 'asc').map((s) => s.row.id)).toEqual([13, 12, 11]);
    const csv = scoresCsv(sortScored(scoredHere, 'score', 'desc'))
      .slice(1)
      .split('\r\n');
    expect(csv.slice(1).map((l) => l.split(',').slice(4, 7).join(','))).toEqual(['55,55,100%', '57,60,95%', '30,55,54.5%']);
  });

  it('CSV: BOM, Chinese headers, one line per report, formulae from pages escaped', () => {
    const evil = row(7, { region: '张掖市', year: 2021, agency: '=HYPERLINK("http://x")' });
    const csv = scoresCsv(scoredRows([rows[0], evil]));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].startsWith('编号 id,机构 agency,地区 region,年度 year,得分 score,满分 max,得分率 percent,')).toBe(true);
    expect(lines[1].startsWith('1,张掖市机构1,张掖市,2021,45,60,75%,按时 on time,1,0,0%,30%,20/20,')).toBe(true);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
