/**
 * Chromium for the benchmark: a static fixture server on 127.0.0.1 answering for any Host, and Debian
 * Chromium (playwright-core) with the built extension, gov.cn names resolved to the server
 * (docs: /work/shared/recipes.md). Self-contained on purpose: the bench must not depend on test code.
 */

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PAGES = join(ROOT, 'test/fixtures/pages');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const TMP = join(ROOT, 'bench/tmp');
export const GOV_HOST = 'www.example.gov.cn';

export interface BenchServer {
  url(path: string, host?: string): string;
  close(): Promise<void>;
}

/** Serves test/fixtures/pages/<name>.html, plus extra in-memory pages registered by the bench. */
/**
 * Cross-origin isolation for the pages the bench times in the page itself (host 127.0.0.1, not a gov.cn name, so
 * the extension does not run there): Chromium then gives performance.now() 5 µs steps instead of 100 µs, which a
 * first call of a few tenths of a millisecond needs.
 */
const isolation = (host: string | undefined): Record<string, string> =>
  process.env.BENCH_COARSE_CLOCK || !host?.startsWith('127.0.0.1')
    ? {}
    : { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/** The page clock's step in ms: 5 µs on a cross-origin isolated page, else 0.1 ms. A first call reading 0 is below it. */
export const clockStep = (isolated: boolean): number => (isolated ? 0.005 : 0.1);

export async function startServer(extra: Record<string, string | Uint8Array> = {}): Promise<BenchServer> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (extra[path] !== undefined) {
      const type = path.endsWith('.pdf') ? 'application/pdf' : 'text/html; charset=utf-8';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...isolation(req.headers.host) }).end(extra[path]);
      return;
    }
    const file = normalize(join(PAGES, path.slice(1)));
    if (!file.startsWith(PAGES)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...isolation(req.headers.host) })
        .end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path, host = GOV_HOST) => `http://${host}:${port}${path}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface BenchBrowser {
  context: BrowserContext;
  extensionOrigin: string;
  version: string;
  close(): Promise<void>;
}

export async function launch(extensionDir: string): Promise<BenchBrowser> {
  mkdirSync(TMP, { recursive: true });
  const profile = mkdtempSync(join(TMP, 'profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: false,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: [
      '--headless=new',
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP *.gov.cn 127.0.0.1',
      // An instrument, never the bench's own figures: BENCH_JS_FLAGS="--no-maglev --no-turbofan" times the code as the
      // warm calls mostly run it (unoptimized), without the optimizing compilers' timing.
      ...(process.env.BENCH_JS_FLAGS ? [`--js-flags=${process.env.BENCH_JS_FLAGS}`] : []),
    ],
  });
  const sw =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionOrigin = `chrome-extension://${new URL(sw.url()).host}`;
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const { product } = (await cdp.send('Browser.getVersion')) as { product: string };
  await cdp.detach();
  await page.close();
  return {
    context,
    extensionOrigin,
    version: product,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

/** Trace one navigation (devtools.timeline) and return its events. */
export async function traceNavigation(page: Page, url: string, settle: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8.execute', 'disabled-by-default-devtools.timeline', 'v8'] },
  });
  await page.goto(url, { waitUntil: 'load' });
  await settle();
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  return events;
}
