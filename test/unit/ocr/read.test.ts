import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { tableToGrid } from '../../../utils/parse/grid';

const cell =
  '<td data-read="picture" data-read-confidence="0.62" data-read-alternatives="8|0" data-pdf-page="2" data-pdf-box="10,20,30,12">6</td>';

describe('picture reads in a grid', () => {
  it('turns a reconstructed picture cell into CellRead: confidence, alternatives, box in the picture', () => {
    const doc = htmlToDocument(`<div data-pdf-document><table><tr>${cell}<td>x</td></tr></table></div>`);
    const grid = tableToGrid(doc.querySelector('table') as HTMLTableElement, (s) => s, 0).table;
    expect(grid.cells[0]!.read).toEqual({
      placed: 'picture',
      confidence: 0.62,
      alternatives: ['8', '0'],
      box: { image: 2, x: 10, y: 20, w: 30, h: 12 },
    });
    expect(grid.cells[1]!.read).toBeUndefined();
  });

  it("ignores the attributes on a page's own table (a page cannot make its values doubtful)", () => {
    const doc = htmlToDocument(`<article><table><tr>${cell}</tr></table></article>`);
    const grid = tableToGrid(doc.querySelector('table') as HTMLTableElement, (s) => s, 0).table;
    expect(grid.cells[0]!.read).toBeUndefined();
  });
});
