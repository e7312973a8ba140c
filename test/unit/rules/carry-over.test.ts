import rule from '../../../utils/rules/carry-over';
import { addApplicationsTable, baseReport, row7 } from './build-report';
import { ruleTester } from './rule-tester';

function year(y: number, carriedOver: number[], carriedForward: number[]) {
  return addApplicationsTable(baseReport({ year: y }), '2021', {
    new: row7(5, 0, 0, 0, 0, 0),
    carriedOver: row7(...carriedOver),
    total: row7(5, 0, 0, 0, 0, 0),
    carriedForward: row7(...carriedForward),
  });
}

const y2021 = year(2021, [0, 0, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0]);
const good2022 = year(2022, [2, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]);
const bad2022 = year(2022, [0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]);

ruleTester.run(rule, {
  valid: [
    good2022,
    { report: good2022, context: { neighbours: { previous: { report: y2021, label: '2021年 某县卫生健康局' } } } },
    { report: y2021, context: { neighbours: { next: { report: good2022, label: '2022年 某县卫生健康局' } } } },
  ],
  invalid: [
    {
      report: bad2022,
      context: { neighbours: { previous: { report: y2021, label: '2021年 某县卫生健康局' } } },
      errors: [
        { messageId: 'fromPrevious', location: { kind: 'cell', row: 2, col: 1 }, message: '2021年 某县卫生健康局' },
        { messageId: 'fromPrevious', location: { kind: 'cell', row: 2, col: 7 }, message: '为 3' },
      ],
    },
    {
      report: y2021,
      context: { neighbours: { next: { report: bad2022, label: '2022年 某县卫生健康局' } } },
      errors: [{ messageId: 'toNext', location: { row: 4, col: 1 } }, { messageId: 'toNext', location: { row: 4, col: 7 } }],
    },
    {
      name: 'last year’s cell read with doubt: a warning that says why',
      report: bad2022,
      context: {
        neighbours: {
          previous: {
            report: (() => {
              const r = year(2021, [0, 0, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0]);
              r.standard.applications!.rows.carriedForward!.natural!.read = { placed: 'position', reason: 'glued-label' };
              return r;
            })(),
            label: '2021年 某县卫生健康局',
          },
        },
      },
      errors: [
        { messageId: 'fromPrevious', severity: 'error', location: { row: 2, col: 7 } },
        {
          messageId: 'fromPreviousDoubtful',
          severity: 'warning',
          location: { row: 2, col: 1 },
          message: '；但表格中这一读数存疑（2021年 某县卫生健康局 四、结转下年度继续办理·自然人：行名与数字粘连，列按位置推定），不能据此判定为错误',
        },
      ],
    },
  ],
});
