// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { tableToGrid } from '../../../utils/parse/grid';
import { textDumpToDocument } from '../../../utils/parse/text-dump';

const SEEDS = '/work/shared/seeds';
const seed = (prefix: string) => readFileSync(`${SEEDS}/${readdirSync(SEEDS).find((n) => n.startsWith(prefix))!}`, 'utf8');

function body() {
  return [...document.body.children].map((e) =>
    e.localName === 'table'
      ? [...e.querySelectorAll('tr')].map((tr) => [...tr.children].map((td) => td.textContent))
      : `${e.localName}:${e.textContent}`,
  );
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('textDumpToDocument', () => {
  test('block rows: | starts a row, cells end in " |", pipe runs are empty cells', () => {
    const dump = [
      'before',
      '|',
      '第二十条第(一)项 |',
      '|||',
      '|',
      '信息内容 |',
      '本年新制作数量 |',
      '|',
      '|',
      '规章 |',
      '0 |',
      '||',
      'after',
    ].join('\n');
    textDumpToDocument(dump, document);
    expect(body()).toEqual([
      'p:before',
      [
        ['第二十条第(一)项', '', '', ''],
        ['信息内容', '本年新制作数量', ''],
        ['规章', '0', '', ''],
      ],
      'p:after',
    ]);
  });

  test('a cell running over several lines', () => {
    textDumpToDocument(['|', '（二）部分公开', '（区分处理的） |', '3 |', '|', '总计 |', '3 |', 'done'].join('\n'), document);
    expect(body()).toEqual([
      [
        ['（二）部分公开\n（区分处理的）', '3'],
        ['总计', '3'],
      ],
      'p:done',
    ]);
  });

  test('page text never becomes markup', () => {
    textDumpToDocument('<b>bold</b> & <img src=x onerror=alert(1)>\n|\n<i>x</i> |\n1 |\n', document);
    expect(document.body.querySelector('b, i, img')).toBeNull();
    expect(body()).toEqual(['p:<b>bold</b> & <img src=x onerror=alert(1)>', [['<i>x</i>', '1']]]);
  });

  test('seed 003: three tables with rectangular rows, prose as paragraphs', () => {
    textDumpToDocument(seed('003'), document);
    const tables = [...document.body.querySelectorAll(':scope > table')] as HTMLTableElement[];
    expect(tables.length).toBe(3);
    const grids = tables.map((t, i) => tableToGrid(t, (s) => s, i).table);
    expect(grids.map((g) => [g.rows, g.cols])).toEqual([
      [18, 4],
      [26, 10],
      [4, 15],
    ]);
    for (const g of grids) for (const row of g.slots) expect(row).not.toContain(-1);
    // the text-dump grid keeps the values left-aligned after their labels
    expect(grids[1].slots[3].map((i) => grids[1].cells[i].text)).toEqual([
      '一、本年新收政府信息公開申請數量',
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
      '',
      '',
    ]);
    expect(grids[2].slots[3].map((i) => grids[2].cells[i].text).join(',')).toBe('0,0,0,0,0,2,0,0,0,0,0,0,0,0,0');
    const ps = [...document.body.querySelectorAll(':scope > p')].map((p) => p.textContent);
    expect(ps[0]).toMatch(/^2020年,我委深入/);
    expect(ps).toContain('五、政府信息公開行政復議、行政訴訟情況');
    expect(ps.at(-1)).toBe('蘇公網安備 32058202010198號');
    expect(ps.some((p) => p!.includes('|'))).toBe(false);
  });

  test('seed 004: metadata rows become a small table, the layout cell becomes paragraphs', () => {
    textDumpToDocument(seed('004'), document);
    const tables = [...document.body.querySelectorAll('table')];
    expect(tables.length).toBe(1);
    expect(body()[0]).toEqual([
      ['索引号', 'pingyiwsjhsyj/2024-0000016', '发布机构', '平邑县卫生健康局'],
      ['公开目录', '部门信息公开年报', '发布日期', '2024-01-30'],
      ['文号', '公开方式', '主动公开'],
      ['标题', '平邑县卫生健康局2023年政府信息公开工作年度报告'],
    ]);
    const ps = [...document.body.querySelectorAll('p')].map((p) => p.textContent!);
    expect(ps[0]).toMatch(/^一、总体情况 2023年/);
    expect(ps[1]).toBe('三、收到和处理政府信息公开申请情况');
    expect(ps[3]).toMatch(/^五、存在的主要问题及改进情况.*2024年1月18日$/);
    expect(ps).toContain('【关闭窗口】 【打印本页】');
    expect(ps.at(-1)).toMatch(/^政府网站标识码/);
    expect(ps.some((p) => /^\|+$/.test(p))).toBe(false);
  });
});
