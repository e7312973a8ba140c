/**
 * A cross-year gap belongs to one year (issue 21 item 6), in Chromium and Firefox: 江源县农业农村局's 2021 and
 * 2022 reports (test/fixtures/pages/agency-a-2021.html, agency-a-2022.html) disagree on the applications carried
 * between them. Worked out by hand from the fixtures: 2021's 总计 column gives 新收 15 + 上年结转 1 − 办结 13 =
 * 3 carried forward; 2022's 二、上年结转 总计 is 2. The gap is shown on 2022 only, in its panel and in the
 * library, with that arithmetic and a link to 2021's saved report; 2021's own panel says nothing of it.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Driver, sleep, type TestPage } from './lib/driver';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';

const ARITHMETIC = '15 + 1 − 13 = 3 ≠ 2';

/** The panel's text once the background has answered and the report is saved. */
async function checkedPanel(driver: Driver, url: string): Promise<{ page: TestPage; text: string }> {
  const page = await driver.open(url);
  await page.waitFor(
    () => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-root[data-stage="complete"] [data-save-state="saved"]'),
    undefined,
    30_000,
  );
  const text = await page.evaluate(() => document.querySelector('report-lens')?.shadowRoot?.textContent ?? '');
  return { page, text };
}

for (const target of BROWSERS) {
  describe.skipIf(!existsSync(target.build))(`a cross-year gap on the later year only — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;

    useBrowser(target.name, (s) => ({ server, driver } = s));

    it('the later year’s panel shows the gap with last year’s arithmetic; the earlier year’s does not', async () => {
      const first = await checkedPanel(driver, server.url(GOV_HOST, '/agency-a-2021.html'));
      await first.page.close();
      // 2022 is checked beside the saved 2021: the background's answer brings the gap.
      const later = await checkedPanel(driver, server.url(GOV_HOST, '/agency-a-2022.html'));
      await later.page.waitFor(
        (want) => (document.querySelector('report-lens')?.shadowRoot?.textContent ?? '').includes(want),
        ARITHMETIC,
        45_000,
      );
      await later.page.close();
      // 2021 again, now with 2022 in the library as its next year: the gap is not reported here.
      const again = await checkedPanel(driver, server.url(GOV_HOST, '/agency-a-2021.html'));
      expect(again.text).not.toContain(ARITHMETIC);
      expect(again.text).not.toContain('上年结转应为');
      expect(again.text).not.toContain('本年结转下年度为');
      await again.page.close();
    });

    it('the library shows it on 2022 only, one click from 2021’s report', async () => {
      const library = await driver.openExtensionPage('/library.html#list');
      await library.waitFor(() => document.querySelectorAll('[data-testid="report-row"]').length === 2, undefined, 45_000);
      const ids = await library.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('[data-testid="report-row"]')].map((r) => [
            r.getAttribute('data-year'),
            r.getAttribute('data-report-id'),
          ]),
        ),
      );
      await library.evaluate((id) => void (location.hash = `#report=${id}`), ids['2022']);
      await library.waitFor(
        (id) =>
          document.querySelector(
            `[data-testid="report-detail"][data-report-id="${id}"][data-checking="false"] [data-rule="carry-over"] [data-action="open-other-year"]`,
          ),
        ids['2022'],
        45_000,
      );
      const texts = await library.evaluate(() =>
        [...document.querySelectorAll('[data-testid="finding"][data-rule="carry-over"]')].map((f) => f.textContent ?? ''),
      );
      expect(texts.some((t) => t.includes('2021年') && t.includes('15 + 1 − 13 = 3 ≠ 2'))).toBe(true);
      await library.click('[data-rule="carry-over"] [data-action="open-other-year"]');
      await library.waitFor(
        (id) => document.querySelector(`[data-testid="report-detail"][data-report-id="${id}"][data-checking="false"]`),
        ids['2021'],
        45_000,
      );
      expect(await library.evaluate(() => location.hash)).toBe(`#report=${ids['2021']}`);
      // 2021's detail can be marked ready a frame before 2022's findings leave the list (CI caught that frame):
      // judge the list once it has settled, for up to 5 s; 2022's findings staying under 2021 still fails.
      const carryOver = () => library.evaluate(() => document.querySelectorAll('[data-testid="finding"][data-rule="carry-over"]').length);
      for (const until = Date.now() + 15_000; (await carryOver()) !== 0 && Date.now() < until; ) await sleep(100);
      expect(await carryOver()).toBe(0);
    });
  });
}
