/**
 * A finding's place in a table read from a picture: which picture and which box of its pixels (the cells of
 * such a table carry data-picture on their holder and data-pdf-box), and that box drawn over the picture as
 * the page shows it.
 */
import { isRange, type Target } from './resolve';

/** A picture cell of the copy: the picture (1-based, as replacePictureTables numbered it) and the cell's box in its pixels. */
export interface PictureCell {
  image: number;
  box: { x: number; y: number; w: number; h: number } | null;
}

/** Where a resolved place of the copy lies in a table read from a picture (null when it does not). */
export function pictureCellOf(target: Target): PictureCell | null {
  const node = isRange(target) ? target.startContainer : target;
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

/** The element that shows a picture cell's box over the live page (outlined by the highlighter). */
const BOX_ATTRIBUTE = 'data-report-lens-box';

/**
 * A picture cell's box over its picture, as one element of our own at the end of the picture's document (made
 * once, moved for each cell): it takes no room and no pointer, and the highlighter outlines it.
 */
export function outlineOnPicture(img: HTMLImageElement, cell: PictureCell): HTMLElement {
  const doc = img.ownerDocument;
  const win = doc.defaultView!;
  let box = doc.querySelector<HTMLElement>(`[${BOX_ATTRIBUTE}]`);
  if (!box) {
    box = doc.createElement('div');
    box.setAttribute(BOX_ATTRIBUTE, '');
    box.setAttribute('aria-hidden', 'true');
    doc.documentElement.appendChild(box);
  }
  const rect = img.getBoundingClientRect();
  const style = win.getComputedStyle(img);
  const px = (v: string) => Number.parseFloat(v) || 0;
  const left = px(style.borderLeftWidth) + px(style.paddingLeft);
  const top = px(style.borderTopWidth) + px(style.paddingTop);
  const width = rect.width - left - px(style.borderRightWidth) - px(style.paddingRight);
  const height = rect.height - top - px(style.borderBottomWidth) - px(style.paddingBottom);
  const at = boxOnPage(cell.box, {
    left: rect.left + win.scrollX + left,
    top: rect.top + win.scrollY + top,
    width,
    height,
    naturalWidth: img.naturalWidth,
    naturalHeight: img.naturalHeight,
  });
  box.style.cssText = `position:absolute;pointer-events:none;z-index:2147483646;margin:0;padding:0;border:0;box-sizing:border-box;left:${at.left}px;top:${at.top}px;width:${at.width}px;height:${at.height}px`;
  return box;
}
