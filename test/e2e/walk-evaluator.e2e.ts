/**
 * Issue 21 item 10, the evaluator scoring a whole 年报 column this month. Keyboard only, in Chromium and
 * Firefox, at 1280×900 and 1024×640, screenshots in test-results/walks/, axe on the popup, the library's
 * #batch and #scores, and pdf.html.
 *
 * The column is the batch fixture site (test/fixtures/batch/site.ts, counted by hand there and in
 * batch.e2e.ts): 14 report links on page 1, 11 saved, 3 failed (a 404, an address that never answers, a
 * notice behind a report's link). She starts the run from the popup with Tab + Enter, watches the progress on
 * library.html#batch, opens a scanned PDF (test/fixtures/pdf/scanned.pdf: pictures only, no text) in the
 * extension's PDF page, which says it cannot read it and keeps it as a "not checkable" row; on #scores the
 * rows are ranked by their share of the maximum, the scanned PDF is marked 无法核对 and its data logic is
 * 0 of 0 (no points lost); the CSV she exports (Enter on its button) has the columns she needs and its rows
 * in the same order. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { LISTING } from '../fixtures/batch/site';
import { type BatchSettings, batchView, setBatchSettings } from './lib/batch';
import { type Driver, sleep, type TestPage } from './lib/driver';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';
import { patchSettings } from './lib/settings';
import { activate, axeSerious, describeViolations, focused, SIZES, setSize, shotPath, tabTo, writeKeyLog } from './lib/walk';

/** The batch e2e's settings: 200 ms between requests, a 3 s timeout, 2 attempts. */
const FAST: BatchSettings = { minIntervalMs: 200, timeoutMs: 3000, maxAttempts: 2 };
const LISTED = 14;
const SAVED = 11;
const FAILED = 3;

/** The CSV the page hands to the browser to download, caught at URL.createObjectURL (both browsers alike). */
async function catchDownloads(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __walkBlobs: Blob[] };
    w.__walkBlobs = [];
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      if (obj instanceof Blob) w.__walkBlobs.push(obj);
      return create(obj);
    };
  });
}

