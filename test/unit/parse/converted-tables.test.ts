// @vitest-environment happy-dom
/**
 * Pipe tables as document converters emit them (per-row tables under 数据1…数据6, blanks dropped, a
 * spurious header mid-table, table 四 as one row of 15, a split group label, a slid cell note). Every
 * input is written by hand the way the tools print it; every expected cell and mark by hand from
 * reading it.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { readConvertedTable } from '../../../utils/parse/converted-tables';
import { parseReportText } from '../../../utils/parse/index';
import { textDumpToDocument } from '../../../utils/parse/text-dump';

/** Each table of the synthetic document: rows of cells, a cell written `text{reason}` when marked, a row prefixed `[reason]`. */
function tables(): string[][] {
  return [...document.querySelectorAll('table')].map((t) =>
    [...t.querySelectorAll('tr')].map((tr) => {
      const cells = [...tr.children].map((td) => {
        const reason = td.getAttribute('data-read') === 'position' ? td.getAttribute('data-read-reason') : null;
        return reason ? `${td.textContent}{${reason}}` : td.textContent!;
      });
      const row = tr.getAttribute('data-read') === 'position' ? `[${tr.getAttribute('data-read-reason')}] ` : '';
      return row + cells.join(' | ');
    }),
  );
}

/** A cell's number (undefined when it is not one). */
const num = (cell: { value: { kind: string; value?: number } } | undefined) =>
  cell?.value.kind === 'number' ? cell.value.value : undefined;

