/**
 * The network audit: a whole session with every browser request forced through a recording HTTP proxy
 * (loopback included), which forwards only requests for the fixture server and refuses everything else.
 * The browsers are started by the harness's launchers (lib/chromium.ts startChromium, lib/firefox.ts
 * startFirefox) with the proxy in place of the test-host resolver (Chromium: --proxy-server with <-loopback>;
 * Firefox: network.proxy.* prefs with allow_hijacking_localhost). What the browsers report per page (Playwright context requests, Puppeteer
 * page requests) is recorded as well.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLUMN, LISTING, PAGE_1_REPORTS, PAGE_2_REPORTS } from '../../fixtures/batch/site';
import { startChromium } from '../lib/chromium';
import { FIXED_UUID, pollInPage, startFirefox, waitForExtensionApi } from '../lib/firefox';
import { ALL_HOSTS, type FixtureServer, GOV_HOST, startServer } from '../lib/server';

export interface ProxiedRequest {
  method: string;
  url: string;
  allowed: boolean;
  /** The request's Origin or Referer header: who asked, when the browser says. */
  from: string;
}

export interface AuditResult {
  steps: string[];
  extensionOrigin: string;
  /** The canary: a request made on purpose from the background after the session (see CANARY). */
  canary: string;
  proxied: ProxiedRequest[];
  /** URLs the browser reported for pages and workers (any scheme). */
  observed: string[];
  isAllowedUrl(url: string): boolean;
  batch: BatchAudit;
}

/**
 * The batch part of the session: a run from the popup on the fixture column (test/fixtures/batch/), then a
 * pasted list holding an address that redirects to another host. `requests` is everything that reached the
 * proxy from the popup click until both runs were over (the listing tab had finished loading before).
 */
export interface BatchAudit {
  /** The paths the runs may ask for: the listing page, its 14 report addresses, the 2 pasted addresses. */
  allowedPaths: string[];
  requests: ProxiedRequest[];
  /** What the fixture server itself was asked in that window ("host:port path"). */
  served: string[];
  counts: { total: number; done: number; failed: number } | null;
  pasted: { counts: { total: number; done: number; failed: number } | null; redirect: { state: string; code: string | null } | null };
}

/** The pasted list: the address that 302-redirects to www.example.com, and a report of the column's page 2. */
export const REDIRECTING = `${COLUMN}202301/t20230131_3566001.html`;
const PASTED = [REDIRECTING, PAGE_2_REPORTS[0]!];
const BATCH_SETTINGS = { minIntervalMs: 200, timeoutMs: 3000, maxAttempts: 2 };

/** Both browsers' pages, as the batch phase needs them. */
interface BatchUi {
  /** Open an extension page (path) or a web page (absolute URL) in a new tab; resolves once its document is there. */
  open(url: string): Promise<unknown>;
  until(page: unknown, fn: (arg: never) => unknown, arg: unknown, timeoutMs?: number): Promise<void>;
  evaluate<T>(page: unknown, fn: (arg: never) => T, arg?: unknown): Promise<T>;
  click(page: unknown, selector: string): Promise<void>;
  close(page: unknown): Promise<void>;
  /** Run an async function body in an extension context. */
  extEval<T>(body: string): Promise<T>;
}

const countsIn = () => {
  const n = (sel: string) => {
    const t = (document.querySelector(sel)?.textContent ?? '').trim();
    return /^\d+$/.test(t) ? Number(t) : null;
  };
  const total = n('[data-batch-total]');
  const done = n('[data-batch-done]');
  const failed = n('[data-batch-failed]');
  return total === null || done === null || failed === null ? null : { total, done, failed };
};
const runOver = (want: number) => {
  const n = (sel: string) => Number((document.querySelector(sel)?.textContent ?? '').trim() || NaN);
  return n('[data-batch-total]') === want && n('[data-batch-done]') + n('[data-batch-failed]') === want;
};

