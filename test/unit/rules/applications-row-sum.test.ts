import rule from '../../../utils/rules/applications-row-sum';
import { addApplicationsTable, baseReport, consistentApplicationValues } from './build-report';
import { ruleTester } from './rule-tester';

ruleTester.run(rule, {
  valid: [
    addApplicationsTable(baseReport(), '2021', consistentApplicationValues('2021')),
    // only totals filled: not checkable here (blank-cells says so)
    addApplicationsTable(baseReport(), '2021', { new: [null, null, null, null, null, null, 4] }),
  ],
  invalid: [
    {
      report: addApplicationsTable(baseReport(), '2021', { new: [3, 1, 0, 0, 0, 0, 5] }),
      errors: [
        {
          messageId: 'sum',
          location: { kind: 'cell', table: 0, row: 1, col: 7, quote: '5' },
          related: [1, 2, 3, 4, 5, 6].map((col) => ({ kind: 'cell' as const, row: 1, col })),
          en: /total is 5 but the six applicant columns add up to 4/,
        },
      ],
    },
  ],
});
