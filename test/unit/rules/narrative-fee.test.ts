import { extractFacts } from '../../../utils/parse/facts';
import rule from '../../../utils/rules/narrative-fee';
import { addActiveTable, baseReport, withText } from './build-report';
import { clean2019, clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

function report(text: string, feeAmount?: number) {
  const r = withText(baseReport(), text);
  if (feeAmount !== undefined) addActiveTable(r, '2021', { fees: { feeAmount } });
  r.facts = extractFacts(r.text, []).facts;
  return r;
}

ruleTester.run(rule, {
  valid: [
    clean2019(),
    clean2021(),
    report('本年度未收取任何信息处理费。'),
    report('依申请公开收取信息处理费200元。'),
    { name: 'information-processing fee is not table 二’s administrative fee', report: report('本年度依申请公开未收取信息处理费。', 12.5) },
    {
      name: 'administrative fees collected, none for information',
      report: report('2021年未收取信息处理费。全年收取行政事业性收费12.5万元。'),
    },
  ],
  invalid: [
    {
      name: 'none collected, then an amount',
      report: report('本年度依申请公开未收取信息处理费。六、其他需要报告的事项。本年度收取信息处理费200元。'),
      errors: [
        {
          messageId: 'contradicts',
          location: { kind: 'text', quote: '200' },
          related: [{ kind: 'text', quote: '未收取信息处理费' }],
          message: '正文称收取信息处理费 200 元，而另一处称未收取',
          data: { stated: '200' },
        },
      ],
    },
    {
      name: 'no administrative fees against table 二',
      report: report('本年度未收取行政事业性收费。', 3.2),
      errors: [
        {
          messageId: 'table',
          severity: 'error',
          related: [{ kind: 'cell', row: 1, col: 1 }],
          message: '正文称未收取行政事业性收费，而表二“行政事业性收费 本年收费金额”为 3.2 万元',
        },
      ],
    },
    {
      name: 'no administrative fees against a table 二 amount read with doubt: a warning that says why',
      report: (() => {
        const r = report('本年度未收取行政事业性收费。', 3.2);
        r.standard.activeDisclosure!.rows.fees!.feeAmount!.read = { placed: 'picture', confidence: 0.62 };
        return r;
      })(),
      errors: [
        {
          messageId: 'tableDoubtful',
          severity: 'warning',
          message: '为 3.2 万元；但表格中这一读数存疑（行政事业性收费·本年收费金额：图片识别置信度 62%），不能据此判定为错误',
          en: /read from a picture at 62% confidence/,
        },
      ],
    },
    {
      name: 'a picture read at high confidence counts as certain: an error',
      report: (() => {
        const r = report('本年度未收取行政事业性收费。', 3.2);
        r.standard.activeDisclosure!.rows.fees!.feeAmount!.read = { placed: 'picture', confidence: 0.97 };
        return r;
      })(),
      errors: [{ messageId: 'table', severity: 'error' }],
    },
    {
      name: 'a bare "no fees" against table 二 is only a warning',
      report: report('本机关未收取任何费用。', 3.2),
      errors: [{ messageId: 'table', severity: 'warning' }],
    },
  ],
});
