import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../utils/parse/facts';
import type { FactKind, Report } from '../../../utils/report/types';
import rule from '../../../utils/rules/narrative-vs-table';
import { addApplicationsTable, addReviewTable, baseReport, rangeOf, row7, withText } from './build-report';
import { clean2021 } from './clean-reports';
import { type ExpectedError, ruleTester, runRule } from './rule-tester';

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
  valid: [
    clean2021(),
    report('applicationsNew', 12),
    report('litigationTotal', 2),
    report('applicationsNew', 15, true),
    report('activeDisclosed', 15),
  ],
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
      errors: [
        {
          related: [
            { kind: 'cell', table: 1, row: 2, col: 5 },
            { kind: 'cell', table: 1, row: 3, col: 5 },
          ],
        },
      ],
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
    { name: '共受理 counts new + carried over, and says so', report: groups('全年共受理政府信息公开申请13件（含上年结转1件）。') },
    {
      name: '收到 with 其中 naming new and carried over',
      report: groups('本年度共收到政府信息公开申请13件（其中本年新收12件，上年结转1件），均已办结。'),
    },
    { name: '共受理 equal to new alone', report: groups('全年共受理政府信息公开申请12件。') },
    { name: '予以公开及部分公开 = （一）+（二）', report: groups('对收到的申请，予以公开及部分公开8件，不予公开1件，不予处理1件。') },
    { name: '无法提供 = the whole of （四）', report: groups('对收到的申请，因本机关不掌握等原因无法提供3件。') },
    { name: '无法提供 = （四）1 only', report: groups('对收到的申请，因本机关不掌握等原因无法提供2件。') },
    { name: '予以公开 read as （一）+（二）', report: groups('对收到的申请，予以公开8件。') },
    { name: 'another year’s figure is not compared', report: groups('2020年，我局收到政府信息公开申请20件。') },
  ],
  invalid: [
    {
      name: '予以公开及部分公开 against （一）+（二）',
      report: groups('对收到的申请，予以公开及部分公开9件。'),
      errors: [
        {
          location: { kind: 'text', quote: '9' },
          related: [
            { kind: 'cell', row: 3, col: 7 },
            { kind: 'cell', row: 4, col: 7 },
          ],
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
      errors: [{ severity: 'warning', message: '正文称本年新收申请 15 件，而表格中为 12（一、本年新收） 或 13（一+二（含上年结转）） 件' }],
    },
    {
      name: '不予公开 and 不予处理 sum their items',
      report: groups('对收到的申请，不予公开2件，不予处理3件。'),
      errors: [{ message: '不予公开 2 件，而表格中为 1 件' }, { message: '不予处理 3 件，而表格中为 1 件' }],
    },
  ],
});

// Issue 17 item 3: a count of applications received that equals new + carried over is a warning naming both
// readings, whatever the verb; a table cell read with doubt never makes an error.
const carriedOverWarning = (text: string): { report: Report; errors: ExpectedError[] } => ({
  report: groups(text),
  errors: [
    {
      messageId: 'withCarriedOver',
      severity: 'warning',
      location: { kind: 'text', quote: '13' },
      related: [
        { kind: 'cell', row: 1, col: 7 },
        { kind: 'cell', row: 2, col: 7 },
      ],
      message: '正文所称申请 13 件与表三“本年新收” 12 件不符，但等于新收 12 件加上年结转 1 件：可能包含上年结转',
      en: 'The text’s 13 applications are not the 12 new ones of table 三 but 12 new plus 1 carried over: they may include the carried-over',
    },
  ],
});

/** The groups() report with one cell read by a guess of its column, as a converted text table yields. */
function doubtful(text: string, row: 'new' | 'granted', col: 'total' | 'natural' = 'total') {
  const r = groups(text);
  r.standard.applications!.rows[row]![col]!.read = { placed: 'position', reason: 'generic-header' };
  return r;
}

