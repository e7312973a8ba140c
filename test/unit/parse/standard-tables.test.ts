// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { tableToGrid } from '../../../utils/parse/grid';
import { recogniseStandardTables } from '../../../utils/parse/standard-tables';
import { APPLICATION_ROW_ORDER } from '../../../utils/parse/table-schemas';
import { textDumpToDocument } from '../../../utils/parse/text-dump';
import type { ApplicationRow, ReportTable } from '../../../utils/report/types';
import { APPLICANT_COLUMNS } from '../../../utils/report/types';
import { toSimplified } from '../../../utils/text/convert';

const SEEDS = '/work/shared/seeds';
const seed = (prefix: string) => readFileSync(`${SEEDS}/${readdirSync(SEEDS).find((n) => n.startsWith(prefix))!}`, 'utf8');

function toReportTable(el: HTMLTableElement, index: number, normalise = (s: string) => s): ReportTable {
  return { ...tableToGrid(el, normalise, index).table, kind: 'other', section: [] };
}

function html(markup: string, index: number): ReportTable {
  const host = document.createElement('div');
  host.innerHTML = markup; // test markup only
  return toReportTable(host.querySelector('table')!, index);
}

/** rows of plain cells, no spans (the shape of a text-dump grid) */
function plain(rows: string[][], index: number): ReportTable {
  const t = document.createElement('table');
  for (const r of rows) {
    const tr = t.appendChild(document.createElement('tr'));
    for (const c of r) tr.appendChild(document.createElement('td')).textContent = c;
  }
  return toReportTable(t, index);
}

describe('seed 003 (text dump, Traditional, ASCII brackets, 2019 columns)', () => {
  document.body.innerHTML = '';
  textDumpToDocument(seed('003'), document);
  const tables = [...document.body.querySelectorAll(':scope > table')].map((t, i) => toReportTable(t as HTMLTableElement, i, toSimplified));
  const { kinds, standard } = recogniseStandardTables(tables);

  test('the three standard tables are recognised', () => {
    expect(kinds).toEqual(['active-disclosure', 'applications', 'review-litigation']);
    expect(standard.activeDisclosure?.format).toBe('2019');
    expect(standard.applications?.format).toBe('2019');
    expect(standard.applications?.table).toBe(1);
  });

  test('table 三: hand-read values', () => {
    const rows = standard.applications!.rows;
    expect(Object.keys(rows)).toEqual(APPLICATION_ROW_ORDER['2019']);
    expect(rows.new?.natural?.value).toEqual({ kind: 'number', value: 1, text: '1' });
    expect(rows.new?.total?.value).toMatchObject({ value: 1 });
    expect(rows.new?.commercial?.value).toMatchObject({ value: 0 });
    expect(rows['refused.2']?.natural?.value).toMatchObject({ value: 1 });
    expect(rows['refused.2']?.total?.value).toMatchObject({ value: 1 });
    expect(rows.total?.total?.value).toMatchObject({ value: 0 });
    expect(rows.total?.natural?.value).toMatchObject({ value: 0 });
    expect(rows.carriedForward?.total?.value).toMatchObject({ value: 0 });
    for (const r of Object.values(rows)) expect(Object.keys(r!)).toEqual([...APPLICANT_COLUMNS]);
    // grid slots: 一、 is the 4th dump row, its values follow the label
    expect(rows.new?.natural?.at).toEqual({ table: 1, row: 3, col: 1 });
    expect(rows.new?.total?.at).toEqual({ table: 1, row: 3, col: 7 });
    // (一)予以公开 shares its dump row with 三、本年度办理结果, so its values sit one column further right
    expect(rows.granted?.natural?.at).toEqual({ table: 1, row: 5, col: 2 });
  });

  test('table 二: hand-read values', () => {
    const rows = standard.activeDisclosure!.rows;
    expect(rows.normativeDocuments?.totalPublished?.value).toMatchObject({ value: 34 });
    expect(rows.licensing?.change?.value).toEqual({ kind: 'number', value: 5, text: '增5' });
    expect(rows.licensing?.decisions?.value).toMatchObject({ value: 1552 });
    expect(rows.otherServices?.decisions?.value).toMatchObject({ value: 30731 });
    expect(rows.penalty?.previousCount?.value).toMatchObject({ value: 203 });
    expect(Object.keys(rows.fees!)).toEqual(['previousCount', 'change']);
    expect(Object.keys(rows.procurement!)).toEqual(['procurementCount', 'procurementAmount']);
    expect(rows.otherServices?.decisions?.at).toEqual({ table: 0, row: 7, col: 3 });
  });

  test('table 四: hand-read values', () => {
    const g = standard.reviewLitigation!.groups;
    expect(standard.reviewLitigation!.table).toBe(2);
    expect(g.litigationDirect?.upheld?.value).toMatchObject({ value: 2 });
    expect(g.litigationDirect?.total?.value).toMatchObject({ value: 0 });
    expect(g.review?.total?.value).toMatchObject({ value: 0 });
    expect(g.litigationAfterReview?.total?.at).toEqual({ table: 2, row: 3, col: 14 });
    expect(g.litigationDirect?.upheld?.at).toEqual({ table: 2, row: 3, col: 5 });
  });
});

