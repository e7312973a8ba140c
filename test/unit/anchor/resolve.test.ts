// @vitest-environment happy-dom
/**
 * A finding's Location resolved in the parsed page (utils/anchor/resolve.ts): a cell through its grid slot
 * (a cell spanning two rows from either), a text range and a section heading through the text view, the
 * whole report as the article; a place the page does not have resolves to nothing.
 */
import { describe, expect, it } from 'vitest';
import { isRange, type Target } from '../../../utils/anchor/resolve';
import { parseDocument } from '../../../utils/parse';

// Table 四 cut down by hand: 行政复议 spans rows 0–1; row 2 has no third cell (a ragged row).
const TITLE = '某县2023年政府信息公开工作年度报告';
const BODY = `<div class="article">
<h1>某县2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
<p>本年新收政府信息公开申请49件，上年结转4件。</p>
<p>二、行政复议、行政诉讼情况</p>
<table>
<tr><td rowspan="2">行政复议</td><td>维持</td><td>3</td></tr>
<tr><td>纠正</td><td>1</td></tr>
<tr><td>行政诉讼</td><td>维持</td></tr>
</table>
</div>`;

/** In the window's own document: happy-dom's Range reads no text in a DOMParser document. */
function parsed() {
  document.title = TITLE;
  document.body.innerHTML = BODY;
  return { doc: document, ...parseDocument(document) };
}

const cell = (table: number, row: number, col: number) => ({ kind: 'cell' as const, table, row, col, quote: '' });
const text = (target: Target | null) => (target === null ? null : isRange(target) ? target.toString() : target.textContent);

describe('resolving a Location in the parsed page', () => {
  it('a cell spanning two rows is the same <td> from either row it covers', () => {
    const { anchors } = parsed();
    const top = anchors.resolve(cell(0, 0, 0));
    const below = anchors.resolve(cell(0, 1, 0));
    expect((top as Element).localName).toBe('td');
    expect(text(top)).toBe('行政复议');
    expect(below).toBe(top);
    // The cells beside it keep their own columns: row 1 starts at column 1.
    expect(text(anchors.resolve(cell(0, 1, 1)))).toBe('纠正');
    expect(text(anchors.resolve(cell(0, 1, 2)))).toBe('1');
    expect(text(anchors.resolve(cell(0, 2, 0)))).toBe('行政诉讼');
  });

  it('a cell the table does not have resolves to nothing', () => {
    const { anchors } = parsed();
    expect(anchors.resolve(cell(0, 2, 2))).toBeNull(); // the ragged row's missing cell
    expect(anchors.resolve(cell(0, 3, 0))).toBeNull(); // no fourth row
    expect(anchors.resolve(cell(0, 0, 5))).toBeNull(); // no sixth column
    expect(anchors.resolve(cell(1, 0, 0))).toBeNull(); // no second table
    expect(anchors.resolve(cell(0, -1, 0))).toBeNull();
  });

  it('a text range is a Range over those characters of the page', () => {
    const { report, anchors } = parsed();
    const start = report.text.indexOf('上年结转4件');
    expect(start).toBeGreaterThan(0);
    const target = anchors.resolve({ kind: 'text', start, end: start + 6, quote: '上年结转4件' });
    expect(target && isRange(target)).toBe(true);
    expect(text(target)).toBe('上年结转4件');
    expect(anchors.resolve({ kind: 'text', start: report.text.length, end: report.text.length + 3, quote: '' })).toBeNull();
    expect(anchors.resolve({ kind: 'text', start: 5, end: 5, quote: '' })).toBeNull();
  });

  it('a section is its heading; a section the report does not have is nothing', () => {
    const { anchors } = parsed();
    expect(text(anchors.resolve({ kind: 'section', path: [2], quote: '行政复议、行政诉讼情况' }))).toBe('二、行政复议、行政诉讼情况');
    expect(anchors.resolve({ kind: 'section', path: [7], quote: '' })).toBeNull();
  });

  it('the whole report is the article root the parser read', () => {
    const { doc, anchors } = parsed();
    const root = anchors.resolve({ kind: 'report' });
    expect(root).toBe(anchors.root);
    expect((root as Element).contains(doc.querySelector('table'))).toBe(true);
  });
});
