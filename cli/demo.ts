/**
 * npm run demo: serve the fixture pages on 127.0.0.1 under gov.cn host names and open them in Chromium
 * with the built extension (.output/chrome-mv3). Without $DISPLAY it runs headless, prints each page's
 * summary as read from the panel, and writes a screenshot per page to demo-output/.
 * With a display the browser stays open until Ctrl-C.
 * `npm run demo -- --store` also writes the store listing's screenshots (1280×800, the size both stores take)
 * to store/screenshots/: report pages with the panel, then the library's scores and overview.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROME_BUILD, launchChromium } from '../test/e2e/lib/chromium';
import { countRules } from '../test/e2e/lib/panel';
import { FIXTURE_PAGES, GOV_HOST, startServer } from '../test/e2e/lib/server';

const PAGES = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004', 'clean-2019', 'clean-2021', 'agency-a-2021', 'agency-a-2022'];
const PROBE = `(() => {
  const root = document.querySelector('report-lens').shadowRoot;
  const meta = (key) => root.querySelector('[data-meta="' + key + '"] dd')?.textContent ?? '';
  const figures = [...root.querySelectorAll('[data-figure]')].map((e) => e.dataset.figure + '=' + (e.querySelector('dd')?.textContent ?? ''));
  const rules = [...root.querySelectorAll('[data-rule]')].map((e) => e.dataset.rule);
  return { agency: meta('agency'), year: meta('year'), era: meta('era'), figures, rules };
})()`;
const OUT = resolve(import.meta.dirname, '../demo-output');
const STORE = resolve(import.meta.dirname, '../store/screenshots');
const STORE_SIZE = { width: 1280, height: 800 };
/** Pages whose panel goes into the store listing, in listing order: one with findings, one clean. */
const STORE_PAGES: Record<string, string> = { 'seed-001': '1-report-findings', 'clean-2021': '2-report-clean' };
/** Library views shown in the store listing, after the demo pages have been saved into it. */
const STORE_VIEWS: [string, string][] = [
  ['/library.html#scores', '3-library-scores'],
  ['/library.html#dashboard', '4-library-overview'],
];

async function main(): Promise<void> {
  if (!existsSync(CHROME_BUILD)) throw new Error('No build in .output/chrome-mv3: run `npm run build` first.');
  mkdirSync(OUT, { recursive: true });
  const store = process.argv.includes('--store');
  if (store) mkdirSync(STORE, { recursive: true });
  const headless = !process.env.DISPLAY;
  const server = await startServer();
  const driver = await launchChromium({ headless, viewport: store ? STORE_SIZE : { width: 1280, height: 900 } });
  console.log(`Fixture server on 127.0.0.1:${server.port}; Chromium ${headless ? 'headless' : 'with a window'}.\n`);
  for (const name of PAGES) {
    if (!existsSync(join(FIXTURE_PAGES, `${name}.html`))) continue;
    const url = server.url(GOV_HOST, `/${name}.html`);
    const page = await driver.open(url);
    try {
      await page.waitFor(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-panel, .rl-pill'), undefined, 20_000);
      // Settled: the background has answered (cross-year findings, saved state) and auto-save is done.
      await page
        .waitFor(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-save-state="saved"]'), undefined, 10_000)
        .catch(() => undefined);
    } catch {
      console.log(`${name}: no panel (not detected as a report)\n`);
      await page.screenshot(join(OUT, `${name}.png`));
      continue;
    }
    // A string, not a function: tsx's name helpers (__name) do not exist in the page.
    const summary = (await page.evaluate(PROBE as never)) as {
      agency: string;
      year: string;
      era: string;
      figures: string[];
      rules: string[];
    };
    const rules = Object.entries(countRules(summary.rules)).map(([rule, n]) => `${rule}×${n}`);
    console.log(`${name}  ${url}`);
    console.log(`  agency ${summary.agency} · year ${summary.year} · era ${summary.era}`);
    console.log(`  figures  ${summary.figures.join('  ') || '—'}`);
    console.log(`  findings ${summary.rules.length}: ${rules.join('  ') || 'none'}`);
    console.log(`  badge    ${(await driver.badgeText(page.tabId)) || '(none)'}\n`);
    await page.screenshot(join(OUT, `${name}.png`));
    if (store && STORE_PAGES[name]) await page.screenshot(join(STORE, `${STORE_PAGES[name]}.png`));
  }
  if (store) {
    for (const [path, file] of STORE_VIEWS) {
      const view = await driver.openExtensionPage(path);
      // Charts and tables fill in after the library's first read; a moment for them to settle.
      await new Promise((r) => setTimeout(r, 1500));
      await view.screenshot(join(STORE, `${file}.png`));
    }
    console.log(`Store screenshots (${STORE_SIZE.width}×${STORE_SIZE.height}) in ${STORE}`);
  }
  console.log(`Screenshots in ${OUT}`);
  if (headless) {
    await driver.close();
    await server.close();
  } else {
    console.log('Browser left open; Ctrl-C to quit.');
    process.on(
      'SIGINT',
      () =>
        void driver
          .close()
          .then(() => server.close())
          .then(() => process.exit(0)),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