// ---- a hand-built 2021 table 三 with real spans ----

const LABELS_2021: [ApplicationRow, string][] = [
  ['new', '<td colspan="3">一、本年新收政府信息公开申请数量</td>'],
  ['carriedOver', '<td colspan="3">二、上年结转政府信息公开申请数量</td>'],
  ['granted', '<td rowspan="22">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>'],
  ['partial', '<td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>'],
  ['refused.1', '<td rowspan="8">（三）不予公开</td><td>1.属于国家秘密</td>'],
  ['refused.2', '<td>2.其他法律行政法规禁止公开</td>'],
  ['refused.3', '<td>3.危及“三安全一稳定”</td>'],
  ['refused.4', '<td>4.保护第三方合法权益</td>'],
  ['refused.5', '<td>5.属于三类内部事务信息</td>'],
  ['refused.6', '<td>6.属于四类过程性信息</td>'],
  ['refused.7', '<td>7.属于行政执法案卷</td>'],
  ['refused.8', '<td>8.属于行政查询事项</td>'],
  ['unable.1', '<td rowspan="3">(四)无法提供</td><td>1.本机关不掌握相关政府信息</td>'],
  ['unable.2', '<td>2.没有现成信息需要另行制作</td>'],
  ['unable.3', '<td>3.补正后申请内容仍不明确</td>'],
  ['notProcessed.1', '<td rowspan="5">（五）不予处理</td><td>1.信访举报投诉类申请</td>'],
  ['notProcessed.2', '<td>2.重复申请</td>'],
  ['notProcessed.3', '<td>3.要求提供公开出版物</td>'],
  ['notProcessed.4', '<td>4.无正当理由大量反复申请</td>'],
  ['notProcessed.5', '<td>5.要求行政机关确认或重新出具已获取信息</td>'],
  ['other.1', '<td rowspan="3">（六）其他处理</td><td>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</td>'],
  ['other.2', '<td>2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</td>'],
  ['other.3', '<td>3.其他</td>'],
  ['total', '<td colspan="2">（七）总计</td>'],
  ['carriedForward', '<td colspan="3">四、结转下年度继续办理</td>'],
];

/** value of row i, applicant column j: i*10+j, except two blanks */
function cellText(i: number, j: number): string {
  if (i === 8 && j === 0) return '';
  if (i === 13 && j === 4) return '/';
  return String(i * 10 + j);
}

function table2021(subtotal: boolean): string {
  const org = subtotal ? 6 : 5;
  const head = `
    <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="${org + 2}">申请人情况</td></tr>
    <tr><th rowspan="2">自然人</th><th colspan="${org}">法人或其他组织</th><th rowspan="2">总计</th></tr>
    <tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th>${subtotal ? '<th>小计</th>' : ''}</tr>`;
  const body = LABELS_2021.map(([, label], i) => {
    const vals = [0, 1, 2, 3, 4, 5, 6].map((j) => `<td>${cellText(i, j)}</td>`);
    if (subtotal) vals.splice(6, 0, '<td>999</td>');
    return `<tr>${label}${vals.join('')}</tr>`;
  }).join('\n');
  return `<table><tbody>${head}${body}</tbody></table>`;
}

