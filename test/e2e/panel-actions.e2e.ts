/**
 * Issue 21 items 8 and 9 in the browser: a flood of blank-cell notices is one line; × closes the panel on
 * that page only; "don't show on this site" is the popup's explicit choice, undone there; the badge's
 * tooltip names its counts; a finding clicked in the popup is found in the page.
 *
 * The page /e2e/blank-19.html is clean-2021.html with its applications table as Word pastes it (MsoNormal
 * paragraphs, <o:p>&nbsp;</o:p> in empty cells) and 19 of its zero cells left blank, by hand: 科研机构 in
 * the 8 rows of （三）不予公开, 法律服务机构 in the 3 rows of （四） and the 5 of （五）, 其他 in rows 1–3 of
 * （三）. The blank-cells rule reports one notice per column: 8 + 8 + 3 = 19 cells in 3 notices, and no sum
 * fails (every blank stood for a 0). Needs `npm run build` first.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Driver, sleep, type TestPage } from './lib/driver';
import { panelSnapshot, waitForPanel } from './lib/panel';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';

const RESULTS = resolve(import.meta.dirname, '../../test-results');
mkdirSync(RESULTS, { recursive: true });

/** How long a page gets to show a panel it should not (detector + injection + check). */
const QUIET_MS = 4000;
const API = 'const api = globalThis.browser ?? globalThis.chrome; const action = api.action ?? api.browserAction;';

function badgeTitle(driver: Driver, tabId: number): Promise<string> {
  return driver.extEval<string>(`${API} return await action.getTitle({ tabId: ${tabId} });`);
}

async function until(condition: () => Promise<unknown>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await sleep(150);
  }
}

const inPanel = (page: TestPage, selector: string) =>
  page.evaluate((s) => !!document.querySelector('report-lens')?.shadowRoot?.querySelector(s), selector);