async function batchPhase(ui: BatchUi, fixture: FixtureServer, proxy: AuditProxy, origin: string): Promise<BatchAudit> {
  const api = 'const api = globalThis.browser ?? globalThis.chrome;';
  await ui.extEval(
    `${api} const { settings } = await api.storage.local.get('settings');
     await api.storage.local.set({ settings: { ...(settings ?? {}), batch: ${JSON.stringify(BATCH_SETTINGS)} } });`,
  );
  await ui.open(fixture.url(GOV_HOST, LISTING));
  await sleep(1500); // the tab's own late requests (favicon) land before the window opens
  const tabId = await ui.extEval<number>(
    `${api} return (await api.tabs.query({})).find((t) => (t.url ?? '').includes(${JSON.stringify(LISTING)}))?.id ?? -1;`,
  );
  const mark = proxy.seen.length;
  const servedMark = fixture.requests.length;

  // The popup reads the tab's state once: one opened before the listing was read is opened again.
  let popup: unknown = null;
  for (let attempt = 0; !popup; attempt++) {
    const candidate = await ui.open(`${origin}/popup.html?tab=${tabId}`);
    try {
      await ui.until(candidate, () => !!document.querySelector('[data-action="batch-check"]'), undefined, 30_000);
      popup = candidate;
    } catch (error) {
      await ui.close(candidate);
      if (attempt >= 5) throw error;
    }
  }
  if (await ui.evaluate(popup, () => document.querySelector<HTMLInputElement>('[data-option="follow-pages"]')?.checked ?? false)) {
    await ui.click(popup, '[data-option="follow-pages"]');
  }
  await ui.click(popup, '[data-action="batch-check"]').catch(() => undefined);
  const library = await ui.open(`${origin}/library.html#batch`);
  await ui.until(library, runOver as (arg: never) => unknown, PAGE_1_REPORTS.length, 90_000);
  const counts = await ui.evaluate(library, countsIn);

  // A pasted list in the library: the redirecting address is refused, the other one is checked.
  await ui.until(library, () => !!document.querySelector('textarea[data-input="batch-addresses"]'), undefined, 30_000);
  await ui.evaluate(
    library,
    ((text: string) => {
      const area = document.querySelector<HTMLTextAreaElement>('textarea[data-input="batch-addresses"]')!;
      // The native setter, then an input event: what typing does, so the UI's state follows.
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(area, text);
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }) as (arg: never) => void,
    PASTED.map((p) => fixture.url(GOV_HOST, p)).join('\n'),
  );
  await ui.click(library, '[data-action="batch-start"]');
  await ui.until(library, runOver as (arg: never) => unknown, PASTED.length, 60_000);
  const pasted = {
    counts: await ui.evaluate(library, countsIn),
    redirect: await ui.evaluate(
      library,
      ((url: string) => {
        const row = Array.from(document.querySelectorAll<HTMLElement>('[data-batch-item]')).find((r) => r.dataset.url === url);
        return row
          ? { state: row.dataset.state ?? '', code: row.querySelector<HTMLElement>('[data-failure]')?.dataset.code ?? null }
          : null;
      }) as (arg: never) => { state: string; code: string | null } | null,
      fixture.url(GOV_HOST, REDIRECTING),
    ),
  };
  await sleep(1000); // anything the runs send late still lands in the window
  return {
    allowedPaths: [LISTING, ...PAGE_1_REPORTS, ...PASTED],
    requests: proxy.seen.slice(mark),
    served: fixture.requests.slice(servedMark),
    counts,
    pasted,
  };
}

interface AuditProxy {
  port: number;
  seen: ProxiedRequest[];
  close(): Promise<void>;
}

