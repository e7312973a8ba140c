/**
 * Issue 21 item 3: what the tool could not read is never the report's error. A table published as a picture
 * and a table whose every value was read with doubt are "not checkable" (0 of 0), never a loss of points.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { scoreRecordOf } from '../../../utils/library/store';
import type { ReportRow } from '../../../utils/library/types';
import { checkDocument } from '../../../utils/pipeline';
import type { CellValue, Report } from '../../../utils/report/types';
import { emptyFigures } from '../../../utils/report/types';
import { applyThresholds, scoreReport, unreadableRecord, unreadableTables } from '../../../utils/score/scorecard';
import { scoredRows, scoresCsv, sortScored } from '../../../utils/score/view';

const page = readFileSync(join(__dirname, '../../fixtures/pages/clean-2021.html'), 'utf8');
const item = (card: ReturnType<typeof applyThresholds>, criterion: string) => card.items.find((i) => i.criterion === criterion)!;

/** clean-2021.html with the table of section 三 (lines 98–129, the applications table) pasted as a picture. */
function withPictureTable(): string {
  const start = page.indexOf('<table', page.indexOf('三、收到和处理政府信息公开申请情况'));
  const end = page.indexOf('</table>', start) + '</table>'.length;
  return page.slice(0, start) + '<p><img src="table3.png" alt=""></p>' + page.slice(end);
}

describe('a table published as a picture', () => {
  const { report, findings } = checkDocument(htmlToDocument(withPictureTable()));

  it('is found as a picture, and the rules say so (table-as-picture: not read, not checked)', () => {
    expect(unreadableTables(report)).toEqual([{ table: 'applications', why: 'picture' }]);
    expect(findings.filter((f) => f.rule === 'table-as-picture').map((f) => [f.messageId, f.severity])).toEqual([['unread', 'warning']]);
  });

  it('costs no data-logic points and is neither present nor missing among the tables', () => {
    // clean-2021 has no finding of its own (the e2e scores it 30/30): only the picture is reported, and that
    // is the tool's limit, not the report's error.
    const card = applyThresholds(scoreRecordOf(report, findings, new Map(), null));
    expect(item(card, 'dataLogic')).toMatchObject({ points: 30, max: 30, reason: { messageId: 'dataLogicPartly' } });
    // The two tables read: 2 × 4 of 2 × 4; the picture: 0 of 0.
    expect(item(card, 'tables')).toMatchObject({
      points: 8,
      max: 8,
      reason: { messageId: 'tablesPicture', data: { present: 2, judged: 2 } },
    });
  });
});

/** The report with every value of its three tables marked as placed by a guessed column. */
function allDoubtful(report: Report): Report {
  const copy = structuredClone(report);
  const mark = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if ('value' in node && 'at' in node) {
      (node as CellValue).read = { placed: 'position', reason: 'generic-header' };
      return;
    }
    for (const v of Object.values(node)) mark(v);
  };
  mark(copy.standard);
  return copy;
}

describe('a report whose table values are all doubtful', () => {
  const { report } = checkDocument(htmlToDocument(page));

  it('scores data logic as not checkable (0 of 0), whatever was found', () => {
    const doubtful = allDoubtful(report);
    expect(unreadableTables(doubtful).map((u) => u.why)).toEqual(['doubtful', 'doubtful', 'doubtful']);
    const card = scoreReport({ report: doubtful, findings: { errors: 2, warnings: 3 } });
    expect(item(card, 'dataLogic')).toMatchObject({ points: 0, max: 0, reason: { messageId: 'dataLogicNotCheckable' } });
    // The same counts against the tables read with certainty cost 30 − 20 − 9 = 1 of 30.
    expect(item(scoreReport({ report, findings: { errors: 2, warnings: 3 } }), 'dataLogic')).toMatchObject({ points: 1, max: 30 });
  });

  it('one doubtful table among certain ones: that table alone is not checkable, data logic is still scored', () => {
    const one = structuredClone(report);
    one.standard.reviewLitigation = allDoubtful(report).standard.reviewLitigation;
    expect(unreadableTables(one)).toEqual([{ table: 'reviewLitigation', why: 'doubtful' }]);
    expect(item(scoreReport({ report: one, findings: { errors: 1, warnings: 0 } }), 'dataLogic')).toMatchObject({
      points: 20,
      max: 30,
      reason: { messageId: 'dataLogicPartly' },
    });
  });
});

describe('a scanned PDF (no text to read)', () => {
  const row: ReportRow = {
    id: 9,
    url: 'https://www.example.gov.cn/scan.pdf',
    contentHash: 'x',
    savedAt: '2024-01-01T00:00:00Z',
    checkedAt: '2024-01-01T00:00:00Z',
    latest: 1,
    title: 'scan.pdf',
    agency: null,
    agencyKey: '',
    region: '',
    year: null,
    era: '',
    publishedAt: null,
    agencyKind: null,
    figures: emptyFigures(),
    counts: { error: 0, warning: 0, info: 0, total: 0, dismissed: 0, confirmed: 0 },
    ruleCounts: {},
    score: unreadableRecord('scanned'),
  };

  it('is a row of the scores with nothing scored, after every scored report', () => {
    const [s] = scoredRows([row]);
    expect(s.card!.points).toBe(0);
    expect(s.card!.max).toBe(0);
    expect(s.share).toBeNull();
    expect(s.card!.items.every((i) => i.max === 0 && i.reason.messageId === 'unreadableScanned')).toBe(true);
    const lines = scoresCsv([s]).slice(1).split('\r\n');
    expect(lines[1].startsWith('9,,,,0,0,,')).toBe(true);
    // 说明 (the points) comes last, after 无法核对 and 网址.
    expect(lines[0].split(',').at(-3)).toBe('无法核对 notCheckable');
    expect(lines[0].split(',').at(-1)).toBe('说明 note');
    expect(lines[1].split(',').at(-3)).toBe('扫描件 scanned');
    expect(lines[1].split(',').at(-1)).toBe('0/0');
    const pictured = {
      ...row,
      id: 10,
      score: {
        ...unreadableRecord('scanned'),
        unreadable: undefined,
        unreadableTables: [{ table: 'applications' as const, why: 'picture' as const }],
      },
    };
    expect(
      scoresCsv(scoredRows([pictured]))
        .slice(1)
        .split('\r\n')[1]
        .split(',')
        .at(-3),
    ).toBe('表三 table 3');
    const other = { ...row, id: 3, score: { ...unreadableRecord('scanned'), unreadable: undefined } };
    expect(sortScored(scoredRows([row, other]), 'score', 'desc').map((x) => x.row.id)).toEqual([3, 9]);
  });
});
