import { describe, expect, it } from 'vitest';
import type { CellRead, Report } from '../../../utils/report/types';
import { renderFinding, runRules } from '../../../utils/rules';
import rule from '../../../utils/rules/table-as-picture';
import tableMissing from '../../../utils/rules/table-missing';
import { baseReport, withText } from './build-report';
import { clean2019, clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

const SIX =
  '一、总体情况\n正文。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n正文。\n六、其他需要报告的事项\n正文。';

/** Seed 004's shape: the headings 二 三 四 with no table; `images` pictures under 三. */
function picturesUnder三(images: number): Report {
  const r = withText(baseReport({ year: 2023 }), SIX);
  r.sections[2]!.images = images;
  return r;
}

/** A clean 2021 report read from a scan of `pages` pages by OCR, its tables read from the page images. */
function scanned(pages: number): Report {
  const r = clean2021();
  r.source.ocrPages = pages;
  for (const cell of Object.values(r.standard.applications!.rows).flatMap((row) => Object.values(row ?? {})))
    cell!.read = { placed: 'picture', confidence: 0.99 };
  for (const group of Object.values(r.standard.reviewLitigation!.groups))
    for (const cell of Object.values(group ?? {})) cell!.read = { placed: 'picture', confidence: 0.99 };
  return r;
}

/** A clean 2021 report whose review table (四) was read from a picture: every value with `read`. */
function reviewFromPicture(read: CellRead): Report {
  const r = clean2021();
  for (const group of Object.values(r.standard.reviewLitigation!.groups)) for (const cell of Object.values(group ?? {})) cell!.read = read;
  return r;
}

ruleTester.run(rule, {
  valid: [
    clean2019(),
    clean2021(),
    { name: 'a section with no table and no picture is table-missing’s, not this rule’s', report: picturesUnder三(0) },
    {
      name: 'a typed table beside a picture: nothing',
      report: (() => {
        const r = clean2021();
        r.sections[2]!.images = 2;
        return r;
      })(),
    },
    {
      name: 'before 2019: no fixed tables',
      report: (() => {
        const r = withText(baseReport({ year: 2017, format: '2008' }), '一、概述\n正文。');
        return r;
      })(),
    },
  ],
  invalid: [
    {
      name: 'a table only as a picture, not read: a warning of its own, saying it is not machine-readable',
      report: picturesUnder三(2),
      errors: [
        {
          messageId: 'unread',
          severity: 'warning',
          location: { kind: 'section', path: [3] },
          message:
            '第三部分（收到和处理政府信息公开申请情况）的收到和处理政府信息公开申请情况表只以图片形式发布（2 张图片）：不能被机器读取，读屏软件也无法读出；本工具未能从图片读出数据，未做核对',
          en: /published only as a picture \(2 picture\(s\)\): not machine-readable/,
        },
      ],
    },
    {
      name: 'a table read from its picture by OCR: still a warning, saying the figures came from the picture',
      report: reviewFromPicture({ placed: 'picture', confidence: 0.98 }),
      errors: [
        {
          messageId: 'read',
          severity: 'warning',
          location: { kind: 'cell' },
          message: /行政复议、行政诉讼情况表只以图片形式发布.*从图片识别读出/,
        },
      ],
    },
    {
      name: 'a scan read by OCR: one warning that the whole report is pictures, not one per table "only as a picture"',
      report: scanned(3),
      errors: [
        {
          messageId: 'scan',
          severity: 'warning',
          location: { kind: 'cell' },
          message:
            '整份报告以扫描图片发布（3 页由本工具识别读出）：不能被机器读取、检索或复制，读屏软件也无法读出；表格数据来自图片识别，请对照原件核对',
          en: /^The whole report is published as scanned pictures \(3 page\(s\) read by this tool\)/,
        },
      ],
    },
    {
      name: 'a scan whose tables all went unread: the same one warning, about the report',
      report: (() => {
        const r = withText(baseReport({ year: 2023 }), SIX);
        r.source.ocrPages = 2;
        r.sections[2]!.images = 1;
        return r;
      })(),
      errors: [{ messageId: 'scan', severity: 'warning', location: { kind: 'report' } }],
    },
    {
      name: 'a picture cell whose column was guessed still counts as read from the picture (its OCR confidence kept)',
      report: reviewFromPicture({ placed: 'position', reason: 'spurious-header', confidence: 0.97 }),
      errors: [{ messageId: 'read', severity: 'warning' }],
    },
  ],
});

describe('a table published as a picture is never "table missing"', () => {
  it('seed 004’s shape with pictures under 三: table-missing says nothing of 三, table-as-picture warns', () => {
    const findings = runRules(picturesUnder三(1), {});
    const about三 = findings.filter((f) => f.location.kind === 'section' && f.location.path[0] === 3);
    expect(about三.map((f) => [f.rule, f.severity])).toEqual([['table-as-picture', 'warning']]);
    expect(findings.filter((f) => f.rule === tableMissing.id).map((f) => (f.location as { path: number[] }).path)).toEqual([[2], [4]]);
    expect(renderFinding(about三[0]!, 'zh-Hant')).toContain('只以圖片形式發佈');
  });
});
