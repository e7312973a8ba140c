import { describe, expect, it } from 'vitest';
import type { ScoreRow } from '../../../utils/score/row';
import { applyThresholds, type ScoreRecord, type ScoreThresholds, scoreTotals, unreadableRecord } from '../../../utils/score/scorecard';
import { scoredRows, sortScored } from '../../../utils/score/view';

/**
 * scoreTotals (points and maximum without the reasons' wording, what #scores ranks 10,000 rows by) must give what
 * applyThresholds gives, for every kind of record: every branch of every item is met below.
 */
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

const variants: Partial<ScoreRecord>[] = [
  {},
  { year: null },
  { date: null },
  { date: '2023-03-02' }, // a department, late
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
  { corrected: null, cases: null },
  { corrected: 0, cases: 3 },
  { disclosed: null, handled: null },
  { disclosed: 30, handled: 30 },
];

const thresholdSets: (Partial<ScoreThresholds> | undefined)[] = [
  undefined,
  { copiedShare: 0.5, correctionRate: 0.3, disclosureRate: 0.3 },
  { copiedShare: 1, correctionRate: 0, disclosureRate: 1 },
];

describe('scoreTotals', () => {
  it('gives applyThresholds’ points, maximum and on-time item for every kind of record and threshold', () => {
    let compared = 0;
    for (const v of variants)
      for (const t of thresholdSets) {
        const record = { ...base, ...v };
        const card = applyThresholds(record, t);
        const totals = scoreTotals(record, t);
        expect([totals.points, totals.max], JSON.stringify(v)).toEqual([card.points, card.max]);
        expect(totals.onTime).toEqual(card.items.find((i) => i.criterion === 'onTime'));
        compared++;
      }
    expect(compared).toBe(variants.length * thresholdSets.length);
  });

  it('scores an unreadable record 0 of 0', () => {
    expect(scoreTotals(unreadableRecord('scanned'))).toEqual({ points: 0, max: 0 });
  });
});

describe('scoredRows words a row’s card only when it is read', () => {
  const row = (id: number, v: Partial<ScoreRecord>): ScoreRow =>
    ({
      id,
      url: `https://example.gov.cn/${id}.html`,
      latest: 1,
      agency: `机关${id}`,
      title: null,
      region: '',
      year: 2022,
      counts: { error: 0, warning: 0, info: 0, total: 0, dismissed: 0, confirmed: 0 },
      figures: {},
      score: { ...base, ...v },
    }) as unknown as ScoreRow;
  const rows = variants.map((v, i) => row(i + 1, v));

  it('each row’s points, maximum, share and days late agree with its card', () => {
    const scored = scoredRows(rows, thresholdSets[1]);
    expect(scored).toHaveLength(rows.length);
    for (const [i, s] of scored.entries()) {
      const card = applyThresholds(rows[i]!.score!, thresholdSets[1]);
      expect(s.card).toEqual(card);
      expect([s.points, s.max]).toEqual([card.points, card.max]);
      expect(s.share).toBe(card.max > 0 ? card.points / card.max : null);
    }
    // Written by hand: { date: '2023-03-02' } for a 2022 department (deadline 2023-01-31) is 30 days late.
    expect(scored[3]!.timely).toBe('late');
    expect(scored[3]!.daysLate).toBe(30);
    expect(scored[0]!.daysLate).toBeNull();
  });

  it('ranks by share without wording any card', () => {
    let worded = 0;
    const scored = scoredRows(rows).map((s) => {
      const spy = { ...s };
      Object.defineProperty(spy, 'card', {
        get: () => {
          worded++;
          return s.card;
        },
      });
      return spy as typeof s;
    });
    const sorted = sortScored(scored, 'score', 'desc');
    expect(sorted).toHaveLength(rows.length);
    expect(worded).toBe(0);
    for (let i = 1; i < sorted.length; i++) expect((sorted[i - 1]!.share ?? -1) >= (sorted[i]!.share ?? -1)).toBe(true);
  });
});
