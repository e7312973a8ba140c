import rule from '../../../utils/rules/applications-outcome-sum';
import { addApplicationsTable, baseReport, consistentApplicationValues, row7 } from './build-report';
import { ruleTester } from './rule-tester';

const v2021 = consistentApplicationValues('2021');
const o2 = [...(v2021['other.2'] as number[])];
o2[5]! += 3;
o2[6]! += 3;
const broken2021 = { ...v2021, 'other.2': o2 };
const v2019 = consistentApplicationValues('2019');

ruleTester.run(rule, {
  valid: [
    addApplicationsTable(baseReport(), '2021', v2021),
    addApplicationsTable(baseReport({ year: 2020 }), '2019', v2019),
    // a 2021 table printed with a single （六）: still summed correctly
    addApplicationsTable(baseReport(), '2021', {
      granted: row7(2, 0, 0, 0, 0, 0),
      other: row7(1, 0, 0, 0, 0, 0),
      total: row7(3, 0, 0, 0, 0, 0),
    }),
  ],
  invalid: [
    {
      name: '2021 row set: （六）2 counted',
      report: addApplicationsTable(baseReport(), '2021', broken2021),
      errors: [
        {
          messageId: 'sum',
          location: { kind: 'cell', col: 6 },
          relatedIncludes: [{ kind: 'cell', row: Object.keys(broken2021).indexOf('other.2') + 1, col: 6 }],
          message: /（七）总计为 \d+，而各项办理结果之和为 \d+，相差 3：(\d+ \+ ){5}\d+（另 15 项为 0） = \d+ ≠ \d+$/,
        },
        { location: { col: 7 }, message: '相差 3' },
      ],
    },
    {
      name: 'seed 003 shape: 不予公开 2 filled, （七） zero',
      report: addApplicationsTable(baseReport({ year: 2020 }), '2019', {
        granted: row7(0, 0, 0, 0, 0, 0),
        'refused.2': row7(1, 0, 0, 0, 0, 0),
        other: row7(0, 0, 0, 0, 0, 0),
        total: row7(0, 0, 0, 0, 0, 0),
      }),
      errors: [
        {
          location: { row: 4, col: 1 },
          relatedIncludes: [{ row: 2, col: 1 }],
          // rows absent from the page are not printed; the three present are
          message: '相差 1：0 + 1 + 0 = 1 ≠ 0',
          data: {
            stated: '0',
            sum: '1',
            terms: [
              { value: 0, side: 'left', cell: { row: 4, col: 1 } },
              { value: 0, cell: { row: 1 } },
              { value: 1, cell: { row: 2, col: 1 } },
              { value: 0, cell: { row: 3 } },
            ],
          },
        },
        { location: { row: 4, col: 7 }, relatedIncludes: [{ row: 2, col: 7 }] },
      ],
    },
  ],
});
