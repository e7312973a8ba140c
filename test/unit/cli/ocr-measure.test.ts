/**
 * The OCR measure's cell reader, shared by `cli/ocr-measure.ts` and the Chromium OCR bench: a rebuilt table's
 * cells by top-left slot, laid out as the parser lays it out, scored against a truth grid.
 */
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { readGrid, scoreGrid } from '../../../cli/ocr-measure';

// 办理结果 spans two rows; the second row starts at column 1. Confidences as the reconstruction writes them.
const TABLE = `<table><tbody>
<tr><td rowspan="2">办理结果</td><td data-read-confidence="0.5">1 2</td><td>予以公开</td></tr>
<tr><td data-read-confidence="0.99">3</td><td>不予公开</td></tr>
</tbody></table>`;

const table = () => htmlToDocument(`<!doctype html><html><body>${TABLE}</body></html>`).querySelector('table')!;

describe('readGrid and scoreGrid', () => {
  it('reads each cell at its top-left slot, without spaces, with its confidence (1 when none is written)', () => {
    const grid = readGrid(table());
    expect(Object.fromEntries(grid)).toEqual({
      '0,0': { text: '办理结果', confidence: 1 },
      '0,1': { text: '12', confidence: 0.5 },
      '0,2': { text: '予以公开', confidence: 1 },
      '1,1': { text: '3', confidence: 0.99 },
      '1,2': { text: '不予公开', confidence: 1 },
    });
  });

  it('scores the truth’s numbers: exact, right but doubtful, wrong and sure, missing', () => {
    const truth = [
      { row: 0, col: 0, text: '办理结果' }, // not a number: not scored
      { row: 0, col: 1, text: '12' }, // right, read at 0.5: doubtful
      { row: 1, col: 1, text: '4' }, // read 3 at 0.99: wrong and sure
      { row: 1, col: 0, text: '7' }, // the slot under a rowspan has no cell of its own
    ];
    expect(scoreGrid(readGrid(table()), truth)).toEqual({
      values: 3,
      exact: 1,
      doubtfulRight: 1,
      sureWrong: 1,
      misses: ['r1c1 4→"3"@0.99', 'r1c0 7→none'],
    });
  });
});
