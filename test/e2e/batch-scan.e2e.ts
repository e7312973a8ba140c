/**
 * A batch run reads a scanned PDF by OCR (issue 18: "the same in batch runs"), in Debian Chromium (chrome-mv3:
 * the offscreen document) and Firefox ESR (firefox-mv2: the iframe in the background page): the seed 004 report
 * as grey JPEG q40 page images (test/fixtures/pictures/seed-004-scanned.pdf) pasted into library.html#batch →
 * the item checked, the batch list saying its 3 pages were read from pictures, the report saved with its
 * agency and year (a scan read by no one is saved unread, with neither). In the same run, the seed 004 page
 * whose three tables are <img> (test/fixtures/pictures/seed-004-pictures.html): its pictures fetched by the
 * background and read in the hidden page, the list saying 3 tables were read from pictures, the report saved
 * with the tables' figures; the page opened in a tab afterwards takes those tables from the library and reads no
 * picture again. Then the library header's switch turns the readPictures setting to 'ask': the same
 * addresses in a new run are saved unread, with no such note.
 * Needs `npx wxt build` and `npx wxt build -b firefox`.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BatchSettings, readLibrary, setBatchSettings, waitForRunEnd } from './lib/batch';
import { type Driver, sleep, type TestPage } from './lib/driver';
import { figuresOf, picturesLine, waitForPanel } from './lib/panel';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';

const FAST: BatchSettings = { minIntervalMs: 200, timeoutMs: 10_000, maxAttempts: 1 };
const SCAN_PATH = '/pictures/seed-004-scanned.pdf';
const PICTURES_PATH = '/pictures/seed-004-pictures.html';

/** Pastes one address into #batch and starts the run. */
async function startRun(library: TestPage, address: string): Promise<void> {
  await library.evaluate(() => void (location.hash = '#batch'));
  await library.waitFor(() => document.querySelector('[data-input="batch-addresses"]'));
  await library.evaluate((a) => {
    document.querySelector<HTMLTextAreaElement>('[data-input="batch-addresses"]')!.value = a;
  }, address);
  await library.click('[data-action="batch-start"]');
}

/** The rows of the run shown: state and the read-from-pictures note. */
const rowsShown = (library: TestPage) =>
  library.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-batch-item]')].map((row) => ({
      state: row.dataset.state ?? '',
      pictures: row.querySelector<HTMLElement>('[data-read-from-pictures]')?.dataset.readFromPictures ?? null,
      note: row.querySelector('[data-read-from-pictures]')?.textContent?.trim() ?? null,
      tables: row.querySelector<HTMLElement>('[data-read-picture-tables]')?.dataset.readPictureTables ?? null,
      tablesNote: row.querySelector('[data-read-picture-tables]')?.textContent?.trim() ?? null,
      failure: row.querySelector('[data-failure]')?.getAttribute('title') ?? null,
    })),
  );

for (const target of BROWSERS) {
  describe.skipIf(!existsSync(target.build))(`batch run reads a scanned PDF — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;

    useBrowser(target.name, async (s) => {
      ({ server, driver } = s);
      await setBatchSettings(driver, FAST);
    });

    it('reads the scan and a page’s table pictures by OCR in the hidden page (readPictures auto), says so in the list; with the switch off both are saved unread', async () => {
      const address = server.url(GOV_HOST, SCAN_PATH);
      const page = server.url(GOV_HOST, PICTURES_PATH);
      const library = await driver.openExtensionPage('/library.html#batch');
      await library.waitFor(() => document.querySelector('input[data-setting="readPictures"]'));
      // Default: read automatically.
      expect(await library.evaluate(() => document.querySelector<HTMLInputElement>('input[data-setting="readPictures"]')!.checked)).toBe(
        true,
      );
      const started = Date.now();
      await startRun(library, `${address}\n${page}`);
      await waitForRunEnd(library, 2, 400_000);
      console.info(`${target.name}: batch of the seed 004 scan and picture page read in ${Math.round((Date.now() - started) / 1000)} s`);
      let rows = await rowsShown(library);
      expect(rows).toHaveLength(2);
      expect(rows[0]!.state, rows[0]!.failure ?? '').toBe('checked');
      expect(rows[0]!.pictures).toBe('3');
      expect(rows[0]!.note).toBe('· 扫描件，3 页经本机识别（OCR）');
      expect(rows[1]!.state, rows[1]!.failure ?? '').toBe('checked');
      expect(rows[1]!.tables).toBe('3');
      expect(rows[1]!.tablesNote).toBe('· 3 张表格图片经本机识别（OCR）');
      // Saved with what the scan says: 平邑县卫生健康局's 2023 report (read by hand from the page it was made of);
      // the picture page with its tables' figures: (七)总计 4, 结转下年度 1 (seed-004-tables.html, by hand).
      let db = await readLibrary(library);
      expect(db.reports.map((r) => [r.url, r.agency, r.year]).sort()).toEqual(
        [
          [address, '平邑县卫生健康局', 2023],
          [page, '平邑县卫生健康局', 2023],
        ].sort(),
      );
      const pictured = db.reports.find((r) => r.url === page)!;
      expect([pictured.figures.applicationsHandled, pictured.figures.applicationsCarriedForward]).toEqual([4, 1]);

      // The page opened in a tab afterwards takes the tables the batch kept: no picture is read again.
      const tab = await driver.open(page);
      await waitForPanel(tab);
      await tab.waitFor(
        () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-pictures="saved"]'),
        undefined,
        60_000,
      );
      await tab.waitFor(
        () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-figure="applicationsNew"]'),
        undefined,
        30_000,
      );
      expect((await picturesLine(tab))?.text).toContain('3 张图片表格取自资料库');
      expect(await figuresOf(tab)).toMatchObject({ applicationsNew: '5', applicationsHandled: '4', applicationsCarriedForward: '1' });
      await tab.close();

      // The switch in the library's header: off = 'ask'. A batch has no one to ask: the scan is saved unread.
      await library.click('input[data-setting="readPictures"]');
      const stored = async () =>
        driver.extEval<string | null>(
          `const api = globalThis.browser ?? globalThis.chrome; return (await api.storage.local.get('settings')).settings?.readPictures ?? null;`,
        );
      for (let i = 0; i < 50 && (await stored()) !== 'ask'; i++) await sleep(100);
      expect(await stored()).toBe('ask');
      await startRun(library, `${address}\n${page}`);
      // The view shows the newest run: its two items, checked, with no note (nothing is read: quick).
      const unread = (r: Awaited<ReturnType<typeof rowsShown>>) =>
        r.length === 2 && r.every((row) => row.state === 'checked' && row.pictures === null && row.tables === null);
      for (let i = 0; i < 600; i++) {
        rows = await rowsShown(library);
        if ((await readLibrary(library)).runs.length === 2 && unread(rows)) break;
        await sleep(200);
      }
      expect(rows.map((r) => [r.state, r.pictures, r.tables])).toEqual([
        ['checked', null, null],
        ['checked', null, null],
      ]);
      db = await readLibrary(library);
      expect(db.runs).toHaveLength(2);
      await library.close();
    }, 600_000);
  });
}
