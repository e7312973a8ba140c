import rule from '../../../utils/rules/review-litigation-sum';
import { addReviewTable, baseReport, consistentReviewValues } from './build-report';
import { ruleTester } from './rule-tester';

ruleTester.run(rule, {
  valid: [addReviewTable(baseReport(), consistentReviewValues()), addReviewTable(baseReport(), { review: [null, null, null, null, null] })],
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
          messageId: 'sum',
          location: { kind: 'cell', row: 2, col: 5 },
          related: [1, 2, 3, 4].map((col) => ({ kind: 'cell' as const, row: 2, col })),
          message: /未经复议直接起诉.*总计为 0.*之和为 2，相差 2：2 \+ 0 \+ 0 \+ 0 = 2 ≠ 0$/,
          en: /off by 2: 2 \+ 0 \+ 0 \+ 0 = 2 ≠ 0$/,
          data: {
            stated: '0',
            sum: '2',
            terms: [
              { value: 0, cell: { table: 0, row: 2, col: 5 }, side: 'left' },
              { value: 2, cell: { table: 0, row: 2, col: 1 }, side: 'right', text: '2' },
              { value: 0, cell: { table: 0, row: 2, col: 2 }, side: 'right' },
              { value: 0, cell: { table: 0, row: 2, col: 3 }, side: 'right' },
              { value: 0, cell: { table: 0, row: 2, col: 4 }, side: 'right' },
            ],
          },
        },
      ],
    },
    {
      name: 'a blank term is printed as blank and read as 0',
      report: addReviewTable(baseReport(), { review: [3, null, 1, 0, 3] }),
      errors: [
        {
          message: '3 + 空白 + 1 + 0 = 4 ≠ 3',
          en: '3 + blank + 1 + 0 = 4 ≠ 3',
          data: { terms: [{ value: 3 }, { value: 3 }, { value: null, text: '' }, { value: 1 }, { value: 0 }] },
        },
      ],
    },
  ],
});
