import rule from '../../../utils/rules/blank-cells';
import { addApplicationsTable, addReviewTable, baseReport, consistentReviewValues } from './build-report';
import { ruleTester } from './rule-tester';

ruleTester.run(rule, {
  valid: [addReviewTable(baseReport(), consistentReviewValues()), baseReport()],
  invalid: [
    {
      name: 'blank cells listed, read as 0',
      report: addReviewTable(baseReport(), { review: [1, '/', null, 0, 1] }),
      errors: [
        { messageId: 'blank', severity: 'info', location: { kind: 'cell', row: 1, col: 2 }, related: [{ row: 1, col: 3 }] },
      ],
    },
    {
      name: 'a relation whose terms are all blank is not checkable, never holding',
      report: addReviewTable(baseReport(), {
        review: [1, 0, 0, 0, 1],
        litigationDirect: [null, '-', null, null, null],
      }),
      errors: [
        { messageId: 'blank', location: { row: 2, col: 1 } },
        { messageId: 'notCheckable', severity: 'info', location: { row: 2, col: 5 }, message: '无法核对' },
      ],
    },
    {
      name: 'a whole table without a number',
      report: addReviewTable(baseReport(), { review: [null, null, null, null, null] }),
      errors: [{ messageId: 'tableNotCheckable', severity: 'warning', location: { row: 1, col: 1 } }],
    },
    {
      name: 'only the 总计 column filled',
      report: addApplicationsTable(baseReport(), '2021', {
        new: [null, null, null, null, null, null, 4],
        total: [null, null, null, null, null, null, 4],
      }),
      errors: [
        { messageId: 'onlyTotals', severity: 'warning', location: { row: 1, col: 7 } },
        { messageId: 'blank' },
      ],
    },
    {
      name: 'the 总计 column blank',
      report: addApplicationsTable(baseReport(), '2021', { new: [1, 0, 0, 0, 0, 0, null] }),
      errors: [{ messageId: 'totalsColumnBlank', location: { row: 1, col: 7 } }, { messageId: 'blank' }],
    },
    {
      name: 'a blank total beside numbers',
      report: addReviewTable(baseReport(), { review: [1, 0, 0, 0, null] }),
      errors: [{ messageId: 'totalBlank', severity: 'warning', location: { row: 1, col: 5 } }, { messageId: 'blank' }],
    },
  ],
});
