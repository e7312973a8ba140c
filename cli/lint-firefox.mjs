// web-ext lint on the Firefox build: fails on any error, and on any warning that is not Preact's own
// dangerouslySetInnerHTML support code (we never use it; a unit test greps our sources for it), pdf.js's or
// onnxruntime-web's (see below).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.output/firefox-mv2';
let raw;
try {
  raw = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--self-hosted', '--output', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
} catch (error) {
  raw = error.stdout; // web-ext exits non-zero when there are errors; the JSON is still on stdout
}
const report = JSON.parse(raw);
const fromPreact = (m) =>
  m.code === 'UNSAFE_VAR_ASSIGNMENT' && m.file && readFileSync(join(dir, m.file), 'utf8').includes('dangerouslySetInnerHTML');
// pdf.js (only in its own chunk, loaded by the PDF page and the batch's hidden parse page, and its worker):
// its `new Function` probe and font compiler are switched off by isEvalSupported: false, and its dynamic
// import() is the fake-worker fallback for environments without workers. Neither is our code; both files
// are checked to be pdf.js's. background.js has no exception: pdf.js is not in it.
const isPdfjsFile = (file) =>
  file === 'pdfjs/pdf.worker.min.mjs' ||
  (/^chunks\/pdf-/.test(file) && readFileSync(join(dir, file), 'utf8').includes('GlobalWorkerOptions'));
const fromPdfjs = (m) =>
  m.file && isPdfjsFile(m.file) && (m.code === 'DANGEROUS_EVAL' || (m.code === 'UNSAFE_VAR_ASSIGNMENT' && /import/.test(m.message)));
// onnxruntime-web (the OCR runtime's chunk, loaded on demand by the pages that read pictures): its import()
// loads its WASM glue from env.wasm.wasmPaths, which entrypoints/shared/ocr-engine.ts points at the
// extension's own /ocr/ort-wasm-simd-threaded.mjs.
const isOrtFile = (file) => /^chunks\/ort\.wasm\.min-/.test(file) && readFileSync(join(dir, file), 'utf8').includes('InferenceSession');
const fromOrt = (m) => m.file && isOrtFile(m.file) && m.code === 'UNSAFE_VAR_ASSIGNMENT' && /import/.test(m.message);
const ours = report.warnings.filter((m) => !fromPreact(m) && !fromPdfjs(m) && !fromOrt(m));
for (const m of [...report.errors, ...report.warnings])
  console.log(
    `${m._type} ${m.code} ${m.file ?? ''}${m.line ? ':' + m.line : ''} ${m.message}${fromPreact(m) ? ' (Preact runtime, not our code)' : fromPdfjs(m) ? ' (pdf.js, not our code)' : fromOrt(m) ? ' (onnxruntime-web, not our code)' : ''}`,
  );
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${ours.length} from our code)`);
process.exit(report.errors.length || ours.length ? 1 : 0);
