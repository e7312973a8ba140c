/**
 * A table picture read by OCR in Chromium, in an extension page of the built extension (issue 18 goal:
 * a 25-row table picture read in ≤ 3 s on this 2-core machine).
 *
 * A copy of .output/chrome-mv3 (bench/tmp/chrome-mv3-ocr) gets one page more, bench-ocr.html, whose script is
 * entrypoints/shared/picture-reader.ts bundled by esbuild (the built chunk exports only what pdf.html uses):
 * the same decode (createImageBitmap → canvas), the same engine loader (onnxruntime-web's WASM build, one
 * thread, the runtime and PP-OCRv4 models fetched from the build's own /ocr/ files) and readTablePicture,
 * under the extension's CSP. The picture is table 三 of clean-2021 (test/fixtures/pictures, 1100×777 px,
 * 25 data rows), copied into the extension so nothing goes over the network. The first read includes
 * loading the engine (runtime compile, recogniser session); the warm reads are what each further picture costs.
 * The page read is scored in Node against the truth grid, as cli/ocr-measure.ts scores Node's reading.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { reconstructDocument } from '../../utils/pdf/reconstruct';
import type { PdfPageInput } from '../../utils/pdf/types';
import { readGrid, scoreGrid, type TruthCell } from '../ocr-measure';
import { CHROME_BUILD, launch, ROOT, TMP } from './browser';
import { type Stat, stat } from './stats';

const PICTURES = join(ROOT, 'test/fixtures/pictures');
export const OCR_BENCH_PICTURE = 'clean-2021.applications.clean.png';

export interface OcrChromiumBench {
  picture: string;
  width: number;
  height: number;
  dataRows: number;
  /** First read in a fresh page: engine load + read (ms). */
  first: number;
  /** Further reads of the same picture in the same page (engine loaded). */
  warm: Stat;
  /** readTablePicture's own stages on the warm reads (ms): image work, recognition. */
  prepare: Stat;
  recognise: Stat;
  crops: number;
  ruled: boolean;
  /** Value cells of the truth grid read exactly; wrong values read with confidence ≥ OCR_CERTAIN. */
  values: number;
  exact: number;
  sureWrong: number;
}

async function benchExtension(): Promise<string> {
  const dir = join(TMP, 'chrome-mv3-ocr');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  cpSync(CHROME_BUILD, dir, { recursive: true });
  const ortDist = dirname(createRequire(import.meta.url).resolve('onnxruntime-web'));
  // Split as the build is: the runtime in a chunk of its own, which it starts again as its inference worker (its
  // proxy, from its own URL); the page's entry never runs in that worker.
  const entryFile = join(TMP, 'bench-ocr-entry.mjs');
  writeFileSync(
    entryFile,
    `
import { readPicture } from ${JSON.stringify(join(ROOT, 'entrypoints/shared/picture-reader'))};
globalThis.benchRead = async (url) => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const t0 = performance.now();
  const read = await readPicture(bytes);
  return { ms: performance.now() - t0, page: read.page, ruled: read.ruled, crops: read.crops, timings: read.timings };
};
document.documentElement.dataset.ready = '1';
`,
  );
  await build({
    entryPoints: { 'bench-ocr': entryFile },
    outdir: dir,
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    logLevel: 'silent',
    tsconfig: join(ROOT, 'tsconfig.json'),
    alias: { 'onnxruntime-web/wasm': join(ortDist, 'ort.wasm.min.mjs'), 'wxt/browser': join(TMP, 'bench-ocr-browser.ts') },
  });
  writeFileSync(
    join(dir, 'bench-ocr.html'),
    '<!doctype html><meta charset="utf-8"><title>OCR bench</title><script type="module" src="/bench-ocr.js"></script>\n',
  );
  cpSync(join(PICTURES, OCR_BENCH_PICTURE), join(dir, OCR_BENCH_PICTURE));
  return dir;
}