for (const target of BROWSERS) {
  describe.skipIf(!existsSync(target.build))(`panel actions — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;
    const shot = (name: string) => join(RESULTS, `${target.name}-${name}.png`);

    useBrowser(target.name, (s) => ({ server, driver } = s));

    it('19 blank cells: one grouped line "19 处空白单元格（3 条提示）", opened on demand; the badge tooltip names its counts', async () => {
      const page = await driver.open(server.url(GOV_HOST, '/e2e/blank-19.html'));
      await waitForPanel(page);
      const panel = await panelSnapshot(page);
      expect(panel.severityCounts).toEqual({ info: 3 });
      const group = await page.evaluate(() => {
        const root = document.querySelector('report-lens')!.shadowRoot!;
        const lines = root.querySelectorAll<HTMLElement>('[data-group-rule]');
        return {
          lines: lines.length,
          rule: lines[0]?.dataset.groupRule,
          text: lines[0]?.querySelector('.rl-group-toggle')?.textContent ?? '',
          listed: root.querySelectorAll('button[data-rule="blank-cells"]').length,
        };
      });
      expect(group).toEqual({ lines: 1, rule: 'blank-cells', text: expect.stringContaining('19 处空白单元格（3 条提示）'), listed: 0 });
      await page.screenshotElement('report-lens', shot('blank-19-grouped'));
      await page.clickInPanel('[data-group-rule="blank-cells"] .rl-group-toggle');
      await page.waitFor(
        () => document.querySelector('report-lens')?.shadowRoot?.querySelectorAll('button[data-rule="blank-cells"]').length === 3,
      );

      // The badge counts nothing (no error, no warning) and its tooltip says so, with the three notes.
      await until(async () => (await badgeTitle(driver, page.tabId)).startsWith('年报体检：错误'));
      expect(await badgeTitle(driver, page.tabId)).toBe(
        '年报体检：错误 0 · 警告 0 · 提示 3（图标数字为警告数） · Report Lens: 0 error(s) · 0 warning(s) · 3 note(s) (the icon counts warnings)',
      );
      expect(await driver.badgeText(page.tabId)).toBe('');
      await page.close();
    });

    it('a finding clicked in the popup is found and highlighted in the page', async () => {
      const page = await driver.open(server.url(GOV_HOST, '/e2e/blank-19.html'));
      await waitForPanel(page);
      const popup = await driver.openPopup(page.tabId);
      await popup.waitFor(() => document.querySelector('[data-group-rule="blank-cells"]'));
      await popup.click('[data-group-rule="blank-cells"] .rl-group-toggle');
      await popup.waitFor(() => document.querySelectorAll('button[data-rule="blank-cells"]').length === 3);
      await popup.click('button[data-rule="blank-cells"]');
      await page.waitFor(() => document.querySelector('[data-report-lens-highlight]'));
      // The first notice's place: an empty cell of the applications table.
      const cell = await page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('[data-report-lens-highlight]')!;
        return {
          tag: el.closest('td') ? 'TD' : el.tagName,
          text: (el.textContent ?? '').trim(),
          table: /申请人情况/.test(el.closest('table')?.textContent ?? ''),
        };
      });
      expect(cell).toEqual({ tag: 'TD', text: '', table: true });
      expect(await popup.evaluate(() => document.querySelector('.rl-notfound'))).toBeNull();
      await popup.screenshot(shot('blank-19-popup'));
      await popup.close();
      await page.close();
    });

    it('× closes the panel on that page only: the next page of the site is checked and shows it', async () => {
      const page = await driver.open(server.url(GOV_HOST, '/e2e/blank-19.html'));
      await waitForPanel(page);
      await page.clickInPanel('[data-action="close"]');
      await page.waitFor(() => !document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-panel, .rl-pill'));
      expect((await panelSnapshot(page)).state).toBe('none');
      await page.close();

      const next = await driver.open(server.url(GOV_HOST, '/clean-2021.html'));
      await waitForPanel(next);
      expect((await panelSnapshot(next)).state).toBe('expanded');
      await next.close();
    });

    it('"在本网站不再显示" is chosen in the popup, keeps the site checked without a panel, and is undone there', async () => {
      const page = await driver.open(server.url(GOV_HOST, '/clean-2021.html'));
      await waitForPanel(page);
      const popup = await driver.openPopup(page.tabId);
      await popup.waitFor(() => document.querySelector('[data-setting="hideOnSite"]'));
      expect(
        await popup.evaluate(() => document.querySelector<HTMLElement>('[data-setting="hideOnSite"]')!.closest('label')!.textContent),
      ).toBe(`在本网站不再显示面板（${'www.example.gov.cn'}）`);
      await popup.click('[data-setting="hideOnSite"]');
      await popup.waitFor(() => document.querySelector<HTMLInputElement>('[data-setting="hideOnSite"]')!.checked);
      // The page it was chosen on loses its panel at once.
      await page.waitFor(() => !document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-panel, .rl-pill'));
      await popup.close();
      await page.close();

      // The next page: still checked (the badge's tooltip is written), no panel.
      const next = await driver.open(server.url(GOV_HOST, '/e2e/blank-19.html'));
      await until(async () => (await badgeTitle(driver, next.tabId)).startsWith('年报体检：错误 0 · 警告 0 · 提示 3'));
      await sleep(QUIET_MS);
      expect(await inPanel(next, '.rl-panel, .rl-pill')).toBe(false);

      // Undone in the popup: the panel shows on this tab at once, and on the site's next page.
      const again = await driver.openPopup(next.tabId);
      await again.waitFor(() => document.querySelector<HTMLInputElement>('[data-setting="hideOnSite"]')?.checked === true);
      await again.click('[data-setting="hideOnSite"]');
      await next.waitFor(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-panel'));
      await again.close();
      await next.close();
      const later = await driver.open(server.url(GOV_HOST, '/clean-2021.html'));
      await waitForPanel(later);
      expect((await panelSnapshot(later)).state).toBe('expanded');
      await later.close();
    });

    // Last: the dismissals are saved with the report, so later opens of this page would see them.
    it('"全部忽略" dismisses the 3 blank-cell notices through the review path; the counts and tooltip follow', async () => {
      const page = await driver.open(server.url(GOV_HOST, '/e2e/blank-19.html'));
      await waitForPanel(page);
      await page.clickInPanel('[data-group-rule="blank-cells"] [data-action="ignore-all"]');
      // One save per notice: wait for the third.
      await page.waitFor(
        () =>
          document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-review-group="dismissed"] .rl-count')?.textContent ===
          '3',
      );
      const after = await page.evaluate(() => {
        const root = document.querySelector('report-lens')!.shadowRoot!;
        return {
          groups: root.querySelectorAll('[data-group-rule]').length,
          info: root.querySelector('[data-severity="info"]') !== null,
          dismissed: root.querySelector('[data-review-group="dismissed"] .rl-count')?.textContent,
        };
      });
      expect(after).toEqual({ groups: 0, info: false, dismissed: '3' });
      await until(async () => (await badgeTitle(driver, page.tabId)).startsWith('年报体检：错误 0 · 警告 0 · 提示 0'));
      await page.close();
    });
  });
}
