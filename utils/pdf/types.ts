/**
 * What pdf.js gives for one page, reduced to plain data (extract.ts makes it; reconstruct.ts reads it).
 * Coordinates are CSS-like: points at scale 1, origin at the page's top-left, y growing downwards,
 * after the page's own rotation (pdf.js's viewport transform), so a box drawn over the rendered page
 * at scale s is the box times s.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One positioned text run (a pdf.js TextItem). */
export interface PdfRun {
  str: string;
  /** Left of the run and top of its font box (baseline − font height). */
  x: number;
  y: number;
  /** Advance width and font height. */
  w: number;
  h: number;
  /** Text items that are not horizontal (vertical labels) are kept but marked. */
  vertical?: boolean;
  /** Index of the run in the page's text content (the text layer's span order). */
  index: number;
  /** Runs read from a picture by OCR (utils/ocr): the recogniser's confidence, 0–1 (the least sure character). */
  confidence?: number;
  /** OCR only: other readings of the run, for the digits it was unsure of ("6" → ["8"]). */
  alternatives?: string[];
}

/** A ruling line: a stroked line or a thin filled rectangle, axis-aligned. */
export interface PdfRule {
  /** 'h': y fixed, from x1 to x2; 'v': x fixed, from y1 to y2. */
  dir: 'h' | 'v';
  /** The fixed coordinate (y for 'h', x for 'v'). */
  at: number;
  from: number;
  to: number;
}

export interface PdfPageInput {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  runs: PdfRun[];
  rules: PdfRule[];
  /** Number of images painted on the page (scans are pages of images without text). */
  images: number;
  /**
   * Set when the page is a picture read by OCR (utils/ocr): its runs and rules are in the picture's
   * pixels (after straightening by `rotation` degrees about its centre), and every table cell built from
   * it is marked as read from a picture.
   */
  picture?: { image: number; rotation: number };
}
