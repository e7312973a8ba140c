import rule from '../../../utils/rules/invalid-value';
import { addActiveTable, addReviewTable, baseReport, consistentReviewValues } from './build-report';
import { ruleTester } from './rule-tester';

ruleTester.run(rule, {
  valid: [
    addReviewTable(baseReport(), consistentReviewValues()),
    addActiveTable(baseReport({ year: 2020 }), '2019', {
      licensing: { previousCount: 8, change: '增5', decisions: 3 },
      procurement: { procurementCount: 1, procurementAmount: 12.5 },
    }),
  ],
  invalid: [
    {
      report: addReviewTable(baseReport(), { review: [-1, 1.5, '若干', 0, 1] }),
      errors: [
        { messageId: 'negative', severity: 'error', location: { row: 1, col: 1 } },
        { messageId: 'fraction', severity: 'error', location: { row: 1, col: 2 } },
        { messageId: 'text', severity: 'warning', location: { row: 1, col: 3 }, message: '若干' },
      ],
    },
    {
      report: addActiveTable(baseReport(), '2021', { fees: { feeAmount: -3 } }),
      errors: [{ messageId: 'negativeAmount' }],
    },
    {
      name: 'in a row whose columns are a guess, a negative or fractional value is a warning: it may be an amount or 本年增/减',
      report: (() => {
        const report = addReviewTable(baseReport(), { review: [-1, 1.5, 0, 0, 1] });
        for (const cell of Object.values(report.standard.reviewLitigation!.groups.review!))
          cell!.read = { placed: 'position', reason: 'glued-label' };
        return report;
      })(),
      errors: [
        { messageId: 'negative', severity: 'warning', location: { row: 1, col: 1 } },
        { messageId: 'fraction', severity: 'warning', location: { row: 1, col: 2 } },
      ],
    },
    {
      name: 'a count read from a picture as signed or decimal (OCR gives it 0.5): a warning, never an error (issue 18)',
      report: (() => {
        const report = addReviewTable(baseReport(), { review: [-15, 1.5, 0, 0, 1] });
        const { review } = report.standard.reviewLitigation!.groups;
        review!.upheld!.read = { placed: 'picture', confidence: 0.5 };
        review!.corrected!.read = { placed: 'picture', confidence: 0.5 };
        return report;
      })(),
      errors: [
        { messageId: 'negative', severity: 'warning', location: { row: 1, col: 1 }, message: '-15' },
        { messageId: 'fraction', severity: 'warning', location: { row: 1, col: 2 } },
      ],
    },
  ],
});
