/**
 * Issue 21 items 1 and 7 in the browser: the panel opens with its answer line; a click on a finding leaves the
 * cited number visible and not under the panel, at 1280×900 and 1024×640; every located finding is marked in
 * the page and a click on a mark opens its card; a prose-vs-table finding offers both places.
 *
 * The page /e2e/prose-table.html is clean-2021.html with two changes by hand: the text says 新收 46 where
 * table 三 says 49 (narrative-vs-table), and （一）予以公开·自然人 reads 21 instead of 20, so that row no longer
 * adds up to its 总计 25 (applications-row-sum) nor the 自然人 column to its （七）总计 (applications-outcome-sum).
 * Needs `npm run build` first.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Driver, sleep, type TestPage } from './lib/driver';
import { settled, waitForPanel } from './lib/panel';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';

const RESULTS = resolve(import.meta.dirname, '../../test-results');
mkdirSync(RESULTS, { recursive: true });

const SIZES = [
  { width: 1280, height: 900 },
  { width: 1024, height: 640 },
] as const;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The cited place after a click, in viewport pixels: for a table cell the outlined cell; for a sentence the
 * cited number itself (`quote`, found in the outlined element's text), and the panel's (or its tab's) box.
 */
function placeAndPanel(page: TestPage, quote: string | null) {
  return page.evaluate((q) => {
    const el = document.querySelector<HTMLElement>('[data-report-lens-highlight]');
    const box = (r: DOMRect) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
    let target: { top: number; bottom: number; left: number; right: number } | null = el ? box(el.getBoundingClientRect()) : null;
    if (el && q) {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent!.indexOf(q);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + q.length);
        target = box(range.getBoundingClientRect());
        break;
      }
    }
    const panel = document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-panel, .rl-pill');
    return {
      tag: el?.tagName ?? null,
      text: (el?.textContent ?? '').trim(),
      target,
      panel: panel ? box(panel.getBoundingClientRect()) : null,
      viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
    };
  }, quote);
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

function expectClear(place: Awaited<ReturnType<typeof placeAndPanel>>): void {
  expect(place.target).not.toBeNull();
  const t = place.target!;
  // Visible: inside the viewport…
  expect(t.top).toBeGreaterThanOrEqual(0);
  expect(t.bottom).toBeLessThanOrEqual(place.viewport.height);
  expect(t.left).toBeGreaterThanOrEqual(0);
  expect(t.right).toBeLessThanOrEqual(place.viewport.width);
  // …and not under the panel (nor under its tab when it folded).
  expect(place.panel).not.toBeNull();
  expect(overlaps(t, place.panel!)).toBe(false);
}

/** The panel's findings as listed: rule, category, severity group. */
function cards(page: TestPage) {
  return page.evaluate(() =>
    [...(document.querySelector('report-lens')?.shadowRoot?.querySelectorAll<HTMLElement>('button.rl-finding') ?? [])].map((b) => ({
      rule: b.dataset.rule!,
      category: b.querySelector<HTMLElement>('.rl-cat')?.dataset.category ?? null,
      severity: b.closest<HTMLElement>('[data-severity]')?.dataset.severity ?? null,
      index: Number(b.closest<HTMLElement>('[data-index]')?.dataset.index),
    })),
  );
}

function answerLine(page: TestPage) {
  return page.evaluate(() => {
    const p = document.querySelector('report-lens')?.shadowRoot?.querySelector<HTMLElement>('.rl-answer');
    return p ? { text: p.textContent ?? '', checked: Number(p.dataset.checked), problems: Number(p.dataset.problems) } : null;
  });
}

