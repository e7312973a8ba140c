import { describe, expect, it } from 'vitest';
import { THRESHOLD as COPIED_RULE_THRESHOLD } from '../../../utils/rules/copied-text';
import { applyThresholds, DEFAULT_THRESHOLDS, normaliseThresholds, type ScoreRecord, withFindings } from '../../../utils/score/scorecard';
import { normaliseSettings } from '../../../utils/settings';

/**
 * A stored record written by hand: a department's 2022 report published 2023-01-18 (≤ 2023-01-31: on time
 * 20/20), section 六 missing (5 × 3 = 15/18), three tables (12/12), one error (30 − 10 = 20/30), 55% of its
 * text last year's, 纠错率 2/8, 公开率 12/30.
 */
const record: ScoreRecord = {
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
const item = (card: ReturnType<typeof applyThresholds>, c: string) => card.items.find((i) => i.criterion === c)!;

describe('applyThresholds (the stored record under the user’s thresholds)', () => {
  it('default thresholds: copied 55% < 60% earns 10; 纠错率 2/8 = 25% > 20% earns 0; 公开率 12/30 = 40% < 50% earns 0', () => {
    const card = applyThresholds(record);
    // 20 + 15 + 12 + 20 + 10 + 0 + 0 = 77 of 20 + 18 + 12 + 30 + 10 + 5 + 5 = 100
    expect(card.points).toBe(77);
    expect(card.max).toBe(100);
    expect(card.items.map((i) => [i.criterion, i.points, i.max])).toEqual([
      ['onTime', 20, 20],
      ['sections', 15, 18],
      ['tables', 12, 12],
      ['dataLogic', 20, 30],
      ['copied', 10, 10],
      ['correctionRate', 0, 5],
      ['disclosureRate', 0, 5],
    ]);
    expect(item(card, 'onTime').reason).toMatchObject({ messageId: 'onTime', data: { date: '2023-01-18', deadline: '2023-01-31' } });
    expect(item(card, 'sections').reason).toMatchObject({
      messageId: 'sectionsMissing',
      data: { present: 5, missing: { 'zh-Hans': '其他需要报告的事项' } },
    });
    expect(item(card, 'copied')).toMatchObject({
      points: 10,
      max: 10,
      reason: { messageId: 'notCopied', data: { share: 55, threshold: 60, year: 2021 } },
    });
    expect(item(card, 'correctionRate')).toMatchObject({
      points: 0,
      reason: { messageId: 'correctionHigh', data: { corrected: 2, total: 8, rate: 25, threshold: 20 } },
    });
    expect(item(card, 'disclosureRate')).toMatchObject({
      points: 0,
      reason: { messageId: 'disclosureLow', data: { disclosed: 12, handled: 30, rate: 40, threshold: 50 } },
    });
    expect(card.ratios).toEqual({ correctionRate: 0.25, disclosureRate: 0.4 });
  });

  it('looser 纠错率 (30%) and 公开率 (40%) thresholds, a stricter copied share (50%): 77 − 10 + 5 + 5 = 77', () => {
    const card = applyThresholds(record, { correctionRate: 0.3, disclosureRate: 0.4, copiedShare: 0.5 });
    expect(item(card, 'copied')).toMatchObject({ points: 0, reason: { messageId: 'copied' } });
    expect(item(card, 'correctionRate')).toMatchObject({ points: 5, reason: { messageId: 'correctionLow' } });
    expect(item(card, 'disclosureRate')).toMatchObject({ points: 5, reason: { messageId: 'disclosureHigh' } }); // 40% ≥ 40%
    expect(card.points).toBe(77);
  });

  it('nothing to judge: no previous year, no cases, no applications handled score 0 of 0', () => {
    const card = applyThresholds({
      ...record,
      copiedShare: null,
      copiedYear: null,
      corrected: null,
      cases: null,
      disclosed: 0,
      handled: 0,
    });
    expect(
      ['copied', 'correctionRate', 'disclosureRate'].map((c) => [item(card, c).points, item(card, c).max, item(card, c).reason.messageId]),
    ).toEqual([
      [0, 0, 'copiedNoPrevious'],
      [0, 0, 'correctionNoCases'],
      [0, 0, 'disclosureNoCases'],
    ]);
    expect(card.max).toBe(80);
    expect(card.ratios).toEqual({ correctionRate: null, disclosureRate: null });
  });

  it('withFindings recounts only the data-logic item: 2 warnings → 30 − 6 = 24', () => {
    const before = applyThresholds(record).items;
    const after = applyThresholds(withFindings(record, { errors: 0, warnings: 2 })).items;
    expect(after[3]).toMatchObject({
      criterion: 'dataLogic',
      points: 24,
      max: 30,
      reason: { messageId: 'dataLogicFindings', data: { errors: 0, warnings: 2 } },
    });
    expect(after.filter((i) => i.criterion !== 'dataLogic')).toEqual(before.filter((i) => i.criterion !== 'dataLogic'));
    expect(item(applyThresholds(withFindings(record, { errors: 4, warnings: 0 })), 'dataLogic').points).toBe(0); // never below 0
    expect(item(applyThresholds(withFindings(record, { errors: 0, warnings: 0 })), 'dataLogic').reason.messageId).toBe('dataLogicClean');
  });

  it('late, or not judgeable: 2023-02-10 is 10 days late; no date or no year scores 0 of 0', () => {
    expect(item(applyThresholds({ ...record, date: '2023-02-10' }), 'onTime')).toMatchObject({
      points: 0,
      max: 20,
      reason: { messageId: 'late', data: { days: 10 } },
    });
    // A government's own report has until 31 March.
    expect(item(applyThresholds({ ...record, date: '2023-02-10', agencyKind: 'government' }), 'onTime')).toMatchObject({
      points: 20,
      reason: { data: { deadline: '2023-03-31' } },
    });
    expect(item(applyThresholds({ ...record, date: null }), 'onTime')).toMatchObject({
      points: 0,
      max: 0,
      reason: { messageId: 'onTimeNoDate' },
    });
    expect(item(applyThresholds({ ...record, year: null }), 'onTime')).toMatchObject({
      points: 0,
      max: 0,
      reason: { messageId: 'onTimeNoYear' },
    });
    // Before 2019: no fixed format, completeness not scored (one 0-of-0 item).
    const old = applyThresholds({ ...record, missingSections: null, missingTables: null });
    expect(old.items.filter((i) => i.criterion === 'sections' || i.criterion === 'tables')).toEqual([
      { criterion: 'sections', points: 0, max: 0, reason: { messageId: 'completeBefore2019', data: {} } },
    ]);
  });
});

describe('thresholds as a setting', () => {
  it('the copied-share default is the copied-text rule’s threshold', () => {
    expect(DEFAULT_THRESHOLDS.copiedShare).toBe(COPIED_RULE_THRESHOLD);
  });

  it('normalised: shares in [0, 1] kept, anything else the default', () => {
    expect(normaliseThresholds({ correctionRate: 0.1, disclosureRate: 1, copiedShare: 0 })).toEqual({
      correctionRate: 0.1,
      disclosureRate: 1,
      copiedShare: 0,
    });
    expect(normaliseThresholds({ correctionRate: 1.5, disclosureRate: '0.4', copiedShare: Number.NaN })).toEqual({
      correctionRate: 0.2,
      disclosureRate: 0.5,
      copiedShare: 0.6,
    });
    expect(normaliseThresholds(null)).toEqual({ correctionRate: 0.2, disclosureRate: 0.5, copiedShare: 0.6 });
    expect(normaliseSettings({ scoreThresholds: { correctionRate: -1, disclosureRate: 0.8 } }).scoreThresholds).toEqual({
      correctionRate: 0.2,
      disclosureRate: 0.8,
      copiedShare: 0.6,
    });
    expect(normaliseSettings({}).scoreThresholds).toEqual(DEFAULT_THRESHOLDS);
  });
});