describe('hand-built 2021 table 三 in HTML (三、本年度办理结果 spans 22 rows)', () => {
  for (const subtotal of [false, true]) {
    test(subtotal ? 'with an extra 小计 column' : 'template columns', () => {
      const t = html(table2021(subtotal), 4);
      expect(t.cells.find((c) => c.text === '三、本年度办理结果')?.rowSpan).toBe(22);
      const { kinds, standard } = recogniseStandardTables([html('<table><tr><td>索引号</td><td>x</td></tr></table>', 3), t]);
      expect(kinds).toEqual(['other', 'applications']);
      const a = standard.applications!;
      expect(a.table).toBe(4);
      expect(a.format).toBe('2021');
      expect(Object.keys(a.rows)).toEqual(APPLICATION_ROW_ORDER['2021']);
      LABELS_2021.forEach(([key], i) => {
        APPLICANT_COLUMNS.forEach((col, j) => {
          const text = cellText(i, j);
          const cv = a.rows[key]?.[col];
          expect(cv?.value, `${key}/${col}`).toEqual(
            text === '' || text === '/' ? { kind: 'missing', text } : { kind: 'number', value: Number(text), text },
          );
          expect(cv?.at, `${key}/${col}`).toEqual({ table: 4, row: 3 + i, col: 3 + j + (subtotal && j === 6 ? 1 : 0) });
        });
      });
    });
  }

  test('split in two: the second part (no header, no spans) continues the first', () => {
    const header = [
      ['(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', '申请人情况', '', '', '', '', '', '', ''],
      ['自然人', '法人或其他组织', '总计', '', '', '', '', '', ''],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '', '', '', ''],
    ];
    const v = (n: number) => ['1', '2', '3', '4', '5', '6', String(n)];
    const part1 = plain(
      [
        ...header,
        ['一、本年新收政府信息公开申请数量', ...v(21), ''],
        ['二、上年结转政府信息公开申请数量', ...v(22), ''],
        ['三、本年度办理结果', '(一)予以公开', ...v(23)],
      ],
      0,
    );
    const part2 = plain(
      [
        ['(二)部分公开', ...v(24), ''],
        ['(三)不予公开', '1.属于国家秘密', ...v(25)],
        ['2.其他法律行政法规禁止公开', ...v(26), ''],
        ['(六)其他处理', ...v(27), ''],
        ['(七)总计', ...v(28), ''],
        ['四、结转下年度继续办理', ...v(29), ''],
      ],
      1,
    );
    const { kinds, standard } = recogniseStandardTables([part1, part2]);
    expect(kinds).toEqual(['applications', 'applications']);
    const rows = standard.applications!.rows;
    expect(standard.applications!.format).toBe('2019');
    expect(rows.granted?.total?.value).toMatchObject({ value: 23 });
    expect(rows['refused.1']?.total?.value).toMatchObject({ value: 25 });
    expect(rows['refused.2']?.total?.value).toMatchObject({ value: 26 });
    expect(rows['refused.2']?.natural?.at).toEqual({ table: 1, row: 2, col: 1 });
    expect(rows.other?.total?.value).toMatchObject({ value: 27 });
    expect(rows.carriedForward?.total?.at).toEqual({ table: 1, row: 5, col: 7 });
  });
});

