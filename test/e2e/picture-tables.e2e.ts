/**
 * Issue 18 in the page, in Chromium and Firefox: the seed 004 page (平邑县卫生健康局 2023) whose tables 二/三/四
 * are pictures (test/fixtures/pictures/seed-004-pictures.html, pictures made from our own page), served
 * under a gov.cn name. The panel shows the page's own check, then "正在识别图片表格… n/N", then the
 * figures read from the pictures and the findings; a finding's place in a picture table is outlined on
 * the picture; the network sees the page and its pictures only (OCR runs in the extension, its models are
 * the extension's files). Opened again, the page takes the tables the library kept: no picture is read.
 * Needs `npx wxt build` and `npx wxt build -b firefox` first.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Driver } from './lib/driver';
import { auditRequests } from './lib/network';
import { figuresOf, panelSnapshot, picturesLine, waitForPanel } from './lib/panel';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, useBrowser } from './lib/session';
import { patchSettings } from './lib/settings';

const RESULTS = resolve(import.meta.dirname, '../../test-results');
mkdirSync(RESULTS, { recursive: true });
const API = 'const api = globalThis.browser ?? globalThis.chrome;';
const PAGE = '/pictures/seed-004-pictures.html';
const PICTURES = ['seed-004.active-disclosure.clean.png', 'seed-004.applications.clean.png', 'seed-004.review-litigation.clean.png'];
/** Reading three pictures with the WASM runtime on one thread of a busy 2-core machine: generous. */
const READ_MS = 300_000;