ruleTester.run(rule, {
  valid: [
    { name: 'a doubtful cell that agrees is no finding', report: doubtful('全年收到政府信息公开申请12件。', 'new') },
    {
      name: 'nothing carried over: new + carried over is no other reading',
      report: (() => {
        const r = withText(baseReport(), '全年共受理政府信息公开申请12件。');
        addApplicationsTable(r, '2021', { new: row7(12, 0, 0, 0, 0, 0), carriedOver: row7(0, 0, 0, 0, 0, 0) });
        r.facts = extractFacts(r.text, []).facts;
        return r;
      })(),
    },
  ],
  invalid: [
    { name: '收到 N = 一 + 二', ...carriedOverWarning('全年收到政府信息公开申请13件，已全部按时答复。') },
    { name: '受理 N = 一 + 二', ...carriedOverWarning('本年度受理政府信息公开申请13件。') },
    { name: '共 N = 一 + 二', ...carriedOverWarning('全年共受理政府信息公开申请13件。') },
    {
      name: '含上年结转 K with another K than table 二: the K is wrong, 13 still warns',
      report: groups('全年共收到政府信息公开申请13件（含上年结转2件）。'),
      errors: [
        { messageId: 'mismatch', severity: 'error', location: { quote: '2' }, message: '正文称上年结转申请 2 件，而表格中为 1 件' },
        { messageId: 'withCarriedOver', severity: 'warning', location: { quote: '13' } },
      ],
    },
    {
      name: 'matching neither new nor new + carried over, cells certain: an error naming both readings',
      report: groups('全年共受理政府信息公开申请15件。'),
      errors: [
        {
          messageId: 'mismatch',
          severity: 'error',
          message: '正文称本年新收申请 15 件，而表格中为 12（一、本年新收） 或 13（一+二（含上年结转）） 件',
          en: 'the table 12 (I. new) or 13 (I + II (with carried over))',
        },
      ],
    },
    {
      name: 'against a cell whose column was guessed: a warning that says why',
      report: doubtful('全年收到政府信息公开申请15件。', 'new'),
      errors: [
        {
          messageId: 'mismatchDoubtful',
          severity: 'warning',
          message:
            '而表格中为 12（一、本年新收） 或 13（一+二（含上年结转）） 件；但表格中这一读数存疑（一、本年新收申请·总计：表头无列名，列按顺序推定），不能据此判定为错误',
          en: /doubtful \(I\. new applications \/ total: no column names, columns guessed by order\)/,
        },
      ],
    },
    {
      name: 'against a row the text-table reader placed by a guess: a warning',
      report: (() => {
        const r = groups('全年收到政府信息公开申请15件。');
        r.standard.applications!.guessedRows = [{ table: 0, row: 1 }];
        return r;
      })(),
      errors: [{ messageId: 'mismatchDoubtful', severity: 'warning', message: '（一、本年新收申请·总计：该行按位置推定列）' }],
    },
    {
      name: 'a group against a doubtful cell: a warning',
      report: doubtful('对收到的申请，予以公开及部分公开9件。', 'granted'),
      errors: [{ messageId: 'mismatchDoubtful', severity: 'warning', message: '（一）予以公开·总计：表头无列名' }],
    },
    {
      name: 'new + carried over read from a doubtful cell: still a warning, with the doubt said',
      report: doubtful('全年收到政府信息公开申请13件。', 'new'),
      errors: [{ messageId: 'withCarriedOverDoubtful', severity: 'warning', message: '可能包含上年结转；但表格中这一读数存疑' }],
    },
  ],
});

// Issue 17 item 4: where 总计 is blank (or absent) a reader adds the six applicant cells of the group's rows.
/** A 2021 table whose 总计 column is blank in every row (zeros left blank too); the applicant columns hold. */
function blankTotals(text: string, total: '' | 'absent' = '') {
  const r = withText(baseReport({ year: 2023 }), text);
  const row = (...six: Array<number | string>) => (total === 'absent' ? six : [...six, total]);
  addApplicationsTable(r, '2021', {
    new: row(10, 2, '', '', '', ''),
    carriedOver: row('', '', '', '', '', ''),
    granted: row(5, 2, '', '', '', ''),
    partial: row(1, '', '', '', '', ''),
    'refused.4': row(1, '', '', '', '', ''),
    'unable.1': row(2, '', '', '', '', ''),
    'unable.3': row('', '', '', '', '', ''),
    'notProcessed.1': row('', '', '', '', '', ''),
    'notProcessed.2': row(1, '', '', '', '', ''),
    total: row(10, 2, '', '', '', ''),
    carriedForward: row('', '', '', '', '', ''),
  });
  r.facts = extractFacts(r.text, []).facts;
  return r;
}

