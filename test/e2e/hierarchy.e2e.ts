/**
 * The hierarchy end to end in Chromium: a district government's report and three of its bodies' reports
 * (test/fixtures/hierarchy/, Word-pasted tables on the district portal) are saved on visit; in library.html#hierarchy
 * the three are suggested under the district, two are accepted and one is marked by hand; the year's table and
 * the district report's detail then show hierarchy-sum. The district page states 一、本年新收 30, （一）予以公开 18
 * and （七）总计 30, each 3 more than its bodies' sums (14 + 9 + 4 = 27, 8 + 5 + 2 = 15, 27); its other figures add up.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { type DriverOf, useBrowser } from './lib/session';

type Launched = DriverOf<'chromium'>;

const PAGES = ['education', 'health', 'street', 'district'];
const DISTRICT = '青石区人民政府';
const CHILDREN = ['青石区城关街道办事处', '青石区教育局', '青石区卫生健康局'];

describe('hierarchy (Chromium)', () => {
  let server: FixtureServer;
  let browser: Launched;
  let library: Page;

  useBrowser('chromium', (s) => ({ server, driver: browser } = s));

  it('saves the district’s and its three bodies’ reports on visit', async () => {
    for (const name of PAGES) {
      const page = await browser.open(server.url(GOV_HOST, `/hierarchy/${name}-2023.html`));
      await page.waitFor(() => !!document.querySelector('report-lens')?.shadowRoot?.textContent?.match(/已保存|Saved/), undefined, 45_000);
      await page.close();
    }
    library = await browser.context.newPage();
    await library.goto(`${browser.extensionOrigin}/library.html`);
    await library.waitForFunction(() => document.querySelectorAll('[data-testid="report-row"]').length === 4, undefined, {
      timeout: 45_000,
    });
  });

  it('suggests the three bodies under the district; two accepted, one marked by hand', async () => {
    await library.click('[data-testid="tab-hierarchy"]');
    await library.waitForFunction(() => document.querySelectorAll('[data-suggestion]').length === 3, undefined, { timeout: 30_000 });
    const suggested = await library.$$eval('[data-suggestion]', (els) =>
      els.map((e) => [e.getAttribute('data-parent'), e.getAttribute('data-child')]),
    );
    expect(suggested.sort()).toEqual(CHILDREN.map((c) => [DISTRICT, c]).sort());

    for (const child of ['青石区教育局', '青石区卫生健康局']) {
      await library.click(`[data-suggestion][data-child="${child}"] [data-action="accept-suggestion"]`);
      await library.waitForSelector(`[data-hierarchy-parent="${DISTRICT}"] [data-hierarchy-child="${child}"]`);
    }
    // The street office by hand: parent and child chosen from the lists.
    await library.selectOption('select[data-input="hierarchy-parent"]', DISTRICT);
    await library.selectOption('select[data-input="hierarchy-child"]', '青石区城关街道办事处');
    await library.click('[data-action="mark-child"]');
    await library.waitForSelector(`[data-hierarchy-parent="${DISTRICT}"] [data-hierarchy-child="青石区城关街道办事处"]`);
    expect(await library.locator('[data-suggestion]').count()).toBe(0);

    // The 2023 table: differences of +3 on 一, 予以公开 and （七）; 二 and 四 add up.
    const table = `[data-hierarchy-table][data-parent="${DISTRICT}"][data-year="2023"]`;
    await library.waitForFunction(
      (sel) => document.querySelector(`${sel} [data-figure="applications.new"]`)?.getAttribute('data-difference') === '3',
      table,
      { timeout: 30_000 },
    );
    const differences = await library.$$eval(`${table} [data-figure]`, (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-figure'), r.getAttribute('data-difference')])),
    );
    expect(differences).toMatchObject({
      'applications.new': '3',
      'applications.carriedOver': '0',
      'applications.granted': '3',
      'applications.partial': '0',
      'applications.total': '3',
      'applications.carriedForward': '0',
      'reviewLitigation.review': '0',
      'reviewLitigation.litigationDirect': '0',
      'reviewLitigation.litigationAfterReview': '0',
    });
  });

  it('the district report’s detail shows hierarchy-sum naming the bodies, each one a link to its report', async () => {
    await library.click(`[data-hierarchy-table][data-parent="${DISTRICT}"] button.link >> nth=0`);
    await library.waitForSelector('[data-testid="report-detail"][data-checking="false"]');
    const findings = library.locator('[data-testid="finding"][data-rule="hierarchy-sum"]');
    await findings.first().waitFor({ timeout: 30_000 });
    expect(await findings.count()).toBe(3);
    const texts = await findings.allTextContents();
    expect(texts[0]).toContain('本报告为 30，3 个下级报告合计 27（青石区城关街道办事处 4、青石区教育局 14、青石区卫生健康局 9）');
    expect(texts[1]).toContain('本报告为 18，3 个下级报告合计 15');
    expect(texts[2]).toContain('本报告为 30，3 个下级报告合计 27');
    const links = findings.first().locator('[data-action="open-child"]');
    // The links come once the children's saved reports are looked up, which may be after the text.
    await links.nth(CHILDREN.length - 1).waitFor({ timeout: 30_000 });
    expect((await links.allTextContents()).sort()).toEqual([...CHILDREN].sort());
    await links.filter({ hasText: '青石区教育局' }).click();
    await library.waitForFunction(() => document.querySelector('[data-testid="report-detail"] h2')?.textContent?.includes('青石区教育局'));
  });

  it('the district page checked again in a tab shows the same findings in its panel', async () => {
    const page = await browser.open(server.url(GOV_HOST, '/hierarchy/district-2023.html'));
    await page.waitFor(
      () => (document.querySelector('report-lens')?.shadowRoot?.textContent ?? '').includes('3 个下级报告合计 27'),
      undefined,
      45_000,
    );
    await page.close();
  });
});