describe('table 四 and table 二 in HTML', () => {
  const review = `<table>
    <tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
    <tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td>
        <td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
    <tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr>
    <tr>${Array.from({ length: 15 }, (_, i) => `<td>${i + 1}</td>`).join('')}</tr>
  </table>`;

  test('table 四: 15 numbers mapped by the headers above them', () => {
    const { kinds, standard } = recogniseStandardTables([html(review, 0)]);
    expect(kinds).toEqual(['review-litigation']);
    const g = standard.reviewLitigation!.groups;
    expect(g.review?.upheld?.value).toMatchObject({ value: 1 });
    expect(g.review?.total?.value).toMatchObject({ value: 5 });
    expect(g.litigationDirect?.upheld?.value).toMatchObject({ value: 6 });
    expect(g.litigationDirect?.pending?.value).toMatchObject({ value: 9 });
    expect(g.litigationAfterReview?.total?.value).toMatchObject({ value: 15 });
    expect(g.litigationAfterReview?.total?.at).toEqual({ table: 0, row: 3, col: 14 });
  });

  test('table 四 split into a header table and a numbers-only table', () => {
    const head = review.replace(/<tr><td>1<\/td>.*<\/tr>/s, '');
    const nums = `<table><tr>${Array.from({ length: 15 }, (_, i) => `<td>${i + 1}</td>`).join('')}</tr></table>`;
    const { kinds, standard } = recogniseStandardTables([html(head, 0), html(nums, 1)]);
    expect(kinds).toEqual(['review-litigation', 'review-litigation']);
    expect(standard.reviewLitigation?.groups.litigationDirect?.total?.value).toMatchObject({ value: 10 });
    expect(standard.reviewLitigation?.groups.litigationDirect?.total?.at).toEqual({ table: 1, row: 0, col: 9 });
  });

  test('numbers alone are not a standard table', () => {
    const nums = `<table><tr>${Array.from({ length: 15 }, (_, i) => `<td>${i}</td>`).join('')}</tr></table>`;
    expect(recogniseStandardTables([html(nums, 0)])).toEqual({ kinds: ['other'], standard: {} });
  });

  test('table 二 in 2021 columns with spans', () => {
    const t = html(
      `<table>
      <tr><td colspan="4">第二十条第（一）项</td></tr>
      <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
      <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
      <tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr>
      <tr><td colspan="4">第二十条第（五）项</td></tr>
      <tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
      <tr><td>行政许可</td><td colspan="3">1,552</td></tr>
      <tr><td colspan="4">第二十条第（六）项</td></tr>
      <tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
      <tr><td>行政处罚</td><td colspan="3">68</td></tr>
      <tr><td>行政强制</td><td colspan="3">—</td></tr>
      <tr><td colspan="4">第二十条第（八）项</td></tr>
      <tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
      <tr><td>行政事业性收费</td><td colspan="3">12.5</td></tr>
    </table>`,
      2,
    );
    const { kinds, standard } = recogniseStandardTables([t]);
    expect(kinds).toEqual(['active-disclosure']);
    const d = standard.activeDisclosure!;
    expect(d.format).toBe('2021');
    expect(d.rows.normativeDocuments).toMatchObject({
      issued: { value: { value: 3 } },
      repealed: { value: { value: 1 } },
      inForce: { value: { value: 12 } },
    });
    expect(d.rows.licensing?.decisions?.value).toMatchObject({ value: 1552 });
    expect(d.rows.licensing?.decisions?.at).toEqual({ table: 2, row: 6, col: 1 });
    expect(d.rows.enforcement?.decisions?.value).toEqual({ kind: 'missing', text: '—' });
    expect(d.rows.fees?.feeAmount?.value).toMatchObject({ value: 12.5 });
  });
});

/** The table with each cell's text read through a counter: how many cell texts recognition looked at. */
function counted(t: ReportTable): { table: ReportTable; reads: () => number } {
  let reads = 0;
  const cells = t.cells.map((c) => {
    const text = c.text;
    return Object.defineProperty({ ...c }, 'text', {
      enumerable: true,
      get: () => {
        reads++;
        return text;
      },
    });
  });
  return { table: { ...t, cells }, reads: () => reads };
}

// Counted work, not wall time: a loaded machine cannot make it fail, and a grid that is read at all fails it.
test('a huge grid is not examined', () => {
  const rows = Array.from({ length: 2600 }, (_, i) => [i === 0 ? '一、本年新收政府信息公开申请数量' : '上年结转', '予以公开', '1']);
  const huge = counted(plain(rows, 0));
  expect(huge.table.cells.length).toBe(7800);
  expect(recogniseStandardTables([huge.table]).kinds).toEqual(['other']);
  expect(huge.reads()).toBe(0);
  // The control: the same rows cut to fit under the cap are read, so the counter does count.
  const small = counted(plain(rows.slice(0, 100), 0));
  recogniseStandardTables([small.table]);
  expect(small.reads()).toBeGreaterThan(300);
});

