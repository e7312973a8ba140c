import rule from '../../../utils/rules/table-missing';
import { baseReport, withText } from './build-report';
import { clean2019, clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

const SIX =
  '一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n正文。\n六、其他需要报告的事项\n正文。';

function seed004Shape() {
  return withText(baseReport({ year: 2023 }), SIX);
}

function withImage() {
  const r = seed004Shape();
  r.sections[2]!.images = 1;
  return r;
}

/** A scanned PDF whose three pages were read by OCR, no grid found under 三 and 四 (二 kept empty too). */
function scannedShape() {
  const r = seed004Shape();
  r.source = { ...r.source, kind: 'pdf', ocrPages: 3 };
  return r;
}

function withOtherTable() {
  const r = seed004Shape();
  r.tables.push({ index: 0, source: 'html', kind: 'other', rows: 1, cols: 1, cells: [], slots: [[]], section: [4] });
  r.sections[3]!.tables.push(0);
  return r;
}

ruleTester.run(rule, {
  valid: [
    clean2019(),
    clean2021(),
    // 2008 era: no fixed tables
    withText(baseReport({ year: 2017, format: '2008' }), '一、概述\n正文。'),
  ],
  invalid: [
    {
      name: 'a scan read by OCR with no table found: not checkable, a warning, never "the section holds no table"',
      report: scannedShape(),
      errors: [
        { messageId: 'unreadScan', severity: 'warning', location: { kind: 'section', path: [2] }, message: '未能从扫描页识别' },
        { messageId: 'unreadScan', severity: 'warning', location: { kind: 'section', path: [3] } },
        { messageId: 'unreadScan', severity: 'warning', location: { kind: 'section', path: [4] } },
      ],
    },
    {
      name: 'a scan whose section 四 heading went unread (议, 诉讼 not recognised): not checkable, never "no such section"',
      report: (() => {
        const r = withText(baseReport({ year: 2020 }), SIX.replace('行政复议、行政诉讼', '行政复、行政'));
        r.source = { ...r.source, kind: 'pdf', ocrPages: 4 };
        return r;
      })(),
      errors: [
        {
          messageId: 'unreadScan',
          severity: 'warning',
          location: { kind: 'report' },
          message: '第四部分的行政复议、行政诉讼情况表未能从扫描页识别',
        },
        { messageId: 'unreadScan', severity: 'warning', location: { kind: 'section', path: [2] } },
        { messageId: 'unreadScan', severity: 'warning', location: { kind: 'section', path: [3] } },
      ],
    },
    {
      name: 'the same heading unread on a typed page: the section is missing, an error',
      report: withText(baseReport({ year: 2020 }), SIX.replace('行政复议、行政诉讼', '行政复、行政')),
      errors: [
        { messageId: 'noSection', severity: 'error', location: { kind: 'report' } },
        { messageId: 'empty', severity: 'error', location: { kind: 'section', path: [2] } },
        { messageId: 'empty', severity: 'error', location: { kind: 'section', path: [3] } },
      ],
    },
    {
      name: 'seed 004 shape: 二 三 四 empty',
      report: seed004Shape(),
      errors: [
        { messageId: 'empty', severity: 'error', location: { kind: 'section', path: [2] }, message: '第二部分' },
        { messageId: 'empty', location: { kind: 'section', path: [3] }, message: '第三部分' },
        { messageId: 'empty', location: { kind: 'section', path: [4] }, message: '第四部分' },
      ],
    },
    {
      name: 'a table pasted as a picture is not missing (table-as-picture says so); the empty sections are',
      report: withImage(),
      errors: [
        { messageId: 'empty', location: { path: [2] } },
        { messageId: 'empty', location: { path: [4] } },
      ],
    },
    {
      name: 'a table not in the standard format',
      report: withOtherTable(),
      errors: [
        { messageId: 'empty', location: { path: [2] } },
        { messageId: 'empty', location: { path: [3] } },
        { messageId: 'unrecognised', severity: 'warning', location: { path: [4] } },
      ],
    },
  ],
});
