/**
 * pdf.html reads a scanned PDF (issue 18), in Debian Chromium (chrome-mv3) and Firefox ESR (firefox-mv2): the
 * seed 004 report photographed as grey JPEG pages (test/fixtures/pictures/seed-004-scanned.pdf, made by
 * test/fixtures/make-pictures.mjs) served under a gov.cn name → "正在识别扫描页面… n/N", then the figures of
 * its tables, each marked as read by OCR with its confidence. With readPictures 'ask' the scan is refused as
 * before and offered for reading; a cancel leaves the refusal. Nothing is fetched but the PDF: the OCR
 * runtime and models are the extension's own files. Needs `npx wxt build` and `npx wxt build -b firefox`.
 */

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRequests } from './lib/network';
import { type FixtureServer, GOV_HOST } from './lib/server';
import { BROWSERS, type DriverOf, useBrowser } from './lib/session';
import { patchSettings } from './lib/settings';

const SCAN = readFileSync(resolve(import.meta.dirname, '../fixtures/pictures/seed-004-scanned.pdf'));
const SCAN_PATH = '/nb/2024/seed-004-scanned.pdf';

/**
 * Key figures of seed 004, read by hand from the page the scan was made of (test/fixtures/pages/seed-004.html
 * and its tables, test/fixtures/pictures/seed-004-tables.html): 主动公开政府信息209条; table 三 新收 5 (总计),
 * 上年结转 0, （七）总计 4, 结转下年度 1; table 四 行政复议总计 3, 行政诉讼 0 + 0.
 */
const TRUTH: Record<string, string> = {
  activeDisclosed: '209',
  applicationsNew: '5',
  applicationsCarriedOver: '0',
  applicationsHandled: '4',
  applicationsCarriedForward: '1',
  reviewTotal: '3',
  litigationTotal: '0',
};

