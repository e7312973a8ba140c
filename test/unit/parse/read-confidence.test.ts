// @vitest-environment happy-dom
/**
 * Issue 17: how each value of the standard tables was placed (CellValue.read). Inputs are written as real
 * texts and pages are: a converter's pipe table of 表三 (test/unit/parse/fixtures-pipe-table.ts), and the
 * Word-pasted clean-2021 page.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { parseDocument, parseReportText } from '../../../utils/parse/index';
import { checkDocument, checkText } from '../../../utils/pipeline';
import type { ApplicationRow, CellValue, Report } from '../../../utils/report/types';
import { HEADER, ROWS, reportText, Z } from './fixtures-pipe-table';

function parse(header: string[], rows: string[]): Report {
  document.body.innerHTML = '';
  return parseReportText(reportText(header, rows), document).report;
}

function cells(report: Report, row: ApplicationRow): CellValue[] {
  return Object.values(report.standard.applications?.rows[row] ?? {}) as CellValue[];
}

/** Every value of table 三 except those of the given rows. */
function otherCells(report: Report, except: ApplicationRow[]): CellValue[] {
  return Object.entries(report.standard.applications!.rows)
    .filter(([row]) => !except.includes(row as ApplicationRow))
    .flatMap(([, c]) => Object.values(c ?? {}) as CellValue[]);
}

const replaceRow = (label: string, line: string) => ROWS.map((r) => (r.includes(label) ? line : r));