const GENERIC = ['| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
const perRow = (...rows: string[]) => rows.flatMap((r) => [...GENERIC, r, '']).join('\n');

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('per-row tables under a generic header', () => {
  test('joined into one table without the header; 数据k values marked generic-header, the named 总计 column not', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '',
      perRow(
        '| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |',
        '| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      ),
    ].join('\n');
    textDumpToDocument(text, document);
    expect(tables()).toEqual([
      [
        '一、本年新收政府信息公开申请数量 | 5{generic-header} | 1{generic-header} | 0{generic-header} | 0{generic-header} | 0{generic-header} | 0{generic-header} | 6',
        '二、上年结转政府信息公开申请数量 | 1{generic-header} | 0{generic-header} | 0{generic-header} | 0{generic-header} | 0{generic-header} | 0{generic-header} | 1',
      ],
    ]);
  });

  test('a short row (blanks dropped) is marked short-row; when its last value sums the others it is the 总计, the rest from the first column', () => {
    textDumpToDocument(
      perRow(
        '| 一、本年新收政府信息公开申请数量 | 4 | 2 | 6 |',
        '| 二、上年结转政府信息公开申请数量 | 3 | 2 |',
        '| （七）总计 | 7 | 2 | 1 | 10 |',
      ),
      document,
    );
    expect(tables()).toEqual([
      [
        '[short-row] 一、本年新收政府信息公开申请数量 | 4 | 2 |  |  |  |  | 6',
        // 3 ≠ 2: no guess at all, the row is left as printed
        '[short-row] 二、上年结转政府信息公开申请数量 | 3 | 2',
        '[short-row] （七）总计 | 7 | 2 | 1 |  |  |  | 10',
      ],
    ]);
  });

  test('in Traditional script (數據k, 總計) the same', () => {
    const header = '| 類別 | 數據1 | 數據2 | 數據3 | 數據4 | 數據5 | 數據6 | 總計 |\n| --- | --- | --- | --- | --- | --- | --- | --- |';
    const text = [
      '三、收到和處理政府資訊公開申請情況',
      '',
      header,
      '| 一、本年新收政府資訊公開申請數量 | 4 | 2 | 6 |',
      '',
      header,
      '| 二、上年結轉政府資訊公開申請數量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    ].join('\n');
    textDumpToDocument(text, document);
    expect(tables()).toEqual([
      [
        '[short-row] 一、本年新收政府資訊公開申請數量 | 4 | 2 |  |  |  |  | 6',
        '二、上年結轉政府資訊公開申請數量 | 1{generic-header} | 0{generic-header} | 0{generic-header} | 0{generic-header} | 0{generic-header} | 0{generic-header} | 1',
      ],
    ]);
  });

  test('rows above the first generic header keep their own header; blank cells under 数据k are marked too', () => {
    const header = ['项目', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const generic = ['类别', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计'];
    const first = ['一、本年新收政府信息公开申请数量', '2', '1', '', '', '', '', '3'];
    const total = ['（七）总计', '2', '', '', '', '', '1', '3'];
    const read = readConvertedTable([header, first, generic, total]);
    expect(read.rows).toEqual([header, first, total]);
    expect(read.marks).toEqual([1, 2, 3, 4, 5, 6].map((col) => ({ row: 2, col, reason: 'generic-header' })));
  });

  test('read through to table 三: the values land in the template order, the 总计 column is the named one', () => {
    const text = [
      '三、收到和处理政府信息公开申请情况',
      '',
      perRow(
        '| 一、本年新收政府信息公开申请数量 | 5 | 1 | 0 | 0 | 0 | 2 | 8 |',
        '| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
        '| 三、本年度办理结果 （一）予以公开 | 4 | 1 | 0 | 0 | 0 | 1 | 6 |',
        '| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
        '| （七）总计 | 5 | 1 | 0 | 0 | 0 | 1 | 7 |',
        '| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 1 | 2 |',
      ),
    ].join('\n');
    const { report } = parseReportText(text, document);
    const rows = report.standard.applications?.rows;
    expect(num(rows?.new?.natural)).toBe(5);
    expect(num(rows?.new?.otherOrg)).toBe(2);
    expect(num(rows?.new?.total)).toBe(8);
    expect(num(rows?.total?.total)).toBe(7);
    expect(num(rows?.carriedForward?.total)).toBe(2);
  });
});

describe('a spurious header in the middle of table 三', () => {
  const HEADER = '| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |';
  test('a header with other labels is dropped and the rows below it are marked spurious-header', () => {
    const text = [
      HEADER,
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |',
      '',
      // the next page's header, shifted one column left over the label column
      '| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |  |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| （七）总计 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |',
      '| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    ].join('\n');
    textDumpToDocument(text, document);
    expect(tables()).toEqual([
      [
        '项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计',
        '一、本年新收政府信息公开申请数量 | 3 | 1 | 0 | 0 | 0 | 0 | 4',
        '[spurious-header] （七）总计 | 3 | 1 | 0 | 0 | 0 | 0 | 4',
        '[spurious-header] 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
      ],
    ]);
  });

  test('the same header repeated (per-row tables under the real header, a page break) is dropped, nothing marked', () => {
    const header = HEADER.slice(2, -2).split(' | ');
    const first = ['一、本年新收政府信息公开申请数量', '3', '1', '0', '0', '0', '0', '4'];
    const total = ['（七）总计', '3', '1', '0', '0', '0', '0', '4'];
    expect(readConvertedTable([header, first, header, total])).toEqual({ rows: [header, first, total], marks: [] });
  });
});

describe('table 四 as one row of 15 numbers', () => {
  test('under a two-row header that lost the litigation outcomes: rebuilt from the template, the numbers marked', () => {
    const text = [
      '四、政府信息公开行政复议、行政诉讼情况',
      '',
      '| 行政复议 | 行政诉讼 |  |  |  |  |  |  |  |  |  |  |  |  |  |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |  |  |  |  |  |  |  |  |',
      '| 2 | 0 | 1 | 0 | 3 | 1 | 0 | 0 | 1 | 2 | 1 | 0 | 0 | 0 | 1 |',
    ].join('\n');
    const { report } = parseReportText(text, document);
    expect(tables()).toEqual([
      [
        '行政复议 | 未经复议直接起诉 | 复议后起诉',
        '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计',
        '[generic-header] 2 | 0 | 1 | 0 | 3 | 1 | 0 | 0 | 1 | 2 | 1 | 0 | 0 | 0 | 1',
      ],
    ]);
    const groups = report.standard.reviewLitigation?.groups;
    expect(num(groups?.review?.total)).toBe(3);
    expect(num(groups?.litigationDirect?.pending)).toBe(1);
    expect(num(groups?.litigationDirect?.total)).toBe(2);
    expect(num(groups?.litigationAfterReview?.upheld)).toBe(1);
  });

  test('when the header rows still name the 15 outcomes in order, the table is left as printed, nothing marked', () => {
    const leaves = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const rows = [
      ['行政复议', '行政诉讼'],
      [...leaves, '未经复议直接起诉', '复议后起诉'],
      [...leaves, ...leaves],
      ['0', '1', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'],
    ];
    // recognition reads such a header itself (test/fixtures/text/pipe-2021.txt): the table is left as printed
    expect(readConvertedTable(rows)).toEqual({ rows, marks: [] });
  });
});

describe('a group label split over two rows', () => {
  const head =
    '| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n| --- | --- | --- | --- | --- | --- | --- | --- |';
  test('the half-label cells are dropped; rows cut at the grid width keep their values from the first column and are marked', () => {
    const text = [
      head,
      '| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
      '| （三）不 | 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 |',
      '| 予公开 | 5.属于三类内部事务信息 | 0 | 2 | 0 | 0 | 0 | 0 |',
      '| 6.属于四类过程性信息 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |',
    ].join('\n');
    textDumpToDocument(text, document);
    expect(tables()).toEqual([
      [
        '项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计',
        '3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0',
        '[shifted-cells] 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | ',
        '[shifted-cells] 5.属于三类内部事务信息 | 0 | 2 | 0 | 0 | 0 | 0 | ',
        '6.属于四类过程性信息 | 0 | 1 | 0 | 0 | 0 | 0 | 1',
      ],
    ]);
  });

  test('a split row that kept all its values is read as it is once the half-label is dropped', () => {
    const rows = [
      ['1.属于国家秘密', '0', '0', '0', '0', '0', '0', '0'],
      ['（五）不', '2.重复申请', '1', '0', '0', '0', '0', '0', '1'],
    ];
    expect(readConvertedTable(rows)).toEqual({
      rows: [rows[0], ['2.重复申请', '1', '0', '0', '0', '0', '0', '1']],
      marks: [],
    });
  });
});

describe('a cell note slid into the next cell (table 二)', () => {
  const head = '| 第二十条第（一）项 |\n| --- |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n| 规章 | 0 | 0 | 0 |';
  test('"（其中修订9件）4" in the 废止 cell: the note goes back to 31, the 4 is marked merged-note', () => {
    const { report } = parseReportText(`二、主动公开政府信息情况\n\n${head}\n| 行政规范性文件 | 31 | （其中修订9件）4 | 152 |`, document);
    expect(tables()[0].at(-1)).toBe('行政规范性文件 | 31（其中修订9件） | 4{merged-note} | 152');
    const row = report.standard.activeDisclosure?.rows.normativeDocuments;
    expect(num(row?.issued)).toBe(31);
    expect(num(row?.repealed)).toBe(4);
    expect(num(row?.inForce)).toBe(152);
  });

  test('a note alone in a cell after its number is merged into it, and the cells it pushed right are marked', () => {
    textDumpToDocument(`${head}\n| 行政规范性文件 | 235 | （其中修订16件） | 3 | 40 |`, document);
    expect(tables()[0].at(-1)).toBe('行政规范性文件 | 235（其中修订16件） | 3{merged-note} | 40{merged-note}');
  });
});

describe('a note merged with the 废止 cell (table 二)', () => {
  const header = ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'];
  test("a revision note under 本年废止件数 is not that column's kind: the cell is marked merged-note", () => {
    const rows = [header, ['行政规范性文件', '24', '235（其中修订16件）', '1200']];
    expect(readConvertedTable(rows)).toEqual({ rows, marks: [{ row: 1, col: 2, reason: 'merged-note' }] });
  });

  test('a lapse note under 本年废止件数 is where it belongs: nothing marked', () => {
    const rows = [header, ['行政规范性文件', '2', '5（含自然失效3件）', '17']];
    expect(readConvertedTable(rows)).toEqual({ rows, marks: [] });
  });

  test('two cells run together around a note are split, both marked', () => {
    expect(readConvertedTable([header, ['行政规范性文件', '2', '5（含自然失效3件）17']])).toEqual({
      rows: [header, ['行政规范性文件', '2', '5（含自然失效3件）', '17']],
      marks: [
        { row: 1, col: 2, reason: 'merged-note' },
        { row: 1, col: 3, reason: 'merged-note' },
      ],
    });
  });

  test('a row short of the header with a note in it lost a cell to the note: the row is marked', () => {
    const rows = [header, ['行政规范性文件', '235（其中修订 16 件）', '40']];
    expect(readConvertedTable(rows)).toEqual({ rows, marks: [{ row: 1, reason: 'merged-note' }] });
  });
});

test('a plain pipe table with none of these quirks is left as printed, nothing marked', () => {
  const rows = [
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '0', '0', '0'],
    ['行政规范性文件', '2', '5（含自然失效3件）', '17'],
    // a decimal after a short label is no split sub-row label
    ['信息内容', '本年收费金额（单位：万元）', '备注'],
    ['行政事业性收费', '12.6', '无'],
  ];
  expect(readConvertedTable(rows)).toEqual({ rows, marks: [] });
});
