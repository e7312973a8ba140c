import rule from '../../../utils/rules/section-numbering';
import { baseReport, withText } from './build-report';
import { clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

const seed001Shape = [
  '一、组织推动情况',
  '（一）强化组织领导',
  '（二）规范发布流程',
  '二、政府信息公开内容发布情况',
  '（一）依申请公开情况：正文。',
  '（二）重点领域信息公开：正文。',
  '（三）舆情回应：正文。',
  '（五）议案提案办理情况：正文。',
  '三、政府网站方面',
  '六、存在不足和2019年政务公开工作打算',
].join('\n');

ruleTester.run(rule, {
  valid: [
    clean2021(),
    withText(baseReport(), '一、甲\n1.子\n2.子\n二、乙'),
    {
      name: 'the seed 001 shape read by OCR from a scan: a number may be misread; read-from-scan says it, as not checkable',
      report: { ...withText(baseReport({ year: 2018 }), seed001Shape), source: { kind: 'pdf', url: null, title: null, ocrPages: 3 } },
    },
  ],
  invalid: [
    {
      name: 'seed 001 shape',
      report: withText(baseReport({ year: 2018 }), seed001Shape),
      errors: [
        {
          messageId: 'skip',
          location: { kind: 'section', path: [2, 5], quote: '（五）议案提案办理情况：正文' },
          message: '从“（三）”跳到“（五）”',
        },
        {
          messageId: 'skip',
          location: { kind: 'section', path: [6] },
          related: [{ kind: 'section', path: [3] }],
          message: '从“三、”跳到“六、”',
        },
      ],
    },
    {
      name: 'repeat, backwards, late start',
      report: withText(baseReport(), '一、甲\n（二）子\n二、乙\n二、丙\n一、丁'),
      errors: [
        { messageId: 'start', location: { path: [1, 2] } },
        { messageId: 'repeat', location: { path: [2] }, en: '"二、" is used twice' },
        { messageId: 'backwards', location: { path: [1] } },
      ],
    },
  ],
});
