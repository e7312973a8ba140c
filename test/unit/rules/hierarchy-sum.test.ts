import type { Report } from '../../../utils/report/types';
import rule from '../../../utils/rules/hierarchy-sum';
import { addApplicationsTable, addReviewTable, baseReport, row7 } from './build-report';
import { ruleTester } from './rule-tester';

/** A report with 表三 (rows 一, 二, （七）, 四; totals in column 7) and optionally 表四 (totals in column 5). */
function report(
  year: number,
  fresh: number,
  carriedOver: number,
  handled: number,
  carriedForward: number,
  review?: [number, number, number],
): Report {
  const r = addApplicationsTable(baseReport({ year }), '2021', {
    new: row7(fresh, 0, 0, 0, 0, 0),
    carriedOver: row7(carriedOver, 0, 0, 0, 0, 0),
    total: row7(handled, 0, 0, 0, 0, 0),
    carriedForward: row7(carriedForward, 0, 0, 0, 0, 0),
  });
  if (!review) return r;
  return addReviewTable(r, {
    review: [review[0], 0, 0, 0, review[0]],
    litigationDirect: [review[1], 0, 0, 0, review[1]],
    litigationAfterReview: [review[2], 0, 0, 0, review[2]],
  });
}

const education = { report: report(2022, 10, 1, 10, 1, [2, 0, 0]), label: '县教育局' };
const health = { report: report(2022, 8, 1, 8, 1, [1, 0, 1]), label: '县卫健局' };
const town = { report: report(2022, 5, 0, 6, 0, [1, 0, 0]), label: '某镇' };
const children = [education, health, town];

// Parent totals written by hand: 一 10+8+5 = 23, 二 1+1+0 = 2, （七） 10+8+6 = 24, 四 1+1+0 = 2;
// 复议 2+1+1 = 4, 直接起诉 0, 复议后起诉 0+1+0 = 1.
const consistent = report(2022, 23, 2, 24, 2, [4, 0, 1]);
// Off on 一 (25), 四 (3) and 直接起诉 (1).
const inconsistent = report(2022, 25, 2, 24, 3, [4, 1, 1]);

ruleTester.run(rule, {
  valid: [
    { name: 'no children marked', report: inconsistent },
    { name: 'every total is the sum of the children', report: consistent, context: { children } },
    { name: 'a parent without tables has nothing to compare', report: baseReport({ year: 2022 }), context: { children } },
  ],
  invalid: [
    {
      report: inconsistent,
      context: { children },
      errors: [
        {
          messageId: 'mismatch',
          severity: 'warning',
          location: { kind: 'cell', table: 0, row: 1, col: 7 },
          message: '“一、本年新收申请·总计”：本报告为 25，3 个下级报告合计 23（县教育局 10、县卫健局 8、某镇 5）',
          en: 'its 3 children add up to 23',
        },
        {
          messageId: 'mismatch',
          location: { kind: 'cell', table: 0, row: 4, col: 7 },
          message: '本报告为 3，3 个下级报告合计 2（县教育局 1、县卫健局 1、某镇 0）',
        },
        {
          messageId: 'mismatch',
          location: { kind: 'cell', table: 1, row: 2, col: 5 },
          message: '“行政诉讼（未经复议直接起诉）·总计”：本报告为 1，3 个下级报告合计 0',
        },
      ],
    },
    {
      name: 'a child without 表四: review totals are not checked, and that is said',
      report: inconsistent,
      context: { children: [education, health, { report: report(2022, 5, 0, 6, 0), label: '某镇' }] },
      errors: [
        { messageId: 'mismatch', location: { row: 1, col: 7 } },
        { messageId: 'mismatch', location: { row: 4, col: 7 } },
        {
          messageId: 'childUnreadable',
          severity: 'info',
          location: { kind: 'report' },
          message: '无法与下级报告 某镇 相加：其表四（复议、诉讼）未能读出',
        },
      ],
    },
    {
      name: 'a marked child without a report of the year: nothing is summed, said once as not checkable',
      report: inconsistent,
      context: { children: [education, health], missingChildren: ['某镇人民政府'] },
      errors: [
        {
          messageId: 'childMissing',
          severity: 'info',
          location: { kind: 'report' },
          message: '已标出的下级 某镇人民政府 在资料库中没有 2022 年的报告：各项合计无法核对',
        },
      ],
    },
    {
      name: 'every marked child missing is still said, not silently passed',
      report: consistent,
      context: { missingChildren: ['县教育局', '县卫健局'] },
      errors: [{ messageId: 'childMissing', message: '已标出的下级 县教育局、县卫健局 在资料库中没有 2022 年的报告' }],
    },
    {
      name: 'a child of another year is left out of the sums',
      report: consistent,
      context: { children: [...children, { report: report(2021, 3, 0, 3, 0, [0, 0, 0]), label: '县财政局（2021）' }] },
      errors: [{ messageId: 'otherYear', severity: 'info', message: '下级报告 县财政局（2021） 是 2021 年的，本报告是 2022 年的' }],
    },
  ],
});
