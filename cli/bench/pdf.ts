/**
 * PDF figures: `npx tsx cli/bench/pdf.ts` (needs `npm run build` for the Chromium part).
 * - CLI: PDFs per second through checkPdfFile (pdf.js legacy build in Node, reconstruction, parser, rules),
 *   in one process, over the readable fixtures in test/fixtures/pdf/.
 * - Chromium: pdf.html?src=… from navigation to findings on screen (the page's own data-findings-ms: download,
 *   pdf.js text and operator lists of every page, reconstruction, parse, rules, first render of the panel)
 *   for a 4-page and a 6-page fixture and a 17-page report printed here from the clean 2021 fixture with its
 *   prose repeated (generated into a temp dir, not committed).
 * Prints a table and writes bench/pdf-results.json.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { checkPdfFile, readPdfFile } from '../pdf';
import { launchChromium } from '../../test/e2e/lib/chromium';

const ROOT = resolve(import.meta.dirname, '../..');
const PDFS = join(ROOT, 'test/fixtures/pdf');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function twentyPages(dir: string): Promise<string> {
  const html = readFileSync(join(ROOT, 'test/fixtures/pages/clean-2021.html'), 'utf8');
  const paragraph = /<p>（三）政府信息管理。[^<]*<\/p>/.exec(html)![0];
  const long = html
    .replace(paragraph, paragraph + paragraph.replace('（三）', '').repeat(110))
    .replace('</style>', '@media print { .main { width: auto !important; } } .article-body { font-size: 18px !important; }</style>');
  const src = join(dir, 'long.html');
  writeFileSync(src, long);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.goto(pathToFileURL(src).href);
  const out = join(dir, 'report-17.pdf');
  await page.pdf({ path: out, format: 'A4', margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' } });
  await browser.close();
  return out;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rl-bench-pdf-'));
  const big = await twentyPages(dir);
  const files = readdirSync(PDFS).filter((f) => /\.(chromium|soffice)\.pdf$/.test(f)).map((f) => join(PDFS, f));
  const results: Record<string, unknown> = { loadAverageAtStart: loadavg().map((x) => Math.round(x * 10) / 10), cores: cpus().length };

  // CLI, in one process: warm once (pdf.js module load), then time.
  const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
  await checkPdfFile(bytes[0]!, null);
  const pageCounts = await Promise.all(bytes.map(async (b) => (await readPdfFile(b)).length));
  const t0 = performance.now();
  for (let r = 0; r < RUNS; r++) for (const b of bytes) await checkPdfFile(b, null);
  const seconds = (performance.now() - t0) / 1000;
  results.cli = { pdfs: files.length * RUNS, pages: pageCounts.reduce((a, b) => a + b, 0) * RUNS, pdfsPerSecond: Math.round(((files.length * RUNS) / seconds) * 10) / 10 };

  // Chromium pdf.html.
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
    const path = name === 'report-17.pdf' ? big : join(PDFS, name.replace(/[^\w.-]/g, ''));
    try {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end(readFileSync(path));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const driver = await launchChromium();
  const chromiumResults: Record<string, unknown> = {};
  try {
    for (const name of ['clean-2021.chromium.pdf', 'seed-003.chromium.pdf', 'report-17.pdf']) {
      const times: number[] = [];
      let pages = 0;
      for (let r = 0; r < RUNS; r++) {
        const page = await driver.openExtensionPage(`/pdf.html?src=${encodeURIComponent(`http://www.example.gov.cn:${port}/${name}`)}`);
        await page.waitFor(() => document.documentElement.dataset.findingsMs, undefined, 120_000);
        times.push(Number(await page.evaluate(() => document.documentElement.dataset.findingsMs)));
        pages = Number(await page.evaluate(() => document.querySelector('[data-pdf-pages]')?.getAttribute('data-pdf-pages')));
        await page.close();
      }
      chromiumResults[name] = { pages, findingsMsMedian: median(times), findingsMs: times };
    }
  } finally {
    await driver.close();
    server.close();
  }
  results.chromium = chromiumResults;
  results.loadAverageAtEnd = loadavg().map((x) => Math.round(x * 10) / 10);
  console.log(JSON.stringify(results, null, 2));
  writeFileSync(join(ROOT, 'bench/pdf-results.json'), JSON.stringify(results, null, 2) + '\n');
}

await main();
