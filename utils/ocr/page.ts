/**
 * A web page whose tables are pictures (issue 18), as the report script reads it: which pictures may hold
 * a table, and the tables a saved report kept, put back into a copy of the page without reading the
 * pictures again. (The way back from the copy to the live page, and a cell's box on its picture, are
 * anchoring: utils/anchor/copy.ts and picture.ts.)
 * Pure: documents and elements are passed in; nothing here reads a picture (see document.ts for that).
 */
import type { CellRead, ReportTable } from '../report/types';

/** How many <img> of an article are looked at (replacePictureTables' maxPictures): a gallery is not a report's tables. */
export const MAX_ARTICLE_PICTURES = 40;

/** Pictures read at most per page, in a tab or a batch run (each takes seconds): a report has three tables, a few more pictures at most. */
export const MAX_READ_PICTURES = 12;

/** Smaller than this (natural pixels) is an icon, a logo or a rule, never a statistics table. */
const MIN_WIDTH = 200;
const MIN_HEIGHT = 50;

/** The size of an <img> as the page has it (natural size 0 while not loaded). */
export interface PictureSize {
  naturalWidth: number;
  naturalHeight: number;
  complete: boolean;
}

/** Whether a picture may hold a table: too small when loaded and under the minimum; not loaded yet is tried. */
export function mayHoldTable(img: PictureSize): boolean {
  if (!img.complete || img.naturalWidth === 0) return true;
  return img.naturalWidth >= MIN_WIDTH && img.naturalHeight >= MIN_HEIGHT;
}

/**
 * A data: URI's bytes (base64, or percent-encoded with each %XX one byte), null when it is not one. Pure: the
 * CLI reads a local page's pictures with it, the batch a fetched page's.
 */
export function dataUriBytes(uri: string): Uint8Array | null {
  const m = /^data:[^,]*?(;base64)?,(.*)$/s.exec(uri);
  if (!m) return null;
  try {
    const text = m[1]
      ? atob(m[2]!.replace(/\s+/g, ''))
      : m[2]!.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
  } catch {
    return null;
  }
}

/** The article's pictures, in document order, as replacePictureTables counts them (index = position + 1). */
export function articlePictures(root: Element): HTMLImageElement[] {
  return [...root.querySelectorAll('img')].slice(0, MAX_ARTICLE_PICTURES);
}

// ---------------------------------------------------------------- what the library keeps

const pictureRead = (read: CellRead | undefined): read is CellRead & { box: NonNullable<CellRead['box']> } =>
  read?.placed === 'picture' && !!read.box;

/** The picture a table was read from (its cells' box.image), null for a table not read from a picture. */
export function pictureOfTable(table: ReportTable): number | null {
  const cell = table.cells.find((c) => pictureRead(c.read));
  return cell ? cell.read!.box!.image : null;
}

/** A report's tables read from pictures (each with its cells' reads: confidence, alternatives, box). */
export function pictureTablesOf(report: { tables?: ReportTable[] }): ReportTable[] {
  return (report.tables ?? []).filter((t) => pictureOfTable(t) !== null);
}

/**
 * Saved tables read from pictures, put back into `doc` (a copy of the page) in place of the pictures
 * they were read from, as replacePictureTables put them: each cell with its text and read. Returns the
 * tables put in (for ParseOptions.pictureTables), or null when a table's picture is not on the page.
 * Whether the result is the page that was saved is the caller's check (its content hash).
 */
export function restorePictureTables(doc: Document, root: Element, tables: readonly ReportTable[]): Set<Element> | null {
  const pictures = articlePictures(root);
  const elements = new Set<Element>();
  for (const table of tables) {
    const image = pictureOfTable(table);
    const img = image === null ? undefined : pictures[image - 1];
    if (!img?.parentNode) return null;
    const element = doc.createElement('table');
    const tbody = doc.createElement('tbody');
    element.appendChild(tbody);
    for (let r = 0; r < table.rows; r++) {
      const tr = doc.createElement('tr');
      for (const cell of table.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col)) {
        const td = doc.createElement('td');
        if (cell.rowSpan > 1) td.setAttribute('rowspan', String(cell.rowSpan));
        if (cell.colSpan > 1) td.setAttribute('colspan', String(cell.colSpan));
        td.textContent = cell.text;
        const read = cell.read;
        if (pictureRead(read)) {
          td.setAttribute('data-read', 'picture');
          td.setAttribute('data-read-confidence', String(read.confidence ?? 0));
          if (read.alternatives?.length) td.setAttribute('data-read-alternatives', read.alternatives.join('|'));
          td.setAttribute('data-pdf-page', String(read.box.image));
          td.setAttribute('data-pdf-box', [read.box.x, read.box.y, read.box.w, read.box.h].join(','));
        }
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
    const holder = doc.createElement('div');
    holder.setAttribute('data-pdf-document', '');
    holder.setAttribute('data-picture', String(image));
    holder.appendChild(element);
    img.replaceWith(holder);
    elements.add(element);
  }
  return elements;
}
