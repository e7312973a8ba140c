/**
 * One language setting serves every page (issue 20.1): chosen once, the library page and the panel on a report
 * page both follow it, Traditional included; the library page's own select writes the same setting. Screenshots
 * of the library in Traditional: test-results/library-zh-Hant-<browser>.png.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Driver } from './lib/driver';
import { waitForPanel } from './lib/panel';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';
import { patchSettings } from './lib/settings';

for (const target of BROWSERS) {
  describe(`one language setting — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;
    useBrowser(target.name, (s) => ({ server, driver } = s));

    it('Traditional chosen once: the panel on a Simplified report and the library page both speak it; the library select switches every page to English', async () => {
      // A report saved to the library (its page is printed in Simplified).
      const report = await driver.open(server.url(GOV_HOST, '/agency-a-2021.html'));
      await waitForPanel(report);
      await report
        .waitFor(() => !!document.querySelector('report-lens')?.shadowRoot?.textContent?.match(/已保存|已儲存|Saved/), undefined, 20_000)
        .catch(() => undefined);
      await report.close();

      await patchSettings(driver, { language: 'zh-Hant' });
      const page = await driver.open(server.url(GOV_HOST, '/agency-a-2022.html'));
      await waitForPanel(page);
      const label = await page.evaluate(
        () => document.querySelector('report-lens')!.shadowRoot!.querySelector('aside.rl-panel')?.getAttribute('aria-label') ?? '',
      );
      expect(label).toMatch(/^年報體檢/);

      const library = await driver.openExtensionPage('/library.html');
      await library.waitFor(() => (document.body.textContent ?? '').includes('報告列表'), undefined, 20_000);
      const shown = await library.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        tabs: [...document.querySelectorAll('[role="tab"]')].map((t) => t.textContent),
        choice: (document.querySelector('[data-testid="language"]') as HTMLSelectElement | null)?.value,
      }));
      expect(shown.lang).toBe('zh-Hant');
      expect(shown.title).toBe('年報體檢 · 報告庫');
      expect(shown.tabs).toContain('批量檢查');
      expect(shown.tabs).not.toContain('批量检查');
      expect(shown.choice).toBe('zh-Hant');
      mkdirSync('test-results', { recursive: true });
      await library.screenshot(`test-results/library-zh-Hant-${target.name}.png`);

      // The library's select writes the one setting that every page reads.
      await library.evaluate(() => {
        const select = document.querySelector('[data-testid="language"]') as HTMLSelectElement;
        select.value = 'en';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await library.waitFor(
        () => document.documentElement.lang === 'en' && (document.body.textContent ?? '').includes('Reports'),
        undefined,
        10_000,
      );
      const stored = await driver.extEval<string>(
        `const api = globalThis.browser ?? globalThis.chrome; return (await api.storage.local.get('settings')).settings.language;`,
      );
      expect(stored).toBe('en');
      await library.close();
      await page.close();
    });
  });
}
