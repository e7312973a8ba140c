/**
 * A batch run reads a scanned PDF by OCR (issue 18: "the same in batch runs"), in Debian Chromium (chrome-mv3:
 * the offscreen document) and Firefox ESR (firefox-mv2: the iframe in the background page): the seed 004 report
 * as grey JPEG q40 page images (test/fixtures/pictures/seed-004-scanned.pdf) pasted into library.html#batch →
 * the item checked, the batch list saying its 3 pages were read from pictures, the report saved with its
 * agency and year (a scan read by no one is saved unread, with neither). Then the library header's switch turns
 * the readPictures setting to 'ask': the same address in a new run is saved unread, with no such note.
 * Needs `npx wxt build` and `npx wxt build -b firefox`.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type BatchSettings, readLibrary, setBatchSettings, waitForRunEnd } from './lib/batch';
import { type Driver, sleep, type TestPage } from './lib/driver';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';

const FAST: BatchSettings = { minIntervalMs: 200, timeoutMs: 10_000, maxAttempts: 1 };
const SCAN_PATH = '/pictures/seed-004-scanned.pdf';

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

    it('reads the scan by OCR in the hidden page (readPictures auto), says so in the list; with the switch off it is saved unread', async () => {
      const address = server.url(GOV_HOST, SCAN_PATH);
      const library = await driver.openExtensionPage('/library.html#batch');
      await library.waitFor(() => document.querySelector('input[data-setting="readPictures"]'));
      // Default: read automatically.
      expect(await library.evaluate(() => document.querySelector<HTMLInputElement>('input[data-setting="readPictures"]')!.checked)).toBe(
        true,
      );
      const started = Date.now();
      await startRun(library, address);
      await waitForRunEnd(library, 1, 400_000);
      console.info(`${target.name}: batch item of the seed 004 scan read in ${Math.round((Date.now() - started) / 1000)} s`);
      let rows = await rowsShown(library);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.state, rows[0]!.failure ?? '').toBe('checked');
      expect(rows[0]!.pictures).toBe('3');
      expect(rows[0]!.note).toBe('· 扫描件，3 页经本机识别（OCR）');
      // Saved with what the scan says: 平邑县卫生健康局's 2023 report (read by hand from the page it was made of).
      let db = await readLibrary(library);
      expect(db.reports.map((r) => [r.url, r.agency, r.year])).toEqual([[address, '平邑县卫生健康局', 2023]]);

      // The switch in the library's header: off = 'ask'. A batch has no one to ask: the scan is saved unread.
      await library.click('input[data-setting="readPictures"]');
      const stored = async () =>
        driver.extEval<string | null>(
          `const api = globalThis.browser ?? globalThis.chrome; return (await api.storage.local.get('settings')).settings?.readPictures ?? null;`,
        );
      for (let i = 0; i < 50 && (await stored()) !== 'ask'; i++) await sleep(100);
      expect(await stored()).toBe('ask');
      await startRun(library, address);
      // The view shows the newest run: its one item, checked, with no note (the PDF is not read: quick).
      for (let i = 0; i < 600; i++) {
        rows = await rowsShown(library);
        if ((await readLibrary(library)).runs.length === 2 && rows[0]?.state === 'checked' && rows[0].pictures === null) break;
        await sleep(200);
      }
      expect(rows).toHaveLength(1);
      expect(rows[0]!.state).toBe('checked');
      expect(rows[0]!.pictures).toBeNull();
      db = await readLibrary(library);
      expect(db.runs).toHaveLength(2);
      await library.close();
    }, 600_000);
  });
}