for (const target of BROWSERS) {
  describe.skipIf(!existsSync(target.build))(`panel reading — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;
    const shot = (name: string) => join(RESULTS, `${target.name}-${name}.png`);

    useBrowser(target.name, (s) => ({ server, driver } = s));

    it('opens with the answer line: what it found, by plain category, and how much it checked; the popup says the same', async () => {
      const page = await driver.open(server.url(GOV_HOST, '/e2e/prose-table.html'));
      await waitForPanel(page);
      const listed = await cards(page);
      expect(listed.map((c) => [c.rule, c.category, c.severity])).toEqual([
        ['narrative-vs-table', 'proseTable', 'error'],
        ['applications-row-sum', 'sums', 'error'],
        ['applications-outcome-sum', 'sums', 'error'],
      ]);
      const answer = (await answerLine(page))!;
      expect(answer.checked).toBeGreaterThan(14);
      expect(answer.problems).toBe(3);
      expect(answer.text).toBe(`2 处数字对不上、1 处表格与正文不一致 · 已核对 ${answer.checked} 项`);
      // The rule id left the card for its details line, with 为什么 / 怎么改.
      const help = await page.evaluate(() => {
        const root = document.querySelector('report-lens')!.shadowRoot!;
        return {
          ruleOnCard: !!root.querySelector('button.rl-finding .rl-rule'),
          details: [...root.querySelectorAll('.rl-help summary')].map((s) => s.textContent),
        };
      });
      expect(help).toEqual({ ruleOnCard: false, details: ['为什么 / 怎么改', '为什么 / 怎么改', '为什么 / 怎么改'] });
      await page.clickInPanel('[data-index="1"] .rl-help summary');
      await page.waitFor(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-index="1"] .rl-help dd'));
      const texts = await page.evaluate(() =>
        [...document.querySelector('report-lens')!.shadowRoot!.querySelectorAll('[data-index="1"] .rl-help :is(dt, dd, .rl-rule)')].map(
          (e) => e.textContent,
        ),
      );
      // applications-row-sum's fix, as written in its meta.
      expect(texts).toEqual([
        '为什么',
        expect.stringContaining('总计'),
        '怎么改',
        '把该行各申请人栏相加，与“总计”栏对照，改正错的那一格。',
        'applications-row-sum',
      ]);

      const popup = await driver.openPopup(page.tabId);
      await popup.waitFor(() => document.querySelector('.rl-answer')?.textContent);
      expect(await popup.evaluate(() => document.querySelector('.rl-answer')!.textContent)).toBe(answer.text);
      await popup.close();

      // The same page without the two changes: nothing found, the same relations and figures compared.
      const clean = await driver.open(server.url(GOV_HOST, '/clean-2021.html'));
      await waitForPanel(clean);
      expect(await answerLine(clean)).toEqual({
        text: `未发现数字问题 · 已核对 ${answer.checked} 项`,
        checked: answer.checked,
        problems: 0,
      });
      await clean.close();
      await page.close();
    });

    it('the figures fold away, and stay folded on the next page', async () => {
      const page = await driver.open(server.url(GOV_HOST, '/clean-2021.html'));
      await waitForPanel(page);
      const figures = () =>
        page.evaluate(() => document.querySelector('report-lens')!.shadowRoot!.querySelectorAll('[data-figure]').length);
      expect(await figures()).toBeGreaterThan(3);
      await page.clickInPanel('.rl-fold');
      await page.waitFor(() => document.querySelector('report-lens')!.shadowRoot!.querySelectorAll('[data-figure]').length === 0);
      await page.close();
      const next = await driver.open(server.url(GOV_HOST, '/e2e/prose-table.html'));
      await waitForPanel(next);
      expect(
        await next.evaluate(() =>
          document.querySelector('report-lens')!.shadowRoot!.querySelector('.rl-fold')!.getAttribute('aria-expanded'),
        ),
      ).toBe('false');
      expect(await next.evaluate(() => document.querySelector('report-lens')!.shadowRoot!.querySelectorAll('[data-figure]').length)).toBe(
        0,
      );
      // Unfolded again for the tests that follow.
      await next.clickInPanel('.rl-fold');
      await next.waitFor(() => document.querySelector('report-lens')!.shadowRoot!.querySelectorAll('[data-figure]').length > 0);
      await next.close();
    });

    for (const size of SIZES) {
      it(`${size.width}×${size.height}: a click on a finding, or on its 正文 / 表格, leaves the cited place visible and clear of the panel`, async () => {
        const page = await driver.open(server.url(GOV_HOST, '/e2e/prose-table.html'));
        await page.setViewport(size.width, size.height);
        await waitForPanel(page);
        // Each finding's card: its cited number (the sentence's 46, the row's stated 25, the column's （七）总计).
        const cases: Array<{ click: string; quote: string | null; tag: string; text?: string }> = [
          { click: '[data-index="0"] button.rl-finding', quote: '46', tag: 'P' },
          { click: '[data-index="1"] button.rl-finding', quote: null, tag: 'TD', text: '25' },
          { click: '[data-index="2"] button.rl-finding', quote: null, tag: 'TD' },
          // Both places of the prose-vs-table finding, one click each.
          { click: '[data-index="0"] [data-place="table"]', quote: null, tag: 'TD', text: '49' },
          { click: '[data-index="0"] [data-place="prose"]', quote: '46', tag: 'P' },
        ];
        for (const c of cases) {
          // The panel as it opens, in its corner, before each click.
          await page.evaluate(() => window.scrollTo(0, 0));
          await page
            .waitFor(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-panel'), undefined, 5000)
            .catch(async () => {
              await page.clickInPanel('.rl-pill');
            });
          await page.clickInPanel(c.click);
          await page.waitFor(() => document.querySelector('[data-report-lens-highlight]'));
          await settled(page);
          const place = await placeAndPanel(page, c.quote);
          expect(place.tag).toBe(c.tag);
          if (c.text) expect(place.text).toBe(c.text);
          if (c.quote) expect(place.text).toContain('新收政府信息公开申请46件');
          expectClear(place);
        }
        await page.screenshot(shot(`panel-reading-${size.width}`));
        await page.close();
      });
    }

    it('every located finding is marked in the page; a click on a mark opens its card', async () => {
      const page = await driver.open(server.url(GOV_HOST, '/e2e/prose-table.html'));
      await waitForPanel(page);
      await page.waitFor(() => document.querySelector('report-lens-marks')?.shadowRoot?.querySelectorAll('.d').length);
      const marks = await page.evaluate(() =>
        [...document.querySelector('report-lens-marks')!.shadowRoot!.querySelectorAll<HTMLElement>('.d')]
          .map((d) => Number(d.dataset.markIndex))
          .sort(),
      );
      expect(marks).toEqual([0, 1, 2]);
      // The page's own layout is untouched: its text has no element of ours inside.
      expect(
        await page.evaluate(() => document.querySelectorAll('.article-body report-lens-marks, .article-body report-lens').length),
      ).toBe(0);

      // Fold the panel, then click the mark of the 自然人 column's （七）总计 (a real click at its dot).
      await page.clickInPanel('.rl-header .rl-icon');
      await page.waitFor(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-pill'));
      const dot = await page.evaluate(() => {
        const d = document.querySelector('report-lens-marks')!.shadowRoot!.querySelector<HTMLElement>('.d[data-mark-index="2"]')!;
        d.scrollIntoView({ block: 'center' });
        const r = d.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
      await sleep(200);
      await page.clickAt(dot.x, dot.y);
      await page.waitFor(() => {
        const root = document.querySelector('report-lens')?.shadowRoot;
        return root?.querySelector('.rl-panel') && (root.activeElement as HTMLElement | null)?.closest('[data-index="2"]');
      });
      const opened = await page.evaluate(() => {
        const active = document.querySelector('report-lens')!.shadowRoot!.activeElement as HTMLElement;
        return { rule: active.dataset.rule, pressed: active.getAttribute('aria-pressed') };
      });
      expect(opened).toEqual({ rule: 'applications-outcome-sum', pressed: 'true' });
      await settled(page);
      expectClear(await placeAndPanel(page, null));
      await page.close();
    });
  });
}
