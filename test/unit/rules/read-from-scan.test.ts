import { describe, expect, it } from 'vitest';
import type { Report } from '../../../utils/report/types';
import { runRules } from '../../../utils/rules/engine';
import rule, { SCAN_SENSITIVE } from '../../../utils/rules/read-from-scan';
import { addActiveTable, baseReport, rangeOf, withText } from './build-report';
import { clean2019, clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

/** The same report as a scanned PDF whose pages were read by OCR (what checkPdf records). */
function scanned(report: Report, pages = 3): Report {
  return { ...report, source: { ...report.source, kind: 'pdf', ocrPages: pages } };
}

/** Section 四's heading as OCR read a Traditional scan whose 議, 訴, 訟 are not in the recogniser's dictionary. */
const UNREAD_FOUR = withText(
  baseReport({ year: 2020 }),
  '一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复、行政情况\n五、存在的主要问题及改进情况\n一是公开不规范，下一步将改进。\n六、其他需要报告的事项\n无。',
);

/** 一、二、四: a numbering gap as a dropped 三 heading leaves it. */
const GAP = withText(baseReport({ year: 2018, format: '2008' }), '一、概述\n正文。\n二、主动公开\n正文。\n四、其他\n正文。');

/** A 2022 report whose table 二 has the 2019 columns (outdated-format's warning): on a scan, misread headers may do it. */
const OLD_COLUMNS = addActiveTable(baseReport({ year: 2022 }), '2019', { regulations: { made: 0, published: 0, totalPublished: 0 } });

/** "共12件，其中 5、4、4": the parts add up to more than the total (narrative-sum's error). */
function overSum(): Report {
  const r = withText(baseReport(), '本年共受理申请12件，其中予以公开5件、不予公开4件、无法提供4件。');
  let from = 0;
  r.facts = [
    {
      kind: 'other',
      value: 12,
      unit: '件',
      label: '受理申请',
      at: rangeOf(r, '12件'),
      approximate: false,
      parts: (
        [
          ['予以公开', 5],
          ['不予公开', 4],
          ['无法提供', 4],
        ] as const
      ).map(([label, value]) => {
        const at = rangeOf(r, `${label}${value}`, from);
        from = at.end;
        return { label, value, at: { start: at.start + label.length, end: at.start + label.length + 1 } };
      }),
    },
  ];
  return r;
}

ruleTester.run(rule, {
  valid: [
    // Typed reports: the rules say it themselves.
    UNREAD_FOUR,
    GAP,
    overSum(),
    OLD_COLUMNS,
    // A clean report read from a scan: nothing to say.
    scanned(clean2021()),
    scanned(clean2019()),
  ],
  invalid: [
    {
      name: 'a section heading not found on a scan: not checkable, a warning saying it rests on the text read from the scan',
      report: scanned(UNREAD_FOUR),
      errors: [
        {
          messageId: 'unsure',
          severity: 'warning',
          location: { kind: 'section', path: [3] },
          message: '据扫描页识别出的文字：缺少第四部分“政府信息公开行政复议、行政诉讼情况”；这可能只是识别有误，无法核对',
          en: 'From the text read from the scan: Part 四 ("administrative review and litigation") is missing; this may only be a misreading',
        },
      ],
    },
    {
      name: 'a numbering gap on a scan',
      report: scanned(GAP),
      errors: [{ messageId: 'unsure', severity: 'warning', location: { kind: 'section', path: [4] }, message: '从“二、”跳到“四、”' }],
    },
    {
      name: 'prose whose parts exceed its total, read from a scan: a warning, never the error it is on a typed page',
      report: scanned(overSum()),
      errors: [{ messageId: 'unsure', severity: 'warning', location: { kind: 'text', quote: '12件' }, message: '据扫描页识别出的文字：' }],
    },
    {
      name: 'the 2019 columns in a 2022 report read from a scan: the headers may be misread',
      report: scanned(OLD_COLUMNS),
      errors: [{ messageId: 'unsure', severity: 'warning', location: { kind: 'cell', row: 1, col: 1 }, message: '据扫描页识别出的文字：' }],
    },
  ],
});

describe('rules reading headings, prose and dates stay silent on a scan', () => {
  const cases: Array<[string, Report]> = [
    ['section 四 unread', UNREAD_FOUR],
    ['numbering gap', GAP],
    ['parts over the total', overSum()],
    ['2019 columns in a 2022 report', OLD_COLUMNS],
  ];
  for (const [name, report] of cases) {
    it(`${name}: typed, they find it; scanned, only read-from-scan does, never as an error`, () => {
      const typed = runRules(report, {}, SCAN_SENSITIVE);
      expect(typed.length).toBeGreaterThan(0);
      expect(runRules(scanned(report), {}, SCAN_SENSITIVE)).toEqual([]);
      const scan = runRules(scanned(report));
      const fromText = scan.filter((f) => SCAN_SENSITIVE.some((r) => r.id === f.rule));
      expect(fromText).toEqual([]);
      expect(scan.filter((f) => f.rule === 'read-from-scan')).toHaveLength(typed.length);
      expect(scan.filter((f) => f.severity === 'error')).toEqual([]);
    });
  }
});