/** The reconstructed table's value cells against the truth grid (top-left slot of each cell, as ocr-measure). */
function score(page: PdfPageInput, truthFile: string): { values: number; exact: number; sureWrong: number; dataRows: number } {
  const truth = JSON.parse(readFileSync(join(PICTURES, truthFile), 'utf8')) as { rows: number; cells: TruthCell[] };
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const table = reconstructDocument([page], document as unknown as Document).root.querySelector('table');
  const { values, exact, sureWrong } = scoreGrid(table ? readGrid(table) : new Map(), truth.cells);
  const dataRows = new Set(truth.cells.filter((c) => /^\d+$/.test(c.text)).map((c) => c.row)).size;
  return { values, exact, sureWrong, dataRows };
}

export async function ocrChromiumBench(warmRuns: number): Promise<OcrChromiumBench> {
  mkdirSync(TMP, { recursive: true });
  writeFileSync(join(TMP, 'bench-ocr-browser.ts'), 'export const browser = (globalThis as any).chrome;\n');
  const b = await launch(await benchExtension());
  try {
    const page = await b.context.newPage();
    await page.goto(`${b.extensionOrigin}/bench-ocr.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === '1', undefined, { timeout: 30_000 });
    type Read = { ms: number; page: PdfPageInput; ruled: boolean; crops: number; timings: { prepare: number; recognise: number } };
    const url = `${b.extensionOrigin}/${OCR_BENCH_PICTURE}`;
    const readOnce = () => page.evaluate((u) => (globalThis as unknown as { benchRead(u: string): Promise<Read> }).benchRead(u), url);
    const first = await readOnce();
    const warm: Read[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push(await readOnce());
    const last = warm[warm.length - 1] ?? first;
    const s = score(last.page, OCR_BENCH_PICTURE.replace('.clean.png', '.truth.json'));
    const { width, height } = first.page;
    return {
      picture: OCR_BENCH_PICTURE,
      width,
      height,
      dataRows: s.dataRows,
      first: Math.round(first.ms),
      warm: stat(warm.map((r) => r.ms)),
      prepare: stat(warm.map((r) => r.timings.prepare)),
      recognise: stat(warm.map((r) => r.timings.recognise)),
      crops: last.crops,
      ruled: last.ruled,
      values: s.values,
      exact: s.exact,
      sureWrong: s.sureWrong,
    };
  } finally {
    await b.close();
  }
}

export interface PackageSize {
  target: string;
  /** The build zipped as `npm run zip` zips it (DEFLATE level 9), bytes. */
  zip: number;
  /** The same zip without the OCR files (/ocr/) and the chunks that carry the OCR code. */
  zipWithoutOcr: number;
  /** Raw bytes of /ocr/ and of the OCR chunks. */
  ocrRaw: number;
}

/** Package size with and without OCR, per built target (what the stores' users download). */
export async function packageSizes(): Promise<PackageSize[]> {
  const { existsSync, readdirSync, statSync } = await import('node:fs');
  const JSZip = createRequire(createRequire(import.meta.url).resolve('wxt'))('jszip') as typeof import('jszip');
  const out = join(ROOT, '.output');
  const files = (dir: string, rel = ''): string[] =>
    readdirSync(join(dir, rel)).flatMap((f) => (statSync(join(dir, rel, f)).isDirectory() ? files(dir, join(rel, f)) : [join(rel, f)]));
  const zipOf = async (dir: string, names: string[]) => {
    const zip = new JSZip();
    for (const name of [...names].sort())
      zip.file(name, readFileSync(join(dir, name)), { date: new Date(Date.UTC(2020, 0, 1)), createFolders: false });
    return (await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' }))
      .length;
  };
  const sizes: PackageSize[] = [];
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    const dir = join(out, target);
    if (!existsSync(join(dir, 'manifest.json'))) continue;
    const all = files(dir);
    const ocr = all.filter(
      (f) => f.startsWith('ocr/') || (f.startsWith('chunks/') && /InferenceSession|ch_PP-OCRv4/.test(readFileSync(join(dir, f), 'utf8'))),
    );
    sizes.push({
      target,
      zip: await zipOf(dir, all),
      zipWithoutOcr: await zipOf(
        dir,
        all.filter((f) => !ocr.includes(f)),
      ),
      ocrRaw: ocr.reduce((n, f) => n + statSync(join(dir, f)).size, 0),
    });
  }
  return sizes;
}
