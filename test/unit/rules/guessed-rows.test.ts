import rule from '../../../utils/rules/guessed-rows';
import reviewSum from '../../../utils/rules/review-litigation-sum';
import rowSum from '../../../utils/rules/applications-row-sum';
import outcomeSum from '../../../utils/rules/applications-outcome-sum';
import type { ApplicationRow, CellRead, Report, ReviewGroup } from '../../../utils/report/types';
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
    { name: 'a guessed row whose sums hold says nothing', report: readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 1] }), ['review'], POSITION) },
    { name: 'a failing sum over certain cells is not this rule’s', report: addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }) },
    { name: 'a confident picture read is certain', report: readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }), ['review'], { placed: 'picture', confidence: 0.97 }) },
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
      report: readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }), ['review'], { placed: 'position', reason: 'generic-header' }),
      errors: [{ messageId: 'unconfirmed', message: /“数据1…数据6”/ }],
    },
    {
      name: 'a low-confidence picture read is not certain',
      report: readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }), ['review'], { placed: 'picture', confidence: 0.5 }),
      errors: [{ messageId: 'unconfirmed', message: /图片识别把握不足/ }],
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
  // 1 + 0 + 0 + 0 ≠ 5, but the row's columns were guessed: no error about the report
  valid: [guessedReview()],
  invalid: [
    {
      name: 'the same row read with certainty is an error',
      report: addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }),
      errors: [{ severity: 'error', location: { row: 1, col: 5 } }],
    },
    {
      name: 'a guessed group does not hide a failing certain one',
      report: readReview(addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5], litigationDirect: [2, 0, 0, 0, 3] }), ['review'], POSITION),
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
