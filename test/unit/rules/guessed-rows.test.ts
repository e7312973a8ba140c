import type { ApplicationRow, CellRead, Report, ReviewGroup } from '../../../utils/report/types';
import outcomeSum from '../../../utils/rules/applications-outcome-sum';
import rowSum from '../../../utils/rules/applications-row-sum';
import rule from '../../../utils/rules/guessed-rows';
import reviewSum from '../../../utils/rules/review-litigation-sum';
import { addApplicationsTable, addReviewTable, baseReport, consistentApplicationValues } from './build-report';
import { ruleTester } from './rule-tester';

const POSITION: CellRead = { placed: 'position', reason: 'short-row' };

/** Marks every value of the given review groups with `read`. */
function readReview(report: Report, groups: ReviewGroup[], read: CellRead): Report {
  for (const g of groups) for (const cell of Object.values(report.standard.reviewLitigation!.groups[g] ?? {})) cell!.read = read;
  return report;
}

/** Marks every value of the given application rows with `read`. */
function readRows(report: Report, rows: ApplicationRow[], read: CellRead): Report {
  for (const r of rows) for (const cell of Object.values(report.standard.applications!.rows[r] ?? {})) cell!.read = read;
  return report;
}

/** The review row 1 + 0 + 0 + 0 against a stated 5, its columns guessed. */
const guessedReview = () => readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }), ['review'], POSITION);

/**
 * The review row 6 + 0 + 0 + 0 against a stated 8, read from a picture: every cell with confidence but the 6,
 * which the recogniser says may be an 8 (then the row holds).
 */
function pictureDigit(): Report {
  const report = readReview(addReviewTable(baseReport(), { review: [6, 0, 0, 0, 8] }), ['review'], { placed: 'picture', confidence: 0.98 });
  report.standard.reviewLitigation!.groups.review!.upheld!.read = { placed: 'picture', confidence: 0.55, alternatives: ['8'] };
  return report;
}

/**
 * A clean applications table whose （一）予以公开·自然人 is one more than it should be: the row sum of （一） and
 * the outcome sum of 自然人 fail over it (the balance 一+二 = （七）+四 does not include it).
 */
function offByOne(read: CellRead | null): Report {
  const values = consistentApplicationValues('2021');
  values.granted = [...values.granted!];
  values.granted[0] = (values.granted[0] as number) + 1;
  const report = addApplicationsTable(baseReport(), '2021', values);
  return read ? readRows(report, ['granted'], read) : report;
}

