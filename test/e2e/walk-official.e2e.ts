/**
 * Issue 21 item 10, the official who wrote the report and must fix it. Keyboard only, in Chromium and
 * Firefox, at 1280×900 and 1024×640, screenshots in test-results/walks/, axe on our UI.
 *
 * Her report is seed-002.html (平罗县卫生计生局 2018, Simplified). By hand from the page
 * (test/fixtures/expected/seed-002.json): section 一 says the report has 九个部分 but lists eight, so
 * declared-parts fires. She reads the card (its message and the rule it comes from), opens its 审核 control
 * with Enter, types a note, confirms with Enter; reloads and finds the review kept with its note; Escape folds
 * the panel and Enter opens it again; × (关闭（仅此页面）) closes it on this page, and the next page of the site
 * is still checked and shows its panel. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Driver, TestPage } from './lib/driver';
import { panelSnapshot, waitForPanel } from './lib/panel';
import type { FixtureServer } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';
import {
  activate,
  axeSerious,
  badgeTitle,
  describeViolations,
  focused,
  SIZES,
  setSize,
  shotPath,
  tabTo,
  typeText,
  until,
  writeKeyLog,
} from './lib/walk';

const NOTE = '已核对：第一部分应写八个部分，下次更正';

/** The card of the first declared-parts finding, as a reader sees it. */
function card(page: TestPage) {
  return page.evaluate(() => {
    const root = document.querySelector('report-lens')!.shadowRoot!;
    const button = root.querySelector<HTMLElement>('button.rl-finding[data-rule="declared-parts"]');
    const li = button?.closest('li');
    return {
      found: !!li,
      text: li?.textContent ?? '',
      message: button?.querySelector('.rl-message')?.textContent ?? '',
      review: button?.dataset.review ?? null,
    };
  });
}

async function blurAll(page: TestPage): Promise<void> {
  await page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    (el as HTMLElement | null)?.blur();
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
}

for (const target of BROWSERS) {
  // One browser for both sizes (see SIZES).
  describe.skipIf(!existsSync(target.build))(`walk: official — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;
    useBrowser(target.name, (s) => ({ server, driver } = s));

    for (const size of SIZES) {
      const shot = (step: string) => shotPath(target.name, size, 'official', step);

      it(`${size.name}: reads a card, marks it 审核 with a note, finds the review after a reload, folds and closes the panel; the next page is still checked`, async () => {
        const url = server.url(size.host, '/seed-002.html');
        const page = await driver.open(url);
        const keys: Record<string, number> = {};
        await setSize(driver, page, size);
        await waitForPanel(page);
        // Reviews hang on the saved report: auto-save is on by default.
        await page.waitFor(
          () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-save-state="saved"]'),
          undefined,
          20_000,
        );
        await page.screenshot(shot('1-opened'));

        // The card explains itself: a message in words and the rule it comes from (on main the id is a line of
        // the card; with 为什么/怎么改 it stays in the card's details).
        const before = await card(page);
        expect(before.found).toBe(true);
        expect(before.message).toMatch(/九/);
        expect(before.text).toContain('declared-parts');
        expect(before.review).toBeNull();

        // Keyboard: Tab from the top of the page to 审核 of the card control, Enter opens the form with the
        // focus in its note.
        await blurAll(page);
        keys['tab from the top of the page to 审核 of the card'] = await tabTo(driver, page, {
          selector: '.rl-review-toggle',
          name: /^审核：/,
          within: 'li:has(> .rl-finding-row > button[data-rule="declared-parts"])',
        });
        await page.press('Enter');
        await page.waitFor(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-review-form'));
        expect(await focused(page)).toMatchObject({ tag: 'input', name: '备注（可选）', inPanel: true });
        await typeText(driver, page, NOTE);
        await page.screenshot(shot('2-review-form'));
        expect(
          describeViolations(await axeSerious(driver, page, `${target.name}-${size.name}-official-review-form`, 'report-lens')),
        ).toEqual([]);

        // Tab to 确认, Enter: the card is marked confirmed with the note, and the focus is back on its control.
        keys['tab from the note to 确认'] = await tabTo(
          driver,
          page,
          { selector: '[data-review-action="confirmed"]', name: /^确认$/ },
          { max: 5 },
        );
        await page.press('Enter');
        await page.waitFor(
          () =>
            document
              .querySelector('report-lens')
              ?.shadowRoot?.querySelector('button.rl-finding[data-rule="declared-parts"][data-review="confirmed"]'),
          undefined,
          10_000,
        );
        expect((await card(page)).text).toContain(NOTE);
        expect(await focused(page)).toMatchObject({ name: expect.stringMatching(/^审核：/), inPanel: true });
        await page.screenshot(shot('3-reviewed'));

        // Reload: the review is kept, with its note.
        await page.evaluate(() => location.reload()).catch(() => undefined);
        await until(
          async () =>
            await page
              .evaluate(
                () =>
                  document.readyState === 'complete' &&
                  !document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-review-form'),
              )
              .catch(() => false),
          20_000,
          'reload',
        );
        await waitForPanel(page);
        await page.waitFor(
          () =>
            document
              .querySelector('report-lens')
              ?.shadowRoot?.querySelector('button.rl-finding[data-rule="declared-parts"][data-review="confirmed"]'),
          undefined,
          20_000,
        );
        const after = await card(page);
        expect(after.review).toBe('confirmed');
        expect(after.text).toContain(NOTE);
        await page.screenshot(shot('4-after-reload'));

        // Escape folds the panel to its tab (focus on it); Enter opens it again.
        await blurAll(page);
        keys['tab from the top of the page into the panel'] = await tabTo(driver, page, { selector: 'button.rl-finding' });
        await page.press('Escape');
        await page.waitFor(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-pill'));
        expect(await focused(page)).toMatchObject({ tag: 'button', inPanel: true });
        await page.screenshot(shot('5-folded'));
        await page.press('Enter');
        await page.waitFor(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-panel'));

        // × closes the panel on this page.
        keys['tab and Enter from the reopened panel to ×'] = await activate(driver, page, {
          selector: '[data-action="close"]',
          name: /^关闭（仅此页面）$/,
        });
        await page.waitFor(() => !document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-panel, .rl-pill'));
        expect((await panelSnapshot(page)).state).toBe('none');
        await page.screenshot(shot('6-closed'));
        await page.close();

        // The next page of the site: checked (the badge's tooltip is written) and its panel shown.
        const next = await driver.open(server.url(size.host, '/clean-2021.html'));
        await setSize(driver, next, size);
        await waitForPanel(next);
        expect((await panelSnapshot(next)).state).toBe('expanded');
        await until(
          async () => (await badgeTitle(driver, next.tabId)).startsWith('年报体检：错误'),
          20_000,
          'badge tooltip of the next page',
        );
        await next.screenshot(shot('7-next-page'));
        // A clean report's panel: no control inside its scrolling body, which must still take the keyboard.
        expect(describeViolations(await axeSerious(driver, next, `${target.name}-${size.name}-official-next-page`, 'report-lens'))).toEqual(
          [],
        );
        writeKeyLog(target.name, size, 'official', keys);
        await next.close();
      });
    }
  });
}
