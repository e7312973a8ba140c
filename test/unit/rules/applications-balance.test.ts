import rule from '../../../utils/rules/applications-balance';
import { addApplicationsTable, baseReport, consistentApplicationValues, row7 } from './build-report';
import { ruleTester } from './rule-tester';

const base = () => consistentApplicationValues('2021');

ruleTester.run(rule, {
  valid: [
    addApplicationsTable(baseReport(), '2021', base()),
    addApplicationsTable(baseReport({ year: 2020 }), '2019', consistentApplicationValues('2019')),
    // every term blank: not checkable, left to blank-cells
    addApplicationsTable(baseReport(), '2021', { new: [null], carriedOver: [null], total: [null], carriedForward: [null] }),
  ],
  invalid: [
    {
      name: 'seed 003 shape: one new application, nothing handled',
      report: addApplicationsTable(baseReport({ year: 2020 }), '2019', {
        new: row7(1, 0, 0, 0, 0, 0),
        carriedOver: row7(0, 0, 0, 0, 0, 0),
        'refused.2': row7(1, 0, 0, 0, 0, 0),
        total: row7(0, 0, 0, 0, 0, 0),
        carriedForward: row7(0, 0, 0, 0, 0, 0),
      }),
      errors: [
        {
          messageId: 'sum',
          severity: 'error',
          location: { kind: 'cell', table: 0, row: 4, col: 1 },
          related: [
            { kind: 'cell', row: 1, col: 1 },
            { kind: 'cell', row: 2, col: 1 },
            { kind: 'cell', row: 5, col: 1 },
          ],
          message: '自然人',
          en: /I \+ II = 1 but \(7\) total \+ IV = 0/,
        },
        { location: { kind: 'cell', row: 4, col: 7 }, message: '总计' },
      ],
    },
    {
      name: 'a blank read as 0 is said so',
      report: addApplicationsTable(baseReport(), '2021', {
        new: [5, 0, 0, 0, 0, 0, 5],
        carriedOver: [null, 0, 0, 0, 0, 0, 0],
        total: [3, 0, 0, 0, 0, 0, 3],
        carriedForward: [1, 0, 0, 0, 0, 0, 1],
      }),
      errors: [{ location: { row: 3, col: 1 }, message: /空白单元格按 0 计/ }, { location: { row: 3, col: 7 } }],
    },
  ],
});
