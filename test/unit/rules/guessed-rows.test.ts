import rule from '../../../utils/rules/guessed-rows';
import reviewSum from '../../../utils/rules/review-litigation-sum';
import type { Report } from '../../../utils/report/types';
import { addReviewTable, baseReport } from './build-report';
import { ruleTester } from './rule-tester';

/** The review table with its review row (grid row 1) marked as placed by a guess. */
function guessedReview(values: Parameters<typeof addReviewTable>[1]): Report {
  const report = addReviewTable(baseReport(), values);
  const table = report.standard.reviewLitigation!;
  table.guessedRows = [{ table: table.table, row: 1 }];
  return report;
}

ruleTester.run(rule, {
  valid: [addReviewTable(baseReport(), { review: [1, 0, 0, 0, 1] }), baseReport()],
  invalid: [
    {
      name: 'a guessed row is said once for its table, as info',
      report: guessedReview({ review: [1, 0, 0, 0, 5] }),
      errors: [{ messageId: 'guessed', severity: 'info', location: { kind: 'cell', row: 1, col: 1 } }],
    },
  ],
});

ruleTester.run(reviewSum, {
  // 1 + 0 + 0 + 0 ≠ 5, but the row's columns were guessed: no error about the report
  valid: [guessedReview({ review: [1, 0, 0, 0, 5] })],
  invalid: [
    {
      name: 'the same row not guessed is checked',
      report: addReviewTable(baseReport(), { review: [1, 0, 0, 0, 5] }),
      errors: [{ location: { row: 1, col: 5 } }],
    },
  ],
});
