// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { tableToGrid } from '../../../utils/parse/grid';
import { parseReportText } from '../../../utils/parse/index';
import { recogniseStandardTables } from '../../../utils/parse/standard-tables';
import { textDumpToDocument } from '../../../utils/parse/text-dump';
import { findTextTables } from '../../../utils/parse/text-tables';
import type { ApplicationRow, ReportTable, StandardTables } from '../../../utils/report/types';
import { APPLICANT_COLUMNS } from '../../../utils/report/types';

const FIXTURES = `${__dirname}/../../fixtures/text`;

/** The dump as the CLI's text path sees it: a synthetic document, its tables as grids, then recognition. */
function read(text: string): { tables: ReportTable[]; kinds: string[]; standard: StandardTables; paragraphs: string[] } {
  document.body.innerHTML = '';
  textDumpToDocument(text, document);
  const tables = [...document.body.querySelectorAll(':scope > table')].map((t, i) => ({
    ...tableToGrid(t as HTMLTableElement, (s) => s, i).table,
    kind: 'other' as const,
    section: [],
  }));
  const { kinds, standard } = recogniseStandardTables(tables);
  const paragraphs = [...document.body.querySelectorAll(':scope > p')].map((p) => p.textContent ?? '');
  return { tables, kinds, standard, paragraphs };
}

/** Row of table 三 in column order; a blank cell as null, an absent one as undefined. */
function appRow(standard: StandardTables, row: ApplicationRow): (number | null | undefined)[] {
  const r = standard.applications?.rows[row];
  return APPLICANT_COLUMNS.map((c) => {
    const v = r?.[c]?.value;
    return v === undefined ? undefined : v.kind === 'number' ? v.value : null;
  });
}

