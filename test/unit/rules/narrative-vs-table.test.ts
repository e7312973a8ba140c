import type { FactKind } from '../../../utils/report/types';
import rule from '../../../utils/rules/narrative-vs-table';
import { extractFacts } from '../../../utils/parse/facts';
import { addApplicationsTable, addReviewTable, baseReport, rangeOf, row7, withText } from './build-report';
import { clean2021 } from './clean-reports';
import { ruleTester } from './rule-tester';

function report(kind: FactKind, stated: number, approximate = false) {
  const r = withText(baseReport(), `全年收到申请${stated}件。`);
  addApplicationsTable(r, '2021', {
    new: row7(10, 2, 0, 0, 0, 0),
    total: row7(10, 2, 0, 0, 0, 0),
  });
  addReviewTable(r, { review: [1, 0, 0, 0, 1], litigationDirect: [1, 0, 0, 0, 1], litigationAfterReview: [0, 1, 0, 0, 1] });
  r.facts = [{ kind, value: stated, unit: '件', label: '收到申请', at: rangeOf(r, `${stated}件`), approximate }];
  return r;
}

ruleTester.run(rule, {
  valid: [clean2021(), report('applicationsNew', 12), report('litigationTotal', 2), report('applicationsNew', 15, true), report('activeDisclosed', 15)],
  invalid: [
    {
      report: report('applicationsNew', 15),
      errors: [
        {
          messageId: 'mismatch',
          location: { kind: 'text', quote: '15件' },
          related: [{ kind: 'cell', table: 0, row: 1, col: 7 }],
          message: '正文称本年新收申请 15 件，而表格中为 12 件',
        },
      ],
    },
    {
      name: 'lawsuits: both litigation groups',
      report: report('litigationTotal', 3),
      errors: [{ related: [{ kind: 'cell', table: 1, row: 2, col: 5 }, { kind: 'cell', table: 1, row: 3, col: 5 }] }],
    },
  ],
});

/** A 2021 report whose tables hold; its prose is `text`, its facts read from it by the parser's fact reader. */
function groups(text: string, year = 2021) {
  const r = withText(baseReport({ year }), text);
  addApplicationsTable(r, '2021', {
    new: row7(10, 2, 0, 0, 0, 0),
    carriedOver: row7(1, 0, 0, 0, 0, 0),
    granted: row7(5, 1, 0, 0, 0, 0),
    partial: row7(2, 0, 0, 0, 0, 0),
    'refused.3': row7(1, 0, 0, 0, 0, 0),
    'unable.1': row7(2, 0, 0, 0, 0, 0),
    'unable.3': row7(1, 0, 0, 0, 0, 0),
    'notProcessed.2': row7(1, 0, 0, 0, 0, 0),
    total: row7(13, 0, 0, 0, 0, 0),
    carriedForward: row7(0, 0, 0, 0, 0, 0),
  });
  r.facts = extractFacts(r.text, []).facts;
  return r;
}

ruleTester.run(rule, {
  valid: [
    { name: '共受理 counts new + carried over', report: groups('全年共受理政府信息公开申请13件（含上年结转1件）。') },
    { name: '共受理 equal to new alone', report: groups('全年共受理政府信息公开申请12件。') },
    { name: '予以公开及部分公开 = （一）+（二）', report: groups('对收到的申请，予以公开及部分公开8件，不予公开1件，不予处理1件。') },
    { name: '无法提供 = the whole of （四）', report: groups('对收到的申请，因本机关不掌握等原因无法提供3件。') },
    { name: '无法提供 = （四）1 only', report: groups('对收到的申请，因本机关不掌握等原因无法提供2件。') },
    { name: '予以公开 read as （一）+（二）', report: groups('对收到的申请，予以公开8件。') },
    { name: 'another year’s figure is not compared', report: groups('2020年，我局收到政府信息公开申请20件。') },
  ],
  invalid: [
    {
      name: '收到 without 共: new only',
      report: groups('全年收到政府信息公开申请13件。'),
      errors: [{ message: '正文称本年新收申请 13 件，而表格中为 12 件' }],
    },
    {
      name: '予以公开及部分公开 against （一）+（二）',
      report: groups('对收到的申请，予以公开及部分公开9件。'),
      errors: [
        {
          location: { kind: 'text', quote: '9' },
          related: [{ kind: 'cell', row: 3, col: 7 }, { kind: 'cell', row: 4, col: 7 }],
          message: '正文称予以公开及部分公开 9 件，而表格中为 8 件',
        },
      ],
    },
    {
      name: '无法提供 matching neither reading names both',
      report: groups('对收到的申请，无法提供4件。'),
      errors: [
        {
          message: '正文称无法提供 4 件，而表格中为 2（（四）1 本机关不掌握） 或 3（（四）无法提供合计） 件',
          en: 'The text gives 4 unable to provide, the table 2 ((4) item 1) or 3 ((4) all items)',
        },
      ],
    },
    {
      name: 'against a table that fails its own sums: a warning',
      report: (() => {
        const r = groups('全年收到政府信息公开申请15件。');
        // 一、本年新收 总计 says 12 while its six columns add up to 13: the table itself is wrong or misread
        r.standard.applications!.rows.new!.natural!.value = { kind: 'number', value: 11, text: '11' };
        return r;
      })(),
      errors: [{ severity: 'warning', message: '正文称本年新收申请 15 件，而表格中为 12 件' }],
    },
    {
      name: '不予公开 and 不予处理 sum their items',
      report: groups('对收到的申请，不予公开2件，不予处理3件。'),
      errors: [{ message: '不予公开 2 件，而表格中为 1 件' }, { message: '不予处理 3 件，而表格中为 1 件' }],
    },
  ],
});
