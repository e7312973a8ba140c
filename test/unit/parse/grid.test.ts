// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { MAX_GRID_SLOTS, parseColspan, parseRowspan, tableToGrid } from '../../../utils/parse/grid';

const id = (s: string) => s;

function table(html: string): HTMLTableElement {
  const host = document.createElement('div');
  host.innerHTML = html; // test markup only
  return host.querySelector('table')!;
}

function grid(html: string, normalise = id) {
  return tableToGrid(table(html), normalise, 7);
}

/** cells as [row, col, rowSpan, colSpan, text] for compact hand-written expectations */
function compact(g: ReturnType<typeof grid>) {
  return g.table.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]);
}

describe('tableToGrid', () => {
  test('plain table with th: header flags, index, source, elements', () => {
    const g = grid('<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>');
    expect(g.table.index).toBe(7);
    expect(g.table.source).toBe('html');
    expect(g.table.rows).toBe(2);
    expect(g.table.cols).toBe(2);
    expect(g.table.slots).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(g.table.cells.map((c) => c.header)).toEqual([true, true, false, false]);
    expect(g.elements.map((e) => e.textContent)).toEqual(['a', 'b', '1', '2']);
    expect(g.truncated).toBe(false);
  });

  test('rowspan and colspan', () => {
    // A spans 2 rows, B spans 2 columns
    // | A | B | B |
    // | A | C | D |
    const g = grid('<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>C</td><td>D</td></tr></table>');
    expect(compact(g)).toEqual([
      [0, 0, 2, 1, 'A'],
      [0, 1, 1, 2, 'B'],
      [1, 1, 1, 1, 'C'],
      [1, 2, 1, 1, 'D'],
    ]);
    expect(g.table.slots).toEqual([
      [0, 1, 1],
      [0, 2, 3],
    ]);
  });

  test('the 2019 table 三 header shape: note 3x2, 法人或其他组织 over five', () => {
    const g = grid(`<table>
      <tr><td colspan="2" rowspan="3">note</td><td colspan="7">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
      <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
      <tr><td colspan="2">一、本年新收</td><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>21</td></tr>
    </table>`);
    expect(g.table.cols).toBe(9);
    expect(g.table.slots).toEqual([
      [0, 0, 1, 1, 1, 1, 1, 1, 1],
      [0, 0, 2, 3, 3, 3, 3, 3, 4],
      [0, 0, 2, 5, 6, 7, 8, 9, 4],
      [10, 10, 11, 12, 13, 14, 15, 16, 17],
    ]);
  });

  test('rowspan is clipped to its row group; 0 spans to the end of the group', () => {
    const g = grid(`<table>
      <thead><tr><td rowspan="5">H</td><td>h</td></tr><tr><td>h2</td></tr></thead>
      <tbody><tr><td rowspan="0">Z</td><td>x</td></tr><tr><td>y</td></tr><tr><td>w</td></tr></tbody>
      <tbody><tr><td rowspan="65534">Q</td><td>q</td></tr></tbody>
    </table>`);
    expect(compact(g)).toEqual([
      [0, 0, 2, 1, 'H'],
      [0, 1, 1, 1, 'h'],
      [1, 1, 1, 1, 'h2'],
      [2, 0, 3, 1, 'Z'],
      [2, 1, 1, 1, 'x'],
      [3, 1, 1, 1, 'y'],
      [4, 1, 1, 1, 'w'],
      [5, 0, 1, 1, 'Q'],
      [5, 1, 1, 1, 'q'],
    ]);
    expect(g.table.rows).toBe(6);
  });

  test('span attribute parsing and clamping', () => {
    expect(parseColspan(null)).toBe(1);
    expect(parseColspan('0')).toBe(1);
    expect(parseColspan('abc')).toBe(1);
    expect(parseColspan('-1')).toBe(1);
    expect(parseColspan(' 2px')).toBe(2);
    expect(parseColspan('+3')).toBe(3);
    expect(parseColspan('5000')).toBe(1000);
    expect(parseColspan('99999999999999999999999')).toBe(1000);
    expect(parseRowspan(null)).toBe(1);
    expect(parseRowspan('x')).toBe(1);
    expect(parseRowspan('-2')).toBe(1);
    expect(parseRowspan('0')).toBe(0);
    expect(parseRowspan('70000')).toBe(65534);

    const g = grid('<table><tr><td colspan="5000">wide</td></tr><tr><td>a</td></tr></table>');
    expect(g.table.cols).toBe(1000);
    expect(g.table.slots[1][0]).toBe(1);
    expect(g.table.slots[1][1]).toBe(-1);
  });

  test('overlapping cells: the first claim keeps the slot, the later cell keeps its top-left', () => {
    // | A | B |
    // | C | B |   C declares colspan 2 but B (rowspan 2) already holds (1,1)
    const g = grid('<table><tr><td>A</td><td rowspan="2">B</td></tr><tr><td colspan="2">C</td></tr></table>');
    expect(compact(g)).toEqual([
      [0, 0, 1, 1, 'A'],
      [0, 1, 2, 1, 'B'],
      [1, 0, 1, 2, 'C'],
    ]);
    expect(g.table.slots).toEqual([
      [0, 1],
      [2, 1],
    ]);
    // a cell after a rowspan starts at the next free slot
    const h = grid('<table><tr><td rowspan="2">A</td><td>B</td><td>C</td></tr><tr><td>D</td></tr></table>');
    expect(h.table.slots).toEqual([
      [0, 1, 2],
      [0, 3, -1],
    ]);
  });

  test('ragged rows leave -1 and every slots row is cols long', () => {
    const g = grid('<table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td>d</td></tr><tr></tr></table>');
    expect(g.table.rows).toBe(3);
    expect(g.table.slots).toEqual([
      [0, 1, 2],
      [3, -1, -1],
      [-1, -1, -1],
    ]);
  });

  test('nested tables: own rows only, nested text left out of the outer cell', () => {
    const g = grid(`<table><tbody>
      <tr><td>before <table><tr><td>inner 99</td><td>x</td></tr><tr><td>y</td></tr></table> after</td></tr>
      <tr><td>second</td></tr>
    </tbody></table>`);
    expect(g.table.rows).toBe(2);
    expect(g.table.cols).toBe(1);
    expect(g.table.cells.map((c) => c.text)).toEqual(['before after', 'second']);
  });

  test('tfoot goes last; direct tr children form a group', () => {
    const t = document.createElement('table');
    const foot = t.appendChild(document.createElement('tfoot'));
    foot.appendChild(document.createElement('tr')).appendChild(document.createElement('td')).textContent = 'foot';
    const tr = t.appendChild(document.createElement('tr'));
    tr.appendChild(document.createElement('td')).textContent = 'direct';
    const g = tableToGrid(t, id, 0);
    expect(g.table.cells.map((c) => c.text)).toEqual(['direct', 'foot']);
  });

  test('text: whitespace collapsed (NBSP, U+3000, br, blocks), scripts skipped, normalise applied', () => {
    const g = grid(
      '<table><tr><td>  一、本年\u00a0新收<br>政府\u3000信息 <script>var x=1</script><p>数量</p> </td><td>\n 1 \n</td></tr></table>',
      (s) => s.replace('政府', '政府!'),
    );
    expect(g.table.cells.map((c) => c.text)).toEqual(['一、本年 新收 政府! 信息 数量', '1']);
  });

  test(`absurd sizes stop at ${MAX_GRID_SLOTS} slots and report truncation`, () => {
    const rows = Array.from({ length: 300 }, () => '<tr><td colspan="1000">x</td><td>y</td></tr>').join('');
    const g = grid(`<table>${rows}</table>`);
    expect(g.truncated).toBe(true);
    expect(g.table.rows).toBe(300);
    expect(g.table.rows * g.table.cols).toBeLessThanOrEqual(MAX_GRID_SLOTS);
    expect(g.table.cols).toBe(Math.floor(MAX_GRID_SLOTS / 300));
    for (const row of g.table.slots) expect(row.length).toBe(g.table.cols);
    // the second cell of each row fell past the cap
    expect(g.table.cells.length).toBe(300);

    const ok = grid('<table><tr><td colspan="1000" rowspan="65534">x</td></tr><tr><td>y</td></tr></table>');
    expect(ok.truncated).toBe(false);
    expect(ok.table.cells[0].rowSpan).toBe(2);
  });
});
