/**
 * The every-page detector reads only the title at document_idle; what else may name a report (the head's metas,
 * the first h1/h2) it reads in a task right after. A report page whose title is only the site's name is still
 * detected, by its heading or by its ArticleTitle meta, in Chromium and Firefox ESR. Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Driver } from './lib/driver';
import { waitForPanel } from './lib/panel';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';

const API = 'const api = globalThis.browser ?? globalThis.chrome;';

async function injectionsFor(driver: Driver, tabId: number): Promise<{ reason: string }[]> {
  const all = await driver.extEval<{ tabId: number; reason: string }[]>(
    `${API} return (await api.storage.session.get('injections')).injections ?? [];`,
  );
  return all.filter((r) => r.tabId === tabId);
}

for (const target of BROWSERS) {
  describe.skipIf(!existsSync(target.build))(`the detector after the title — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;
    useBrowser(target.name, (s) => ({ server, driver } = s));

    it.each([
      ['/e2e/heading-named.html', 'its h1'],
      ['/e2e/meta-named.html', 'its ArticleTitle meta'],
    ])('%s, titled with the site name, is detected by %s', async (path) => {
      const page = await driver.open(server.url(GOV_HOST, path));
      await waitForPanel(page, 45_000);
      expect((await injectionsFor(driver, page.tabId)).map((r) => r.reason)).toEqual(['detected']);
      await page.close();
    });
  });
}