for (const target of BROWSERS) {
  for (const size of SIZES) {
    describe.skipIf(!existsSync(target.build))(`walk: evaluator — ${target.name} ${size.name}`, () => {
      let server: FixtureServer;
      let driver: Driver;
      // A browser per size, not one for both as the other walks: the second run of the column would meet the
      // first's batch run, saved reports and settings.
      useBrowser(target.name, async (s) => {
        ({ server, driver } = s);
        await setBatchSettings(driver, FAST);
      });
      const shot = (step: string) => shotPath(target.name, size, 'evaluator', step);
      const axeName = (what: string) => `${target.name}-${size.name}-evaluator-${what}`;

      it('batch from the popup by keyboard, progress, a scanned PDF not checkable, #scores by share, CSV in that order', async () => {
        // The column page, and its popup (the listing is read a moment after load: reopen until it offers the run).
        const listing = await driver.open(server.url(GOV_HOST, LISTING));
        const keys: Record<string, number> = {};
        let popup: TestPage | null = null;
        for (let attempt = 0; !popup; attempt++) {
          const candidate = await driver.openPopup(listing.tabId);
          try {
            await candidate.waitFor(() => document.querySelector('[data-action="batch-check"]'), undefined, 5_000);
            popup = candidate;
          } catch (error) {
            await candidate.close();
            if (attempt >= 5) throw error;
          }
        }
        await setSize(driver, popup, size);
        expect(await popup.evaluate(() => document.querySelector('[data-action="batch-check"]')?.textContent ?? '')).toContain(
          String(LISTED),
        );
        // The column's page 2 only when asked: off by default.
        expect(await popup.evaluate(() => document.querySelector<HTMLInputElement>('[data-option="follow-pages"]')?.checked)).toBe(false);
        expect(describeViolations(await axeSerious(driver, popup, axeName('popup')))).toEqual([]);
        keys['tab from the top of the popup to 批量检查'] = await tabTo(driver, popup, {
          selector: '[data-action="batch-check"]',
          name: /批量检查/,
        });
        await popup.screenshot(shot('1-popup-batch'));
        await popup.press('Enter');
        await sleep(500);
        await popup.close().catch(() => undefined);

        // Progress on library.html#batch, sampled until the run is over.
        const library = await driver.openExtensionPage('/library.html#batch');
        await setSize(driver, library, size);
        await library.waitFor(() => document.querySelector('[data-batch-total]') && document.querySelector('progress'), undefined, 20_000);
        const seen = new Set<number>();
        let shotInProgress = false;
        const deadline = Date.now() + 90_000;
        for (;;) {
          const { counts } = await batchView(library);
          if (counts && counts.total === LISTED) {
            const finished = counts.done + counts.failed;
            seen.add(finished);
            if (finished > 0 && finished < LISTED && !shotInProgress) {
              await library.screenshot(shot('2-batch-progress'));
              shotInProgress = true;
            }
            if (finished === LISTED) break;
          }
          if (Date.now() > deadline) throw new Error(`run not over in 90 s; seen ${[...seen].join(', ')}`);
          await sleep(100);
        }
        expect(
          [...seen].some((n) => n > 0 && n < LISTED),
          `progress seen: ${[...seen].join(', ')}`,
        ).toBe(true);
        const view = await batchView(library);
        expect(view.counts).toEqual({ total: LISTED, done: SAVED, failed: FAILED });
        expect(view.progress && view.progress.value / view.progress.max).toBe(1);
        await library.screenshot(shot('3-batch-done'));
        expect(describeViolations(await axeSerious(driver, library, axeName('batch')))).toEqual([]);

        // A scanned PDF of the column, opened in the extension's PDF page: it says it cannot read it and keeps
        // it as a not-checkable row. (Reading scans by OCR is set to 'ask' here: this walk is the evaluator's
        // run, not the reading of pictures, which pdf-scan.e2e.ts walks.)
        await patchSettings(driver, { readPictures: 'ask' });
        const pdf = await driver.openExtensionPage(`/pdf.html?src=${encodeURIComponent(server.url(GOV_HOST, '/pdf/scanned.pdf'))}`);
        await setSize(driver, pdf, size);
        await pdf.waitFor(() => document.querySelector('[data-pdf-problem]'), undefined, 60_000);
        expect(await pdf.evaluate(() => document.querySelector('[data-pdf-problem]')?.textContent)).toBe('此 PDF 为扫描图片，无法读取文字');
        await pdf.waitFor(() => document.querySelector('[data-pdf-unreadable-saved]'), undefined, 20_000);
        await pdf.screenshot(shot('4-scanned-pdf'));
        expect(describeViolations(await axeSerious(driver, pdf, axeName('pdf')))).toEqual([]);
        await pdf.close();

        // #scores, reached by keyboard from the library's tabs.
        keys['tab and Enter from #batch to the 评分 tab'] = await activate(driver, library, { selector: '[role="tab"][href="#scores"]' });
        await library.waitFor(() => document.querySelector('[data-testid="scores-view"]'), undefined, 20_000);
        // The 11 saved reports and the scanned PDF (more rows may come: failed items listed with their reason).
        await library.waitFor((n: number) => document.querySelectorAll('[data-score-row] [data-score]').length >= n, SAVED + 1, 20_000);
        const shown = await library.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('[data-score-row]')].map((row) => {
            const score = row.querySelector<HTMLElement>('[data-score]');
            return {
              id: row.dataset.reportId ?? '',
              share: score?.dataset.scoreShare ?? '',
              cell: (score?.textContent ?? '').trim(),
              notCheckable: row.querySelector<HTMLElement>('[data-not-checkable]')?.dataset.notCheckable ?? null,
              notCheckableText: row.querySelector('[data-not-checkable]')?.textContent ?? null,
            };
          }),
        );
        // Ranked by the share of the maximum, highest first, and the cell shows the share.
        const shares = shown.filter((r) => r.share !== '').map((r) => Number(r.share));
        expect(shares.length).toBeGreaterThanOrEqual(SAVED);
        expect(shares).toEqual([...shares].sort((a, b) => b - a));
        for (const r of shown.filter((x) => x.share !== '')) expect(r.cell).toBe(`${r.share}%`);
        // The scanned PDF: grey 无法核对, data logic 0 of 0.
        const scanned = shown.filter((r) => r.notCheckable === 'scanned');
        expect(scanned).toHaveLength(1);
        expect(scanned[0]!.notCheckableText).toBe('无法核对');
        expect(describeViolations(await axeSerious(driver, library, axeName('scores')))).toEqual([]);

        const scannedRow = `tbody[data-score-row][data-report-id="${scanned[0]!.id}"]`;
        keys['tab and Enter to the 说明 of the scanned row'] = await activate(driver, library, {
          selector: '[data-action="explain-score"]',
          within: scannedRow,
          name: /说明/,
        });
        await library.waitFor(
          (sel: string) => document.querySelector(`${sel} [data-score-explain] [data-criterion="dataLogic"]`),
          scannedRow,
        );
        const dataLogic = await library.evaluate((sel: string) => {
          const el = document.querySelector<HTMLElement>(`${sel} [data-criterion="dataLogic"]`)!;
          return { points: Number(el.dataset.points), max: Number(el.dataset.max), text: el.textContent ?? '' };
        }, scannedRow);
        expect(dataLogic).toMatchObject({ points: 0, max: 0 });
        expect(dataLogic.text).toContain('无法核对');
        await library.evaluate((sel: string) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }), scannedRow);
        await library.screenshot(shot('5-scores'));

        // Export by keyboard: the CSV's header names the columns, and its rows keep the page's order.
        await catchDownloads(library);
        // The button sits above the table: back with Shift+Tab from the row just explained.
        keys['shift+tab and Enter back to 导出评分 CSV'] = await activate(
          driver,
          library,
          { selector: '[data-action="export-scores"]' },
          { back: true },
        );
        await library
          .waitFor(() => (window as unknown as { __walkBlobs?: Blob[] }).__walkBlobs?.length === 1, undefined, 10_000)
          .catch(async (e: unknown) => {
            throw new Error(`no CSV handed to the browser after Enter; focus on ${JSON.stringify(await focused(library))}; ${String(e)}`);
          });
        // Decoded keeping the BOM (Blob.text() would drop it): Excel needs it to read UTF-8.
        const csv = await library.evaluate(async () =>
          new TextDecoder('utf-8', { ignoreBOM: true }).decode(
            await (window as unknown as { __walkBlobs: Blob[] }).__walkBlobs[0]!.arrayBuffer(),
          ),
        );
        expect(csv.charCodeAt(0)).toBe(0xfeff);
        const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
        for (const column of [
          '编号 id',
          '机构 agency',
          '年度 year',
          '得分 score',
          '满分 max',
          '得分率 percent',
          '无法核对 notCheckable',
          '网址 url',
        ]) {
          expect(parsed.meta.fields).toContain(column);
        }
        const csvScored = parsed.data.filter((line) => line['得分率 percent'] !== '');
        expect(csvScored.map((line) => line['编号 id'])).toEqual(shown.filter((r) => r.share !== '').map((r) => r.id));
        const csvShares = csvScored.map((line) => Number.parseFloat(line['得分率 percent']!));
        expect(csvShares).toEqual([...csvShares].sort((a, b) => b - a));
        const scannedLine = parsed.data.find((line) => line['编号 id'] === scanned[0]!.id);
        expect(scannedLine?.['网址 url']).toContain('scanned.pdf');
        expect(scannedLine?.['无法核对 notCheckable']).not.toBe('');

        await library.close();
        writeKeyLog(target.name, size, 'evaluator', keys);
        await listing.close();
      });
    });
  }
}