describe('Word-exported header of table 三 (the pingtan-2021 shape)', () => {
  // 自然人 spans two columns; the bottom header row leaves a blank cell under its first half and
  // 商业企业 spans the next two, so the 自然人 numbers sit under a blank bottom header cell.
  const markup = `<table>
    <tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="8">申请人情况</td></tr>
    <tr><td colspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
    <tr><td></td><td colspan="2">商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
    <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>64</td><td colspan="2">0</td><td>0</td><td>2</td><td>0</td><td>4</td><td>70</td></tr>
    <tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>0</td><td colspan="2">0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
    <tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>27</td><td colspan="2">0</td><td>0</td><td>2</td><td>0</td><td>1</td><td>30</td></tr>
    <tr><td colspan="2">（七）总计</td><td>63</td><td colspan="2">0</td><td>0</td><td>2</td><td>0</td><td>4</td><td>69</td></tr>
    <tr><td colspan="2">四、结转下年度继续办理</td><td>1</td><td colspan="2">0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
  </table>`;

  test('every applicant column is read under its own header, not the blank bottom cell', () => {
    const { standard } = recogniseStandardTables([html(markup, 0)]);
    const rows = standard.applications!.rows;
    const read = (r: ApplicationRow) => APPLICANT_COLUMNS.map((c) => (rows[r]?.[c]?.value as { value?: number })?.value);
    expect(read('new')).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(read('granted')).toEqual([27, 0, 0, 2, 0, 1, 30]);
    expect(read('total')).toEqual([63, 0, 0, 2, 0, 4, 69]);
    expect(read('carriedForward')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    // 自然人 under the blank bottom cell (col 3); 商业企业's value spans cols 4–5
    expect(rows.new?.natural?.at).toEqual({ table: 0, row: 3, col: 3 });
    expect(rows.new?.commercial?.at).toEqual({ table: 0, row: 3, col: 4 });
    expect(rows.new?.research?.at).toEqual({ table: 0, row: 3, col: 6 });
    expect(rows.new?.total?.at).toEqual({ table: 0, row: 3, col: 10 });
  });
});

describe('Word exports that break the header', () => {
  test('自然人 exported without its rowspan: the bottom header row slides under it', () => {
    // Word closed 自然人's two-row span early, so 商业企业… start one column left and a slot stays empty
    const t = html(
      `<table>
      <tr><td colspan="3" rowspan="3"><p>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</p></td><td colspan="7"><p>申请人情况</p></td></tr>
      <tr><td><p>自然人</p></td><td colspan="5"><p>法人或其他组织</p></td><td rowspan="2"><p>总计</p></td></tr>
      <tr><td><p>商业企业</p></td><td><p>科研机构</p></td><td><p>社会公益组织</p></td><td><p>法律服务机构</p></td><td><p>其他</p></td></tr>
      <tr><td colspan="3"><p>一、本年新收政府信息公开申请数量</p></td><td><p>9</p></td><td><p>2</p></td><td><p></p></td><td><p>0</p></td><td><p>1</p></td><td><p>0</p></td><td><p>12</p></td></tr>
      <tr><td colspan="3"><p>二、上年结转政府信息公开申请数量</p></td><td><p>1</p></td><td><p>0</p></td><td><p></p></td><td><p>0</p></td><td><p>0</p></td><td><p>0</p></td><td><p>1</p></td></tr>
      <tr><td rowspan="2"><p>三、本年度办理结果</p></td><td colspan="2"><p>（一）予以公开</p></td><td><p>6</p></td><td><p>2</p></td><td><p></p></td><td><p>0</p></td><td><p>1</p></td><td><p>0</p></td><td><p>9</p></td></tr>
      <tr><td colspan="2"><p>（七）总计</p></td><td><p>10</p></td><td><p>2</p></td><td><p></p></td><td><p>0</p></td><td><p>1</p></td><td><p>0</p></td><td><p>13</p></td></tr>
    </table>`,
      0,
    );
    const rows = recogniseStandardTables([t]).standard.applications!.rows;
    const read = (r: ApplicationRow) =>
      APPLICANT_COLUMNS.map((c) => {
        const v = rows[r]?.[c]?.value;
        return v?.kind === 'number' ? v.value : v?.kind;
      });
    expect(read('new')).toEqual([9, 2, 'missing', 0, 1, 0, 12]);
    expect(read('carriedOver')).toEqual([1, 0, 'missing', 0, 0, 0, 1]);
    expect(read('granted')).toEqual([6, 2, 'missing', 0, 1, 0, 9]);
    expect(read('total')).toEqual([10, 2, 'missing', 0, 1, 0, 13]);
  });
});

test('markdown rows keep the blank a label colspan left after it: the values are the last seven', () => {
  // "| 一、本年新收政府信息公开申请数量 |  | 186 | 23 | 1 | 2 | 9 | 4 | 225 |" as a web renderer copies the page
  const t = plain(
    [
      ['一、本年新收政府信息公开申请数量', '', '186', '23', '1', '2', '9', '4', '225'],
      ['二、上年结转政府信息公开申请数量', '', '11', '1', '0', '0', '1', '0', '13'],
      ['三、本年度办理结果', '（一）予以公开', '61', '8', '1', '1', '3', '1', '75'],
      ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '22', '3', '0', '0', '1', '0', '26'],
      ['（七）总计', '', '172', '20', '1', '2', '9', '4', '208'],
    ],
    0,
  );
  const rows = recogniseStandardTables([t]).standard.applications!.rows;
  const read = (r: ApplicationRow) => APPLICANT_COLUMNS.map((c) => (rows[r]?.[c]?.value as { value?: number })?.value);
  expect(read('new')).toEqual([186, 23, 1, 2, 9, 4, 225]);
  expect(read('carriedOver')).toEqual([11, 1, 0, 0, 1, 0, 13]);
  expect(read('granted')).toEqual([61, 8, 1, 1, 3, 1, 75]);
  expect(read('partial')).toEqual([22, 3, 0, 0, 1, 0, 26]);
  expect(read('total')).toEqual([172, 20, 1, 2, 9, 4, 208]);
  expect(rows.new?.natural?.at).toEqual({ table: 0, row: 0, col: 2 });
});

