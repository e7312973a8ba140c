import rule from '../../../utils/rules/copied-text';
import { baseReport, withText } from './build-report';
import { ruleTester } from './rule-tester';

const body = (year: number, n: number) =>
  [
    `${year}年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`,
    `全年主动公开政府信息${n}条，及时更新政府信息公开指南和目录，确保信息准确完整。`,
    '我局成立了由主要领导任组长的政府信息公开工作领导小组，明确专人负责日常工作。',
    '下一步，我局将进一步加强培训，提高工作人员的业务水平，不断提升公开质量和实效。',
  ].join('\n');

const r2021 = withText(baseReport({ year: 2021 }), body(2021, 120));
const r2022 = withText(baseReport({ year: 2022 }), body(2022, 120));
const different = withText(
  baseReport({ year: 2022 }),
  '本年度围绕优化营商环境开展重点领域信息公开，新增政策解读专栏并邀请专家在线访谈三次。\n针对群众反映集中的就医问题，我局编制了办事指南和常见问题解答，累计发布二十余篇。',
);

ruleTester.run(rule, {
  valid: [r2022, { report: different, context: { neighbours: { previous: { report: r2021, label: '2021年 某县卫生健康局' } } } }],
  invalid: [
    {
      name: 'word for word the same except the year',
      report: r2022,
      context: { neighbours: { previous: { report: r2021, label: '2021年 某县卫生健康局' } } },
      errors: [{ messageId: 'copied', location: { kind: 'text', start: 0 }, message: '100% 的文字与 2021年 某县卫生健康局 逐字相同' }],
    },
  ],
});
