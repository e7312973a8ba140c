/**
 * How long a background script takes to load: fetched from 127.0.0.1, parsed, compiled and its top level run,
 * in a plain page of headless Firefox ESR and Chromium, with `browser`/`chrome` stubbed (every property a
 * function returning a settled promise and itself) so the script's listeners register and nothing else happens.
 * Each load is a fresh page (a cold script cache). Used to compare two builds of the same file, e.g. Firefox's
 * background.js before and after pdf.js left it:
 *
 *   npx tsx cli/bench/background-load.ts OLD/background.js NEW/background.js [rounds]
 *
 * The builds' other files are not needed: what background.js imports lazily is not loaded at start.
 */

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import puppeteer from 'puppeteer-core';

const STUB = `
  const stub = () => new Proxy(function () {}, {
    get: (_t, key) => (key === 'then' ? undefined : stub()),
    apply: () => stub(),
  });
  window.browser = stub(); window.chrome = stub();
`;

async function main(): Promise<void> {
  const [a, b, roundsArg] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: background-load.ts OLD.js NEW.js [rounds]');
  const files = [a, b].map((path) => readFileSync(path));
  const server = createServer((req, res) => {
    const m = /^\/(\d)\.js/.exec(req.url ?? '');
    if (m) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(files[Number(m[1])]);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><meta charset="utf-8"><script>${STUB}</script><body>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const rounds = Number(roundsArg ?? 7);
  const browsers = [
    ['firefox', () => puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true })],
    ['chromium', () => puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] })],
  ] as const;
  for (const [name, launch] of browsers) {
    const browser = await launch();
    const times: number[][] = [[], []];
    try {
      // Alternate the two files so that a change of load on the machine falls on both alike.
      for (let round = 0; round < rounds; round++) {
        for (const which of [0, 1]) {
          const page = await browser.newPage();
          await page.goto(`http://127.0.0.1:${port}/`);
          const ms = await page.evaluate(
            (src: string) =>
              new Promise<number>((resolve) => {
                const s = document.createElement('script');
                const t0 = performance.now();
                s.onload = s.onerror = () => resolve(performance.now() - t0);
                s.src = src;
                document.head.append(s);
              }),
            `/${which}.js?${round}`,
          );
          times[which]!.push(ms);
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    for (const which of [0, 1]) {
      console.log(
        `${name}\t${[a, b][which]}\t${files[which]!.length} B\tmedian ${median(times[which]!).toFixed(1)} ms\tmin ${Math.min(...times[which]!).toFixed(1)} ms\t(${rounds} loads)`,
      );
    }
  }
  server.close();
}

await main();
