/**
 * npx tsx cli/picture-corpus.ts [--scale 1] [entry-id...]
 * The corpus's HTML report pages rebuilt with their tables as pictures, as agencies paste them: each
 * table of the page (no nested table, three rows or more, a digit in it) screenshotted by Chromium at
 * the given device scale (1: what a Word table pasted as a picture usually is), the table replaced by an
 * <img> of it, and the page checked by the CLI's own path (OCR through `checkFile`). Each key figure is
 * compared with the entry's hand-written truth (test/corpus/html/<id>.truth.json), as `npm run corpus`
 * scores the text; error findings the text page does not have are listed (a false error from a misread).
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
const at = args.indexOf('--scale');
const scale = at >= 0 ? Number(args.splice(at, 2)[1]) : 1;
const entries = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => [f.replace('.truth.json', ''), JSON.parse(readFileSync(join(CORPUS, f), 'utf8')) as Truth] as const)
  .filter(([id, t]) => t.isReport && (t.file ?? `${id}.html`).endsWith('.html') && (!args.length || args.includes(id)));

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: scale });
const totals = { figures: 0, right: 0, doubtfulWrong: 0, sureWrong: 0, missing: 0, newErrors: 0, pages: 0 };
for (const [id, truth] of entries) {
  const file = join(CORPUS, truth.file ?? `${id}.html`);
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
  const seconds = (Date.now() - started) / 1000;
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
  console.log(
    `${id}: ${count} tables, ${seconds.toFixed(0)} s; ${misses.join(', ') || 'every figure right'}${added.length ? `; NEW ERRORS ${added.join(', ')}` : ''}`,
  );
}
await browser.close();
const pct = totals.figures ? ((100 * totals.right) / totals.figures).toFixed(1) : '–';
console.log(
  `TOTAL ${totals.pages} pages at ${scale}x: figures ${totals.right}/${totals.figures} (${pct} %), missing ${totals.missing}, ` +
    `wrong but doubtful ${totals.doubtfulWrong}, wrong and sure ${totals.sureWrong}; error findings the text page has not: ${totals.newErrors}`,
);
