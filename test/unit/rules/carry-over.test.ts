import rule from '../../../utils/rules/carry-over';
import { addApplicationsTable, baseReport, row7 } from './build-report';
import { ruleTester } from './rule-tester';

function year(
  y: number,
  carriedOver: number[],
  carriedForward: number[],
  handled: number[] = [5, 0, 0, 0, 0, 0],
  received: number[] = [5, 0, 0, 0, 0, 0],
) {
  return addApplicationsTable(baseReport({ year: y }), '2021', {
    new: row7(...received),
    carriedOver: row7(...carriedOver),
    total: row7(...handled),
    carriedForward: row7(...carriedForward),
  });
}

// Last year's table balances for natural persons: 470 new + 62 carried over − 33 handled = 499 carried forward
// (the other columns all 0), and this year says 440 were carried over.
const balanced2021 = year(2021, [62, 0, 0, 0, 0, 0], [499, 0, 0, 0, 0, 0], [33, 0, 0, 0, 0, 0], [470, 0, 0, 0, 0, 0]);
const gap2022 = year(2022, [440, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [440, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]);

const y2021 = year(2021, [0, 0, 0, 0, 0, 0], [2, 1, 0, 0, 0, 0]);
const good2022 = year(2022, [2, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]);
const bad2022 = year(2022, [0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]);

ruleTester.run(rule, {
  valid: [
    good2022,
    { report: good2022, context: { neighbours: { previous: { report: y2021, label: '2021年 某县卫生健康局' } } } },
    { report: y2021, context: { neighbours: { next: { report: good2022, label: '2022年 某县卫生健康局' } } } },
    // The gap belongs to the later year: the earlier one says nothing of it, whatever its next year holds.
    { report: y2021, context: { neighbours: { next: { report: bad2022, label: '2022年 某县卫生健康局' } } } },
    { report: balanced2021, context: { neighbours: { next: { report: gap2022, label: '2022年 某县卫生健康局' } } } },
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
      name: 'last year’s own terms give its carried-forward figure: the arithmetic is written out, with a link to that year',
      report: gap2022,
      context: {
        neighbours: { previous: { report: balanced2021, label: '2021年 某县卫生健康局', url: 'https://www.example.gov.cn/2021.html' } },
      },
      errors: [
        {
          messageId: 'fromPreviousSum',
          severity: 'error',
          location: { kind: 'cell', row: 2, col: 1 },
          message: '“自然人”列：上年结转应为 2021年 某县卫生健康局 的 新收 + 上年结转 − 办结：470 + 62 − 33 = 499 ≠ 440（本年上年结转）',
          en: '470 + 62 − 33 = 499 ≠ 440',
          data: { otherUrl: 'https://www.example.gov.cn/2021.html' },
        },
        {
          messageId: 'fromPreviousSum',
          location: { row: 2, col: 7 },
          message: '“总计”列：上年结转应为 2021年 某县卫生健康局 的 新收 + 上年结转 − 办结：470 + 62 − 33 = 499 ≠ 440',
        },
      ],
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
          message:
            '；但表格中这一读数存疑（2021年 某县卫生健康局 四、结转下年度继续办理·自然人：行名与数字粘连，列按位置推定），不能据此判定为错误',
        },
      ],
    },
  ],
});
