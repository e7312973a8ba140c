import type { GridCell, ReportTable } from '../report/types';

/**
 * HTML table → grid, after the HTML spec's "forming a table" algorithm, as browsers lay it out.
 * Pure DOM traversal (no layout, no window), so it runs the same in a content script, in Node with
 * happy-dom and in tests.
 *
 * Decisions:
 * - Rows are the table's OWN rows: <tr> children of the table and of its <thead>/<tbody>/<tfoot>
 *   (never rows of nested tables). Row groups in tree order, except that <tfoot> groups go last
 *   (as the spec's algorithm does). Consecutive <tr> children of the table form one implicit group.
 * - colspan: the spec's "rules for parsing non-negative integers" ("2px" → 2, "-1"/"x" → 1), 0 → 1,
 *   clamped to 1..1000.
 * - rowspan: same parsing, non-numeric → 1, clamped to 0..65534; 0 means "to the end of the row
 *   group". Like Chrome and Firefox, a rowspan never reaches past its row group (the spec would
 *   grow the table; browsers clip to the group), so a rowspan of 65534 in a 3-row tbody covers 3 rows.
 *   (Quirks mode is not distinguished: 0 always spans to the end of the group.)
 * - Overlapping cells (a colspan running into a slot a rowspan from above already covers — a "table
 *   model error"): the slot keeps the cell that claimed it first; the later cell keeps its declared
 *   span in GridCell but only its unclaimed slots point at it. A cell's top-left slot always points at
 *   it (each cell starts at the first free slot of its row).
 * - Ragged rows leave -1 in the slots no cell covers; every slots row has exactly `cols` entries.
 * - Cell text: the cell's text WITHOUT the text of tables nested in it (those are tables of their own
 *   and get their own index; including their text would duplicate their numbers and let an outer
 *   layout cell holding a whole article "match" every standard label). <script>/<style>/<template>/
 *   <noscript> text is skipped; <br> and block elements count as whitespace; whitespace runs
 *   (including NBSP and U+3000) collapse to one space, trimmed, then `normalise` is applied.
 *
 * Bound: a grid holds at most MAX_GRID_SLOTS (200,000) slots (rows × cols). Rows beyond
 * MAX_GRID_SLOTS are dropped; the column count is capped at floor(MAX_GRID_SLOTS / rows); a cell
 * starting past the cap is dropped and a colspan running past it is cut. Independently, the number of
 * slot visits while placing cells is capped at MAX_GRID_WORK (2,000,000) so that many overlapping huge
 * spans cannot stall the page; past it the remaining cells are dropped. Either way `truncated` is true.
 */
export const MAX_GRID_SLOTS = 200_000;
export const MAX_GRID_WORK = 2_000_000;
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

export interface GridResult {
  table: Omit<ReportTable, 'kind' | 'section'>;
  /** elements[i] is the <td>/<th> of table.cells[i]. In memory only, never serialised. */
  elements: Element[];
  /** True when the size bounds dropped rows, columns or cells. */
  truncated: boolean;
}

function tag(el: Element): string {
  return (el.localName || el.nodeName).toLowerCase();
}

function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstElementChild; n; n = n.nextElementSibling) out.push(n);
  return out;
}

/** The spec's rules for parsing non-negative integers; null on failure. */
function parseNonNegative(value: string | null): number | null {
  if (value === null) return null;
  const m = /^[\t\n\f\r ]*\+?(\d+)/.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

export function parseColspan(value: string | null): number {
  const n = parseNonNegative(value);
  if (n === null || n === 0) return 1;
  return Math.min(n, MAX_COLSPAN);
}

/** 0 = to the end of the row group. */
export function parseRowspan(value: string | null): number {
  const n = parseNonNegative(value);
  if (n === null) return 1;
  return Math.min(n, MAX_ROWSPAN);
}

/** The table's own row groups, each a list of <tr>. */
export function tableRowGroups(table: Element): Element[][] {
  const groups: Element[][] = [];
  const feet: Element[][] = [];
  let implicit: Element[] | null = null;
  for (const child of childElements(table)) {
    const t = tag(child);
    if (t === 'tr') {
      if (!implicit) {
        implicit = [];
        groups.push(implicit);
      }
      implicit.push(child);
      continue;
    }
    implicit = null;
    if (t === 'thead' || t === 'tbody' || t === 'tfoot') {
      const rows = childElements(child).filter((e) => tag(e) === 'tr');
      (t === 'tfoot' ? feet : groups).push(rows);
    }
  }
  return [...groups, ...feet];
}

const SKIP_TEXT = new Set(['table', 'script', 'style', 'template', 'noscript']);
// One string: report.js is near its byte budget, and a quoted name per entry costs more.
const BLOCK = new Set('br p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote pre section article header footer hr tr td th'.split(' '));

/**
 * Text of a cell without nested tables (see the module comment). Whitespace not yet collapsed. Built by
 * concatenation, not a parts array and a closure per cell: most cells hold one text node, returned as it is.
 */
function cellRawText(node: Node, text = ''): string {
  for (let n = node.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 || n.nodeType === 4) text += n.nodeValue ?? '';
    else if (n.nodeType === 1) {
      const t = tag(n as Element);
      text += SKIP_TEXT.has(t) ? ' ' : BLOCK.has(t) ? ` ${cellRawText(n)} ` : cellRawText(n);
    }
  }
  return text;
}

