/**
 * pdf.html in Chromium (issue 19, item 6): from opening pdf.html?src=<served PDF> to the findings on screen,
 * and to the first pages' figures shown while the rest is read. The PDFs are printed here by Chromium from
 * our own clean-2021 fixture page, its prose repeated to make 5 and 20 A4 pages (the same text every run;
 * the bytes differ only by the producer's date and id), as test/fixtures/make-pdfs.mjs prints the fixtures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { readPdfFile } from '../pdf';
import { type BenchBrowser, type BenchServer, PAGES } from './browser';
import { type Stat, stat } from './stats';

/** Repeats of the clean-2021 paragraph that make each page count (checked when printed). */
const REPEATS: Record<number, number> = { 5: 4, 20: 130 };

/** The bench's PDFs by path on the bench server: /bench/report-5.pdf, /bench/report-20.pdf. */
export async function printedReports(): Promise<Record<string, Uint8Array>> {
  const html = readFileSync(join(PAGES, 'clean-2021.html'), 'utf8');
  const paragraph = /<p>（三）政府信息管理。[^<]*<\/p>/.exec(html)![0];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const out: Record<string, Uint8Array> = {};
  try {
    for (const [pages, repeats] of Object.entries(REPEATS)) {
      const long = html
        .replace(paragraph, paragraph + paragraph.replace('（三）', '').repeat(repeats))
        .replace('</style>', '@media print { .main { width: auto !important; } } .article-body { font-size: 18px !important; }</style>');
      const page = await browser.newPage();
      await page.setContent(long, { waitUntil: 'load' });
      const bytes = new Uint8Array(await page.pdf({ format: 'A4', margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' } }));
      await page.close();
      const read = (await readPdfFile(bytes)).length;
      if (read !== Number(pages)) throw new Error(`the ${pages}-page bench PDF printed as ${read} pages`);
      out[`/bench/report-${pages}.pdf`] = bytes;
    }
  } finally {
    await browser.close();
  }
  return out;
}

export interface PdfPageBench {
  path: string;
  pages: number;
  /** Navigation to the findings on screen (performance.now() in pdf.html at the 'pdf:findings' mark). */
  findings: Stat;
  /** Navigation to the first pages' figures on screen (absent when no check of the first pages came first). */
  firstFigures: Stat | null;
  /** Median wall time of each stage of the check (pdf.js open and read, rebuild, parse stages, rules). */
  stages: Record<string, number>;
}

export async function pdfPageBench(b: BenchBrowser, server: BenchServer, paths: string[], reps: number): Promise<PdfPageBench[]> {
  const out: PdfPageBench[] = [];
  for (const path of paths) {
    const findings: number[] = [];
    const first: number[] = [];
    const stages: Record<string, number[]> = {};
    let pages = 0;
    for (let r = 0; r < reps; r++) {
      const page = await b.context.newPage();
      await page.goto(`${b.extensionOrigin}/pdf.html?src=${encodeURIComponent(server.url(path))}`);
      await page.waitForFunction(
        () => document.documentElement.dataset.findingsAt || document.querySelector('[data-pdf-problem]'),
        undefined,
        { timeout: 120_000, polling: 50 },
      );
      const seen = await page.evaluate(() => ({
        findingsAt: document.documentElement.dataset.findingsAt,
        firstFiguresAt: document.documentElement.dataset.firstFiguresAt,
        stages: document.documentElement.dataset.stages,
        pages: document.querySelector('[data-pdf-pages]')?.getAttribute('data-pdf-pages'),
        problem: document.querySelector('[data-pdf-problem]')?.textContent,
      }));
      await page.close();
      if (!seen.findingsAt) throw new Error(`pdf.html ${path}: ${seen.problem}`);
      findings.push(Number(seen.findingsAt));
      if (seen.firstFiguresAt) first.push(Number(seen.firstFiguresAt));
      for (const [stage, ms] of Object.entries(JSON.parse(seen.stages ?? '{}') as Record<string, number>)) (stages[stage] ??= []).push(ms);
      pages = Number(seen.pages);
    }
    out.push({
      path,
      pages,
      findings: stat(findings, 0),
      firstFigures: first.length ? stat(first, 0) : null,
      stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, stat(v, 0).median])),
    });
  }
  return out;
}
