/**
 * A 年报 listing page in Chromium: the detector fires on the column page, the report script reads it as a
 * listing and mounts no panel (though the page links a PDF), the badge counts the reports, and the popup offers
 * batch-check with that count and the follow-pages option. A news article linking one report is left alone.
 * Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sleep } from './lib/driver';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BUILDS, type DriverOf, useBrowser } from './lib/session';

type Launched = DriverOf<'chromium'>;
/** Detector + AJAX debounce + injection: how long a page gets to show what it should not. */
const QUIET_MS = 3000;

async function until(condition: () => Promise<unknown>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await sleep(100);
  }
}

describe.skipIf(!existsSync(BUILDS.chromium))('a 年报 listing page (Chromium)', () => {
  let server: FixtureServer;
  let browser: Launched;
  const injections = async (tabId: number) =>
    (await browser.extEval<{ tabId: number }[]>(`return (await chrome.storage.session.get('injections')).injections ?? [];`)).filter(
      (r) => r.tabId === tabId,
    );
  const tabState = (tabId: number) =>
    browser.extEval<{ isReport: boolean; listing?: { reports: { url: string }[]; nextPages: string[] } } | null>(
      `return (await chrome.storage.session.get('tab:${tabId}'))['tab:${tabId}'] ?? null;`,
    );

  useBrowser('chromium', (s) => ({ server, driver: browser } = s));

  it('the TRS agency column: no panel, badge "6", popup offers 批量检查 6 份年报 and the further pages', async () => {
    const page = await browser.open(server.url(GOV_HOST, '/listing/trs-agency-listing.html'));
    // The report script ran on it (the detector fired) and reported a listing of the six reports it links.
    await until(async () => (await tabState(page.tabId))?.listing);
    expect((await injections(page.tabId)).length).toBe(1);
    const state = await tabState(page.tabId);
    expect(state?.isReport).toBe(false);
    expect(state?.listing?.reports.map((r) => new URL(r.url).pathname)).toEqual([
      '/listing/202401/t20240126_5523107.html',
      '/listing/202301/t20230129_5129876.html',
      '/listing/202201/t20220128_4788920.html',
      '/listing/202101/t20210129_4402155.html',
      '/listing/202101/W020210129377718425061.pdf',
      '/listing/202001/t20200121_4011348.html',
    ]);
    await sleep(QUIET_MS);
    // A listing is never a report: no panel, not even the attachments offer for the PDF it links.
    expect(await page.evaluate(() => document.querySelector('report-lens') === null)).toBe(true);
    expect(await browser.badgeText(page.tabId)).toBe('6');

    const popup = await browser.openPopup(page.tabId);
    await popup.waitFor(() => document.querySelector('[data-action="batch-check"]'));
    const offer = await popup.evaluate(() => ({
      button: document.querySelector('[data-action="batch-check"]')?.textContent ?? '',
      follow: document.querySelector('[data-option="follow-pages"]')?.closest('label')?.textContent ?? '',
      checked: (document.querySelector('[data-option="follow-pages"]') as HTMLInputElement | null)?.checked,
      attachments: document.querySelectorAll('[data-action="check-attachment"]').length,
    }));
    expect(offer.button).toBe('批量检查 6 份年报');
    // The pager script says three pages; served under its file name, index.html is a further page too.
    expect(offer.follow).toBe(`同时检查后续 ${state?.listing?.nextPages.length} 页`);
    expect(state?.listing?.nextPages.length).toBeGreaterThanOrEqual(2);
    expect(offer.checked).toBe(false);
    expect(offer.attachments).toBe(0);
    await popup.close();
    await page.close();
  });

  it('library #batch: readable type (≥ 14px, not the 75% Chromium gives extension pages) and a paste box that explains an empty list', async () => {
    const lib = await browser.context.newPage();
    await lib.goto(`${browser.extensionOrigin}/library.html#batch`);
    await lib.waitForSelector('textarea[data-input="batch-addresses"]');
    const sizes = await lib.evaluate(() =>
      ['body', '.hint', 'label[for="batch-addresses"]', '[data-action="batch-start"]', '.tabs a'].map((sel) =>
        parseFloat(getComputedStyle(document.querySelector(sel)!).fontSize),
      ),
    );
    for (const size of sizes) expect(size).toBeGreaterThanOrEqual(14);
    await lib.click('[data-action="batch-start"]');
    await lib.waitForSelector('.batch-paste [role="alert"]');
    expect(await lib.textContent('.batch-paste [role="alert"]')).toBe('请先粘贴至少一个报告网址。');
    await lib.fill('textarea[data-input="batch-addresses"]', 'www.example.gov.cn/a.html');
    await lib.click('[data-action="batch-start"]');
    await lib.waitForFunction(() => document.querySelector('.batch-paste [role="alert"]')?.textContent?.startsWith('没有可用的网址'));
    await lib.close();
  });

  it('a news article linking one report in its 相关链接 is not injected', async () => {
    const page = await browser.open(server.url(GOV_HOST, '/listing/trs-news-with-report-link.html'));
    await sleep(QUIET_MS);
    expect(await injections(page.tabId)).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('report-lens') === null)).toBe(true);
    expect(await browser.badgeText(page.tabId)).toBe('');
    await page.close();
  });
});
