import rule from '../../../utils/rules/outdated-format';
import { addActiveTable, addApplicationsTable, baseReport, consistentApplicationValues, withText } from './build-report';
import { clean2019, clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

ruleTester.run(rule, {
  valid: [clean2021(), clean2019()],
  invalid: [
    {
      name: '2022 report with the 2019 active-disclosure columns',
      report: addActiveTable(baseReport({ year: 2022 }), '2019', {
        regulations: { made: 0, published: 0, totalPublished: 0 },
      }),
      errors: [{ messageId: 'activeTable', location: { kind: 'cell', row: 1, col: 1 } }],
    },
    {
      name: '2021 report with a single-row （六）',
      report: addApplicationsTable(baseReport({ year: 2021 }), '2019', consistentApplicationValues('2019')),
      errors: [{ messageId: 'applicationsTable', location: { kind: 'cell', col: 7 } }],
    },
    {
      name: 'citing 〔2019〕60号',
      report: withText(baseReport({ year: 2023 }), '按照国办公开办函〔2019〕60号要求编制本报告。'),
      errors: [{ messageId: 'citation', location: { kind: 'text', start: 2, quote: '国办公开办函〔2019〕60号' } }],
    },
  ],
});
