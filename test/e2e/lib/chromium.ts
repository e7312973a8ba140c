/**
 * Debian Chromium with the built extension (chrome-mv3), driven by playwright-core (recipes.md).
 * The resolver rule sends gov.cn names and www.example.com to the local fixture server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import type { Driver, TestPage } from './driver';

export const CHROME_BUILD = resolve(import.meta.dirname, '../../../.output/chrome-mv3');

export interface ChromiumOptions {
  extensionDir?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
}

interface ChromiumProcessOptions extends ChromiumOptions {
  /** More command-line switches (the network audit's proxy). */
  args?: string[];
  /** Send the test host names to 127.0.0.1 (--host-resolver-rules); off where a proxy answers instead. */
  resolveTestHosts?: boolean;
  acceptDownloads?: boolean;
  /** Called before anything loads, so listeners see every request from the start. */
  onContext?: (context: BrowserContext) => void;
}

/**
 * The one place Chromium is started for the tests, the demo and the audit: a throw-away profile with the
 * built extension; close() ends the browser and removes the profile.
 */
export async function startChromium(options: ChromiumProcessOptions = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = options.extensionDir ?? CHROME_BUILD;
  const profile = mkdtempSync(join(tmpdir(), 'report-lens-chromium-'));
  const headless = options.headless ?? true;
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: false,
      viewport: options.viewport ?? { width: 1280, height: 900 },
      acceptDownloads: options.acceptDownloads,
      locale: 'zh-CN',
      args: [
        ...(headless ? ['--headless=new'] : []),
        '--no-sandbox',
        `--disable-extensions-except=${dir}`,
        `--load-extension=${dir}`,
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        ...(options.resolveTestHosts === false ? [] : ['--host-resolver-rules=MAP *.gov.cn 127.0.0.1, MAP www.example.com 127.0.0.1']),
        ...(options.args ?? []),
      ],
    });
    options.onContext?.(context);
    return {
      context,
      close: async () => {
        await context.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<Driver & { context: BrowserContext }> {
  const { context, close } = await startChromium(options);
  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
    if (live.length) return live[live.length - 1]!;
    return context.waitForEvent('serviceworker', { timeout: 30_000 });
  };
  // A browser whose extension never starts is closed here: the caller has no driver to close it with.
  const sw = await worker().catch(async (error: unknown) => {
    await close();
    throw error;
  });
  const extensionOrigin = `chrome-extension://${new URL(sw.url()).host}`;

  const extEval = async <T>(body: string): Promise<T> => {
    const w = await worker();
    return (await w.evaluate(`(async () => { ${body} })()`)) as T;
  };
  const tabIds = () => extEval<number[]>('return (await chrome.tabs.query({})).map((t) => t.id);');

  const wrap = (page: Page, tabId: number, url: string): TestPage & { raw: Page } => ({
    raw: page,
    tabId,
    url,
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 45_000) => {
      await page.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 100 });
    },
    screenshotElement: async (selector, path) => {
      await page.locator(selector).first().screenshot({ path });
    },
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    // Playwright's CSS engine pierces open shadow roots.
    clickInPanel: (selector) => page.locator(`report-lens ${selector}`).first().click(),
    click: (selector) => page.locator(selector).first().click(),
    press: (key) => page.keyboard.press(key),
    clickAt: (x, y) => page.mouse.click(x, y),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  });

  const openTab = async (url: string, waitUntil: 'load' | 'domcontentloaded' = 'load') => {
    const before = new Set(await tabIds());
    const page = await context.newPage();
    let tabId = -1;
    for (let i = 0; i < 50 && tabId < 0; i++) {
      tabId = (await tabIds()).find((id) => !before.has(id)) ?? -1;
      if (tabId < 0) await new Promise((r) => setTimeout(r, 50));
    }
    await page.goto(url, { waitUntil });
    return wrap(page, tabId, url);
  };

  return {
    name: 'chromium',
    context,
    extensionOrigin,
    open: (url) => openTab(url),
    openPopup: (tabId) => openTab(`${extensionOrigin}/popup.html?tab=${tabId}`),
    openExtensionPage: (path) => openTab(`${extensionOrigin}${path}`),
    extEval,
    badgeText: (tabId) => extEval<string>(`return await chrome.action.getBadgeText({ tabId: ${tabId} });`),
    close,
  };
}

/** The extension's service worker targets, over CDP from a helper tab (closed again). */
async function withWorkerTargets<T>(
  driver: { context: BrowserContext; extensionOrigin: string },
  work: (targets: () => Promise<{ targetId: string }[]>, cdp: CDPSession) => Promise<T>,
): Promise<T> {
  const helper = await driver.context.newPage();
  const cdp = await driver.context.newCDPSession(helper);
  const targets = async () =>
    ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] }).targetInfos.filter(
      (t) => t.type === 'service_worker' && t.url.startsWith(driver.extensionOrigin),
    );
  try {
    return await work(targets, cdp);
  } finally {
    await cdp.detach();
    await helper.close();
  }
}

/** Stops the extension's MV3 worker the way Chromium does when idle (closes its target); true if it ran and is gone. */
export function stopServiceWorker(driver: { context: BrowserContext; extensionOrigin: string }): Promise<boolean> {
  return withWorkerTargets(driver, async (targets, cdp) => {
    const running = await targets();
    for (const t of running) await cdp.send('Target.closeTarget', { targetId: t.targetId });
    let gone = false;
    for (let i = 0; i < 50 && !gone; i++) {
      gone = (await targets()).length === 0;
      if (!gone) await new Promise((r) => setTimeout(r, 100));
    }
    return running.length > 0 && gone;
  });
}

/** Whether the extension's MV3 worker is running now. */
export function serviceWorkerRunning(driver: { context: BrowserContext; extensionOrigin: string }): Promise<boolean> {
  return withWorkerTargets(driver, async (targets) => (await targets()).length > 0);
}