describe('read confidence of a pipe table', () => {
  it('a clean pipe table: every value is in a certain column (columns), no figure doubtful', () => {
    const report = parse(HEADER, ROWS);
    const all = otherCells(report, []);
    expect(all.length).toBe(25 * 7);
    expect(new Set(all.map((c) => JSON.stringify(c.read)))).toEqual(new Set([JSON.stringify({ placed: 'columns' })]));
    expect(report.doubtfulFigures).toBeUndefined();
    expect(report.figures.applicationsNew).toBe(5);
  });

  it('a row with fewer cells than columns: its values, and only they, are placed by position (short-row)', () => {
    // the converter dropped the four zeros between 商业企业 and 总计
    const report = parse(HEADER, replaceRow('一、本年新收', '| 一、本年新收政府信息公开申请数量 |  | 4 | 1 | 5 |'));
    // four cells after the label (the blank second label column among them) for seven columns
    expect(cells(report, 'new').map((c) => c.read)).toEqual([
      { placed: 'position', reason: 'short-row' },
      { placed: 'position', reason: 'short-row' },
      { placed: 'position', reason: 'short-row' },
      { placed: 'position', reason: 'short-row' },
    ]);
    expect(otherCells(report, ['new']).every((c) => c.read?.placed === 'columns')).toBe(true);
    // no 总计 cell was placed in that row, so the figure is the prose's 5, which is no guess
    expect(report.standard.applications!.rows.new!.total).toBeUndefined();
    expect(report.figures.applicationsNew).toBe(5);
    expect(report.doubtfulFigures).toBeUndefined();
  });

  it('a header of generic names (数据1…数据6): every value is a guess (generic-header)', () => {
    const generic = ['| 类别 | 项目 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |', '|---|---|---|---|---|---|---|---|---|'];
    const report = parse(generic, ROWS);
    const all = otherCells(report, []);
    expect(all.length).toBe(25 * 7);
    // 总计 is named, so its column is known; the six 数据 columns are placed by their order
    const isTotal = (c: CellValue) => c.at.col === 8;
    expect(all.filter((c) => !isTotal(c)).every((c) => c.read?.placed === 'position' && c.read.reason === 'generic-header')).toBe(true);
    expect(all.filter(isTotal).every((c) => c.read?.placed === 'columns')).toBe(true);
    expect(report.doubtfulFigures).toBeUndefined();
  });

  it('a header row with other labels mid-table: the rows after it are guesses (spurious-header), those before are not', () => {
    const rows = [...ROWS];
    rows.splice(4, 0, '| 类别 | 项目 | 总计 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |');
    const report = parse(HEADER, rows);
    for (const row of ['new', 'carriedOver', 'granted', 'partial'] as const) {
      expect(
        cells(report, row).every((c) => c.read?.placed === 'columns'),
        row,
      ).toBe(true);
    }
    const after = otherCells(report, ['new', 'carriedOver', 'granted', 'partial']);
    expect(after.length).toBe(21 * 7);
    expect(after.every((c) => c.read?.placed === 'position' && c.read.reason === 'spurious-header')).toBe(true);
  });

  it('the same header repeated mid-table (a page break) is no doubt', () => {
    const rows = [...ROWS];
    rows.splice(12, 0, HEADER[2]!, HEADER[3]!);
    const report = parse(HEADER, rows);
    expect(otherCells(report, []).every((c) => c.read?.placed === 'columns')).toBe(true);
  });

  it('a label glued to its first number: the row is a guess (glued-label)', () => {
    const report = parse(HEADER, replaceRow('（一）予以公开', '| 三、本年度办理结果 | （一）予以公开2 | 1 | 0 | 0 | 0 | 0 | 3 |  |'));
    expect(cells(report, 'granted').length).toBeGreaterThan(0);
    expect(cells(report, 'granted').every((c) => c.read?.placed === 'position' && c.read.reason === 'glued-label')).toBe(true);
    expect(otherCells(report, ['granted']).every((c) => c.read?.placed === 'columns')).toBe(true);
  });

  it('a label split across the two label cells ("（三）不 | 4.…", then "予公开 | 5.…"), values in their columns: certain', () => {
    let rows = replaceRow('4.保护第三方合法权益', `| （三）不 | 4.保护第三方合法权益 | ${Z} |`);
    rows = rows.map((r) => (r.includes('5.属于三类内部事务信息') ? `| 予公开 | 5.属于三类内部事务信息 | ${Z} |` : r));
    const report = parse(HEADER, rows);
    for (const row of ['refused.4', 'refused.5'] as const) expect(cells(report, row).length, row).toBe(7);
    expect(otherCells(report, []).every((c) => c.read?.placed === 'columns')).toBe(true);
  });

  it('a split label that shifts its numbers one cell right: the row is unplaced, and the outcome sum is a note, not an error', () => {
    // one 予以公开 (自然人) moved to 4.保护第三方合法权益, whose label was split so its cells slid right
    let rows = replaceRow('（一）予以公开', '| 三、本年度办理结果 | （一）予以公开 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |');
    rows = rows.map((r) => (r.includes('4.保护第三方合法权益') ? '| （三）不 |  | 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |' : r));
    const { report, findings } = checkText(reportText(HEADER, rows), emptyDoc());
    const unplaced = report.standard.applications!.unplaced ?? [];
    expect(unplaced.map((c) => [c.value.kind === 'number' ? c.value.value : null, c.read?.placed])).toEqual([[1, 'unplaced']]);
    const tableErrors = findings.filter((f) => f.severity === 'error' && f.rule.startsWith('applications-'));
    expect(tableErrors).toEqual([]);
    expect(findings.some((f) => f.rule === 'guessed-rows')).toBe(true);
  });

  it('a header out of the template order (总计 first): every value is a guess (spurious-header)', () => {
    const header = [...HEADER];
    header[2] = '|  |  | 总计 | 自然人 | 法人或其他组织 |  |  |  |  |';
    header[3] = '|  |  |  |  | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |';
    const report = parse(header, ROWS);
    const all = otherCells(report, []);
    expect(all.length).toBe(25 * 7);
    expect(all.every((c) => c.read?.placed === 'position' && c.read.reason === 'spurious-header')).toBe(true);
  });

  it('a header word split over two cells (商业 | 企业), rows longer than the header: a guess (spurious-header)', () => {
    const header = [...HEADER];
    header[3] = '|  |  |  | 商业 | 企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |  |';
    const report = parse(header, ROWS);
    // 新收 4 | 1 | 0 | 0 | 0 | 0 | 5 under six leaves: the 5 is beyond them
    expect(cells(report, 'new').every((c) => c.read?.placed === 'position' && c.read.reason === 'spurious-header')).toBe(true);
  });

  it('a failing sum over a guessed row is a note, the same sum over certain cells an error', () => {
    // 一、本年新收 自然人 printed 5 instead of 4 (total 6): the balance and the row sum fail
    const certain = checkText(
      reportText(HEADER, replaceRow('一、本年新收', '| 一、本年新收政府信息公开申请数量 |  | 5 | 1 | 0 | 0 | 0 | 0 | 5 |')),
      emptyDoc(),
    );
    const tableErrors = (fs: typeof certain.findings) =>
      fs.filter((f) => f.severity === 'error' && f.rule.startsWith('applications-')).map((f) => f.rule);
    expect(tableErrors(certain.findings).sort()).toEqual(['applications-balance', 'applications-row-sum']);
    // the same numbers with the zeros dropped: the row is placed by position
    const guessed = checkText(
      reportText(HEADER, replaceRow('一、本年新收', '| 一、本年新收政府信息公开申请数量 |  | 5 | 1 | 5 |')),
      emptyDoc(),
    );
    expect(tableErrors(guessed.findings)).toEqual([]);
    const notes = guessed.findings.filter((f) => f.rule === 'guessed-rows');
    expect(notes.map((f) => [f.messageId, f.severity])).toEqual([['unconfirmed', 'info']]);
  });
});

function emptyDoc(): Document {
  return document.implementation.createHTMLDocument('');
}

