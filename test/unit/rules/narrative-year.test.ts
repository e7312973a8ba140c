import { extractFacts } from '../../../utils/parse/facts';
import rule from '../../../utils/rules/narrative-year';
import { baseReport, withText } from './build-report';
import { clean2019, clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

function report(text: string, year: number | null = 2023) {
  const r = withText(baseReport({ year }), text);
  r.facts = extractFacts(r.text, []).facts;
  return r;
}

ruleTester.run(rule, {
  valid: [
    clean2019(),
    clean2021(),
    report('2023年，我局共收到政府信息公开申请5件。'),
    { name: 'no year in the sentence', report: report('全年共收到政府信息公开申请5件。') },
    { name: 'a comparison with last year', report: report('全年收到申请8件，较2022年的5件有所增加。') },
    { name: 'this year’s figure given elsewhere', report: report('2023年收到政府信息公开申请8件。2022年收到政府信息公开申请5件。') },
    {
      name: 'the statistics period is no other year',
      report: report('本报告统计期限为2023年1月1日至2023年12月31日，期间收到政府信息公开申请5件。'),
    },
    { name: 'report year unknown', report: report('2022年收到政府信息公开申请5件。', null) },
  ],
  invalid: [
    {
      name: 'last year’s sentence left in',
      report: report('2022年，我局共收到政府信息公开申请5件，办结5件。'),
      errors: [
        {
          severity: 'warning',
          location: { kind: 'text', quote: '5' },
          message: '正文中的“2022年，我局共收到政府信息公开申请5件”是 2022 年的数字（5），而本报告是 2023 年度，且没有给出本年的该项数字',
          data: { stated: '5', year: 2022 },
        },
        { message: '是 2022 年的数字（5）' },
      ],
    },
  ],
});
