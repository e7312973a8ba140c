/**
 * Issue 19, "the panel is not waiting", in Debian Chromium (chrome-mv3): the panel paints the page's own
 * check first; the rules run after the paint and the background's answer (the library round trip: saved
 * state, reviews, cross-year findings) arrive after it and update the same panel in place. Needs
 * `npm run build` first.
 *
 * A main-world observer records every state the panel's shadow root goes through (stage, save state,
 * rules shown, figures shown, which host element), so the order is read from the page itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../cli/dom';
import { checkDocument } from '../../utils/pipeline';
import { FIXTURE_PAGES, type FixtureServer, GOV_HOST } from './lib/server';
import { BUILDS, type DriverOf, useBrowser } from './lib/session';

interface Shot {
  t: number;
  stage: string | null;
  save: string | null;
  rules: string[];
  figures: number;
  host: number;
  /** The panel says it is still checking (.rl-checking). */
  checking: boolean;
  /** The findings count the panel shows (.rl-total). */
  total: number | null;
}

const PROBE = `(() => {
  const shots = (window.__rlShots = []);
  const hosts = [];
  let last = '';
  const snap = () => {
    const host = document.querySelector('report-lens');
    const root = host && host.shadowRoot;
    const panel = root && root.querySelector('.rl-panel');
    if (!panel) return;
    if (!hosts.includes(host)) hosts.push(host);
    const shot = {
      t: performance.now(),
      stage: root.querySelector('.rl-root') ? root.querySelector('.rl-root').getAttribute('data-stage') : null,
      save: root.querySelector('[data-save-state]') ? root.querySelector('[data-save-state]').getAttribute('data-save-state') : null,
      rules: [...root.querySelectorAll('[data-rule]')].map((e) => e.getAttribute('data-rule')).sort(),
      figures: root.querySelectorAll('[data-figure]').length,
      host: hosts.indexOf(host),
      checking: !!root.querySelector('.rl-checking'),
      total: root.querySelector('.rl-total') ? Number(root.querySelector('.rl-total').getAttribute('data-total')) : null,
    };
    const key = JSON.stringify({ ...shot, t: 0 });
    if (key !== last) { last = key; shots.push(shot); }
  };
  const watched = new WeakSet();
  const watch = () => {
    const host = document.querySelector('report-lens');
    if (host && host.shadowRoot && !watched.has(host.shadowRoot)) {
      watched.add(host.shadowRoot);
      new MutationObserver(snap).observe(host.shadowRoot, { childList: true, subtree: true, attributes: true, characterData: true });
    }
    snap();
  };
  new MutationObserver(watch).observe(document, { childList: true, subtree: true });
})();`;