describe('read confidence of an HTML grid', () => {
  const page = readFileSync(join(__dirname, '../../fixtures/pages/clean-2021.html'), 'utf8');

  it('a Word-pasted grid under its header: every value is a grid cell', () => {
    const { report } = checkDocument(htmlToDocument(page));
    const all = otherCells(report, []);
    expect(all.length).toBeGreaterThan(100);
    expect(all.every((c) => c.read?.placed === 'grid')).toBe(true);
    const review = Object.values(report.standard.reviewLitigation!.groups).flatMap((g) => Object.values(g ?? {}));
    expect(review.length).toBe(15);
    expect(review.every((c) => c!.read?.placed === 'grid')).toBe(true);
  });

  const marked = () =>
    page
      .replace(
        '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>3</td>',
        '<td colspan="3">二、上年结转政府信息公开申请数量</td><td data-read="position" data-read-reason="merged-note">3</td>',
      )
      .replace(/<tr([^>]*)>(\s*<td[^>]*>四、结转下年度继续办理)/, '<tr$1 data-read="unplaced">$2');

  it('data-read on a <td> or its <tr> of our own synthetic document is read into the value', () => {
    const { report } = parseDocument(htmlToDocument(marked()), { fromTextDump: true });
    const rows = report.standard.applications!.rows;
    expect(rows.carriedOver!.natural!.read).toEqual({ placed: 'position', reason: 'merged-note' });
    // our own synthetic documents are read as text: certain columns, not a web page's grid
    expect(rows.carriedOver!.commercial!.read).toEqual({ placed: 'columns' });
    expect(Object.values(rows.carriedForward!).every((c) => c!.read?.placed === 'unplaced')).toBe(true);
    // 二、上年结转's 总计 is still certain, so the figure is; 四's total is not
    expect(report.doubtfulFigures).toEqual(['applicationsCarriedForward']);
  });

  it("a web page's own data-read attributes are ignored: a page cannot turn its errors into doubts", () => {
    const { report } = checkDocument(htmlToDocument(marked()));
    const rows = report.standard.applications!.rows;
    expect(rows.carriedOver!.natural!.read).toEqual({ placed: 'grid' });
    expect(Object.values(rows.carriedForward!).every((c) => c!.read?.placed === 'grid')).toBe(true);
    expect(report.doubtfulFigures ?? []).toEqual([]);
  });

  // The 二、上年结转 row's 自然人 cell as a reconstruction from a picture would write it: 3 read at 62 %, maybe 8.
  const PICTURE_CELL =
    '<td data-read="picture" data-read-confidence="0.62" data-read-alternatives="8" data-pdf-page="1" data-pdf-box="10,20,30,12">3</td>';
  const pictured = () =>
    page.replace(
      '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>3</td>',
      `<td colspan="3">二、上年结转政府信息公开申请数量</td>${PICTURE_CELL}`,
    );
  /** The page with its table 三 inside <div data-pdf-document>, as the page itself might write it. */
  const inPdfMarker = (html: string) =>
    html.replace(/(<table[^>]*>(?:(?!<\/table>)[\s\S])*二、上年结转[\s\S]*?<\/table>)/, '<div data-pdf-document>$1</div>');

  it("a web page's own picture attributes are ignored, even under data-pdf-document", () => {
    const html = inPdfMarker(pictured());
    expect(html).toContain('<div data-pdf-document><table');
    const { report } = checkDocument(htmlToDocument(html));
    expect(report.standard.applications!.rows.carriedOver!.natural!.read).toEqual({ placed: 'grid' });
  });

  it('the tables the caller rebuilt from pictures (pictureTables) keep their picture reads end to end', () => {
    const doc = htmlToDocument(inPdfMarker(pictured()));
    const table = doc.querySelector('[data-pdf-document] table')!;
    const { report } = checkDocument(doc, { pictureTables: new Set([table]) });
    const natural = report.standard.applications!.rows.carriedOver!.natural!;
    expect(natural.value).toMatchObject({ kind: 'number', value: 3 });
    expect(natural.read).toEqual({
      placed: 'picture',
      confidence: 0.62,
      alternatives: ['8'],
      box: { image: 1, x: 10, y: 20, w: 30, h: 12 },
    });
    // a cell of the same table the reconstruction did not mark stays a grid cell
    expect(report.standard.applications!.rows.carriedOver!.commercial!.read).toEqual({ placed: 'grid' });
  });

  it('a rebuilt document (parsed as our own) keeps its picture reads', () => {
    const { report } = parseDocument(htmlToDocument(inPdfMarker(pictured())), { fromTextDump: true });
    expect(report.standard.applications!.rows.carriedOver!.natural!.read).toMatchObject({
      placed: 'picture',
      confidence: 0.62,
      alternatives: ['8'],
    });
  });
});
