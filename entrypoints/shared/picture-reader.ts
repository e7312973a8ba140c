/**
 * Pictures read by OCR in an extension page (pdf.html, the offscreen document, Firefox's background page):
 * bytes decoded by the browser (createImageBitmap, then a canvas's pixels), and the scanned pages of a PDF
 * rendered by pdf.js for checkPdf's readPictures slot, as cli/pdf.ts does in Node. The engine is
 * entrypoints/shared/ocr-engine.ts, loaded on the first picture.
 */
import { type PictureRead, type ReadPictureOptions, type RgbaImage, readTablePicture } from '@/utils/ocr';
import { SCAN_SCALE, scanToPoints } from '@/utils/pdf/scan';
import type { PictureReader } from '@/utils/pipeline';
import { loadOcrEngine } from './ocr-engine';

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** A canvas to draw on and read back: a DOM canvas where there is a document (pdf.js renders to one), else an OffscreenCanvas. */
function surface(width: number, height: number): { canvas: HTMLCanvasElement | OffscreenCanvas; context: Context2D; release(): void } {
  const canvas: HTMLCanvasElement | OffscreenCanvas =
    typeof document !== 'undefined'
      ? Object.assign(document.createElement('canvas'), { width, height })
      : new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true }) as Context2D | null;
  if (!context) throw new Error('no 2D canvas');
  // A zero-sized canvas frees its pixels at once instead of at the next collection.
  return { canvas, context, release: () => Object.assign(canvas, { width: 0, height: 0 }) };
}

/** Largest side decoded (a 20-megapixel photograph is no table picture, and would take seconds and 80 MB). */
export const MAX_PICTURE_SIDE = 5000;

/** The bytes of a PNG, JPEG, GIF, WebP or BMP picture → its pixels, as the browser decodes them. */
export async function decodePicture(bytes: Uint8Array | Blob): Promise<RgbaImage> {
  const blob = bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
  const bitmap = await createImageBitmap(blob);
  try {
    const { width, height } = bitmap;
    if (!width || !height) throw new Error('empty picture');
    if (width > MAX_PICTURE_SIDE || height > MAX_PICTURE_SIDE) throw new Error(`picture too large (${width}×${height})`);
    const target = surface(width, height);
    try {
      // Transparent pixels (a PNG's background) read as white paper, not as black ink.
      target.context.fillStyle = '#fff';
      target.context.fillRect(0, 0, width, height);
      target.context.drawImage(bitmap, 0, 0);
      const { data } = target.context.getImageData(0, 0, width, height);
      return { data, width, height };
    } finally {
      target.release();
    }
  } finally {
    bitmap.close();
  }
}

/** A picture's bytes → its table read as a page (utils/ocr readTablePicture), with the engine loaded on first use. */
export async function readPicture(bytes: Uint8Array | Blob, options: ReadPictureOptions = {}): Promise<PictureRead> {
  const [engine, picture] = await Promise.all([loadOcrEngine(), decodePicture(bytes)]);
  return readTablePicture(engine, picture, { now: () => performance.now(), ...options });
}

/** The part of pdf.js's document and page we call to render a scanned page (the browser build). */
interface PdfJsRendering {
  getPage(n: number): Promise<{
    getViewport(o: { scale: number; offsetX?: number; offsetY?: number }): { width: number; height: number };
    render(o: Record<string, unknown>): { promise: Promise<void>; cancel(): void };
    cleanup(): unknown;
  }>;
}

export interface ScanReaderOptions {
  /** Told when a page's reading starts (its page number) and ends (done: pages read so far). */
  onPage?(event: { page: number; done: number }): void;
  /** Aborted: pages not yet started are left as they are (checkPdf then refuses the scan as before). */
  signal?: AbortSignal;
  /**
   * The page is never shown (Chrome's offscreen document): pdf.js paces a 'display' render by
   * requestAnimationFrame, which a hidden document never fires, so the render there stalled for good; the
   * 'print' intent renders without it.
   */
  hidden?: boolean;
}

/**
 * checkPdf's readPictures slot in an extension page: the scanned page rendered by pdf.js at SCAN_SCALE to a
 * canvas, read by OCR as a whole page (ruled tables cell by cell, prose from the detector's boxes), its runs
 * and rules turned into points (utils/pdf/scan.ts, shared with the CLI).
 */
export function scanPictureReader(options: ScanReaderOptions = {}): PictureReader {
  let done = 0;
  return async (input, pdf) => {
    if (options.signal?.aborted) return null;
    options.onPage?.({ page: input.page, done });
    const page = await (pdf as unknown as PdfJsRendering).getPage(input.page);
    const viewport = page.getViewport({ scale: SCAN_SCALE });
    const target = surface(Math.ceil(viewport.width), Math.ceil(viewport.height));
    try {
      const intent = options.hidden ? { intent: 'print' } : {};
      await page.render({ canvas: target.canvas, canvasContext: target.context, viewport, ...intent }).promise;
      const { data, width, height } = target.context.getImageData(0, 0, target.canvas.width, target.canvas.height);
      target.release();
      if (options.signal?.aborted) return null;
      // Small text (a table pasted small into the page) is read again from the page drawn larger, that part only.
      const render = async (scale: number, region: { x: number; y: number; w: number; h: number }): Promise<RgbaImage> => {
        const part = page.getViewport({ scale: SCAN_SCALE * scale, offsetX: -region.x * scale, offsetY: -region.y * scale });
        const drawn = surface(Math.ceil(region.w * scale), Math.ceil(region.h * scale));
        try {
          await page.render({ canvas: drawn.canvas, canvasContext: drawn.context, viewport: part, ...intent }).promise;
          const { data, width, height } = drawn.context.getImageData(0, 0, drawn.canvas.width, drawn.canvas.height);
          return { data, width, height };
        } finally {
          drawn.release();
        }
      };
      const read = await readTablePicture(
        await loadOcrEngine(),
        { data, width, height },
        { page: input.page, fullPage: true, now: () => performance.now(), render },
      );
      done++;
      options.onPage?.({ page: input.page, done });
      return options.signal?.aborted ? null : scanToPoints(read.page, SCAN_SCALE);
    } finally {
      target.release();
      page.cleanup();
    }
  };
}
