import rule from '../../../utils/rules/problems-section';
import { baseReport, withText } from './build-report';
import { clean2019, clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

const report = (five: string) =>
  withText(baseReport(), `一、总体情况\n全年工作正常开展。\n五、存在的主要问题及改进情况\n${five}\n六、其他需要报告的事项\n无。`);

ruleTester.run(rule, {
  valid: [
    clean2019(),
    clean2021(),
    report('我局工作还存在短板和不足。一是信息主动公开数量和质量还有待提升。下一步将加强培训。'),
    report('一是政策解读形式较为单一，图解、视频解读偏少；二是依申请公开答复文书不够规范。下一步，我局将丰富解读形式，制定答复文书范本。'),
    { name: 'no section 五 (section-missing says so)', report: withText(baseReport(), '一、总体情况\n全年工作正常开展。') },
  ],
  invalid: [
    {
      name: 'heading alone',
      report: report(''),
      errors: [
        {
          messageId: 'empty',
          severity: 'warning',
          location: { kind: 'section', path: [5] },
          message: '“五、存在的主要问题及改进情况”没有内容（—）',
        },
      ],
    },
    { name: '无', report: report('无。'), errors: [{ messageId: 'empty', message: '没有内容（无。）' }] },
    {
      name: 'only achievements, no shortcoming',
      report: report('我局将继续深入贯彻落实《条例》，进一步做好政府信息公开工作，推动政务公开工作再上新台阶。'),
      errors: [{ messageId: 'noProblem', severity: 'warning' }],
    },
    {
      name: 'stock phrases only',
      report: report(
        '2020 年，我局政府信息公开工作虽然取得了一定成效，但也存在一些问题和不足。下一步，我局将进一步提高认识，加强领导，不断提高政府信息公开工作水平。',
      ),
      errors: [{ messageId: 'noProblem', severity: 'warning', message: '没有写出具体的问题或不足' }],
    },
    {
      name: 'problems without a measure',
      report: report('一是主动公开的内容不够丰富；二是工作人员业务水平有待提高。'),
      errors: [{ messageId: 'noMeasure', severity: 'info', message: '写了问题，但没有写改进措施' }],
    },
  ],
});
