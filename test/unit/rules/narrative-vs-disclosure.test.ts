import { extractFacts } from '../../../utils/parse/facts';
import rule from '../../../utils/rules/narrative-vs-disclosure';
import { addActiveTable, baseReport, withText } from './build-report';
import { clean2019, clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

function report2021(text: string) {
  const r = withText(baseReport(), text);
  addActiveTable(r, '2021', {
    regulations: { issued: 0, repealed: 0, inForce: 3 },
    normativeDocuments: { issued: 12, repealed: 4, inForce: 656 },
  });
  r.facts = extractFacts(r.text, []).facts;
  return r;
}

function report2019(text: string) {
  const r = withText(baseReport({ year: 2020 }), text);
  addActiveTable(r, '2019', { normativeDocuments: { made: 5, published: 5, totalPublished: 120 } });
  r.facts = extractFacts(r.text, []).facts;
  return r;
}

ruleTester.run(rule, {
  valid: [
    clean2021(),
    clean2019(),
    report2021('截至年底，我局现行有效规范性文件656件，现行有效规章3件。'),
    { name: '2019: in force below all ever published', report: report2019('现行有效规范性文件98件。') },
    { name: 'another year’s count', report: report2021('2019年底现行有效规范性文件600件。') },
  ],
  invalid: [
    {
      report: report2021('截至年底，现行有效规范性文件665件。'),
      errors: [
        {
          messageId: 'inForce',
          // A published library often covers a narrower scope than table 二: a careful reader checks, not condemns.
          severity: 'warning',
          location: { kind: 'text', quote: '665' },
          related: [{ kind: 'cell', row: 2, col: 3 }],
          message: '正文称现行有效规范性文件 665 件，而表二“现行有效件数”为 656 件（正文可能只计文件库所收范围，请核对口径）',
          en: 'The text gives 665 normative documents in force, table 二 (in force) 656 (the text may count only what a library holds: check the scope)',
        },
      ],
    },
    {
      name: 'a smaller count from the library, in a sentence that names it',
      report: report2021('我局在门户网站设置行政规范性文件库，集中公开现行有效规范性文件620件。'),
      errors: [{ messageId: 'inForce', severity: 'warning', location: { quote: '620' } }],
    },
    {
      name: 'regulations in force differ: a warning too',
      report: report2021('现行有效规章5件。'),
      errors: [{ messageId: 'inForce', severity: 'warning', message: '正文称现行有效规章 5 件，而表二“现行有效件数”为 3 件' }],
    },
    {
      name: 'against a cell whose note merged into it: the doubt is said',
      report: (() => {
        const r = report2021('截至年底，现行有效规范性文件665件。');
        r.standard.activeDisclosure!.rows.normativeDocuments!.inForce!.read = { placed: 'position', reason: 'merged-note' };
        return r;
      })(),
      errors: [
        {
          messageId: 'inForceDoubtful',
          severity: 'warning',
          message: '；但表格中这一读数存疑（规范性文件·现行有效件数：注释与数字合并），不能据此判定为错误',
        },
      ],
    },
    {
      name: '2019: more in force than ever published',
      report: report2019('现行有效规范性文件130件。'),
      errors: [
        { messageId: 'aboveTotal', severity: 'warning', related: [{ row: 1, col: 3 }], message: '130 件，多于表二“对外公开总数量” 120 件' },
      ],
    },
  ],
});
