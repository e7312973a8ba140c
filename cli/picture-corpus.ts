/**
 * npx tsx cli/picture-corpus.ts [--scale 1] [--scan] [entry-id...]
 * The corpus's HTML report pages rebuilt with their tables as pictures, as agencies paste them: each
 * table of the page (no nested table, three rows or more, a digit in it) screenshotted by Chromium at
 * the given device scale (1: what a Word table pasted as a picture usually is), the table replaced by an
 * <img> of it, and the page checked by the CLI's own path (OCR through `checkFile`). Each key figure is
 * compared with the entry's hand-written truth (test/corpus/html/<id>.truth.json), as `npm run corpus`
 * scores the text; error findings the text page does not have are listed (a false error from a misread).
 * --scan: each page instead printed as a scan is, pages of JPEG images (q50, A4 at 794 CSS px and the given
 * scale; 1.5 by default, about 144 dpi) in a PDF with no text, checked through the CLI's scanned-PDF path.
 * Pictures and pages go to bench/tmp/picture-corpus/ (not committed). Needs /usr/bin/chromium.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { FIGURE_KEYS } from '../utils/report/types';
import { checkFile } from './check';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = join(ROOT, 'test', 'corpus', 'html');
const OUT = join(ROOT, 'bench', 'tmp', 'picture-corpus');

interface Truth {
  file?: string;
  isReport: boolean;
  figures?: Record<string, number | null>;
}

const args = process.argv.slice(2);
const scanAt = args.indexOf('--scan');
const scan = scanAt >= 0 && args.splice(scanAt, 1).length > 0;
const at = args.indexOf('--scale');
const scale = at >= 0 ? Number(args.splice(at, 2)[1]) : scan ? 1.5 : 1;
const entries = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => [f.replace('.truth.json', ''), JSON.parse(readFileSync(join(CORPUS, f), 'utf8')) as Truth] as const)
  .filter(([id, t]) => t.isReport && (t.file ?? `${id}.html`).endsWith('.html') && (!args.length || args.includes(id)));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: scan ? 794 : 1280, height: scan ? 1123 : 900 }, deviceScaleFactor: scale });

/**
 * The page as a scan: A4-high slices of its screenshot as JPEG, each on a PDF page of its own (no text). A page
 * wider than A4 (a CMS layout 1000 px wide) is shrunk to the sheet's width, as printing it does: its slices are
 * as much taller, and nothing right of 794 px is cut off.
 */
async function scanned(file: string, dir: string): Promise<string> {
  const page = await context.newPage();
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  const width = Math.max(794, await page.evaluate(() => document.documentElement.scrollWidth));
  if (width > 794) await page.setViewportSize({ width, height: 1123 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const sheet = Math.round((1123 * width) / 794);
  const sheets: string[] = [];
  for (let y = 0; y < height; y += sheet) {
    const shot = await page.screenshot({
      type: 'jpeg',
      quality: 50,
      fullPage: true,
      clip: { x: 0, y, width, height: Math.min(sheet, height - y) },
    });
    sheets.push(`<div class="p"><img src="data:image/jpeg;base64,${shot.toString('base64')}"></div>`);
  }
  await page.close();
  const printer = await context.newPage();
  await printer.setContent(
    `<!doctype html><html><head><style>@page { size: A4; margin: 0 } body { margin: 0 } .p { width: 210mm; height: 297mm; page-break-after: always; overflow: hidden } .p img { width: 210mm }</style></head><body>${sheets.join('')}</body></html>`,
  );
  const path = join(dir, 'scan.pdf');
  await printer.pdf({ path, format: 'A4', printBackground: true, margin: { top: '0', bottom: '0', left: '0', right: '0' } });
  await printer.close();
  return path;
}
const totals = { figures: 0, right: 0, doubtfulWrong: 0, sureWrong: 0, missing: 0, newErrors: 0, pages: 0 };
for (const [id, truth] of entries) {
  const file = join(CORPUS, truth.file ?? `${id}.html`);
  if (scan) {
    const dir = join(OUT, `${id}@scan-${scale}x`);
    mkdirSync(dir, { recursive: true });
    const pdf = await scanned(file, dir);
    const started = Date.now();
    const [text, pictures] = [await checkFile(file), await checkFile(pdf)];
    score(id, truth, text, pictures, `scan, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    continue;
  }
  const page = await context.newPage();
  // The page's own file only: nothing leaves the machine.
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  const count = await page.evaluate(() => {
    const tables = [...document.querySelectorAll('table')].filter(
      (t) => !t.querySelector('table') && t.rows.length >= 3 && /\d/.test(t.textContent ?? ''),
    );
    for (const [i, t] of tables.entries()) t.setAttribute('data-picture', String(i));
    return tables.length;
  });
  if (count < 2) {
    await page.close();
    continue; // the tables are not tables here (a text page or a seed already in pictures)
  }
  const dir = join(OUT, `${id}@${scale}x`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) await page.locator(`table[data-picture="${i}"]`).screenshot({ path: join(dir, `table-${i}.png`) });
  const html = await page.evaluate(() => {
    for (const t of document.querySelectorAll('table[data-picture]')) {
      const img = document.createElement('img');
      img.src = `table-${t.getAttribute('data-picture')}.png`;
      t.replaceWith(img);
    }
    return `<!DOCTYPE html>\n${document.documentElement.outerHTML}`;
  });
  await page.close();
  writeFileSync(join(dir, 'page.html'), html);
  const started = Date.now();
  const [text, pictures] = [await checkFile(file), await checkFile(join(dir, 'page.html'))];
  score(id, truth, text, pictures, `${count} tables, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

type CheckOut = Awaited<ReturnType<typeof checkFile>>;

/** One page's figures against its truth, and the errors its picture form has that its text form has not. */
function score(id: string, truth: Truth, text: CheckOut, pictures: CheckOut, what: string): void {
  totals.pages++;
  const misses: string[] = [];
  for (const key of FIGURE_KEYS) {
    const want = truth.figures?.[key];
    if (want === undefined || want === null) continue;
    totals.figures++;
    const got = pictures.figures[key];
    if (got === want) {
      totals.right++;
      continue;
    }
    const kind = got === null || got === undefined ? 'missing' : pictures.doubtfulFigures.includes(key) ? 'doubtfulWrong' : 'sureWrong';
    totals[kind]++;
    misses.push(`${key} ${want}→${kind === 'missing' ? '∅' : got}${kind === 'doubtfulWrong' ? '?' : kind === 'sureWrong' ? '!' : ''}`);
  }
  const errors = (r: typeof text) => new Set(r.findings.filter((f) => f.severity === 'error').map((f) => f.rule));
  const before = errors(text);
  const added = [...errors(pictures)].filter((r) => !before.has(r));
  totals.newErrors += added.length;
  console.log(`${id}: ${what}; ${misses.join(', ') || 'every figure right'}${added.length ? `; NEW ERRORS ${added.join(', ')}` : ''}`);
}

await browser.close();
const pct = totals.figures ? ((100 * totals.right) / totals.figures).toFixed(1) : '–';
console.log(
  `TOTAL ${totals.pages} pages${scan ? ' as scans' : ''} at ${scale}x: figures ${totals.right}/${totals.figures} (${pct} %), missing ${totals.missing}, ` +
    `wrong but doubtful ${totals.doubtfulWrong}, wrong and sure ${totals.sureWrong}; error findings the text page has not: ${totals.newErrors}`,
);
