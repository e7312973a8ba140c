/**
 * PDF figures: `npx tsx cli/bench/pdf.ts` (needs `npm run build` for the Chromium part).
 * - CLI: PDFs per second through checkPdfFile (pdf.js legacy build in Node, reconstruction, parser, rules),
 *   in one process, over the readable fixtures in test/fixtures/pdf/.
 * - Chromium: pdf.html?src=… from navigation to the findings on screen and to the first pages' figures
 *   (cli/bench/pdf-page.ts, also part of `npm run bench`), for the 5- and 20-page reports printed there and
 *   seed-003's 6-page fixture.
 * Prints the figures and writes bench/pdf-results.json.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { checkPdfFile, readPdfFile } from '../pdf';
import { CHROME_BUILD, launch, startServer } from './browser';
import { pdfPageBench, printedReports } from './pdf-page';

const ROOT = resolve(import.meta.dirname, '../..');
const PDFS = join(ROOT, 'test/fixtures/pdf');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

async function main(): Promise<void> {
  const files = readdirSync(PDFS)
    .filter((f) => /\.(chromium|soffice)\.pdf$/.test(f))
    .map((f) => join(PDFS, f));
  const results: Record<string, unknown> = { loadAverageAtStart: loadavg().map((x) => Math.round(x * 10) / 10), cores: cpus().length };

  // CLI, in one process: warm once (pdf.js module load), then time.
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  await checkPdfFile(bytes[0]!, null);
  const pageCounts = await Promise.all(bytes.map(async (b) => (await readPdfFile(b)).length));
  const t0 = performance.now();
  for (let r = 0; r < RUNS; r++) for (const b of bytes) await checkPdfFile(b, null);
  const seconds = (performance.now() - t0) / 1000;
  results.cli = {
    pdfs: files.length * RUNS,
    pages: pageCounts.reduce((a, b) => a + b, 0) * RUNS,
    pdfsPerSecond: Math.round(((files.length * RUNS) / seconds) * 10) / 10,
  };

  // Chromium pdf.html.
  const printed = await printedReports();
  const server = await startServer({
    ...printed,
    '/bench/seed-003.pdf': new Uint8Array(readFileSync(join(PDFS, 'seed-003.chromium.pdf'))),
  });
  const browser = await launch(CHROME_BUILD);
  try {
    results.chromium = await pdfPageBench(browser, server, [...Object.keys(printed), '/bench/seed-003.pdf'], RUNS);
  } finally {
    await browser.close();
    await server.close();
  }
  results.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 10) / 10);
  console.log(JSON.stringify(results, null, 2));
  writeFileSync(join(ROOT, 'bench/pdf-results.json'), JSON.stringify(results, null, 2) + '\n');
}

await main();
