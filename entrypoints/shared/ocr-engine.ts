/**
 * The OCR engine in an extension page (pdf.html, the offscreen document, Firefox's background page): the
 * pure module utils/ocr on onnxruntime-web's WASM build, everything from the extension's own files under
 * /ocr/ (copied there at build time, wxt.config.ts `ocrAssets`): nothing is fetched from anywhere else.
 *
 * Loaded only when a picture is met: the runtime is imported dynamically (a chunk of its own, never in
 * report.js, detector.js or background.js), the recogniser's model is fetched on the first call and the
 * detector's only when a picture has no ruling lines or a whole scanned page is read.
 * One thread (threads need a cross-origin-isolated page, which extension pages are not), in a worker of its own.
 */
import { browser } from 'wxt/browser';
import { createOcrEngine, type OcrEngine, type OcrRuntime } from '@/utils/ocr';

/** Where the build puts the runtime and models (wxt.config.ts copies them; test/unit checks both agree). */
export const OCR_DIR = '/ocr/';
export const OCR_FILES = {
  wasm: 'ort-wasm-simd-threaded.wasm',
  /** The runtime's WASM glue (its "extern wasm" build loads it from here; wxt.config.ts). */
  glue: 'ort-wasm-simd-threaded.mjs',
  det: 'ch_PP-OCRv4_det_infer.onnx',
  rec: 'ch_PP-OCRv4_rec_infer.onnx',
  keys: 'ppocr_keys_v1.txt',
} as const;

const fileUrl = (name: string) => (browser.runtime.getURL as (path: string) => string)(OCR_DIR + name);

async function fetchBytes(name: string): Promise<Uint8Array> {
  const response = await fetch(fileUrl(name));
  if (!response.ok) throw new Error(`OCR file ${name}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The runtime's settings we set (onnxruntime-web's `env`). */
interface OrtEnv {
  wasm: { numThreads?: number; proxy?: boolean; wasmPaths?: string | { wasm?: string; mjs?: string } };
  logLevel?: string;
}

let engine: Promise<OcrEngine> | null = null;

/**
 * The engine, made once per page (memoised; a failed load is forgotten so that a later call tries again).
 * The recogniser's session is made at once (about half a second); the detector's on first use.
 */
export function loadOcrEngine(): Promise<OcrEngine> {
  engine ??= (async () => {
    const [ort, rec, keys] = await Promise.all([
      import('onnxruntime-web/wasm'),
      fetchBytes(OCR_FILES.rec),
      fetch(fileUrl(OCR_FILES.keys)).then((r) => {
        if (!r.ok) throw new Error(`OCR file ${OCR_FILES.keys}: HTTP ${r.status}`);
        return r.text();
      }),
    ]);
    const env = ort.env as unknown as OrtEnv;
    env.wasm.numThreads = 1;
    // Inference in the runtime's own worker (its chunk started again as a module worker: wxt-plugins/ort-worker-url.ts):
    // the page's main thread stays free, so pdf.html's cancel answers at once, not after the inference in flight
    // (seconds per page, over a minute under load).
    env.wasm.proxy = true;
    // The glue and the .wasm from our own files, never from the runtime's default location.
    env.wasm.wasmPaths = { wasm: fileUrl(OCR_FILES.wasm), mjs: fileUrl(OCR_FILES.glue) };
    env.logLevel = 'error';
    return createOcrEngine(ort as unknown as OcrRuntime, { rec, keys, det: () => fetchBytes(OCR_FILES.det) });
  })().catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}