describe('laid-out PDF text, 2021 format (pdftotext -layout)', () => {
  const { kinds, standard, paragraphs } = read(readFileSync(`${FIXTURES}/layout-2021.txt`, 'utf8'));

  test('the three tables are found; the prose around them stays paragraphs', () => {
    expect(kinds).toEqual(['active-disclosure', 'applications', 'review-litigation']);
    expect(paragraphs).toContain('三、收到和处理政府信息公开申请情况');
    expect(paragraphs).toContain('四、政府信息公开行政复议、行政诉讼情况');
    expect(paragraphs).toContain('2021年，我局主动公开政府信息312条。全年共收到政府信息公开申请45件，上年结转2件，');
    // the page number and the running header inside table 三 are not text of the report
    expect(paragraphs).not.toContain('- 3 -');
    expect(paragraphs.filter((p) => p === '北溪县市场监督管理局2021年政府信息公开工作年度报告').length).toBe(1);
  });

  test('table 三: every row read, blank cells stay in their columns', () => {
    expect(standard.applications?.format).toBe('2021');
    expect(appRow(standard, 'new')).toEqual([41, 3, 0, 0, 1, 0, 45]);
    expect(appRow(standard, 'carriedOver')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(appRow(standard, 'granted')).toEqual([20, 2, 0, 0, 1, 0, 23]);
    // label wrapped over two lines, numbers on the first
    expect(appRow(standard, 'partial')).toEqual([5, 0, 0, 0, 0, 0, 5]);
    // 科研机构 and 社会公益组织 printed blank in （三）'s rows
    expect(appRow(standard, 'refused.1')).toEqual([0, 0, null, null, 0, 0, 0]);
    expect(appRow(standard, 'refused.4')).toEqual([1, 0, null, null, 0, 0, 1]);
    expect(appRow(standard, 'refused.7')).toEqual([2, 0, null, null, 0, 0, 2]);
    expect(appRow(standard, 'unable.1')).toEqual([8, 1, 0, 0, 0, 0, 9]);
    expect(appRow(standard, 'unable.2')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(appRow(standard, 'notProcessed.1')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(appRow(standard, 'notProcessed.2')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(appRow(standard, 'notProcessed.5')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    // after the page break: （六） over three rows, numbers on the middle / last line of the label
    expect(appRow(standard, 'other.1')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(appRow(standard, 'other.2')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(standard, 'other.3')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(appRow(standard, 'total')).toEqual([42, 3, 0, 0, 1, 0, 46]);
    expect(appRow(standard, 'carriedForward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(Object.keys(standard.applications!.rows).length).toBe(25);
  });

  test('table 四: the header split over lines names the 15 columns', () => {
    const g = standard.reviewLitigation!.groups;
    expect(g.review?.upheld?.value).toMatchObject({ value: 1 });
    expect(g.review?.total?.value).toMatchObject({ value: 1 });
    expect(g.litigationDirect?.pending?.value).toMatchObject({ value: 1 });
    expect(g.litigationDirect?.total?.value).toMatchObject({ value: 1 });
    expect(g.litigationAfterReview?.total?.value).toMatchObject({ value: 0 });
  });

  test('table 二: block headers stay with their blocks', () => {
    const d = standard.activeDisclosure!;
    expect(d.format).toBe('2021');
    expect(d.rows.normativeDocuments).toMatchObject({
      issued: { value: { value: 5 } },
      repealed: { value: { value: 1 } },
      inForce: { value: { value: 38 } },
    });
    expect(d.rows.licensing?.decisions?.value).toMatchObject({ value: 126 });
    expect(d.rows.penalty?.decisions?.value).toMatchObject({ value: 57 });
    expect(d.rows.fees?.feeAmount?.value).toMatchObject({ value: 0 });
  });
});

describe('laid-out text aligned by display width, 2019 format (an excerpt)', () => {
  const { kinds, standard } = read(readFileSync(`${FIXTURES}/layout-2019.txt`, 'utf8'));

  test('table 三 and 四 are found', () => {
    expect(kinds).toEqual(['applications', 'review-litigation']);
    expect(standard.applications?.format).toBe('2019');
  });

  test('table 三: numbers on the last line of a label, on a line of their own between its lines', () => {
    // 一、本年新收政府信息公开 / 申请数量 12 0 0 0 0 1 13
    expect(appRow(standard, 'new')).toEqual([12, 0, 0, 0, 0, 1, 13]);
    expect(appRow(standard, 'carriedOver')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(standard, 'granted')).toEqual([6, 0, 0, 0, 0, 1, 7]);
    // （二）部分公开（区分处理的，只计 / (numbers) / 这一情形，不计其他情形）
    expect(appRow(standard, 'partial')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(appRow(standard, 'refused.3')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    // the group label run into the sub-row label with one space: （三）不予公开 5.属于三类内部事务信息
    expect(appRow(standard, 'refused.5')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(standard, 'unable.1')).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(appRow(standard, 'notProcessed.2')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(appRow(standard, 'notProcessed.5')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(standard, 'other')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(standard, 'total')).toEqual([12, 0, 0, 0, 0, 1, 13]);
    expect(appRow(standard, 'carriedForward')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Object.keys(standard.applications!.rows).length).toBe(23);
  });

  test('table 四: 总计 0 over 维持 1 and 纠正 1 is read as printed', () => {
    const g = standard.reviewLitigation!.groups;
    expect(g.review?.upheld?.value).toMatchObject({ value: 1 });
    expect(g.review?.corrected?.value).toMatchObject({ value: 1 });
    expect(g.review?.total?.value).toMatchObject({ value: 0 });
    expect(g.litigationDirect?.total?.value).toMatchObject({ value: 0 });
    expect(g.litigationAfterReview?.total?.value).toMatchObject({ value: 0 });
  });
});

describe('markdown pipe tables: first data row made the header, no header at all', () => {
  const { kinds, standard, tables } = read(readFileSync(`${FIXTURES}/pipe-2021.txt`, 'utf8'));

  test('the separator row is dropped, the opening pipe is no empty cell', () => {
    expect(kinds).toEqual(['applications', 'review-litigation']);
    expect(tables[0].rows).toBe(25);
    expect(tables[0].cells[0].text).toBe('一、本年新收政府信息公开申请数量');
    expect(tables[1].rows).toBe(4);
  });

  test('table 三 read by its labels, blanks kept in place', () => {
    expect(appRow(standard, 'new')).toEqual([7, 1, null, null, null, null, 8]);
    expect(appRow(standard, 'carriedOver')).toEqual([1, null, null, null, null, null, 1]);
    expect(appRow(standard, 'granted')).toEqual([3, 1, null, null, null, null, 4]);
    expect(appRow(standard, 'refused.6')).toEqual([1, null, null, null, null, null, 1]);
    expect(appRow(standard, 'unable.1')).toEqual([2, null, null, null, null, null, 2]);
    expect(appRow(standard, 'other.3')).toEqual([null, null, null, null, null, null, null]);
    expect(appRow(standard, 'total')).toEqual([7, 1, null, null, null, null, 8]);
    expect(appRow(standard, 'carriedForward')).toEqual([1, null, null, null, null, null, 1]);
  });

  test('table 四 under its flattened header', () => {
    const g = standard.reviewLitigation!.groups;
    expect(g.review?.total?.value).toMatchObject({ value: 0 });
    expect(g.litigationDirect?.upheld?.value).toMatchObject({ value: 1 });
    expect(g.litigationDirect?.total?.value).toMatchObject({ value: 1 });
    expect(g.litigationAfterReview?.total?.value).toMatchObject({ value: 0 });
  });
});

describe('plain text, one cell a line (an excerpt)', () => {
  const text = readFileSync(`${FIXTURES}/plain-2020-excerpt.txt`, 'utf8');
  const { kinds, standard, paragraphs } = read(text);

  test('tables 三 and 四 are found; headings and prose after them stay paragraphs', () => {
    expect(kinds).toEqual(['applications', 'review-litigation']);
    expect(paragraphs).toEqual([
      '东岭街道办事处2020年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '信息公开的及时性有待加强。',
    ]);
  });

  test('table 三: header words broken over lines (商业 / 企业) still order the columns', () => {
    expect(appRow(standard, 'new')).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(appRow(standard, 'carriedOver')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(standard, 'granted')).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(appRow(standard, 'refused.1')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(appRow(standard, 'total')).toEqual([3, 1, 0, 0, 0, 0, 4]);
    // the bare page number "2" after the last row is not an eighth value of 四、
    expect(appRow(standard, 'carriedForward')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  test('a row whose blank cells were dropped is reported as a guess', () => {
    const lines = text.split('\n');
    const tables = findTextTables(lines, () => true);
    expect(tables.map((t) => t.uncertain)).toEqual([['（二）部分公开（区分处理的，只计这一情形，不计其他情形）: 2/7'], []]);
  });

  test('the guessed row reaches the Report: its cells, and only they, are read by position', () => {
    document.body.innerHTML = '';
    const { report } = parseReportText(text, document);
    const app = report.standard.applications!;
    // its two values are placed by position (blank cells dropped); every other value's column is certain
    const partial = Object.values(app.rows.partial ?? {});
    expect(partial).toHaveLength(2);
    for (const cell of partial) expect(cell!.read).toEqual({ placed: 'position', reason: 'short-row' });
    const others = Object.entries(app.rows)
      .filter(([row]) => row !== 'partial')
      .flatMap(([, cells]) => Object.values(cells ?? {}));
    expect(others.length).toBeGreaterThan(40);
    expect(others.every((c) => c!.read?.placed === 'columns')).toBe(true);
    const review = Object.values(report.standard.reviewLitigation!.groups).flatMap((g) => Object.values(g ?? {}));
    expect(review.every((c) => c!.read?.placed === 'columns')).toBe(true);
    // the old row-level field is no longer written
    expect(app.guessedRows).toBeUndefined();
  });

  test('table 四: fifteen numbers a line each, under header words joined (结果 / 维持)', () => {
    const g = standard.reviewLitigation!.groups;
    expect(g.review?.total?.value).toMatchObject({ value: 0 });
    expect(g.litigationDirect?.upheld?.value).toMatchObject({ value: 1 });
    expect(g.litigationDirect?.total?.value).toMatchObject({ value: 1 });
    expect(g.litigationAfterReview?.total?.value).toMatchObject({ value: 0 });
  });
});
