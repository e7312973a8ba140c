/**
 * Debian Firefox ESR with the built extension (firefox-mv2), driven by puppeteer-core over WebDriver
 * BiDi (recipes.md). network.dns.localDomains sends the test host names to 127.0.0.1; the extension's
 * internal UUID is pinned so its pages have a known moz-extension:// origin.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type Driver, sleep, type TestPage } from './driver';
import { ALL_HOSTS } from './server';

export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../../.output/firefox-mv2');
export const GECKO_ID = 'report-lens@report-lens.example';
export const FIXED_UUID = '5d1f3a52-7c1e-4c43-9a3e-2b8f0e6a1c11';

/**
 * Poll a condition in a page that may still be navigating. Not page.waitForFunction/waitForSelector:
 * over WebDriver BiDi an evaluation that lands while the realm is being replaced fails with a protocol
 * error ("right-hand side of 'in' should be an object") that Puppeteer does not retry; here any
 * evaluation error means "not yet".
 */
export async function pollInPage(page: Page, condition: () => unknown, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await page.evaluate(condition as never).catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`condition not met in ${page.url()} within ${timeoutMs} ms: ${String(condition)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Wait until an extension page that is still navigating exposes the extension API. */
export function waitForExtensionApi(page: Page, timeoutMs = 30_000): Promise<void> {
  return pollInPage(page, () => typeof (globalThis as { browser?: unknown }).browser !== 'undefined', timeoutMs);
}

/** Prefs every test Firefox gets: the pinned extension UUID, a Chinese first language, no default-browser prompt. */
/**
 * Clicks the element the selector names, found again if a render replaced it between the lookup and the click
 * (puppeteer's handle then throws "Node is detached from document"; Playwright's locators, the Chromium driver's,
 * retry the same way). A progress line that re-renders every page read did this to a cancel button.
 */
async function clickFresh(page: Page, selector: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const handle = await page.waitForSelector(selector, { timeout: 30_000 });
    try {
      return await handle!.click();
    } catch (error) {
      if (attempt >= 5 || !/detached|not connected/i.test(String(error))) throw error;
    }
  }
}

const BASE_PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }),
  'intl.accept_languages': 'zh-CN, zh, en',
  'browser.shell.checkDefaultBrowser': false,
};

/**
 * The one place Firefox is started for the tests and the audit. Without prefs it resolves the test host names
 * to 127.0.0.1; the audit passes its proxy prefs instead. The extension is installed unless install is false.
 */
export async function startFirefox(
  options: { extensionDir?: string; prefs?: Record<string, unknown>; install?: boolean } = {},
): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    extraPrefsFirefox: {
      ...BASE_PREFS,
      ...(options.prefs ?? {
        'network.dns.localDomains': ALL_HOSTS.join(','),
        // Optional-permission requests made from a user gesture are granted without the doorhanger
        // (Firefox's own test switch); used by the non-gov "check this page" test, see in-page.e2e.ts.
        'extensions.webextOptionalPermissionPrompts': false,
      }),
    },
  });
  if (options.install === false) return browser;
  try {
    await browser.installExtension(options.extensionDir ?? FIREFOX_BUILD);
    return browser;
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

export async function launchFirefox(options: { extensionDir?: string } = {}): Promise<Driver & { browser: Browser }> {
  const browser = await startFirefox(options);
  const extensionOrigin = `moz-extension://${FIXED_UUID}`;

  // An extension page kept open as the place to run extension code (storage, tabs, browserAction).
  const consolePage = await browser.newPage();
  void consolePage.goto(`${extensionOrigin}/popup.html?tab=0`).catch(() => undefined);
  await waitForExtensionApi(consolePage).catch(async (error: unknown) => {
    await browser.close().catch(() => undefined);
    throw error;
  });

  const extEval = async <T>(body: string): Promise<T> => (await consolePage.evaluate(`(async () => { ${body} })()`)) as T;
  const tabIds = () => extEval<number[]>('return (await browser.tabs.query({})).map((t) => t.id);');

  const wrap = (page: Page, tabId: number, url: string): TestPage => ({
    tabId,
    url,
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 45_000) => {
      await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: 100 }, arg);
    },
    screenshotElement: async (selector, path) => {
      const handle = await page.$(selector);
      if (!handle) throw new Error(`no ${selector}`);
      await handle.screenshot({ path: path as `${string}.png` });
    },
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    clickInPanel: (selector) => clickFresh(page, `report-lens >>> ${selector}`),
    click: (selector) => clickFresh(page, selector),
    press: (key) => page.keyboard.press(key as never),
    clickAt: (x, y) => page.mouse.click(x, y),
    setViewport: (width, height) => page.setViewport({ width, height }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  });

  const openTab = async (url: string, extensionPage = false) => {
    const before = new Set(await tabIds());
    const page = await browser.newPage();
    let tabId = -1;
    for (let i = 0; i < 50 && tabId < 0; i++) {
      tabId = (await tabIds()).find((id) => !before.has(id)) ?? -1;
      if (tabId < 0) await sleep(50);
    }
    if (extensionPage) {
      // page.goto of a moz-extension:// page may never resolve: start it and wait for the app instead.
      void page.goto(url).catch(() => undefined);
      await pollInPage(page, () => document.querySelector('#app > *') !== null);
    } else {
      await page.goto(url, { waitUntil: 'load' });
    }
    return wrap(page, tabId, url);
  };

  return {
    name: 'firefox',
    browser,
    extensionOrigin,
    open: (url) => openTab(url),
    openPopup: (tabId) => openTab(`${extensionOrigin}/popup.html?tab=${tabId}`, true),
    openExtensionPage: (path) => openTab(`${extensionOrigin}${path}`, true),
    extEval,
    badgeText: (tabId) => extEval<string>(`return await browser.browserAction.getBadgeText({ tabId: ${tabId} });`),
    close: () => browser.close().catch(() => undefined),
  };
}
