/**
 * Pictures of tables in a page, and pictures as documents: the reconstructed table takes the place of
 * the <img> it was read from, inside a <div data-pdf-document>; the caller hands the tables back to the
 * parser (ParseOptions.pictureTables) so their data-read="picture" cells are honoured, and the ordinary parser reads the page as if the table had been typed.
 * Pure: reading a picture is the caller's (a function passed in).
 */
import { reconstructDocument } from '../pdf/reconstruct';
import type { PdfPageInput } from '../pdf/types';

/** Reads the picture an <img> shows (null when it cannot be had or is not a picture). */
export type PictureReader = (img: Element, index: number) => Promise<PdfPageInput | null>;

export interface PictureOptions {
  /** Only pictures inside this element (the article); default the body. */
  within?: Element | null;
  /** Stop after this many pictures (a page of photographs is not a report's tables). */
  maxPictures?: number;
}

/**
 * Every <img> of the page whose picture holds a table is replaced by that table. Returns how many
 * pictures were read and how many became tables.
 */
export async function replacePictureTables(
  doc: Document,
  read: PictureReader,
  options: PictureOptions = {},
): Promise<{ read: number; tables: number; elements: Set<Element> }> {
  const root = options.within ?? doc.body ?? doc.documentElement;
  const images = [...root.querySelectorAll('img')].slice(0, options.maxPictures ?? 12);
  let tables = 0;
  let count = 0;
  // The tables we put in: the parser honours their picture reads (ParseOptions.pictureTables), no other's.
  const elements = new Set<Element>();
  for (const [i, img] of images.entries()) {
    const page = await read(img, i + 1);
    if (!page) continue;
    count++;
    // Rebuilt in the page's own document (appended to its body), then the table alone moved in place.
    const result = reconstructDocument([page], doc);
    const table = result.root.querySelector('table');
    result.root.remove();
    if (!table) continue;
    const holder = doc.createElement('div');
    holder.setAttribute('data-pdf-document', '');
    holder.setAttribute('data-picture', String(i + 1));
    holder.appendChild(table);
    img.replaceWith(holder);
    elements.add(table);
    tables++;
  }
  return { read: count, tables, elements };
}

/** Pictures as pages of one document (a picture file, a scanned PDF's pages), rebuilt into `doc`. */
export function picturesToDocument(pages: PdfPageInput[], doc: Document): { root: Element; tables: number } {
  const result = reconstructDocument(pages, doc);
  return { root: result.root, tables: result.tables };
}
