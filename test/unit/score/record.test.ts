import { describe, expect, it } from 'vitest';
import { applyThresholds, DEFAULT_THRESHOLDS, normaliseThresholds, withFindings, type ScoreRecord } from '../../../utils/score/scorecard';
import { THRESHOLD as COPIED_RULE_THRESHOLD } from '../../../utils/rules/copied-text';
import { normaliseSettings } from '../../../utils/settings';

/** A stored record written by hand: on time 20/20, 5 of 6 sections (15/18), 3 tables 12/12, data logic 30 − 10 = 20. */
const record: ScoreRecord = {
  fixed: [
    { criterion: 'onTime', points: 20, max: 20, reason: { messageId: 'onTime', data: { date: '2023-01-18', deadline: '2023-01-31', basis: 'x' } } },
    { criterion: 'sections', points: 15, max: 18, reason: { messageId: 'sectionsMissing', data: { present: 5, missing: 'x' } } },
    { criterion: 'tables', points: 12, max: 12, reason: { messageId: 'tablesAll', data: { present: 3 } } },
    { criterion: 'dataLogic', points: 20, max: 30, reason: { messageId: 'dataLogicFindings', data: { errors: 1, warnings: 0 } } },
  ],
  copied: { share: 0.55, year: 2021 },
  correction: { corrected: 2, total: 8 },
  disclosure: { disclosed: 12, handled: 30 },
};
const item = (card: ReturnType<typeof applyThresholds>, c: string) => card.items.find((i) => i.criterion === c)!;

describe('applyThresholds (the stored record under the user’s thresholds)', () => {
  it('default thresholds: copied 55% < 60% earns 10; 纠错率 2/8 = 25% > 20% earns 0; 公开率 12/30 = 40% < 50% earns 0', () => {
    const card = applyThresholds(record);
    // 20 + 15 + 12 + 20 + 10 + 0 + 0 = 77 of 20 + 18 + 12 + 30 + 10 + 5 + 5 = 100
    expect(card.points).toBe(77);
    expect(card.max).toBe(100);
    expect(card.items.map((i) => i.criterion)).toEqual(['onTime', 'sections', 'tables', 'dataLogic', 'copied', 'correctionRate', 'disclosureRate']);
    expect(item(card, 'copied')).toMatchObject({ points: 10, max: 10, reason: { messageId: 'notCopied', data: { share: 55, threshold: 60, year: 2021 } } });
    expect(item(card, 'correctionRate')).toMatchObject({ points: 0, reason: { messageId: 'correctionHigh', data: { corrected: 2, total: 8, rate: 25, threshold: 20 } } });
    expect(item(card, 'disclosureRate')).toMatchObject({ points: 0, reason: { messageId: 'disclosureLow', data: { disclosed: 12, handled: 30, rate: 40, threshold: 50 } } });
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
    const card = applyThresholds({ ...record, copied: null, correction: null, disclosure: { disclosed: 0, handled: 0 } });
    expect(['copied', 'correctionRate', 'disclosureRate'].map((c) => [item(card, c).points, item(card, c).max, item(card, c).reason.messageId])).toEqual([
      [0, 0, 'copiedNoPrevious'],
      [0, 0, 'correctionNoCases'],
      [0, 0, 'disclosureNoCases'],
    ]);
    expect(card.max).toBe(80);
    expect(card.ratios).toEqual({ correctionRate: null, disclosureRate: null });
  });

  it('withFindings recounts only the data-logic item: 2 warnings → 30 − 6 = 24', () => {
    const next = withFindings(record, { errors: 0, warnings: 2 });
    expect(next.fixed[3]).toMatchObject({ points: 24, max: 30, reason: { messageId: 'dataLogicFindings', data: { errors: 0, warnings: 2 } } });
    expect(next.fixed.slice(0, 3)).toEqual(record.fixed.slice(0, 3));
    expect(withFindings(record, { errors: 4, warnings: 0 }).fixed[3].points).toBe(0); // never below 0
    expect(withFindings(record, { errors: 0, warnings: 0 }).fixed[3].reason.messageId).toBe('dataLogicClean');
  });
});

describe('thresholds as a setting', () => {
  it('the copied-share default is the copied-text rule’s threshold', () => {
    expect(DEFAULT_THRESHOLDS.copiedShare).toBe(COPIED_RULE_THRESHOLD);
  });

  it('normalised: shares in [0, 1] kept, anything else the default', () => {
    expect(normaliseThresholds({ correctionRate: 0.1, disclosureRate: 1, copiedShare: 0 })).toEqual({ correctionRate: 0.1, disclosureRate: 1, copiedShare: 0 });
    expect(normaliseThresholds({ correctionRate: 1.5, disclosureRate: '0.4', copiedShare: Number.NaN })).toEqual({ correctionRate: 0.2, disclosureRate: 0.5, copiedShare: 0.6 });
    expect(normaliseThresholds(null)).toEqual({ correctionRate: 0.2, disclosureRate: 0.5, copiedShare: 0.6 });
    expect(normaliseSettings({ scoreThresholds: { correctionRate: -1, disclosureRate: 0.8 } }).scoreThresholds).toEqual({ correctionRate: 0.2, disclosureRate: 0.8, copiedShare: 0.6 });
    expect(normaliseSettings({}).scoreThresholds).toEqual(DEFAULT_THRESHOLDS);
  });
});