describe('table 四 as OCR reads a Traditional scan (議, 訴, 訟, 審 are not in the recogniser’s dictionary)', () => {
  // mirror-gulou-jiaoyu-2020 printed as a scan and read back: 行政復議 → 行政复, 行政訴訟 → 行政, 尚未審結 → 尚未结,
  // 未經復議直接起訴 → 未经复直接起, 復議後起訴 → 复后起, and one 結果糾正 → 结果烈正.
  const outcomes = (first: string) => `<td>结果维持</td><td>${first}</td><td>其他结果</td><td>尚未结</td><td>总计</td>`;
  const table = html(
    `<table>
      <tr><td colspan="5">行政复</td><td colspan="10">行政</td></tr>
      <tr>${outcomes('结果烈正').replace(/<td>/g, '<td rowspan="2">')}<td colspan="5">未经复直接起</td><td colspan="5">复后起</td></tr>
      <tr>${outcomes('结果纠正')}${outcomes('结果纠正')}</tr>
      <tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>2</td><td>2</td></tr>
    </table>`,
    0,
  );
  const { kinds, standard } = recogniseStandardTables([table]);
  test('is found as table 四, its values under their groups', () => {
    expect(kinds).toEqual(['review-litigation']);
    const g = standard.reviewLitigation!.groups;
    expect(g.review?.upheld?.value).toMatchObject({ value: 1 });
    expect(g.review?.total?.value).toMatchObject({ value: 1 });
    expect(g.litigationDirect?.total?.value).toMatchObject({ value: 0 });
    expect(g.litigationAfterReview?.pending?.value).toMatchObject({ value: 2 });
    expect(g.litigationAfterReview?.total?.value).toMatchObject({ value: 2 });
  });
});
