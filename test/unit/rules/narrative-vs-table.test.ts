import type { FactKind } from '../../../utils/report/types';
import rule from '../../../utils/rules/narrative-vs-table';
import { addApplicationsTable, addReviewTable, baseReport, rangeOf, row7, withText } from './build-report';
import { clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

function report(kind: FactKind, stated: number, approximate = false) {
  const r = withText(baseReport(), `全年收到申请${stated}件。`);
  addApplicationsTable(r, '2021', {
    new: row7(10, 2, 0, 0, 0, 0),
    total: row7(10, 2, 0, 0, 0, 0),
  });
  addReviewTable(r, { review: [1, 0, 0, 0, 1], litigationDirect: [1, 0, 0, 0, 1], litigationAfterReview: [0, 1, 0, 0, 1] });
  r.facts = [{ kind, value: stated, unit: '件', label: '收到申请', at: rangeOf(r, `${stated}件`), approximate }];
  return r;
}

ruleTester.run(rule, {
  valid: [clean2021(), report('applicationsNew', 12), report('litigationTotal', 2), report('applicationsNew', 15, true), report('activeDisclosed', 15)],
  invalid: [
    {
      report: report('applicationsNew', 15),
      errors: [
        {
          messageId: 'mismatch',
          location: { kind: 'text', quote: '15件' },
          related: [{ kind: 'cell', table: 0, row: 1, col: 7 }],
          message: '正文称本年新收申请 15 件，而表格中为 12 件',
        },
      ],
    },
    {
      name: 'lawsuits: both litigation groups',
      report: report('litigationTotal', 3),
      errors: [{ related: [{ kind: 'cell', table: 1, row: 2, col: 5 }, { kind: 'cell', table: 1, row: 3, col: 5 }] }],
    },
  ],
});
