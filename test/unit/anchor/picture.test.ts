// @vitest-environment happy-dom
/**
 * A finding's place in a table read from a picture (utils/anchor/picture.ts, copy.ts): the page is copied, its
 * picture replaced in the copy by the table read from it, and the copy parsed. A cell of that table resolves
 * to a box drawn over the picture in the live page, where the cell's pixels are; a sentence of the copy to the
 * same characters of the live page; nothing once the picture has left the page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { liveAnchors } from '../../../utils/anchor/copy';
import { isRange } from '../../../utils/anchor/resolve';
import { parseDocument } from '../../../utils/parse';

const BODY = `<div class="article"><h1>某县2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>本年新收政府信息公开申请49件。</p>
<p>二、主动公开政府信息情况</p><img src="table-2.png" alt=""></div>`;

// The table as replacePictureTables writes it: each cell with its read and its box in the picture's pixels.
const TABLE = `<table><tbody>
<tr><td data-read="picture" data-read-confidence="0.98" data-pdf-page="1" data-pdf-box="0,0,100,20">信息内容</td>
<td data-read="picture" data-read-confidence="0.97" data-pdf-page="1" data-pdf-box="100,0,80,20">本年制发件数</td></tr>
<tr><td data-read="picture" data-read-confidence="0.99" data-pdf-page="1" data-pdf-box="0,20,100,20">规章</td>
<td data-read="picture" data-read-confidence="0.95" data-pdf-page="1" data-pdf-box="110,24,30,14">0</td></tr>
</tbody></table>`;

/** The live page (the window's document: happy-dom has no layout, so the picture's place and size are given). */
function livePage(): HTMLImageElement {
  document.title = '某县2023年政府信息公开工作年度报告';
  document.body.innerHTML = BODY;
  const img = document.querySelector('img')!;
  // Drawn at 600 × 300 CSS pixels from (100, 50) for 300 × 150 natural pixels: two CSS pixels a pixel.
  img.getBoundingClientRect = () => ({ left: 100, top: 50, width: 600, height: 300, right: 700, bottom: 350, x: 100, y: 50 }) as DOMRect;
  Object.defineProperty(img, 'naturalWidth', { value: 300 });
  Object.defineProperty(img, 'naturalHeight', { value: 150 });
  return img;
}

/** A copy of the page with its picture replaced by the table read from it, parsed. */
function copyWithTable() {
  const copy = document.cloneNode(true) as Document;
  const holder = copy.createElement('div');
  holder.setAttribute('data-pdf-document', '');
  holder.setAttribute('data-picture', '1');
  holder.innerHTML = TABLE;
  copy.querySelector('img')!.replaceWith(holder);
  const table = holder.querySelector('table')!;
  return { copy, ...parseDocument(copy, { pictureTables: new Set([table]) }) };
}

describe("a finding's place in a table read from a picture", () => {
  let img: HTMLImageElement;
  beforeEach(() => {
    img = livePage();
  });

  it('a cell: a box over the picture in the live page, where the cell is in its pixels', () => {
    const { copy, report, anchors } = copyWithTable();
    expect(report.tables).toHaveLength(1);
    const live = liveAnchors(anchors, copy, document, [img]);
    const box = live.resolve({ kind: 'cell', table: 0, row: 1, col: 1, quote: '0' }) as HTMLElement;
    expect(box.ownerDocument).toBe(document);
    expect(box.hasAttribute('data-report-lens-box')).toBe(true);
    // The cell's box 110,24 30×14 in pixels, two CSS pixels a pixel, from the picture's corner at (100, 50).
    expect([box.style.left, box.style.top, box.style.width, box.style.height]).toEqual(['320px', '98px', '60px', '28px']);
    // The live page is unchanged: its picture is still there and no table was put into it.
    expect(document.querySelectorAll('img')).toHaveLength(1);
    expect(document.querySelector('table')).toBeNull();
  });

  it('one box element, moved from cell to cell', () => {
    const { copy, anchors } = copyWithTable();
    const live = liveAnchors(anchors, copy, document, [img]);
    const first = live.resolve({ kind: 'cell', table: 0, row: 1, col: 0, quote: '规章' }) as HTMLElement;
    expect([first.style.left, first.style.top]).toEqual(['100px', '90px']);
    const second = live.resolve({ kind: 'cell', table: 0, row: 0, col: 1, quote: '本年制发件数' });
    expect(second).toBe(first);
    expect([first.style.left, first.style.top, first.style.width]).toEqual(['300px', '50px', '160px']);
    expect(document.querySelectorAll('[data-report-lens-box]')).toHaveLength(1);
  });

  it('a sentence of the copy: the same characters in the live page', () => {
    const { copy, report, anchors } = copyWithTable();
    const live = liveAnchors(anchors, copy, document, [img]);
    const start = report.text.indexOf('49件');
    const target = live.resolve({ kind: 'text', start, end: start + 3, quote: '49件' });
    expect(target && isRange(target)).toBe(true);
    const range = target as Range;
    expect(range.startContainer.ownerDocument).toBe(document);
    expect(range.toString()).toBe('49件');
  });

  it('nothing once the picture has left the page, or for a place the copy does not have', () => {
    const { copy, anchors } = copyWithTable();
    const live = liveAnchors(anchors, copy, document, [img]);
    expect(live.resolve({ kind: 'cell', table: 0, row: 4, col: 0, quote: '' })).toBeNull();
    img.remove();
    expect(live.resolve({ kind: 'cell', table: 0, row: 1, col: 1, quote: '0' })).toBeNull();
  });
});