async function startAuditProxy(fixture: FixtureServer): Promise<AuditProxy> {
  const seen: ProxiedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let url: URL | null = null;
    try {
      url = new URL(req.url ?? '');
    } catch {
      url = null;
    }
    const allowed = !!url && url.protocol === 'http:' && ALL_HOSTS.includes(url.hostname) && Number(url.port) === fixture.port;
    const from = String(req.headers.origin ?? req.headers.referer ?? '');
    seen.push({ method: req.method ?? '?', url: req.url ?? '', allowed, from });
    if (!allowed || !url) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the audit proxy');
      return;
    }
    const upstream = httpRequest(
      { host: '127.0.0.1', port: fixture.port, method: req.method, path: url.pathname + url.search, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  // HTTPS and WebSocket attempts: recorded and refused.
  server.on('connect', (req, socket) => {
    seen.push({ method: 'CONNECT', url: req.url ?? '', allowed: false, from: '' });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    seen.push({ method: 'UPGRADE', url: req.url ?? '', allowed: false, from: String(req.headers.origin ?? '') });
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The positive control: after the session the test itself fetches this foreign URL from the extension's
 * background, to prove the audit would catch a request of ours to anywhere else, and tell it is ours
 * (a cross-origin request from the extension carries its Origin).
 */
export const CANARY = 'http://audit-canary.example.net/collect?x=1';

/**
 * The browsers' own services (updates, sign-in, remote settings). The browser process talks to them with
 * or without our extension; they carry no Origin of ours (checked by the test) and are refused by the proxy.
 */
export const BROWSER_SERVICES: Record<'chromium' | 'firefox', RegExp> = {
  chromium: /(^|\.)(google\.com|googleapis\.com|gvt1\.com)$/,
  firefox: /(^|\.)(mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com|mozaws\.net)$/,
};
const PAGES = ['/agency-a-2021.html', '/agency-a-2022.html', '/seed-003.html'];

function allowedUrl(fixturePort: number, extensionOrigin: string) {
  return (raw: string): boolean => {
    if (
      raw.startsWith(extensionOrigin + '/') ||
      raw.startsWith('blob:' + extensionOrigin) ||
      raw.startsWith('data:') ||
      raw === 'about:blank'
    )
      return true;
    try {
      const u = new URL(raw);
      if (u.protocol === 'blob:') return allowedUrl(fixturePort, extensionOrigin)(raw.slice(5));
      return u.protocol === 'http:' && ALL_HOSTS.includes(u.hostname) && Number(u.port) === fixturePort;
    } catch {
      return false;
    }
  };
}

const panelSaved = () => document.querySelector('report-lens')?.shadowRoot?.querySelector('[data-save-state="saved"]');

export async function runAuditSession(browser: 'chromium' | 'firefox'): Promise<AuditResult> {
  const fixture = await startServer();
  const proxy = await startAuditProxy(fixture);
  try {
    return browser === 'chromium' ? await chromiumSession(fixture, proxy) : await firefoxSession(fixture, proxy);
  } finally {
    await proxy.close();
    await fixture.close();
  }
}

async function chromiumSession(fixture: FixtureServer, proxy: AuditProxy): Promise<AuditResult> {
  const observed: string[] = [];
  const steps: string[] = [];
  // The proxy instead of the resolver rule, so that every request, loopback included, passes through it.
  const { context, close } = await startChromium({
    acceptDownloads: true,
    resolveTestHosts: false,
    args: [`--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>'],
    onContext: (c) => c.on('request', (r) => observed.push(r.url())),
  });
  try {
    const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    const origin = `chrome-extension://${new URL(sw.url()).host}`;
    const tabs: number[] = [];
    for (const path of PAGES) {
      const page = await context.newPage();
      await page.goto(fixture.url(GOV_HOST, path));
      await page.waitForFunction(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-panel'), undefined, {
        timeout: 30_000,
      });
      if (!steps.includes('detect')) steps.push('detect');
      await page.waitForFunction(panelSaved, undefined, { timeout: 30_000 });
      if (!steps.includes('save')) steps.push('save');
    }
    const worker = context.serviceWorkers().find((w) => w.url().startsWith(origin)) ?? sw;
    tabs.push(
      ...((await worker.evaluate(
        `chrome.tabs.query({}).then((t) => t.filter((x) => (x.url ?? '').includes('seed-003')).map((x) => x.id))`,
      )) as number[]),
    );
    const popup = await context.newPage();
    await popup.goto(`${origin}/popup.html?tab=${tabs[0]}`);
    await popup.waitForSelector('[data-save-state="saved"]', { timeout: 45_000 });
    steps.push('popup');

    const library = await context.newPage();
    await library.goto(`${origin}/library.html`);
    await library.waitForFunction(() => document.querySelectorAll('[data-testid="report-row"]').length === 3, undefined, {
      timeout: 45_000,
    });
    const firstId = await library.getAttribute('[data-testid="report-row"]', 'data-report-id');
    await library.evaluate((id) => (location.hash = `#report=${id}`), firstId);
    await library.waitForSelector('[data-testid="report-detail"]');
    steps.push('library');
    await library.evaluate(() => (location.hash = '#list'));
    await library.click('[data-testid="tab-years"]');
    await library.waitForSelector('[data-testid="compare-years-table"]', { timeout: 45_000 });
    steps.push('compare');
    await library.evaluate(() => (location.hash = '#data'));
    await library.waitForSelector('[data-testid="export-csv"]');
    for (const id of ['export-csv', 'export-json']) {
      const [download] = await Promise.all([library.waitForEvent('download'), library.click(`[data-testid="${id}"]`)]);
      await download.path();
    }
    steps.push('export');
    await sleep(1500); // anything sent late (beacons, timers) still lands in the log
    const liveWorker = () =>
      context
        .serviceWorkers()
        .filter((w) => w.url().startsWith(origin))
        .at(-1) ?? sw;
    type P = import('playwright-core').Page;
    const batch = await batchPhase(
      {
        open: async (url) => {
          const page = await context.newPage();
          await page.goto(url);
          return page;
        },
        until: async (page, fn, arg, timeoutMs = 45_000) => {
          await (page as P).waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 100 });
        },
        evaluate: (page, fn, arg) => (page as P).evaluate(fn as never, arg) as never,
        click: (page, selector) => (page as P).locator(selector).first().click(),
        close: (page) => (page as P).close(),
        extEval: async (body) => (await liveWorker().evaluate(`(async () => { ${body} })()`)) as never,
      },
      fixture,
      proxy,
      origin,
    );
    steps.push('batch');
    const canary = CANARY;
    await liveWorker().evaluate(`fetch(${JSON.stringify(canary)}).then((r) => r.text(), (e) => String(e))`);
    return {
      steps,
      extensionOrigin: origin,
      canary,
      proxied: [...proxy.seen],
      observed,
      isAllowedUrl: allowedUrl(fixture.port, origin),
      batch,
    };
  } finally {
    await close();
  }
}

async function firefoxSession(fixture: FixtureServer, proxy: AuditProxy): Promise<AuditResult> {
  const downloads = mkdtempSync(join(tmpdir(), 'report-lens-audit-dl-'));
  const browser = await startFirefox({
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // As Mozilla's own test harness does: no remote-settings polling during tests.
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
    },
  });
  const observed: string[] = [];
  const steps: string[] = [];
  const origin = `moz-extension://${FIXED_UUID}`;
  try {
    const watch = (page: Awaited<ReturnType<typeof browser.newPage>>) => page.on('request', (r) => void observed.push(r.url()));
    for (const path of PAGES) {
      const page = await browser.newPage();
      watch(page);
      await page.goto(fixture.url(GOV_HOST, path), { waitUntil: 'load' });
      await page.waitForFunction(() => document.querySelector('report-lens')?.shadowRoot?.querySelector('.rl-panel'), {
        timeout: 30_000,
        polling: 100,
      });
      if (!steps.includes('detect')) steps.push('detect');
      await page.waitForFunction(panelSaved, { timeout: 30_000, polling: 100 });
      if (!steps.includes('save')) steps.push('save');
    }
    const popup = await browser.newPage();
    watch(popup);
    void popup.goto(`${origin}/popup.html?tab=0`).catch(() => undefined);
    await waitForExtensionApi(popup);
    const tabId = (await popup.evaluate(
      `browser.tabs.query({}).then((t) => t.filter((x) => (x.url ?? '').includes('seed-003')).map((x) => x.id)[0])`,
    )) as number;
    void popup.goto(`${origin}/popup.html?tab=${tabId}`).catch(() => undefined);
    await pollInPage(popup, () => document.querySelector('[data-save-state="saved"]') !== null, 45_000);
    steps.push('popup');

    const library = await browser.newPage();
    watch(library);
    void library.goto(`${origin}/library.html`).catch(() => undefined);
    await pollInPage(library, () => document.querySelectorAll('[data-testid="report-row"]').length === 3);
    const firstId = await library.$eval('[data-testid="report-row"]', (r) => r.getAttribute('data-report-id'));
    await library.evaluate((id) => void (location.hash = `#report=${id}`), firstId);
    await library.waitForSelector('[data-testid="report-detail"]');
    steps.push('library');
    await library.evaluate(() => void (location.hash = '#list'));
    await (await library.waitForSelector('[data-testid="tab-years"]'))!.click();
    await library.waitForSelector('[data-testid="compare-years-table"]', { timeout: 45_000 });
    steps.push('compare');
    await library.evaluate(() => void (location.hash = '#data'));
    for (const id of ['export-csv', 'export-json']) {
      await (await library.waitForSelector(`[data-testid="${id}"]`))!.click();
      await sleep(500);
    }
    steps.push('export');
    await sleep(1500);
    type P = Awaited<ReturnType<typeof browser.newPage>>;
    const batch = await batchPhase(
      {
        open: async (url) => {
          const page = await browser.newPage();
          watch(page);
          if (url.startsWith(origin)) {
            // page.goto of a moz-extension:// page may never resolve: start it and wait for the app.
            void page.goto(url).catch(() => undefined);
            await pollInPage(page, () => document.querySelector('#app > *') !== null);
          } else {
            await page.goto(url, { waitUntil: 'load' });
          }
          return page;
        },
        // As pollInPage, with an argument: an evaluation error while the page navigates means "not yet".
        until: async (page, fn, arg, timeoutMs = 45_000) => {
          const deadline = Date.now() + timeoutMs;
          // No undefined argument over BiDi (it fails the evaluation): pass one only when there is one.
          const once = () => (arg === undefined ? (page as P).evaluate(fn as never) : (page as P).evaluate(fn as never, arg));
          while (!(await once().catch(() => false))) {
            if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${String(fn)}`);
            await sleep(100);
          }
        },
        evaluate: (page, fn, arg) =>
          (arg === undefined ? (page as P).evaluate(fn as never) : (page as P).evaluate(fn as never, arg)) as never,
        click: async (page, selector) => {
          await (await (page as P).waitForSelector(selector, { timeout: 30_000 }))!.click();
        },
        close: (page) => (page as P).close(),
        extEval: (body) => popup.evaluate(`(async () => { ${body} })()`) as never,
      },
      fixture,
      proxy,
      origin,
    );
    steps.push('batch');
    const canary = CANARY;
    await popup.evaluate(
      `browser.runtime.getBackgroundPage().then((bg) => bg.fetch(${JSON.stringify(canary)})).then((r) => r.text(), (e) => String(e))`,
    );
    return {
      steps,
      extensionOrigin: origin,
      canary,
      proxied: [...proxy.seen],
      observed,
      isAllowedUrl: allowedUrl(fixture.port, origin),
      batch,
    };
  } finally {
    await browser.close();
    rmSync(downloads, { recursive: true, force: true });
  }
}
