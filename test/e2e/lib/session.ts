/**
 * The one launch and teardown of the e2e files: a fixture server and a browser with the built extension,
 * started once for a describe block (beforeAll) and closed after it (afterAll), in that order and also when
 * a test or the set-up failed. Every e2e file calls useBrowser instead of writing the hooks itself.
 */

import { existsSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { CHROME_BUILD, launchChromium } from './chromium';
import type { Driver } from './driver';
import { FIREFOX_BUILD, launchFirefox } from './firefox';
import { type FixtureServer, startServer } from './server';

type BrowserName = 'chromium' | 'firefox';
export type DriverOf<N extends BrowserName> = N extends 'chromium' ? Driver & { context: BrowserContext } : Driver & { browser: Browser };

export const BUILDS: Record<BrowserName, string> = { chromium: CHROME_BUILD, firefox: FIREFOX_BUILD };

/**
 * The browser of this run. The e2e config runs every file once per browser (E2E_BROWSER set by its project), so a
 * file's Chromium and Firefox halves are two runs that go side by side instead of one after the other. Unset (a
 * file run by hand with its own config): both.
 */
const ONLY = process.env.E2E_BROWSER as BrowserName | undefined;
export const runsIn = (name: BrowserName): boolean => !ONLY || ONLY === name;

/** The browsers of this run, each with its build (a block whose build is missing is skipped: `npm run build` first). */
export const BROWSERS = (['chromium', 'firefox'] as const).filter(runsIn).map((name) => ({ name, build: BUILDS[name] }));

/**
 * A describe block for one browser only, in a file that also has blocks for both: declared only in that browser's
 * run (not reported as skipped in the other's), and skipped when its build is missing.
 */
export function describeIn(name: BrowserName, title: string, body: () => void): void {
  if (runsIn(name)) describe.skipIf(!existsSync(BUILDS[name]))(title, body);
}

interface Session<N extends BrowserName> {
  server: FixtureServer;
  driver: DriverOf<N>;
}

interface LaunchOptions {
  /** Another copy of the build (e.g. with a manifest changed for the test). */
  extensionDir?: string;
}

function launch<N extends BrowserName>(name: N, options: LaunchOptions): Promise<DriverOf<N>> {
  return (name === 'chromium' ? launchChromium(options) : launchFirefox(options)) as Promise<DriverOf<N>>;
}

/**
 * In the calling describe block: start the fixture server, launch `name` once, hand both to `ready` (which
 * stores them and may prepare the browser, e.g. settings), and close the browser then the server after the
 * block's last test. `options` is called in beforeAll, so what it prepares is made only when the block runs.
 */
export function useBrowser<N extends BrowserName>(
  name: N,
  ready: (session: Session<N>) => unknown,
  options: () => LaunchOptions = () => ({}),
): void {
  if (!runsIn(name))
    throw new Error(`useBrowser('${name}') in the ${ONLY} run: use describeIn, or list the file as ${name}-only in vitest.e2e.config.ts`);
  let server: FixtureServer | undefined;
  let driver: DriverOf<N> | undefined;
  beforeAll(async () => {
    server = await startServer();
    driver = await launch(name, options());
    await ready({ server, driver });
  });
  afterAll(async () => {
    await driver?.close();
    await server?.close();
  });
}