describe.skipIf(!existsSync(BUILDS.chromium))('first paint before the library round trip — chromium', () => {
  let server: FixtureServer;
  let driver: DriverOf<'chromium'>;

  useBrowser('chromium', (s) => ({ server, driver } = s));

  /** Open a page with the probe; wait until the panel says the background answered and saved. */
  async function visit(path: string): Promise<{ page: Page; shots: Shot[] }> {
    const page = await driver.context.newPage();
    await page.addInitScript({ content: PROBE });
    await page.goto(server.url(GOV_HOST, path), { waitUntil: 'load' });
    await page.waitForFunction(
      () => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-root[data-stage="complete"] [data-save-state="saved"]'),
      undefined,
      { timeout: 30_000, polling: 50 },
    );
    const shots = (await page.evaluate('window.__rlShots')) as Shot[];
    return { page, shots };
  }

  it("the first paint shows the page's own check before the answer; the answer updates the same panel", async () => {
    const { page, shots } = await visit('/agency-a-2021.html');
    const first = shots[0]!;
    // The first paint: this page's own check (figures shown), the background not yet heard from.
    expect(first.stage).toBe('page');
    expect(first.save).not.toBe('saved');
    expect(first.figures).toBeGreaterThan(0);
    // Later the answer: saved, in the same host element, painted after the first.
    const answered = shots.findIndex((s) => s.save === 'saved');
    expect(answered).toBeGreaterThan(0);
    expect(shots[answered]!.stage).toBe('complete');
    expect(shots[answered]!.t).toBeGreaterThan(first.t);
    expect(new Set(shots.map((s) => s.host))).toEqual(new Set([0]));
    await page.close();
  });

  it("the second year's page still shows the cross-year finding, which arrives after its first paint", async () => {
    // 2021 is in the library (previous test, auto-save): 2022's carried-over figure is checked against it.
    const { page, shots } = await visit('/agency-a-2022.html');
    const first = shots[0]!;
    expect(first.stage).toBe('page');
    expect(first.rules).not.toContain('carry-over');
    const last = shots[shots.length - 1]!;
    expect(last.stage).toBe('complete');
    expect(last.rules).toContain('carry-over');
    const withCrossYear = shots.findIndex((s) => s.rules.includes('carry-over'));
    expect(shots[withCrossYear]!.t).toBeGreaterThan(first.t);
    expect(new Set(shots.map((s) => s.host))).toEqual(new Set([0]));
    await page.close();
  });

  it('a Traditional page paints with the dictionaries loaded on demand, and a later rule still appears', async () => {
    // seed-003 (張家港, Traditional): its agency as printed, its table findings; the converter is a part
    // the background injects; the panel shows it like any page.
    const { page, shots } = await visit('/seed-003.html');
    const last = shots[shots.length - 1]!;
    expect(last.figures).toBeGreaterThan(0);
    for (const rule of ['applications-balance', 'applications-outcome-sum', 'review-litigation-sum']) expect(last.rules).toContain(rule);
    const text = await page.evaluate(() => document.querySelector('report-lens')?.shadowRoot?.textContent ?? '');
    expect(text).toContain('張家港市衛生健康委員會');
    await page.close();
  });

  it('a prose finding shown on the page comes with the rules loaded after the first paint', async () => {
    // 平潭 2019: eleven parts short of the total in a 其中 list (narrative-sum, a prose rule).
    const { page, shots } = await visit('/pingtan-2019.html');
    expect(shots[0]!.rules).not.toContain('narrative-sum');
    expect(shots[shots.length - 1]!.rules).toContain('narrative-sum');
    await page.close();
  });

  it("the review form is styled once the later part has brought its stylesheet into the panel's shadow root", async () => {
    const { page } = await visit('/seed-003.html');
    const style = await page.evaluate(() => {
      const root = document.querySelector('report-lens')!.shadowRoot!;
      (root.querySelector('.rl-review-toggle') as HTMLElement).click();
      return new Promise<{ parts: string[]; border: string; background: string }>((resolve) =>
        requestAnimationFrame(() => {
          const form = root.querySelector('.rl-review-form')!;
          const css = getComputedStyle(form);
          const parts = [...root.querySelectorAll('style[data-part]')].map((s) => s.getAttribute('data-part')!);
          resolve({ parts, border: css.borderTopStyle, background: css.backgroundColor });
        }),
      );
    });
    expect(style.parts).toEqual(['laterRules']);
    expect(style.border).toBe('solid');
    expect(style.background).toBe('rgb(246, 248, 250)');
    await page.close();
  });

  it('the first paint says it is still checking; the panel updates in place and ends with the whole check', async () => {
    // 平潭 2019: its prose finding comes with the later rules. No other year of it is in the library, so the
    // final panel holds exactly what the whole check (every rule, as the CLI runs it) finds on the page.
    const url = server.url(GOV_HOST, '/pingtan-2019.html');
    const { page, shots } = await visit('/pingtan-2019.html');
    const first = shots[0]!;
    const last = shots[shots.length - 1]!;
    expect(first.stage).toBe('page');
    expect(first.checking).toBe(true);
    expect(last.stage).toBe('complete');
    expect(last.checking).toBe(false);
    // Every state before the last complete one that shows fewer findings says it is still checking.
    for (const shot of shots)
      if (shot.total !== null && shot.total < last.total! && shot.stage === 'page') expect(shot.checking).toBe(true);
    expect(new Set(shots.map((s) => s.host))).toEqual(new Set([0]));
    const whole = checkDocument(htmlToDocument(readFileSync(join(FIXTURE_PAGES, 'pingtan-2019.html'), 'utf8')), { url });
    expect(last.total).toBe(whole.findings.length);
    expect([...new Set(last.rules)].sort()).toEqual([...new Set(whole.findings.map((f) => f.rule))].sort());
    await page.close();
  });
});
