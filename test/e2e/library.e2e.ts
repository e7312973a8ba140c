/**
 * The library end to end in Chromium: two consecutive years of one agency (fixtures with a carry-over
 * mismatch) are saved on visit; the library lists both; the compare view shows both years with deltas and
 * the chart; carry-over names the other year; the CSV export matches the saved reports; a corrupt JSON import
 * is refused and changes nothing.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { type DriverOf, useBrowser } from './lib/session';

type Launched = DriverOf<'chromium'>;

/** Read every store of the library database with the raw IndexedDB API (in the library page's origin). */
async function dumpLibrary(
  page: Page,
): Promise<{ reports: Record<string, unknown>[]; reviews: unknown[]; links: unknown[]; bodies: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('report-lens-library');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['reports', 'reviews', 'agencyLinks', 'bodies'], 'readonly');
          const all = (name: string) =>
            new Promise<unknown[]>((ok, ko) => {
              const r = tx.objectStore(name).getAll();
              r.onsuccess = () => ok(r.result);
              r.onerror = () => ko(r.error);
            });
          const count = new Promise<number>((ok) => {
            const r = tx.objectStore('bodies').count();
            r.onsuccess = () => ok(r.result);
          });
          Promise.all([all('reports'), all('reviews'), all('agencyLinks'), count]).then(([reports, reviews, links, bodies]) => {
            db.close();
            resolve({ reports: reports as Record<string, unknown>[], reviews, links, bodies });
          }, reject);
        };
      }),
  );
}