ruleTester.run(rule, {
  valid: [
    {
      name: '予以公开及部分公开 = the applicant cells of （一） and （二）',
      report: blankTotals('对收到的申请，予以公开及部分公开8件，不予公开1件，不予处理1件。'),
    },
    { name: '无法提供 = （四）1 added across', report: blankTotals('对收到的申请，因本机关不掌握等原因无法提供2件。') },
    { name: '收到 = 一 added across', report: blankTotals('全年收到政府信息公开申请12件，办结12件。') },
    { name: 'the 总计 column absent altogether', report: blankTotals('对收到的申请，予以公开及部分公开8件。', 'absent') },
  ],
  invalid: [
    {
      name: '予以公开及部分公开 against the applicant cells: an error naming the terms',
      report: blankTotals('对收到的申请，予以公开及部分公开9件。'),
      errors: [
        {
          messageId: 'summed',
          severity: 'error',
          location: { kind: 'text', quote: '9' },
          message:
            '正文称予以公开及部分公开 9 件，而表三总计栏空白，按申请人各栏相加为 8 件：（一）予以公开 自然人 5 + 商业企业 2 + （二）部分公开 自然人 1 = 8（9 个空白单元格按 0 计）',
          en: 'the 总计 column is blank in table 三, and its applicant columns add up to 8: (1) disclosed natural persons 5 + commercial enterprises 2 + (2) partly disclosed natural persons 1 = 8 (9 blank cell(s) read as 0)',
          relatedIncludes: [
            { kind: 'cell', row: 3, col: 1 },
            { kind: 'cell', row: 3, col: 2 },
            { kind: 'cell', row: 4, col: 1 },
          ],
        },
      ],
    },
    {
      // Laid-out text often loses the 总计 column into 其他: a sum without any 总计 cell is doubtful.
      name: 'the 总计 column absent: the same sum, a warning',
      report: blankTotals('对收到的申请，予以公开及部分公开9件。', 'absent'),
      errors: [
        {
          messageId: 'summedDoubtful',
          severity: 'warning',
          message:
            '而表三没有读到总计栏，按申请人各栏相加为 8 件：（一）予以公开 自然人 5 + 商业企业 2 + （二）部分公开 自然人 1 = 8（9 个空白单元格按 0 计）；但表格中这一读数存疑（总计栏可能被读成了某个申请人栏，各栏的数字可能错位），不能据此判定为错误',
        },
      ],
    },
    {
      name: '无法提供 matching neither reading, both sums written out',
      report: blankTotals('对收到的申请，无法提供4件。'),
      errors: [
        {
          messageId: 'summed',
          message:
            '为 2（（四）1 本机关不掌握） 或 2（（四）无法提供合计） 件：（四）1 本机关不掌握：（四）无法提供 1 自然人 2 = 2（5 个空白单元格按 0 计）；（四）无法提供合计：（四）无法提供 1 自然人 2 = 2（6 个空白单元格按 0 计）',
          // The cell of （四）1 is in both readings: shown once among the terms.
          data: { terms: [{ value: 2, cell: { row: 6, col: 1 }, side: 'right' }] },
        },
      ],
    },
    {
      name: '不予处理 over its items, a blank item row read as 0',
      report: blankTotals('对收到的申请，不予处理2件。'),
      errors: [{ messageId: 'summed', message: '为 1 件：（五）不予处理 2 自然人 1 = 1（6 个空白单元格按 0 计）' }],
    },
    {
      name: 'a doubtful applicant cell: a warning',
      report: (() => {
        const r = blankTotals('对收到的申请，予以公开及部分公开9件。');
        r.standard.applications!.rows.granted!.commercial!.read = { placed: 'position', reason: 'short-row' };
        return r;
      })(),
      errors: [
        {
          messageId: 'summedDoubtful',
          severity: 'warning',
          message: '= 8（9 个空白单元格按 0 计）；但表格中这一读数存疑（（一）予以公开·商业企业：该行单元格少于列数，列按位置推定）',
        },
      ],
    },
  ],
});

describe('narrative-vs-table in Traditional Chinese', () => {
  it('names both readings of a count received', () => {
    const [finding] = runRule(rule, groups('全年收到政府信息公开申请13件。'));
    expect(finding!.finding.messages['zh-Hant']).toBe(
      '正文所稱申請 13 件與表三「本年新收」 12 件不符，但等於新收 12 件加上年結轉 1 件：可能包含上年結轉',
    );
  });
  it('writes out a sum over a blank 总计 column', () => {
    const [finding] = runRule(rule, blankTotals('对收到的申请，予以公开及部分公开9件。'));
    expect(finding!.finding.messages['zh-Hant']).toBe(
      '正文稱予以公開及部分公開 9 件，而表三總計欄空白，按申請人各欄相加為 8 件：（一）予以公開 自然人 5 + 商業企業 2 + （二）部分公開 自然人 1 = 8（9 個空白儲存格按 0 計）',
    );
  });
});
