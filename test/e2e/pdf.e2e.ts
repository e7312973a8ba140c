/**
 * pdf.html?src=<URL> in Debian Chromium (chrome-mv3) and Firefox ESR (firefox-mv2), with the PDF fixtures
 * served under a gov.cn host: figures and findings beside the rendered pages, a click on a finding marks
 * its cell on the page, a scan says so and claims nothing, and nothing is fetched but the PDF itself
 * (pdf.js's worker, CMaps and fonts come from the extension). Needs `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Driver } from './lib/driver';
import { auditRequests } from './lib/network';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';
import { patchSettings } from './lib/settings';

const RESULTS = resolve(import.meta.dirname, '../../test-results');
mkdirSync(RESULTS, { recursive: true });

describe.each(BROWSERS)('pdf.html ($name)', ({ name }) => {
  let server: FixtureServer;
  let driver: Driver;
  useBrowser(name, (s) => ({ server, driver } = s));

  const open = (file: string) => driver.openExtensionPage(`/pdf.html?src=${encodeURIComponent(server.url(GOV_HOST, `/pdf/${file}`))}`);

  it('shows the figures and findings of seed 003 and marks a finding’s cell on its page', async () => {
    const audit = auditRequests(server);
    const page = await open('seed-003.chromium.pdf');
    // The findings' view (data-pdf-pages), not the first pages' figures shown while the rest is read.
    await page.waitFor(() => document.querySelector('[data-pdf-pages]') || document.querySelector('[data-pdf-problem]'), undefined, 60_000);
    const figures = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-figure]')].map((e) => [e.getAttribute('data-figure'), e.querySelector('dd')?.textContent]),
      ),
    );
    // Hand-read from the report (expected/seed-003.json): 主动公开 2410, 新收 1, the table's totals 0.
    expect(figures).toEqual({
      activeDisclosed: '2410',
      applicationsNew: '1',
      applicationsCarriedOver: '0',
      applicationsHandled: '0',
      applicationsCarriedForward: '0',
      reviewTotal: '0',
      litigationTotal: '0',
    });
    const rules = await page.evaluate(() => [...document.querySelectorAll('[data-rule]')].map((e) => e.getAttribute('data-rule')));
    expect(rules).toEqual(expect.arrayContaining(['applications-balance', 'applications-outcome-sum', 'review-litigation-sum']));
    console.info(
      `${name} seed-003 (6 pages): findings on screen after ${await page.evaluate(() => document.documentElement.dataset.findingsMs)} ms`,
    );
    // While pages 3–6 were read, the figures of the first pages were on screen (page 1 is the report's start).
    const shown = await page.evaluate(() => [
      Number(document.documentElement.dataset.firstFiguresAt),
      Number(document.documentElement.dataset.findingsAt),
    ]);
    expect(shown[0]).toBeGreaterThan(0);
    expect(shown[0]).toBeLessThanOrEqual(shown[1]!);

    // The first finding (applications-balance, 自然人 column) points at a cell of table 三 on page 4 or 5.
    await page.click('button[data-rule="applications-balance"]');
    await page.waitFor(() => document.querySelector('[data-pdf-highlight]'));
    const mark = await page.evaluate(() => {
      const m = document.querySelector('[data-pdf-highlight]') as HTMLElement;
      const pageEl = m.closest('[data-pdf-page]') as HTMLElement;
      const r = m.getBoundingClientRect();
      const view = document.querySelector('.pdf-pages')!.getBoundingClientRect();
      return {
        page: Number(pageEl.getAttribute('data-pdf-page')),
        visible: r.top >= view.top && r.bottom <= view.bottom,
        width: r.width,
        height: r.height,
      };
    });
    expect([4, 5]).toContain(mark.page);
    expect(mark.visible).toBe(true);
    expect(mark.width).toBeGreaterThan(3);
    expect(mark.height).toBeGreaterThan(5);
    await page.screenshot(resolve(RESULTS, `pdf-${name}-seed-003.png`));
    // Only the PDF was requested from the network: pdf.js's worker, CMaps and fonts are the extension's.
    expect(audit.seen()).toEqual([`${GOV_HOST}:${server.port} /pdf/seed-003.chromium.pdf`]);
    await page.close();
  });

  it('seed 003: a term of the outcome-sum finding marks its own cell on the page', async () => {
    const page = await open('seed-003.chromium.pdf');
    await page.waitFor(
      () => document.querySelector('button[data-rule="applications-outcome-sum"]') || document.querySelector('[data-pdf-problem]'),
      undefined,
      60_000,
    );
    await page.waitFor(() => document.querySelector('[data-pdf-page]'));
    const terms = await page.evaluate(() => {
      const li = document.querySelector('button[data-rule="applications-outcome-sum"]')?.closest('li');
      return {
        index: li?.dataset.index ?? null,
        labels: [...(li?.querySelectorAll('.rl-term') ?? [])].map((b) => [
          b.querySelector('.rl-term-label')?.textContent ?? '',
          b.querySelector('.rl-term-value')?.textContent ?? '',
        ]),
      };
    });
    // Table 三 of seed 003: (三)2. 其他法律行政法規禁止公開 reads 1 and (七)總計 reads 0 (hand-read).
    const one = terms.labels.findIndex(([label]) => /其他法律行政法[规規]禁止公[开開]/.test(label));
    const total = terms.labels.findIndex(([label]) => /[总總][计計]/.test(label));
    expect(terms.labels[one]?.[1]).toBe('1');
    expect(terms.labels[total]?.[1]).toBe('0');
    const mark = async (i: number) => {
      await page.click(`li[data-index="${terms.index}"] .rl-terms > li:nth-child(${i + 1}) > .rl-term`);
      await page.waitFor(() => document.querySelector('[data-pdf-highlight]'));
      return page.evaluate(() => {
        const marks = document.querySelectorAll<HTMLElement>('[data-pdf-highlight]');
        const m = marks[0];
        const pageEl = m.closest('[data-pdf-page]') as HTMLElement;
        const r = m.getBoundingClientRect();
        return {
          count: marks.length,
          page: Number(pageEl.getAttribute('data-pdf-page')),
          top: r.top - pageEl.getBoundingClientRect().top,
          width: r.width,
          height: r.height,
        };
      });
    };
    const a = await mark(one);
    const b = await mark(total);
    for (const m of [a, b]) {
      expect(m.count).toBeGreaterThanOrEqual(1);
      expect([4, 5]).toContain(m.page);
      expect(m.width).toBeGreaterThan(3);
      expect(m.height).toBeGreaterThan(5);
    }
    // The total row is printed below row (三)2: a later page, or lower on the same page.
    expect(b.page > a.page || (b.page === a.page && b.top > a.top + 5)).toBe(true);
    await page.screenshot(resolve(RESULTS, `pdf-${name}-seed-003-term.png`));
    await page.close();
  });

  it('a PDF open in a gov.cn tab: the popup offers check-pdf, which opens pdf.html on it', async () => {
    const src = server.url(GOV_HOST, '/pdf/clean-2021.chromium.pdf');
    const tab = await driver.open(src).catch(() => null);
    expect(tab).not.toBeNull();
    const popup = await driver.openPopup(tab!.tabId);
    await popup.waitFor(() => document.querySelector('[data-action="check-pdf"]'));
    await popup.click('[data-action="check-pdf"]');
    const opened = async () =>
      driver.extEval<string[]>(
        'const api = globalThis.browser ?? globalThis.chrome; return (await api.tabs.query({})).map((t) => t.url ?? "");',
      );
    let urls: string[] = [];
    for (let i = 0; i < 100 && !urls.some((u) => u.includes('/pdf.html?src=')); i++) {
      urls = await opened();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(urls).toContain(`${driver.extensionOrigin}/pdf.html?src=${encodeURIComponent(src)}`);
    await popup.close();
    await tab!.close();
  });

  const tabUrls = () =>
    driver.extEval<string[]>(
      'const api = globalThis.browser ?? globalThis.chrome; return (await api.tabs.query({})).map((t) => t.url ?? "");',
    );
  const setAutoSave = (on: boolean) => patchSettings(driver, { autoSave: on });

  it('a gov.cn PDF tab is marked on the badge; pdf.html saves it to the library as a PDF, and the library opens it in pdf.html', async () => {
    const src = server.url(GOV_HOST, '/pdf/clean-2021.chromium.pdf');
    const tab = await driver.open(src);
    let badge = '';
    for (let i = 0; i < 100 && badge !== 'PDF'; i++) {
      badge = await driver.badgeText(tab.tabId);
      if (badge !== 'PDF') await new Promise((r) => setTimeout(r, 100));
    }
    expect(badge).toBe('PDF');
    await tab.close();

    // A PDF no other test opens (opening one auto-saves it by default): saved here by the button.
    await setAutoSave(false);
    const file = server.url(GOV_HOST, '/pdf/clean-2019.soffice.pdf');
    const page = await open('clean-2019.soffice.pdf');
    await page.waitFor(() => document.querySelector('.pdf-save[data-save-state="unsaved"] [data-action="save"]'), undefined, 60_000);
    // 东岭县人社局 2020 (expected/clean-2019.json): 新收 31 as the report states it.
    expect(await page.evaluate(() => document.querySelector('[data-figure="applicationsNew"] dd')?.textContent)).toBe('31');
    await page.click('[data-action="save"]');
    await page.waitFor(() => document.querySelector('.pdf-save[data-save-state="saved"]'), undefined, 20_000);
    await page.close();
    await setAutoSave(true);

    const library = await driver.openExtensionPage('/library.html');
    await library.waitFor(() => document.querySelector('[data-testid="report-row"][data-source-kind="pdf"]'), undefined, 20_000);
    const row = await library.evaluate(() => {
      const r = document.querySelector('[data-testid="report-row"][data-source-kind="pdf"]')!;
      return { year: r.getAttribute('data-year'), open: r.querySelector('[data-testid="open-original"]')?.getAttribute('href') };
    });
    expect(row).toEqual({ year: '2020', open: `/pdf.html?src=${encodeURIComponent(file)}` });
    await library.click('[data-testid="report-row"][data-source-kind="pdf"] [data-testid="open-original"]');
    let urls: string[] = [];
    for (let i = 0; i < 100 && !urls.includes(`${driver.extensionOrigin}/pdf.html?src=${encodeURIComponent(file)}`); i++) {
      urls = await tabUrls();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(urls).toContain(`${driver.extensionOrigin}/pdf.html?src=${encodeURIComponent(file)}`);
    await library.close();
  });

  it('a page named like a report that only links its PDF: the panel offers 检查附件 PDF, which opens pdf.html on it', async () => {
    const page = await driver.open(server.url(GOV_HOST, '/e2e/pdf-only.html'));
    await page.waitFor(
      () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-action="check-attachment"]'),
      undefined,
      30_000,
    );
    const offer = await page.evaluate(() => {
      const root = document.querySelector('report-lens')!.shadowRoot!;
      return {
        text: root.querySelector('[data-action="check-attachment"]')!.textContent,
        figures: root.querySelectorAll('[data-figure]').length,
      };
    });
    expect(offer).toEqual({ text: '检查附件 PDF', figures: 0 });
    await page.clickInPanel('[data-action="check-attachment"]');
    const pdf = server.url(GOV_HOST, '/pdf/clean-2021.chromium.pdf');
    let urls: string[] = [];
    for (let i = 0; i < 100 && !urls.includes(`${driver.extensionOrigin}/pdf.html?src=${encodeURIComponent(pdf)}`); i++) {
      urls = await tabUrls();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(urls).toContain(`${driver.extensionOrigin}/pdf.html?src=${encodeURIComponent(pdf)}`);
    await page.close();
  });

  it('a damaged PDF whose xref entry points into its object is still read (pdf.js recovers): the sound file’s figures', async () => {
    // Not saved: it would stand in the library as a revision of clean-2021.chromium.pdf.
    await setAutoSave(false);
    const page = await open('damaged-xref-mid.pdf');
    // The findings' view (data-pdf-pages), not the first pages' figures shown while the rest is read.
    await page.waitFor(() => document.querySelector('[data-pdf-pages]') || document.querySelector('[data-pdf-problem]'), undefined, 60_000);
    // expected/clean-2021.json: 新收 49, 办理 50.
    const figures = await page.evaluate(() =>
      ['applicationsNew', 'applicationsHandled'].map((k) => document.querySelector(`[data-figure="${k}"] dd`)?.textContent),
    );
    expect(figures).toEqual(['49', '50']);
    await page.close();
    await setAutoSave(true);
  });

  it('says a scanned PDF cannot be read and shows no figures or findings', async () => {
    // Unread: scans are read by OCR only on the reader's click here (pdf-scan.e2e.ts reads them).
    await patchSettings(driver, { readPictures: 'ask' });
    const page = await open('scanned.pdf');
    await page.waitFor(() => document.querySelector('[data-pdf-problem]'), undefined, 60_000);
    const state = await page.evaluate(() => ({
      problem: document.querySelector('[data-pdf-problem]')?.textContent,
      figures: document.querySelectorAll('[data-figure]').length,
      findings: document.querySelectorAll('[data-rule]').length,
    }));
    expect(state).toEqual({ problem: '此 PDF 为扫描图片，无法读取文字', figures: 0, findings: 0 });
    // Saving is automatic here: the scanned PDF is kept as a "not checkable" row (it appears in the scores).
    await page.waitFor(() => document.querySelector('[data-pdf-unreadable-saved]'), undefined, 20_000);
    expect(await page.evaluate(() => !!document.querySelector('[data-action="scan-read"]'))).toBe(true);
    await page.close();
    await patchSettings(driver, { readPictures: 'auto' });
  });

  it('says an encrypted PDF needs a password', async () => {
    const page = await open('encrypted.pdf');
    await page.waitFor(() => document.querySelector('[data-pdf-problem]'), undefined, 60_000);
    expect(await page.evaluate(() => document.querySelector('[data-pdf-problem]')?.textContent)).toBe(
      '此 PDF 已加密（需要密码），无法读取文字',
    );
    await page.close();
  });
});
