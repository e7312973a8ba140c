import rule from '../../../utils/rules/truncated-sentence';
import { baseReport, withText } from './build-report';
import { clean2019 } from './clean-reports';
import { ruleTester } from './rule-tester';

ruleTester.run(rule, {
  valid: [
    clean2019(),
    withText(baseReport(), '一、概述\n工作情况良好。\n二、其他\n落款单位\n2024年1月1日'),
    // a title wrapped over two lines
    withText(baseReport(), '一、概述\n对《关于印发某某中长期\n规划的通知》进行了解读。\n二、其他\n正文。'),
    // short heading-like lines and table text are left alone
    withText(baseReport(), '一、概述\n（表格一）\n二、其他\n正文。'),
  ],
  invalid: [
    {
      name: 'seed 000 shape: unclosed 《 before a heading',
      report: withText(baseReport({ year: 2017 }), '一、概述\n二是按照市财政局、市物价局转发《财政部、国家发展改革委\n二、收费\n正文。'),
      errors: [
        {
          messageId: 'unclosed',
          severity: 'warning',
          location: { kind: 'text', quote: '二是按照市财政局、市物价局转发《财政部、国家发展改革委' },
          message: '《',
        },
      ],
    },
    {
      name: 'no closing punctuation before the next heading',
      report: withText(baseReport(), '一、概述\n本局认真贯彻落实条例规定，不断加强政府信息公开的组织领导和制度\n二、其他\n正文。'),
      errors: [{ messageId: 'noFullStop' }],
    },
    {
      name: 'unclosed （',
      report: withText(baseReport(), '一、概述\n全年公开信息（含政策文件、工作动态\n二、其他\n正文。'),
      errors: [{ messageId: 'unclosed', message: '（' }],
    },
  ],
});
