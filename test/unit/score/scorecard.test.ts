import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { SCORE_MESSAGES } from '../../../utils/i18n/score';
import { parseDocument } from '../../../utils/parse';
import type { Report } from '../../../utils/report/types';
import { fillTemplate } from '../../../utils/rules/render';
import { correctionRate, disclosureRate, scoreReport } from '../../../utils/score/scorecard';

const parse = (name: string): Report =>
  parseDocument(htmlToDocument(readFileSync(join(__dirname, '../../fixtures/pages', name), 'utf8'))).report;

// clean-2021.html, read by hand: 北溪县卫生健康局 (a department), year 2022, published 2023-01-18; six sections,
// three tables; 表三 总计 column: 予以公开 25, 部分公开 5, （七）总计 50; 表四: 复议 纠正 1 of 3, 直接起诉 纠正 0 of 2,
// 复议后起诉 纠正 0 of 1.
const clean = parse('clean-2021.html');
const item = (card: ReturnType<typeof scoreReport>, criterion: string) => card.items.find((i) => i.criterion === criterion)!;

describe('the ratios', () => {
  it('公开率 = (予以公开 + 部分公开) ÷ 办结 = 30 / 50', () => {
    expect(disclosureRate(clean)).toEqual({ disclosed: 30, handled: 50, rate: 0.6 });
  });

  it('纠错率 = Σ 结果纠正 ÷ Σ 总计 over 复议 and both kinds of 诉讼 = 1 / 6', () => {
    expect(correctionRate(clean)).toEqual({ corrected: 1, total: 6, rate: 1 / 6 });
  });
});

describe('scoreReport', () => {
  const card = scoreReport({ report: clean, findings: { errors: 1, warnings: 2 }, previous: clean });

  it('explains every point: on time, complete, data logic, copied, ratios', () => {
    expect(card.items.map((i) => [i.criterion, i.points, i.max, i.reason.messageId])).toEqual([
      ['onTime', 20, 20, 'onTime'], // 2023-01-18 ≤ 2023-01-31 (a department's deadline)
      ['sections', 18, 18, 'sectionsAll'],
      ['tables', 12, 12, 'tablesAll'],
      ['dataLogic', 14, 30, 'dataLogicFindings'], // 30 − 10 × 1 − 3 × 2
      ['copied', 0, 10, 'copied'], // compared with itself: 100% the same
      ['correctionRate', 5, 5, 'correctionLow'], // 16.7% ≤ 20%
      ['disclosureRate', 5, 5, 'disclosureHigh'], // 60% ≥ 50%
    ]);
    expect(card.points).toBe(74);
    expect(card.max).toBe(100);
    expect(item(card, 'onTime').reason.data).toMatchObject({ date: '2023-01-18', deadline: '2023-01-31' });
    expect(item(card, 'copied').reason.data).toMatchObject({ share: 100, threshold: 60, year: 2022 });
    expect(item(card, 'correctionRate').reason.data).toEqual({ corrected: 1, total: 6, rate: 16.7, threshold: 20 });
  });

  it('every reason has its message in three locales, and the data fills every placeholder', () => {
    for (const i of card.items) {
      const templates = SCORE_MESSAGES[i.reason.messageId];
      for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) {
        expect(fillTemplate(templates[locale], i.reason.data, locale)).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('thresholds are the user’s: a stricter 纠错率 and 公开率 take those points away', () => {
    const strict = scoreReport({
      report: clean,
      findings: { errors: 0, warnings: 0 },
      thresholds: { correctionRate: 0.1, disclosureRate: 0.7 },
    });
    expect(item(strict, 'correctionRate')).toMatchObject({ points: 0, max: 5, reason: { messageId: 'correctionHigh' } });
    expect(item(strict, 'disclosureRate')).toMatchObject({ points: 0, max: 5, reason: { messageId: 'disclosureLow' } });
    expect(item(strict, 'dataLogic')).toMatchObject({ points: 30, reason: { messageId: 'dataLogicClean' } });
  });

  it('late: 2023-02-10 is 10 days after a department’s 2023-01-31', () => {
    const late = structuredClone(clean);
    late.meta.publishedAt = '2023-02-10';
    expect(item(scoreReport({ report: late, findings: { errors: 0, warnings: 0 } }), 'onTime')).toMatchObject({
      points: 0,
      max: 20,
      reason: { messageId: 'late', data: { days: 10, deadline: '2023-01-31' } },
    });
  });

  it('what cannot be judged scores 0 of 0 and says so', () => {
    const unknown = structuredClone(clean);
    unknown.meta.year = null;
    unknown.meta.format = null;
    const card = scoreReport({ report: unknown, findings: { errors: 0, warnings: 0 } });
    expect(item(card, 'onTime')).toMatchObject({ points: 0, max: 0, reason: { messageId: 'onTimeNoYear' } });
    expect(item(card, 'copied')).toMatchObject({ points: 0, max: 0, reason: { messageId: 'copiedNoPrevious' } });
  });

  it('dismissed findings are the caller’s to leave out; many findings floor data logic at 0', () => {
    expect(item(scoreReport({ report: clean, findings: { errors: 4, warnings: 0 } }), 'dataLogic').points).toBe(0);
  });

  it('a missing table and section cost their points and are named', () => {
    const partial = structuredClone(clean);
    delete partial.standard.reviewLitigation;
    partial.sections = partial.sections.filter((s) => s.number !== 5);
    const card = scoreReport({ report: partial, findings: { errors: 0, warnings: 0 } });
    expect(item(card, 'tables')).toMatchObject({ points: 8, max: 12, reason: { messageId: 'tablesMissing' } });
    expect(item(card, 'sections')).toMatchObject({ points: 15, max: 18, reason: { messageId: 'sectionsMissing' } });
    expect(item(card, 'correctionRate')).toMatchObject({ points: 0, max: 0, reason: { messageId: 'correctionNoCases' } });
    expect((item(card, 'tables').reason.data.missing as { en: string }).en).toBe('the review and litigation table');
  });
});
