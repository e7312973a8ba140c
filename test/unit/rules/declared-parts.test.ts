import rule from '../../../utils/rules/declared-parts';
import { baseReport, rangeOf, withText } from './build-report';
import { ruleTester } from './rule-tester';

function report(count: number, listed: string[], sections: number) {
  const numerals = '一二三四五六七八九十';
  const intro = `本报告由${listed.join('、')}共${numerals[count - 1]}个部分组成。`;
  const body = Array.from({ length: sections }, (_, i) => `${numerals[i]}、部分${i + 1}\n正文。`).join('\n');
  const r = withText(baseReport({ year: 2018, format: '2008' }), `${intro}\n${body}`);
  r.declaredParts = [{ count, listed, at: rangeOf(r, intro.slice(0, -1)) }];
  return r;
}

const eight = ['总体情况', '重点领域', '主动公开', '依申请公开', '政策解读', '回应关切', '建议提案', '问题及改进'];

ruleTester.run(rule, {
  valid: [report(8, eight, 8), report(3, [], 3)],
  invalid: [
    {
      name: 'seed 002 shape: says 九, lists eight, nine sections',
      report: report(9, eight, 9),
      errors: [{ messageId: 'listed', location: { kind: 'text', start: 0 }, message: '声明“共九个部分”，但只列出了 8 个部分' }],
    },
    {
      name: 'sections do not match',
      report: report(3, ['甲', '乙', '丙'], 4),
      errors: [{ messageId: 'sections', message: '4 个一级标题' }],
    },
  ],
});
