/**
 * Issue 10 in real browsers (Chromium chrome-mv3, Firefox ESR firefox-mv2): the library page writes
 * through the background's library service, and an open report tab follows — a finding dismissed in the
 * library shows dismissed in the open panel (badge too), a report deleted in the library shows as not
 * saved in its tab (badge too); and the report script sends its Report once per check (the background
 * records every content-script message: type, size, whether it carried a Report).
 * Needs `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Driver, sleep, type TestPage } from './lib/driver';
import { waitForPanel } from './lib/panel';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';

const API = 'const api = globalThis.browser ?? globalThis.chrome;';
interface Traffic {
  type: string;
  tabId: number;
  size: number;
  report: boolean;
}

async function until(condition: () => Promise<unknown>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await sleep(100);
  }
}

const saveState = (page: TestPage) =>
  page.evaluate(
    () => document.querySelector('report-lens')?.shadowRoot?.querySelector<HTMLElement>('[data-save-state]')?.dataset.saveState ?? null,
  );
const dismissedInPanel = (page: TestPage, rule: string) =>
  page.evaluate(
    (r) => document.querySelector('report-lens')?.shadowRoot?.querySelectorAll(`[data-rule="${r}"][data-review="dismissed"]`).length ?? 0,
    rule,
  );

for (const target of BROWSERS) {
  describe.skipIf(!existsSync(target.build))(`library and open tabs — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;
    let page: TestPage;
    let library: TestPage;
    let reportId: number;
    let errorsBefore: number;

    useBrowser(target.name, (s) => ({ server, driver } = s));

    it('the report script sends the Report once per check', async () => {
      // Seed 003: a 2020 report whose tables do not add up (five errors), saved on visit.
      page = await driver.open(server.url(GOV_HOST, '/seed-003.html'));
      await waitForPanel(page);
      await until(async () => (await saveState(page)) === 'saved');
      const traffic = (await driver.extEval<Traffic[]>(`${API} return (await api.storage.session.get('traffic')).traffic ?? [];`)).filter(
        (t) => t.tabId === page.tabId,
      );
      const withReport = traffic.filter((t) => t.report);
      expect(withReport.map((t) => t.type)).toEqual(['pageChecked']);
      // Nothing else the page sent is anywhere near a Report's size.
      expect(traffic.filter((t) => !t.report).every((t) => t.size < 2000)).toBe(true);
      const summary = await driver.extEval<{ saved: { id: number } | null; findings: { severity: string }[] }>(
        `${API} return (await api.storage.session.get('tab:${page.tabId}'))['tab:${page.tabId}'];`,
      );
      reportId = summary.saved!.id;
      errorsBefore = summary.findings.filter((f) => f.severity === 'error').length;
      expect(errorsBefore).toBeGreaterThan(1);
      expect(await driver.badgeText(page.tabId)).toBe(String(errorsBefore));
    });

    it('a finding dismissed in the library shows dismissed in the open panel, and the badge counts one less', async () => {
      library = await driver.openExtensionPage(`/library.html#report=${reportId}`);
      await library.waitFor(() => document.querySelector('[data-testid="report-detail"][data-checking="false"]'), undefined, 20_000);
      await library.waitFor(() => document.querySelector('[data-testid="finding"][data-rule="applications-balance"]'), undefined, 20_000);
      await library.click('[data-testid="finding"][data-rule="applications-balance"] [data-testid="dismiss-finding"]');
      const started = Date.now();
      await until(async () => (await dismissedInPanel(page, 'applications-balance')) === 1, 10_000);
      expect(Date.now() - started).toBeLessThan(3000);
      await until(async () => (await driver.badgeText(page.tabId)) === String(errorsBefore - 1), 5000);
    });

    it('a report deleted in the library shows as not saved in its open tab, and the badge counts it afresh', async () => {
      await library.evaluate(() => (location.hash = '#list'));
      await library.waitFor((id) => document.querySelector(`[data-testid="report-row"][data-report-id="${id}"]`), reportId, 20_000);
      await library.click(`[data-testid="report-row"][data-report-id="${reportId}"] [data-testid="delete-report"]`);
      const started = Date.now();
      await until(async () => (await saveState(page)) === 'unsaved', 10_000);
      expect(Date.now() - started).toBeLessThan(3000);
      // Its reviews went with it: nothing dismissed, every error counted again.
      expect(await dismissedInPanel(page, 'applications-balance')).toBe(0);
      await until(async () => (await driver.badgeText(page.tabId)) === String(errorsBefore), 5000);
      const summary = await driver.extEval<{ saved: unknown }>(
        `${API} return (await api.storage.session.get('tab:${page.tabId}'))['tab:${page.tabId}'];`,
      );
      expect(summary.saved).toBeNull();
    });
  });
}