for (const target of BROWSERS) {
  describe.skipIf(!existsSync(target.build))(`tables published as pictures — ${target.name}`, () => {
    let server: FixtureServer;
    let driver: Driver;
    const shot = (name: string) => join(RESULTS, `${target.name}-pictures-${name}.png`);
    const ocrMessages = async (tabId: number) =>
      (
        await driver.extEval<{ type: string; tabId: number }[]>(`${API} return (await api.storage.session.get('traffic')).traffic ?? [];`)
      ).filter((r) => r.tabId === tabId && r.type === 'ocrPicture').length;

    useBrowser(target.name, (s) => ({ server, driver } = s));

    it('reads the three table pictures: progress, then figures and findings; a finding outlines its cell on the picture; no request but the page and its pictures', {
      timeout: READ_MS + 60_000,
    }, async () => {
      const audit = auditRequests(server);
      const page = await driver.open(server.url(GOV_HOST, PAGE));
      await waitForPanel(page);
      // The page's own check first: its tables are missing, the pictures are being read, 3 of them.
      await page.waitFor(
        () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-pictures="reading"] [data-total="3"]'),
        undefined,
        60_000,
      );
      const reading = await picturesLine(page);
      expect(reading?.text).toMatch(/^正在识别图片表格… [0-3]\/3/);
      expect(
        await page.evaluate(() => !!document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-action="cancel-pictures"]')),
      ).toBe(true);
      await page.screenshotElement('report-lens', shot('reading'));

      await page.waitFor(
        () =>
          document
            .querySelector('report-lens')
            ?.shadowRoot?.querySelector('[data-pictures="read"], [data-pictures="failed"], [data-pictures="none"]'),
        undefined,
        READ_MS,
      );
      expect((await picturesLine(page))?.phase).toBe('read');
      // The copy's check replaces the page's own: its figures, then the background's answer (saved).
      await page.waitFor(
        () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-figure="applicationsNew"]'),
        undefined,
        30_000,
      );
      await waitForPanel(page);
      // seed-004-tables.html, read by hand: 主动公开 209 (the text says so), 新收 5, 上年结转 0, 办结 4 (3 予以公开 +
      // 1 不予公开), 结转下年度 1, 行政复议 3, 行政诉讼 0.
      expect(await figuresOf(page)).toEqual({
        activeDisclosed: '209',
        applicationsNew: '5',
        applicationsCarriedOver: '0',
        applicationsHandled: '4',
        applicationsCarriedForward: '1',
        reviewTotal: '3',
        litigationTotal: '0',
      });
      const panel = await panelSnapshot(page);
      // Each table is still a table published as a picture (a warning); nothing read is an error.
      expect(panel.rules.filter((r) => r === 'table-as-picture')).toHaveLength(3);
      expect(panel.severityCounts.error ?? 0).toBe(0);
      // The live page is unchanged: its pictures are still there, no table was put into it.
      expect(
        await page.evaluate(() => ({
          imgs: document.querySelectorAll('.article-body img').length,
          tables: document.querySelectorAll('.article-body table').length,
        })),
      ).toEqual({ imgs: 3, tables: 0 });
      await page.screenshotElement('report-lens', shot('read'));

      // The first table-as-picture finding points at table 二's 规章 / 本年制发件数 cell ("0").
      await page.clickInPanel('button[data-rule="table-as-picture"]');
      await page.waitFor(() => document.querySelector('[data-report-lens-box][data-report-lens-highlight]'));
      const outline = await page.evaluate(() => {
        const box = document.querySelector<HTMLElement>('[data-report-lens-box]')!.getBoundingClientRect();
        const img = document.querySelectorAll<HTMLImageElement>('.article-body img')[0]!;
        const r = img.getBoundingClientRect();
        return {
          box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom, width: box.width, height: box.height },
          img: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
          natural: { width: img.naturalWidth, height: img.naturalHeight },
          outline: getComputedStyle(document.querySelector('[data-report-lens-box]')!).outlineStyle,
        };
      });
      expect(outline.outline).toBe('solid');
      // Within the picture as drawn (600 px wide for 431 natural pixels)…
      expect(outline.img.width).toBeCloseTo(600, 0);
      expect(outline.box.left).toBeGreaterThanOrEqual(outline.img.left - 1);
      expect(outline.box.top).toBeGreaterThanOrEqual(outline.img.top - 1);
      expect(outline.box.right).toBeLessThanOrEqual(outline.img.right + 1);
      expect(outline.box.bottom).toBeLessThanOrEqual(outline.img.bottom + 1);
      // …on that cell: in the picture's pixels it is x 125–222, y 62–90 (read by hand from the picture).
      const scale = outline.img.width / outline.natural.width;
      const cx = (outline.box.left + outline.box.width / 2 - outline.img.left) / scale;
      const cy = (outline.box.top + outline.box.height / 2 - outline.img.top) / scale;
      expect(cx).toBeGreaterThan(125);
      expect(cx).toBeLessThan(222);
      expect(cy).toBeGreaterThan(62);
      expect(cy).toBeLessThan(90);
      expect(outline.box.width / scale).toBeLessThan(110);
      expect(outline.box.height / scale).toBeLessThan(35);
      await page.screenshot(shot('outline'));

      // The network saw the page and its three pictures (and perhaps the site's icon), nothing else.
      const host = `${GOV_HOST}:${server.port}`;
      expect(audit.unexpected([`${host} ${PAGE}`, ...PICTURES.map((p) => `${host} /pictures/${p}`), `${host} /favicon.ico`])).toEqual([]);
      expect(audit.seen()).toContain(`${host} ${PAGE}`);
      expect(await ocrMessages(page.tabId)).toBe(3);
      await page.close();
    });

    it('opened again, the page takes the tables the library kept: the same figures, no picture read', async () => {
      const page = await driver.open(server.url(GOV_HOST, PAGE));
      await waitForPanel(page);
      await page.waitFor(
        () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-pictures="saved"]'),
        undefined,
        60_000,
      );
      await page.waitFor(
        () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-figure="applicationsNew"]'),
        undefined,
        30_000,
      );
      await waitForPanel(page);
      expect((await picturesLine(page))?.text).toContain('3 张图片表格取自资料库');
      expect(await figuresOf(page)).toMatchObject({
        applicationsNew: '5',
        applicationsHandled: '4',
        applicationsCarriedForward: '1',
        reviewTotal: '3',
        litigationTotal: '0',
      });
      expect(await ocrMessages(page.tabId)).toBe(0);
      await page.close();
    });

    it('a page with its tables typed never asks for the picture reading', async () => {
      const page = await driver.open(server.url(GOV_HOST, '/clean-2021.html'));
      await waitForPanel(page);
      expect((await panelSnapshot(page)).figures).toContain('applicationsHandled');
      const asked = (
        await driver.extEval<{ type: string; tabId: number }[]>(`${API} return (await api.storage.session.get('traffic')).traffic ?? [];`)
      )
        .filter((r) => r.tabId === page.tabId)
        .map((r) => r.type);
      expect(asked).toContain('pageChecked');
      expect(asked.filter((t) => t === 'ocrPicture' || t === 'savedPictureTables' || t === 'ocrCancel')).toEqual([]);
      expect(await picturesLine(page)).toBeNull();
      await page.close();
    });

    it("with the setting 'ask', nothing is read until 识别图片表格; 取消 stops the reading; the button reads again", {
      timeout: READ_MS + 60_000,
    }, async () => {
      const setMode = (mode: 'auto' | 'ask') => patchSettings(driver, { readPictures: mode });
      await setMode('ask');
      try {
        // Another address of the same page: nothing of it is in the library.
        const page = await driver.open(server.url(GOV_HOST, `${PAGE}?ask`));
        await waitForPanel(page);
        await page.waitFor(
          () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-pictures="ask"]'),
          undefined,
          30_000,
        );
        expect((await picturesLine(page))?.text).toBe('本页的统计表格是图片。 识别图片表格');
        expect(await ocrMessages(page.tabId)).toBe(0);
        expect(await figuresOf(page)).not.toHaveProperty('applicationsHandled');

        await page.clickInPanel('[data-action="read-pictures"]');
        await page.waitFor(
          () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-action="cancel-pictures"]'),
          undefined,
          30_000,
        );
        await page.clickInPanel('[data-action="cancel-pictures"]');
        await page.waitFor(
          () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-pictures="cancelled"]'),
          undefined,
          60_000,
        );
        expect((await picturesLine(page))?.text).toBe('已取消识别图片表格。 识别图片表格');
        // The page's own check stands: no figure of table 三 (its text gives none).
        expect(await figuresOf(page)).not.toHaveProperty('applicationsHandled');

        await page.clickInPanel('[data-action="read-pictures"]');
        await page.waitFor(
          () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-pictures="read"]'),
          undefined,
          READ_MS,
        );
        await page.waitFor(
          () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-figure="applicationsHandled"]'),
          undefined,
          30_000,
        );
        expect(await figuresOf(page)).toMatchObject({
          applicationsNew: '5',
          applicationsHandled: '4',
          applicationsCarriedForward: '1',
          reviewTotal: '3',
          litigationTotal: '0',
        });
        await page.close();
      } finally {
        await setMode('auto');
      }
    });
  });
}
