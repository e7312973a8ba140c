import rule from '../../../utils/rules/regulations-continuity';
import { addActiveTable, baseReport } from './build-report';
import { ruleTester } from './rule-tester';

const y2021 = addActiveTable(baseReport({ year: 2021 }), '2021', { normativeDocuments: { issued: 3, repealed: 1, inForce: 40 } });
const good = addActiveTable(baseReport({ year: 2022 }), '2021', { normativeDocuments: { issued: 5, repealed: 2, inForce: 43 } });
const bad = addActiveTable(baseReport({ year: 2022 }), '2021', { normativeDocuments: { issued: 5, repealed: 2, inForce: 50 } });
const prev2019 = addActiveTable(baseReport({ year: 2019 }), '2019', { normativeDocuments: { made: 1, published: 1, totalPublished: 30 } });
const cur2019 = addActiveTable(baseReport({ year: 2020 }), '2019', { normativeDocuments: { made: 4, published: 4, totalPublished: 33 } });
const label = (y: number) => `${y}年 某县卫生健康局`;

ruleTester.run(rule, {
  valid: [
    good,
    { report: good, context: { neighbours: { previous: { report: y2021, label: label(2021) } } } },
    // format changed between the years: not comparable
    { report: good, context: { neighbours: { previous: { report: prev2019, label: label(2020) } } } },
  ],
  invalid: [
    {
      report: bad,
      context: { neighbours: { previous: { report: y2021, label: label(2021) } } },
      errors: [
        { messageId: 'previous', severity: 'warning', location: { kind: 'cell', row: 1, col: 3 }, message: '应为 43 件，表中为 50 件' },
      ],
    },
    {
      report: y2021,
      context: { neighbours: { next: { report: bad, label: label(2022) } } },
      errors: [{ messageId: 'next', location: { kind: 'cell', row: 1, col: 3 } }],
    },
    {
      name: '2019 tables: total published',
      report: cur2019,
      context: { neighbours: { previous: { report: prev2019, label: label(2019) } } },
      errors: [{ messageId: 'previous', message: '应为 34 件' }],
    },
  ],
});
