import rule from '../../../utils/rules/review-litigation-sum';
import { addReviewTable, baseReport, consistentReviewValues } from './build-report';
import { ruleTester } from './rule-tester';

ruleTester.run(rule, {
  valid: [
    addReviewTable(baseReport(), consistentReviewValues()),
    addReviewTable(baseReport(), { review: [null, null, null, null, null] }),
  ],
  invalid: [
    {
      name: 'seed 003 shape: 直接起诉 维持 2, 总计 0',
      report: addReviewTable(baseReport({ year: 2020 }), {
        review: [0, 0, 0, 0, 0],
        litigationDirect: [2, 0, 0, 0, 0],
        litigationAfterReview: [0, 0, 0, 0, 0],
      }),
      errors: [
        {
          messageId: 'mismatch',
          location: { kind: 'cell', row: 2, col: 5 },
          related: [1, 2, 3, 4].map((col) => ({ kind: 'cell' as const, row: 2, col })),
          message: /未经复议直接起诉.*总计为 0.*之和为 2/,
        },
      ],
    },
  ],
});
