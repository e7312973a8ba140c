/**
 * Issue 18 item 5: on a scan read by OCR, a section or table not found may only have gone unread (table-missing
 * says 'unreadScan', read-from-scan carries section-missing's finding): it is "not checkable", 0 of 0, never a
 * loss of points and never points given. The same report typed loses the points as before.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { checkDocument } from '../../../utils/pipeline';
import type { Report } from '../../../utils/report/types';
import { applyThresholds, scoreRecord, scoreReport, scoreTotals, unreadableTables } from '../../../utils/score/scorecard';

const page = readFileSync(join(__dirname, '../../fixtures/pages/clean-2021.html'), 'utf8');
const item = (card: ReturnType<typeof applyThresholds>, criterion: string) => card.items.find((i) => i.criterion === criterion)!;

/** clean-2021.html without section 三's table, and without the heading of section 五 (as if OCR missed both). */
function missingTwo(): string {
  const start = page.indexOf('<table', page.indexOf('三、收到和处理政府信息公开申请情况'));
  const end = page.indexOf('</table>', start) + '</table>'.length;
  return (page.slice(0, start) + page.slice(end)).replace('<p>五、存在的主要问题及改进情况</p>', '');
}

const typed = checkDocument(htmlToDocument(missingTwo())).report;
const scan = (r: Report): Report => ({ ...r, source: { ...r.source, ocrPages: 3 } });
const none = { errors: 0, warnings: 0 };

describe('a section and a table not found', () => {
  it('in a typed report: both cost their points', () => {
    const card = scoreReport({ report: typed, findings: none });
    // Six sections less 五: 5 × 3 of 6 × 3; three tables less 表三: 2 × 4 of 3 × 4.
    expect(item(card, 'sections')).toMatchObject({ points: 15, max: 18, reason: { messageId: 'sectionsMissing' } });
    expect(item(card, 'tables')).toMatchObject({ points: 8, max: 12, reason: { messageId: 'tablesMissing' } });
    expect(item(card, 'dataLogic')).toMatchObject({ points: 30, max: 30, reason: { messageId: 'dataLogicClean' } });
  });

  it('on a scan read by OCR: neither counted present nor missing (0 of 0 for each)', () => {
    const report = scan(typed);
    expect(unreadableTables(report)).toEqual([{ table: 'applications', why: 'scan' }]);
    const record = scoreRecord({ report, findings: none });
    expect(record.unreadSections).toEqual(['problems']);
    const card = applyThresholds(record);
    // The five sections read: 5 × 3 of 5 × 3; the two tables read: 2 × 4 of 2 × 4.
    expect(item(card, 'sections')).toMatchObject({
      points: 15,
      max: 15,
      reason: { messageId: 'sectionsUnreadScan', data: { present: 5, judged: 5 } },
    });
    expect(item(card, 'tables')).toMatchObject({
      points: 8,
      max: 8,
      reason: { messageId: 'tablesUnreadScan', data: { present: 2, judged: 2 } },
    });
    // The two tables read are checked; the one not found costs nothing.
    expect(item(card, 'dataLogic')).toMatchObject({ points: 30, max: 30, reason: { messageId: 'dataLogicPartly' } });
    // The #scores list's totals agree with the worded card.
    const totals = scoreTotals(record);
    expect([totals.points, totals.max]).toEqual([card.points, card.max]);
  });

  it('on a scan where no table was found: data logic is not checkable, whatever the counts', () => {
    const report = scan({ ...typed, standard: {} });
    expect(unreadableTables(report).map((u) => u.table)).toEqual(['activeDisclosure', 'applications', 'reviewLitigation']);
    const card = scoreReport({ report, findings: { errors: 1, warnings: 2 } });
    expect(item(card, 'tables')).toMatchObject({ points: 0, max: 0 });
    expect(item(card, 'dataLogic')).toMatchObject({ points: 0, max: 0, reason: { messageId: 'dataLogicNotCheckable' } });
  });

  it('a whole scan read with everything found scores as the typed report does', () => {
    const whole = checkDocument(htmlToDocument(page)).report;
    const typedCard = scoreReport({ report: whole, findings: none });
    const scanCard = scoreReport({ report: scan(whole), findings: none });
    expect(scanCard.items.map((i) => [i.criterion, i.points, i.max])).toEqual(typedCard.items.map((i) => [i.criterion, i.points, i.max]));
    expect(scoreRecord({ report: scan(whole), findings: none }).unreadSections).toBeUndefined();
  });
});