describe('library (Chromium)', () => {
  let server: FixtureServer;
  let browser: Launched;
  let library: Page;

  useBrowser('chromium', (s) => ({ server, driver: browser } = s));

  it('saves both years on visit and lists them', async () => {
    for (const year of [2021, 2022]) {
      const page = await browser.open(server.url(GOV_HOST, `/agency-a-${year}.html`));
      // The panel says when the report is saved; give the content script time to run and save.
      await page
        .waitFor(
          () => {
            const host = document.querySelector('report-lens');
            return !!host?.shadowRoot?.textContent?.match(/已保存|Saved/);
          },
          undefined,
          20_000,
        )
        .catch(() => undefined);
    }
    library = await browser.context.newPage();
    await library.goto(`${browser.extensionOrigin}/library.html`);
    await library.waitForSelector('[data-testid="library-table"]');
    await library.waitForFunction(() => document.querySelectorAll('[data-testid="report-row"]').length === 2, undefined, {
      timeout: 45_000,
    });
    const years = await library.$$eval('[data-testid="report-row"]', (rows) => rows.map((r) => r.getAttribute('data-year')).sort());
    expect(years).toEqual(['2021', '2022']);
    const text = await library.textContent('[data-testid="library-table"]');
    expect(text).toContain('江源县农业农村局');
  });

  it('the carry-over gap is stored on the later year only, without opening either', async () => {
    // Read the stored rows directly (the library page is on the list: no detail view re-ran the rules).
    let rows: Record<string, unknown>[] = [];
    const deadline = Date.now() + 10_000;
    do {
      rows = (await dumpLibrary(library)).reports;
      const r2022 = rows.find((r) => r.year === 2022) as { ruleCounts: Record<string, number> } | undefined;
      if (r2022?.ruleCounts['carry-over']) break;
      await new Promise((r) => setTimeout(r, 200));
    } while (Date.now() < deadline);
    const byYear = (y: number) => rows.find((r) => r.year === y) as { ruleCounts: Record<string, number> };
    expect(byYear(2022).ruleCounts['carry-over']).toBeGreaterThan(0);
    expect(byYear(2021).ruleCounts['carry-over'] ?? 0).toBe(0);
  });

  it('compares the two years with deltas and a chart', async () => {
    await library.click('[data-testid="tab-years"]');
    await library.waitForSelector('[data-testid="compare-years-table"]');
    const heads = await library.$$eval('[data-testid="compare-years-table"] thead th[data-year]', (ths) =>
      ths.map((t) => t.getAttribute('data-year')),
    );
    expect(heads).toEqual(['2021', '2022']);
    // 2022's carried-over row has a delta against 2021
    const delta = await library.getAttribute(
      '[data-testid="compare-years-table"] tr[data-figure="applicationsNew"] td[data-year="2022"]',
      'data-delta',
    );
    expect(delta).toMatch(/^-?\d+$/);
    // Coloured by what is good for the figure, said with an arrow and a word: 主动公开 436 → 512 is +76, better;
    // 新收申请 15 → 21 is +6, neither good nor bad (demand); 行政复议 0 → 1 is +1, worse.
    const cell = (figure: string) =>
      library.$eval(`[data-testid="compare-years-table"] tr[data-figure="${figure}"] td[data-year="2022"]`, (td) => [
        td.getAttribute('data-verdict'),
        td.querySelector('.delta')?.textContent?.trim(),
      ]);
    expect(await cell('activeDisclosed')).toEqual(['better', '↑ +76 向好']);
    expect(await cell('applicationsNew')).toEqual(['neutral', '↑ +6']);
    expect(await cell('reviewTotal')).toEqual(['worse', '↑ +1 变差']);
    const box = await library.locator('[data-testid="compare-chart"]').boundingBox();
    expect(box && box.width > 100 && box.height > 100).toBe(true);
    expect(await library.getAttribute('[data-testid="compare-chart"]', 'data-points')).toBe('2');
  });

  it('shows the carry-over gap on the later year only, with last year’s arithmetic and a link to it', async () => {
    const ids = await library.evaluate(async () => {
      location.hash = '#list';
      await new Promise((r) => setTimeout(r, 100));
      return [...document.querySelectorAll('[data-testid="report-row"]')].map((r) => [
        r.getAttribute('data-year'),
        r.getAttribute('data-report-id'),
      ]);
    });
    const id2022 = ids.find(([y]) => y === '2022')![1];
    const id2021 = ids.find(([y]) => y === '2021')![1];
    await library.evaluate((id) => (location.hash = `#report=${id}`), id2022);
    await library.waitForSelector('[data-testid="report-detail"][data-checking="false"]');
    const carry = library.locator('[data-testid="finding"][data-rule="carry-over"]');
    await carry.first().waitFor({ timeout: 30_000 });
    // By hand from the fixtures: 2021's 总计 column 新收 15 + 上年结转 1 − 办结 13 = 3 carried forward; 2022 says 2.
    const texts = await carry.allTextContents();
    expect(texts.some((t) => t.includes('2021年') && t.includes('15 + 1 − 13 = 3 ≠ 2'))).toBe(true);
    // The other year's saved report is one click away.
    await carry.first().locator('[data-action="open-other-year"]').click();
    await library.waitForSelector(`[data-testid="report-detail"][data-report-id="${id2021}"][data-checking="false"]`);
    expect(await library.evaluate(() => location.hash)).toBe(`#report=${id2021}`);
    // Viewing the earlier year re-checks it against the later one: the gap is not reported again there.
    await library.waitForTimeout(500);
    expect(await library.locator('[data-testid="finding"][data-rule="carry-over"]').count()).toBe(0);
  });

  it('exports a CSV whose rows match the saved reports', async () => {
    await library.evaluate(() => (location.hash = '#data'));
    await library.waitForSelector('[data-testid="export-csv"]');
    const [download] = await Promise.all([library.waitForEvent('download'), library.click('[data-testid="export-csv"]')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    const { reports } = await dumpLibrary(library);
    expect(parsed.data).toHaveLength(reports.length);
    for (const saved of reports) {
      const line = parsed.data.find((l) => Number(l['编号 id']) === saved.id)!;
      expect(line).toBeDefined();
      expect(line['网址 url']).toBe(saved.url);
      expect(Number(line['年度 year'])).toBe(saved.year);
      expect(line['机构 agency']).toBe(saved.agency);
      const figures = saved.figures as Record<string, number | null>;
      expect(line['新收申请 applicationsNew']).toBe(figures.applicationsNew === null ? '' : String(figures.applicationsNew));
      expect(line['上年结转 applicationsCarriedOver']).toBe(
        figures.applicationsCarriedOver === null ? '' : String(figures.applicationsCarriedOver),
      );
      expect(Number(line['错误 errors'])).toBe((saved.counts as Record<string, number>).error);
    }
  });

  it('refuses a corrupt JSON import and leaves the library unchanged', async () => {
    const before = await dumpLibrary(library);
    await library.setInputFiles('[data-testid="import-file"]', {
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"report-lens-library","version":1,"reports":[{"id":1,'),
    });
    const result = library.locator('[data-testid="import-result"]');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('false');
    expect(await result.textContent()).toMatch(/未导入任何内容/);
    expect(await dumpLibrary(library)).toEqual(before);
    await library.evaluate(() => (location.hash = '#list'));
    await library.waitForFunction(() => document.querySelectorAll('[data-testid="report-row"]').length === 2);
  });
});
