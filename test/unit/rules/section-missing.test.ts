import rule from '../../../utils/rules/section-missing';
import { baseReport, withText } from './build-report';
import { clean2019, clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

ruleTester.run(rule, {
  valid: [
    clean2019(),
    clean2021(),
    // fuzzy headings
    withText(
      baseReport(),
      '一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n五、存在的问题及改进情况\n六、其他需要报告的事项',
    ),
    withText(baseReport({ year: 2016, format: '2008' }), '一、概述\n二、其他'),
    {
      name: 'a scan read by OCR whose 五 heading went unread: read-from-scan says it, as not checkable',
      report: {
        ...withText(
          baseReport(),
          '一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、其他需要报告的事项',
        ),
        source: { kind: 'pdf', url: null, title: null, ocrPages: 2 },
      },
    },
  ],
  invalid: [
    {
      report: withText(
        baseReport(),
        '一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、其他需要报告的事项',
      ),
      errors: [{ messageId: 'missing', location: { kind: 'section', path: [4] }, message: '第五部分“存在的主要问题及改进情况”' }],
    },
  ],
});
