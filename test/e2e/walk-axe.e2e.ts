/**
 * The walks' accessibility check is not vacuous: axe, run as the walks run it (lib/walk.ts axeSerious on
 * `report-lens`), sees into the panel's shadow root. A button with no name, added there by the test, is
 * reported (button-name, critical); the same button added to the fixture page outside our panel is not, since
 * the walks judge our UI only. In Chromium and Firefox. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Driver } from './lib/driver';
import { waitForPanel } from './lib/panel';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';
import { axeSerious } from './lib/walk';

for (const target of BROWSERS) {
  describe.skipIf(!existsSync(target.build))(`walk helper: axe sees the panel's shadow root — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;
    useBrowser(target.name, (s) => ({ server, driver } = s));

    it('a nameless button in the panel is a critical violation; one in the page outside the panel is not counted', async () => {
      const page = await driver.open(server.url(GOV_HOST, '/clean-2021.html'));
      await waitForPanel(page);
      expect(await axeSerious(driver, page, `${target.name}-probe-clean`, 'report-lens')).toEqual([]);

      // Outside our UI: the fixture page's own fault is not ours.
      await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('button'), { className: 'walk-probe' })));
      expect(await axeSerious(driver, page, `${target.name}-probe-page`, 'report-lens')).toEqual([]);

      // Inside the shadow root.
      await page.evaluate(() => {
        const body = document.querySelector('report-lens')!.shadowRoot!.querySelector('.rl-body')!;
        body.append(Object.assign(document.createElement('button'), { className: 'walk-probe' }));
      });
      const found = await axeSerious(driver, page, `${target.name}-probe-panel`, 'report-lens');
      expect(found.map((v) => [v.id, v.impact])).toEqual([['button-name', 'critical']]);
      expect(found[0]!.nodes.join(' ')).toContain('walk-probe');
      await page.close();
    });
  });
}