ruleTester.run(rule, {
  valid: [
    addReviewTable(baseReport(), { review: [1, 0, 0, 0, 1] }),
    baseReport(),
    {
      name: 'a guessed row whose sums hold says nothing',
      report: readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 1] }), ['review'], POSITION),
    },
    { name: 'a failing sum over certain cells is not this rule’s', report: addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }) },
    {
      name: 'a doubtful picture read whose sums hold says nothing',
      report: readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 1] }), ['review'], {
        placed: 'picture',
        confidence: 0.4,
        alternatives: ['7'],
      }),
    },
    {
      name: 'a confident picture read is certain',
      report: readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }), ['review'], { placed: 'picture', confidence: 0.97 }),
    },
  ],
  invalid: [
    {
      name: 'a failing sum over a guessed row: one info note naming the cells and why',
      report: guessedReview(),
      errors: [
        {
          messageId: 'unconfirmed',
          severity: 'info',
          location: { kind: 'cell', row: 1, col: 1 },
          message: /行政复议、行政诉讼情况表有 1 项加总不成立.*行内单元格少于列数（空白格未保留）.*行政复议·结果维持/,
          en: /1 sum\(s\) do not hold.*not confirmed/,
        },
      ],
    },
    {
      name: 'two sums failing over one guessed row of table 三: still one note for the table',
      report: offByOne(POSITION),
      errors: [{ messageId: 'unconfirmed', severity: 'info', data: { count: 2 }, location: { row: 3, col: 1 } }],
    },
    {
      name: 'the reason is the one the cell carries',
      report: readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }), ['review'], {
        placed: 'position',
        reason: 'generic-header',
      }),
      errors: [{ messageId: 'unconfirmed', message: /“数据1…数据6”/ }],
    },
    {
      name: 'a low-confidence picture read is not certain: the picture note, with its confidence when no other reading is known',
      report: readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }), ['review'], { placed: 'picture', confidence: 0.5 }),
      errors: [{ messageId: 'picture', severity: 'info', message: /图片表格识别不确定：行政复议·结果维持读作 1（识别把握 50%）/ }],
    },
    {
      name: 'a sum that fails only through one low-confidence digit: one note saying what it was read as and what it may be',
      report: pictureDigit(),
      errors: [
        {
          messageId: 'picture',
          severity: 'info',
          location: { kind: 'cell', row: 1, col: 1 },
          message:
            '行政复议、行政诉讼情况表图片表格识别不确定：行政复议·结果维持读作 6，也可能是 8；涉及这些格的 1 项加总不成立，未能确认，不作为错误',
          en: /picture, was not read with certainty: .*read as 6, possibly 8; 1 sum\(s\)/,
        },
      ],
    },
    {
      name: 'two sums of table 三 failing through one doubtful picture row: still one note for the table',
      report: offByOne({ placed: 'picture', confidence: 0.6, alternatives: ['0'] }),
      errors: [{ messageId: 'picture', severity: 'info', data: { count: 2 }, location: { row: 3, col: 1 } }],
    },
    {
      name: 'a doubtful picture cell beside a guessed column: the general note, both reasons named',
      report: (() => {
        const report = pictureDigit();
        report.standard.reviewLitigation!.groups.review!.corrected!.read = POSITION;
        return report;
      })(),
      errors: [{ messageId: 'unconfirmed', message: /图片识别把握不足.*行内单元格少于列数|行内单元格少于列数.*图片识别把握不足/ }],
    },
    {
      name: 'a report saved before per-cell reads: its guessedRows still count as guessed',
      report: (() => {
        const report = addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] });
        report.standard.reviewLitigation!.guessedRows = [{ table: 0, row: 1 }];
        return report;
      })(),
      errors: [{ messageId: 'unconfirmed', severity: 'info', location: { row: 1, col: 1 } }],
    },
  ],
});

ruleTester.run(reviewSum, {
  // 1 + 0 + 0 + 0 ≠ 5, but the row's columns were guessed: no error about the report; 6 ≠ 8 only through a doubtful digit: none either
  valid: [guessedReview(), pictureDigit()],
  invalid: [
    {
      name: 'a sum failing with every term read from a picture with confidence is an error that says so',
      report: readReview(addReviewTable(baseReport(), { review: [6, 0, 0, 0, 8] }), ['review'], { placed: 'picture', confidence: 0.97 }),
      errors: [
        {
          messageId: 'pictureSum',
          severity: 'error',
          location: { row: 1, col: 5 },
          message: /总计为 8，而维持、纠正、其他、尚未审结之和为 6，相差 2.*（此表格为图片，由图片识别读出，各项识别把握充足）$/,
          en: /off by 2.*\(the table is a picture, read by OCR, every term with confidence\)$/,
        },
      ],
    },
    {
      name: 'the same row read with certainty is an error',
      report: addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }),
      errors: [{ severity: 'error', location: { row: 1, col: 5 } }],
    },
    {
      name: 'a guessed group does not hide a failing certain one',
      report: readReview(
        addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5], litigationDirect: [2, 0, 0, 0, 3] }),
        ['review'],
        POSITION,
      ),
      errors: [{ severity: 'error', location: { row: 2, col: 5 } }],
    },
  ],
});

// The same off-by-one over certain cells is an error of both sums it enters; over a guessed row, of neither.
for (const r of [rowSum, outcomeSum]) {
  ruleTester.run(r, {
    valid: [offByOne(POSITION), offByOne({ placed: 'unplaced' })],
    invalid: [{ name: 'read with certainty', report: offByOne({ placed: 'columns' }), errors: [{ severity: 'error' }] }],
  });
}
