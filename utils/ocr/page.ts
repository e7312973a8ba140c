/**
 * A web page whose tables are pictures (issue 18), as the report script reads it: which pictures may hold
 * a table, the copy of the page the read tables are put into (the live page is never changed), the way
 * back from that copy to the live page (a finding's place), the outline of a cell on its picture, and the
 * tables a saved report kept, put back into a copy without reading the pictures again.
 * Pure: documents and elements are passed in; nothing here reads a picture (see document.ts for that).
 */
import type { CellRead, ReportTable } from '../report/types';

/** How many <img> of an article are looked at (replacePictureTables' maxPictures): a gallery is not a report's tables. */
export const MAX_ARTICLE_PICTURES = 40;

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

/** The article's pictures, in document order, as replacePictureTables counts them (index = position + 1). */
export function articlePictures(root: Element): HTMLImageElement[] {
  return [...root.querySelectorAll('img')].slice(0, MAX_ARTICLE_PICTURES);
}

// ---------------------------------------------------------------- the copy and the live page

/** The child indexes from `root` down to `node` (null when node is not under root). */
export function nodePath(node: Node, root: Node): number[] | null {
  const path: number[] = [];
  let at: Node | null = node;
  while (at && at !== root) {
    const parent: Node | null = at.parentNode;
    if (!parent) return null;
    path.push(Array.prototype.indexOf.call(parent.childNodes, at) as number);
    at = parent;
  }
  return at === root ? path.reverse() : null;
}

export function nodeAt(root: Node, path: readonly number[]): Node | null {
  let at: Node | null = root;
  for (const i of path) at = at?.childNodes[i] ?? null;
  return at;
}

/**
 * The node of `live` at the place `node` has in `copy`. The copy is the live document cloned, with only
 * <img> elements replaced one for one by their tables' holders, so every node outside a holder has the
 * same path in both (when the page has not changed since).
 */
export function liveNode(node: Node, copy: Document, live: Document): Node | null {
  const path = nodePath(node, copy);
  if (!path) return null;
  const found = nodeAt(live, path);
  return found && found.nodeName === node.nodeName ? found : null;
}

/** A picture cell of the copy: the picture (1-based, as replacePictureTables numbered it) and the cell's box in its pixels. */
export interface PictureCell {
  image: number;
  box: { x: number; y: number; w: number; h: number } | null;
}

/** Where a resolved place of the copy lies in a table read from a picture (null when it does not). */
export function pictureCellOf(target: Element | Range): PictureCell | null {
  const node = 'commonAncestorContainer' in target ? target.startContainer : target;
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  const holder = element?.closest('[data-picture]');
  if (!element || !holder) return null;
  const image = Number(holder.getAttribute('data-picture'));
  if (!Number.isInteger(image) || image < 1) return null;
  const cell = element.closest('td[data-pdf-box], th[data-pdf-box]');
  const numbers = (cell && holder.contains(cell) ? (cell.getAttribute('data-pdf-box') ?? '') : '').split(',').map(Number);
  const box =
    numbers.length === 4 && numbers.every((n) => Number.isFinite(n))
      ? { x: numbers[0]!, y: numbers[1]!, w: numbers[2]!, h: numbers[3]! }
      : null;
  return { image, box };
}

/**
 * A box in a picture's pixels → where it is drawn on the page: scaled by the rendered size over the
 * natural size, offset by where the picture is (its content box, in page coordinates). Without a box,
 * the whole picture.
 */
export function boxOnPage(
  box: PictureCell['box'],
  picture: { left: number; top: number; width: number; height: number; naturalWidth: number; naturalHeight: number },
): { left: number; top: number; width: number; height: number } {
  if (!box || !picture.naturalWidth || !picture.naturalHeight)
    return { left: picture.left, top: picture.top, width: picture.width, height: picture.height };
  const sx = picture.width / picture.naturalWidth;
  const sy = picture.height / picture.naturalHeight;
  return { left: picture.left + box.x * sx, top: picture.top + box.y * sy, width: box.w * sx, height: box.h * sy };
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
