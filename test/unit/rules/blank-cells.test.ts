import rule from '../../../utils/rules/blank-cells';
import { addApplicationsTable, addReviewTable, baseReport, consistentReviewValues } from './build-report';
import { ruleTester } from './rule-tester';

ruleTester.run(rule, {
  valid: [addReviewTable(baseReport(), consistentReviewValues()), baseReport()],
  invalid: [
    {
      name: 'blank cells listed, read as 0',
      report: addReviewTable(baseReport(), { review: [1, '/', null, 0, 1] }),
      errors: [{ messageId: 'blank', severity: 'info', location: { kind: 'cell', row: 1, col: 2 }, related: [{ row: 1, col: 3 }] }],
    },
    {
      name: 'a relation whose terms are all blank is not checkable, never holding',
      report: addReviewTable(baseReport(), {
        review: [1, 0, 0, 0, 1],
        litigationDirect: [null, '-', null, null, null],
      }),
      errors: [
        { messageId: 'blank', location: { row: 2, col: 1 } },
        { messageId: 'notCheckable', severity: 'info', location: { row: 2, col: 5 }, message: '无法核对' },
      ],
    },
    {
      name: 'a whole table without a number',
      report: addReviewTable(baseReport(), { review: [null, null, null, null, null] }),
      errors: [{ messageId: 'tableNotCheckable', severity: 'warning', location: { row: 1, col: 1 } }],
    },
    {
      name: 'only the 总计 column filled',
      report: addApplicationsTable(baseReport(), '2021', {
        new: [null, null, null, null, null, null, 4],
        total: [null, null, null, null, null, null, 4],
      }),
      // one finding for the table, its blank cells related; no per-column blank findings on top
      errors: [
        {
          messageId: 'onlyTotals',
          severity: 'warning',
          location: { row: 1, col: 7 },
          relatedIncludes: [
            { row: 1, col: 1 },
            { row: 2, col: 6 },
          ],
        },
      ],
    },
    {
      name: 'the 总计 column blank',
      report: addApplicationsTable(baseReport(), '2021', { new: [1, 0, 0, 0, 0, 0, null] }),
      errors: [{ messageId: 'totalsColumnBlank', location: { row: 1, col: 7 } }],
    },
    {
      name: 'a blank total beside numbers',
      report: addReviewTable(baseReport(), { review: [1, 0, 0, 0, null] }),
      errors: [{ messageId: 'totalBlank', severity: 'warning', location: { row: 1, col: 5 } }, { messageId: 'blank' }],
    },
    {
      name: '总计 blank in the outcome rows: one finding for the blank column, one for the unchecked rows',
      report: addApplicationsTable(baseReport(), '2021', {
        new: [3, 1, 0, 0, 0, 0, 4],
        carriedOver: [0, 0, 0, 0, 0, 0, 0],
        granted: [2, 1, 0, 0, 0, 0, null],
        partial: [1, 0, 0, 0, 0, 0, null],
        total: [3, 1, 0, 0, 0, 0, 4],
        carriedForward: [0, 0, 0, 0, 0, 0, 0],
      }),
      errors: [
        {
          messageId: 'totalBlank',
          severity: 'warning',
          location: { row: 3, col: 7 },
          relatedIncludes: [{ row: 4, col: 7 }],
          message:
            '收到和处理政府信息公开申请情况表：2 处总计空白，而其他项填有数字，无法核对：（一）予以公开（总计 = 六类申请人之和）、（二）部分公开（总计 = 六类申请人之和）',
        },
        {
          messageId: 'blank',
          severity: 'info',
          location: { row: 3, col: 7 },
          related: [{ row: 4, col: 7 }],
          message: '收到和处理政府信息公开申请情况表“总计”有 2 个空白或占位单元格（（一）予以公开、（二）部分公开），核对时按 0 计算',
        },
        // （七）总计 4 against outcomes whose 总计 cells are all blank
        { messageId: 'notCheckable', severity: 'info', location: { row: 5, col: 7 }, message: '1 项关系' },
      ],
    },
    {
      name: 'one blank total shared by two relations is said once',
      report: addApplicationsTable(baseReport(), '2021', {
        new: [1, 0, 0, 0, 0, 0, 1],
        granted: [1, 0, 0, 0, 0, 0, 1],
        total: [null, 0, 0, 0, 0, 0, 1],
      }),
      errors: [
        {
          messageId: 'totalBlank',
          location: { row: 3, col: 1 },
          message: '1 处总计空白，而其他项填有数字，无法核对：自然人（一+二 = （七）+四）、自然人（（七）总计 = 各项办理结果之和）',
        },
        { messageId: 'blank', location: { row: 3, col: 1 }, related: [], message: '“自然人”有 1 个' },
      ],
    },
    {
      name: 'a row blank throughout is one block',
      report: addReviewTable(
        addApplicationsTable(baseReport(), '2021', {
          new: [1, 0, 0, 0, 0, 0, 1],
          carriedOver: [null, null, null, null, null, null, null],
          granted: [1, 0, 0, 0, 0, 0, 1],
          total: [1, 0, 0, 0, 0, 0, 1],
        }),
        consistentReviewValues(),
      ),
      errors: [
        {
          messageId: 'blank',
          location: { row: 2, col: 1 },
          message: '“二、上年结转申请”有 7 个空白或占位单元格（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他等 7 项）',
        },
        { messageId: 'notCheckable', location: { row: 2, col: 7 }, message: '无法核对：二、上年结转申请（总计 = 六类申请人之和）' },
      ],
    },
  ],
});

ruleTester.run(rule, {
  valid: [
    {
      name: 'a row guessed for another reason than dropped blanks says nothing of blanks',
      report: (() => {
        const report = addReviewTable(baseReport(), { review: [1, 0, 0, 0, 1] });
        for (const cell of Object.values(report.standard.reviewLitigation!.groups.review!))
          cell!.read = { placed: 'position', reason: 'generic-header' };
        return report;
      })(),
    },
  ],
  invalid: [
    {
      name: 'rows read with fewer numbers than columns: their blanks are named as unplaced, once per table',
      report: (() => {
        const report = addReviewTable(baseReport(), {
          review: [1, 0, 0, 0, 1],
          litigationDirect: [0, 0, 0, 0, 0],
          litigationAfterReview: [2, 0, 0, 0, 2],
        });
        const groups = report.standard.reviewLitigation!.groups;
        for (const g of ['review', 'litigationAfterReview'] as const)
          for (const cell of Object.values(groups[g]!)) cell!.read = { placed: 'position', reason: 'short-row' };
        return report;
      })(),
      errors: [
        {
          messageId: 'blanksUnplaced',
          severity: 'info',
          data: { count: 2 },
          location: { row: 1, col: 1 },
          related: [{ row: 3, col: 1 }],
          message: /有 2 行的数字少于列数.*行政复议、.*复议后起诉/,
        },
      ],
    },
  ],
});