/** The PDF alone, on a server of its own: every request it gets is recorded. */
let pdfServer: Server;
let pdfPort = 0;
const pdfRequests: string[] = [];
beforeAll(async () => {
  pdfServer = createServer((req, res) => {
    pdfRequests.push(`${req.headers.host ?? ''} ${req.url ?? ''}`);
    if (req.url !== SCAN_PATH) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/pdf', 'cache-control': 'no-store' }).end(SCAN);
  });
  await new Promise<void>((ok) => pdfServer.listen(0, '127.0.0.1', ok));
  pdfPort = (pdfServer.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((ok) => pdfServer.close(() => ok())));

const scanUrl = () => `http://${GOV_HOST}:${pdfPort}${SCAN_PATH}`;

describe.each(BROWSERS)('pdf.html reads a scanned PDF ($name)', ({ name }) => {
  let server: FixtureServer;
  let driver: DriverOf<typeof name>;
  useBrowser(name, (s) => ({ server, driver } = s));

  const setReadPictures = (mode: 'auto' | 'ask') => patchSettings(driver, { readPictures: mode });

  it('reads the scanned pages with progress, then shows the tables’ figures marked as read by OCR; fetches nothing but the PDF', async () => {
    const pdfAudit = auditRequests({ requests: pdfRequests });
    const pageAudit = auditRequests(server);
    // Chromium also reports every request of its pages (extension files included).
    const seen: string[] = [];
    if (name === 'chromium') (driver as DriverOf<'chromium'>).context.on('request', (r) => seen.push(r.url()));
    const started = Date.now();
    const page = await driver.openExtensionPage(`/pdf.html?src=${encodeURIComponent(scanUrl())}`);
    // The progress line, with its cancel button, before any figure.
    await page.waitFor(
      () => document.querySelector('[data-pdf-scan="reading"]') || document.querySelector('[data-figure]'),
      undefined,
      60_000,
    );
    const progress = await page.evaluate(() => {
      const line = document.querySelector<HTMLElement>('[data-pdf-scan="reading"]');
      return line
        ? {
            text: line.textContent ?? '',
            total: line.dataset.total,
            cancel: !!line.querySelector('[data-action="scan-cancel"]'),
            figures: document.querySelectorAll('[data-figure]').length,
          }
        : null;
    });
    expect(progress).not.toBeNull();
    expect(progress!.text).toMatch(/^正在识别扫描页面… \d\/\d/);
    expect(Number(progress!.total)).toBeGreaterThanOrEqual(2);
    expect(progress!.cancel).toBe(true);
    expect(progress!.figures).toBe(0);

    await page.waitFor(
      () => document.querySelector('[data-pdf-scan="read"]') || document.querySelector('[data-pdf-scan="failed"]'),
      undefined,
      280_000,
    );
    const seconds = Math.round((Date.now() - started) / 1000);
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-figure]')].map((e) => ({
        key: e.dataset.figure!,
        value: e.querySelector('dd')?.firstChild?.textContent ?? '',
        confidence: e.querySelector<HTMLElement>('[data-picture-confidence]')?.dataset.pictureConfidence ?? null,
        mark: e.querySelector('.rl-picture-read')?.textContent ?? null,
        doubtful: e.hasAttribute('data-doubtful'),
      })),
    );
    console.info(
      `${name}: seed-004 scan read in ${seconds} s: ${shown.map((f) => `${f.key}=${f.value}${f.confidence ? ` (${f.confidence})` : ''}${f.doubtful ? '?' : ''}`).join(', ')}`,
    );
    expect(await page.evaluate(() => document.querySelector('[data-pdf-scan]')?.getAttribute('data-pdf-scan'))).toBe('read');
    expect(await page.evaluate(() => document.querySelector('[data-pdf-problem]')?.textContent ?? null)).toBeNull();
    const value = (key: string) => shown.find((f) => f.key === key);
    // Table figures read from the scan: table 三's 新收 and table 四's totals.
    for (const key of ['applicationsNew', 'reviewTotal', 'litigationTotal']) expect(value(key)?.value, key).toBe(TRUTH[key]);
    // Every figure taken from the scan's tables is the report's, or marked doubtful: a misread cell is never
    // shown as certain. (Figures from the OCR'd prose carry no confidence; see the report of branch ocr-host.)
    for (const f of shown) if (f.confidence !== null && !f.doubtful) expect(f.value, f.key).toBe(TRUTH[f.key]);
    // Figures taken from table cells carry the OCR mark with the confidence in %.
    for (const key of ['applicationsNew', 'reviewTotal', 'litigationTotal']) {
      const f = value(key)!;
      expect(Number(f.confidence), key).toBeGreaterThan(0);
      expect(Number(f.confidence), key).toBeLessThanOrEqual(1);
      expect(f.mark, key).toBe(`识别 ${Math.floor(Number(f.confidence) * 100)}%`);
    }
    // The pages are shown, as for any PDF.
    await page.waitFor(() => document.querySelector('[data-pdf-page] canvas'));

    // Network: the PDF once, nothing else from any server; the page's own resources are the extension's.
    expect(pdfAudit.seen()).toEqual([`${GOV_HOST}:${pdfPort} ${SCAN_PATH}`]);
    expect(pageAudit.seen()).toEqual([]);
    const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const origin = driver.extensionOrigin;
    expect(resources.filter((u) => !u.startsWith(origin) && u !== scanUrl())).toEqual([]);
    // (Which /ocr/ files the engine fetches is checked on the build: test/unit/ocr-bundle.test.ts. Neither
    // browser lists an extension page's own files in its resource timing.)
    if (name === 'chromium')
      expect(seen.filter((u) => !u.startsWith(origin) && u !== scanUrl() && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    await page.close();
  });

  it('with readPictures "ask": refuses the scan as before and offers to read it; a cancel leaves the refusal', async () => {
    await setReadPictures('ask');
    try {
      const page = await driver.openExtensionPage(`/pdf.html?src=${encodeURIComponent(scanUrl())}`);
      await page.waitFor(() => document.querySelector('[data-pdf-scan="ask"]'), undefined, 60_000);
      const offer = await page.evaluate(() => ({
        problem: document.querySelector('[data-pdf-problem]')?.textContent ?? null,
        offer: document.querySelector('[data-pdf-scan="ask"]')?.textContent ?? '',
        figures: document.querySelectorAll('[data-figure]').length,
      }));
      expect(offer.problem).toBe('此 PDF 为扫描图片，无法读取文字');
      expect(offer.offer).toMatch(/^此 PDF 有 \d 页是扫描图片。.*识别扫描页面$/);
      expect(offer.figures).toBe(0);

      await page.click('[data-action="scan-read"]');
      // The recogniser runs in its own worker (onnxruntime-web's proxy), so the page answers the click at once;
      // the deadline only ends a hang (on the page's main thread a click once waited over a minute under load).
      await page.waitFor(() => document.querySelector('[data-pdf-scan="reading"]'), undefined, 60_000);
      // Reading: the refusal gives way to the progress line.
      expect(await page.evaluate(() => document.querySelector('[data-pdf-problem]')?.textContent ?? null)).toBeNull();
      await page.click('[data-action="scan-cancel"]');
      await page.waitFor(() => document.querySelector('[data-pdf-scan="cancelled"]'), undefined, 60_000);
      const after = await page.evaluate(() => ({
        problem: document.querySelector('[data-pdf-problem]')?.textContent ?? null,
        figures: document.querySelectorAll('[data-figure]').length,
        again: !!document.querySelector('[data-action="scan-read"]'),
      }));
      expect(after).toEqual({ problem: '此 PDF 为扫描图片，无法读取文字', figures: 0, again: true });
      // The setting, beside the line: unticked with 'ask'; ticking it stores 'auto' for the next PDF.
      expect(await page.evaluate(() => document.querySelector<HTMLInputElement>('[data-setting="readPictures"]')?.checked)).toBe(false);
      await page.click('[data-setting="readPictures"]');
      await page.waitFor(() => document.querySelector<HTMLInputElement>('[data-setting="readPictures"]')?.checked === true);
      let stored = '';
      for (let i = 0; i < 50 && stored !== 'auto'; i++) {
        stored = await driver.extEval<string>(
          `const api = globalThis.browser ?? globalThis.chrome; return (await api.storage.local.get('settings')).settings?.readPictures ?? '';`,
        );
        if (stored !== 'auto') await new Promise((r) => setTimeout(r, 100));
      }
      expect(stored).toBe('auto');
      // Still so a while later: the page being read when cancelled is dropped, not shown.
      await new Promise((r) => setTimeout(r, 3000));
      expect(await page.evaluate(() => document.querySelectorAll('[data-figure]').length)).toBe(0);
      await page.close();
    } finally {
      await setReadPictures('auto');
    }
  });
});