function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * A cell read from a picture (utils/pdf/reconstruct.ts marks them): its OCR confidence, the other
 * readings of its doubtful digits, its box in the picture. Honoured only inside a reconstructed
 * document (the reconstruction's <article data-pdf-document>), not on a page's own tables.
 */
function pictureRead(cell: Element, into: GridCell): void {
  if (cell.getAttribute('data-read') !== 'picture' || !cell.closest('[data-pdf-document]')) return;
  const confidence = Number(cell.getAttribute('data-read-confidence'));
  const alternatives = cell.getAttribute('data-read-alternatives');
  const [x, y, w, h] = (cell.getAttribute('data-pdf-box') ?? '').split(',').map(Number);
  const image = Number(cell.getAttribute('data-pdf-page'));
  into.read = {
    placed: 'picture',
    confidence: Number.isFinite(confidence) ? confidence : 0,
    ...(alternatives ? { alternatives: alternatives.split('|') } : {}),
    ...([x, y, w, h, image].every((n) => Number.isFinite(n)) ? { box: { image, x: x!, y: y!, w: w!, h: h! } } : {}),
  };
}

export function tableToGrid(table: HTMLTableElement, normalise: (s: string) => string, index: number): GridResult {
  const groups = tableRowGroups(table);
  const totalRows = groups.reduce((n, g) => n + g.length, 0);
  let truncated = false;
  const maxRows = Math.min(totalRows, MAX_GRID_SLOTS);
  if (maxRows < totalRows) truncated = true;
  const maxCols = Math.max(1, Math.floor(MAX_GRID_SLOTS / Math.max(1, maxRows)));

  const slots: number[][] = [];
  const cells: GridCell[] = [];
  const elements: Element[] = [];
  let width = 0;
  let work = 0;
  let y = 0;

  outer: for (const group of groups) {
    const groupStart = y;
    const groupEnd = Math.min(groupStart + group.length, maxRows);
    for (const tr of group) {
      if (y >= maxRows) break outer;
      if (!slots[y]) slots[y] = [];
      const row = slots[y];
      let x = 0;
      for (let cell = tr.firstElementChild; cell; cell = cell.nextElementSibling) {
        const t = tag(cell);
        if (t !== 'td' && t !== 'th') continue;
        while (x < width && row[x] !== undefined && row[x] !== -1) x++;
        if (x >= maxCols) {
          truncated = true;
          break;
        }
        let colSpan = parseColspan(cell.getAttribute('colspan'));
        if (x + colSpan > maxCols) {
          colSpan = maxCols - x;
          truncated = true;
        }
        const rs = parseRowspan(cell.getAttribute('rowspan'));
        const rowSpan = rs === 0 ? groupEnd - y : Math.min(rs, groupEnd - y);
        const area = colSpan * rowSpan;
        if (work + area > MAX_GRID_WORK) {
          truncated = true;
          break outer;
        }
        work += area;
        const id = cells.length;
        // `read` last, as a spread of it would have put it (an empty object spread per cell was garbage).
        const c: GridCell = {
          row: y,
          col: x,
          rowSpan,
          colSpan,
          text: normalise(collapseWhitespace(cellRawText(cell))),
          header: t === 'th',
        };
        pictureRead(cell, c);
        cells.push(c);
        elements.push(cell);
        for (let yy = y; yy < y + rowSpan; yy++) {
          const r = (slots[yy] ??= []);
          for (let xx = x; xx < x + colSpan; xx++) {
            if (r[xx] === undefined || r[xx] === -1) r[xx] = id;
          }
        }
        if (x + colSpan > width) width = x + colSpan;
        x += colSpan;
      }
      y++;
    }
  }

  const rows = y;
  slots.length = rows;
  // after an early stop, rowspans may reach rows that were never processed
  for (const c of cells) if (c.row + c.rowSpan > rows) c.rowSpan = rows - c.row;
  for (let r = 0; r < rows; r++) {
    const row = (slots[r] ??= []);
    for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = -1;
    row.length = width;
  }

  return {
    table: { index, source: 'html', rows, cols: width, cells, slots },
    elements,
    truncated,
  };
}
