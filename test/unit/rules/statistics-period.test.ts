import rule from '../../../utils/rules/statistics-period';
import { baseReport, rangeOf, withText } from './build-report';
import { ruleTester } from './rule-tester';

function report(year: number, printed: string, start: string | null, end: string | null) {
  const r = withText(baseReport({ year }), `数据统计期限为${printed}。`);
  r.meta.statisticsPeriod = { text: printed, at: rangeOf(r, printed), start, end };
  return r;
}

ruleTester.run(rule, {
  valid: [report(2018, '2018年1月1日至2018年12月31日', '2018-01-01', '2018-12-31'), baseReport()],
  invalid: [
    {
      name: 'seed 000 shape',
      report: report(2017, '20171月1日起至201712月31日', null, null),
      errors: [{ messageId: 'malformed', location: { kind: 'text', quote: '20171月1日起至201712月31日' } }],
    },
    {
      report: report(2019, '2018年1月1日至2018年12月31日', '2018-01-01', '2018-12-31'),
      errors: [{ messageId: 'wrongYear', message: '2018-01-01 至 2018-12-31' }],
    },
  ],
});
