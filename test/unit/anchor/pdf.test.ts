// @vitest-environment happy-dom
/**
 * From a finding's place in the reconstructed document back to rectangles on the page: a cell's runs, a
 * blank cell's own box, and the characters of a sentence inside a longer run; from a finding's Location
 * through the parser's anchors; and a rectangle as pdf.html draws it.
 */
import { describe, expect, it } from 'vitest';
import { locateInPdf, markRect, pdfBoxes } from '../../../utils/anchor/pdf';
import { parseDocument } from '../../../utils/parse';
import { reconstructDocument } from '../../../utils/pdf/reconstruct';
import type { PdfPageInput, PdfRule } from '../../../utils/pdf/types';

const h = (at: number, from: number, to: number): PdfRule => ({ dir: 'h', at, from, to });
const v = (at: number, from: number, to: number): PdfRule => ({ dir: 'v', at, from, to });

// One paragraph run of 20 characters (12 pt each: 240 pt wide), and a 2×2 ruled table with one blank cell.
const pages: PdfPageInput[] = [
  {
    page: 1,
    width: 600,
    height: 800,
    runs: [
      { str: '本年新收申请49件，上年结转4件，共办结', x: 60, y: 100, w: 240, h: 12, index: 0 },
      { str: '行政复议', x: 70, y: 210, w: 40, h: 10, index: 1 },
      { str: '行政诉讼', x: 170, y: 210, w: 40, h: 10, index: 2 },
      { str: '3', x: 75, y: 240, w: 5, h: 10, index: 3 },
    ],
    rules: [h(200, 60, 260), h(230, 60, 260), h(260, 60, 260), v(60, 200, 260), v(160, 200, 260), v(260, 200, 260)],
    images: 0,
  },
];

describe('locateInPdf', () => {
  const doc = document.implementation.createHTMLDocument('');
  const { root } = reconstructDocument(pages, doc);
  const cells = [...root.querySelectorAll('td')];

  it('a cell: the boxes of its runs', () => {
    const three = cells.find((c) => c.textContent === '3')!;
    expect(locateInPdf(three, pages)).toEqual([{ page: 1, box: { x: 75, y: 240, w: 5, h: 10 } }]);
  });

  it('a blank cell: its own box on the page', () => {
    const blank = cells[cells.length - 1]!;
    expect(blank.textContent).toBe('');
    expect(locateInPdf(blank, pages)).toEqual([{ page: 1, box: { x: 160, y: 230, w: 100, h: 30 } }]);
  });

  it('a sentence inside a run: only its characters (上年结转4件 = characters 10–15 of 20)', () => {
    const text = root.querySelector('p')!.firstChild!.firstChild as Text; // span > text
    expect(text.data.slice(10, 16)).toBe('上年结转4件');
    // happy-dom's Range moves the start of a range within one text node to its end (startOffset 16 after
    // setStart(text, 10); setEnd(text, 16)), so the range is given as the browser would report it.
    const range = {
      commonAncestorContainer: text,
      startContainer: text,
      startOffset: 10,
      endContainer: text,
      endOffset: 16,
      intersectsNode: (n: Node) => n.contains(text) || text.contains(n),
    } as unknown as Range;
    const [only, ...rest] = locateInPdf(range, pages);
    expect(rest).toEqual([]);
    // 240 pt over 20 characters = 12 pt each.
    expect(only!.page).toBe(1);
    expect(only!.box.x).toBeCloseTo(60 + 10 * 12);
    expect(only!.box.w).toBeCloseTo(6 * 12);
  });
});

describe('pdfBoxes: a Location of the parsed PDF → rectangles on its pages', () => {
  // In the window's own document: happy-dom's Range reads no text in a document made apart.
  document.body.replaceChildren();
  reconstructDocument(pages, document);
  const { report, anchors } = parseDocument(document, { fromTextDump: true });
  const cell = (table: number, row: number, col: number) => ({ kind: 'cell' as const, table, row, col, quote: '' });

  it('a cell of the ruled table: the box of its run; the blank cell: its own box', () => {
    expect(report.tables).toHaveLength(1);
    // Row 1 of the table: "3" under 行政复议, then the blank cell under 行政诉讼.
    expect(pdfBoxes(anchors, cell(0, 1, 0), pages)).toEqual([{ page: 1, box: { x: 75, y: 240, w: 5, h: 10 } }]);
    expect(pdfBoxes(anchors, cell(0, 1, 1), pages)).toEqual([{ page: 1, box: { x: 160, y: 230, w: 100, h: 30 } }]);
  });

  it('a sentence: the part of its run holding its characters', () => {
    const start = report.text.indexOf('上年结转4件');
    const [only, ...rest] = pdfBoxes(anchors, { kind: 'text', start, end: start + 6, quote: '上年结转4件' }, pages);
    expect(rest).toEqual([]);
    expect(only).toEqual({ page: 1, box: { x: 60 + 10 * 12, y: 100, w: 6 * 12, h: 12 } });
  });

  it('a place the document does not have: no rectangle', () => {
    expect(pdfBoxes(anchors, cell(3, 0, 0), pages)).toEqual([]);
    expect(pdfBoxes(anchors, cell(0, 5, 0), pages)).toEqual([]);
  });

  it('drawn over the page shown at a scale, with a margin of 1.5 pt around the glyphs', () => {
    expect(markRect({ x: 75, y: 240, w: 5, h: 10 }, 2)).toEqual({ left: 147, top: 477, width: 16, height: 26 });
    expect(markRect({ x: 0, y: 0, w: 0, h: 0 }, 1)).toEqual({ left: -1.5, top: -1.5, width: 3, height: 3 });
  });
});
