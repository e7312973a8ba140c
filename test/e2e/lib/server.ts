/**
 * A static server on 127.0.0.1 for end-to-end tests and the demo. It answers for any Host, so with the
 * browsers' resolver rules (Chromium --host-resolver-rules, Firefox network.dns.localDomains) the
 * fixture pages are served under realistic names such as www.example.gov.cn and the extension's real
 * match patterns apply.
 *   /<name>.html      → test/fixtures/pages/<name>.html   (fixtures helper)
 *   /e2e/<name>.html  → test/e2e/pages/<name>.html        (pages made for these tests)
 *   /pdf/<name>.pdf   → test/fixtures/pdf/<name>.pdf      (PDF fixtures, served as application/pdf)
 *   /listing/<name>   → test/fixtures/listing/<name>      (年报 column pages)
 *   /hierarchy/<name> → test/fixtures/hierarchy/<name>     (a district and its bodies, rule hierarchy-sum)
 *   /pictures/<name>  → test/fixtures/pictures/<name>      (pages whose tables are pictures, and the pictures)
 *   the batch site's addresses (test/fixtures/batch/site.ts ROUTES: a 年报 column under /zwgk/zfxxgknb/ and the
 *   reports it links, with a 404 that can be switched on, a request never answered, a GBK page, an off-host redirect)
 */

import { readFile } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { NOT_FOUND_PAGE, ROUTES } from '../../fixtures/batch/site';

const ROOT = resolve(import.meta.dirname, '../../..');
export const FIXTURE_PAGES = join(ROOT, 'test/fixtures/pages');
export const E2E_PAGES = join(ROOT, 'test/e2e/pages');
export const PDF_FIXTURES = join(ROOT, 'test/fixtures/pdf');
export const LISTING_FIXTURES = join(ROOT, 'test/fixtures/listing');
export const HIERARCHY_FIXTURES = join(ROOT, 'test/fixtures/hierarchy');
export const PICTURE_FIXTURES = join(ROOT, 'test/fixtures/pictures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

/** Host names the browsers resolve to 127.0.0.1. */
export const GOV_HOST = 'www.example.gov.cn';
export const GOV_HOST_2 = 'xxgk.example.gov.cn';
export const NON_GOV_HOST = 'www.example.com';
export const ALL_HOSTS = [GOV_HOST, GOV_HOST_2, NON_GOV_HOST];

export interface FixtureServer {
  port: number;
  /** http://<host>:<port><path> */
  url(host: string, path: string): string;
  /** Every request seen: "host path". */
  requests: string[];
  /** Named switches routes read (ROUTES[…].missingUntil): on = the page is published. */
  switches: Set<string>;
  close(): Promise<void>;
}

export async function startServer(): Promise<FixtureServer> {
  const requests: string[] = [];
  const switches = new Set<string>();
  const held = new Set<ServerResponse>();
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(`${req.headers.host ?? ''} ${path}`);
    const route = ROUTES[path];
    if (route) {
      if (route.hang) {
        // Never answered: held until the client gives up or the server closes.
        held.add(res);
        res.on('close', () => held.delete(res));
        return;
      }
      if (route.redirectTo) {
        const port = (server.address() as AddressInfo).port;
        res
          .writeHead(302, { location: `http://${route.redirectTo.host}:${port}${route.redirectTo.path}`, 'cache-control': 'no-store' })
          .end();
        return;
      }
      if (route.missingUntil && !switches.has(route.missingUntil)) {
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(NOT_FOUND_PAGE);
        return;
      }
      const body = await readFile(join(ROOT, route.file!));
      res.writeHead(200, {
        'content-type': route.contentType ?? TYPES[extname(route.file!)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
      return;
    }
    const [base, rel] = path.startsWith('/e2e/')
      ? [E2E_PAGES, path.slice(5)]
      : path.startsWith('/pdf/')
        ? [PDF_FIXTURES, path.slice(5)]
        : path.startsWith('/listing/')
          ? [LISTING_FIXTURES, path.slice(9)]
          : path.startsWith('/hierarchy/')
            ? [HIERARCHY_FIXTURES, path.slice(11)]
            : path.startsWith('/pictures/')
              ? [PICTURE_FIXTURES, path.slice(10)]
              : [FIXTURE_PAGES, path.slice(1)];
    const file = normalize(join(base, rel || 'index.html'));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (host, path) => `http://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    requests,
    switches,
    close: () =>
      new Promise<void>((ok) => {
        for (const res of held) res.destroy();
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
