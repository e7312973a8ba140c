/**
 * Batch figures: reports per second through the batch path in Node, with the politeness delay off, against
 * a local HTTP server that serves the fixture pages and PDFs under varied addresses (two host names, a
 * distinct path per report). Run by `npm run bench` (node part 'batch'), or alone:
 *   npx tsx --expose-gc cli/bench/batch.ts [reports=1000]   → prints JSON, writes bench/batch-results.json
 * Three passes, each in the same process one after the other:
 *   - runner: BatchRunner + politeFetch (real fetch over loopback) + process.ts (linkedom), queue in memory;
 *     memory (heapUsed after a GC, rss) every 250 reports and after the last;
 *   - service: the background's BatchService, queue and library on fake-indexeddb, every report saved through
 *     the library service (findings against the library included), as in the extension;
 *   - pdf: PDFs through the same runner path (pdf.js legacy build), fewer of them.
 */
import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BatchService } from '../../entrypoints/background/batch';
import { LibraryService } from '../../entrypoints/background/library';
import { DEFAULT_POLITENESS, type FetchLike, realClock } from '../../utils/batch/polite-fetch';
import { processBody, readListingFrom } from '../../utils/batch/process';
import { type BatchItem, BatchRunner, planItems, type QueueStore } from '../../utils/batch/queue';
import { batchErrorText } from '../../utils/i18n/errors';
import { openLibrary } from '../../utils/library/store';
import { nodeParseHost } from '../parse-host';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = join(ROOT, 'test/fixtures/pages');
const PDFS = join(ROOT, 'test/fixtures/pdf');

/** Report pages and a few non-reports (a column mixes them): what a batch meets. */
const HTML_FILES = [
  'clean-2019.html',
  'clean-2021.html',
  'agency-a-2021.html',
  'agency-a-2022.html',
  'pingtan-2019.html',
  'pingtan-2020.html',
  'pingtan-2021.html',
  'seed-000.html',
  'seed-001.html',
  'seed-002.html',
  'seed-003.html',
  'seed-004.html',
  'news.html',
  'guide.html',
];
const PDF_FILES = ['clean-2021.chromium.pdf', 'seed-003.chromium.pdf', 'clean-2019.soffice.pdf'];

function serve(): Promise<{ server: Server; port: number }[]> {
  const bodies = new Map<string, Buffer>();
  for (const f of HTML_FILES) bodies.set(f, readFileSync(join(PAGES, f)));
  for (const f of PDF_FILES) bodies.set(f, readFileSync(join(PDFS, f)));
  const server = createServer((req, res) => {
    // /r/<n>/<file>: any n, so every report has an address of its own.
    const file = /^\/r\/\d+\/([\w.-]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1];
    const body = file ? bodies.get(file) : undefined;
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, {
      'content-type': file!.endsWith('.pdf') ? 'application/pdf' : 'text/html; charset=utf-8',
      'content-length': body.length,
    });
    res.end(body);
  });
  // Two listeners: two hosts (host includes the port), as a column with its PDFs on a file server.
  const listen = (s: Server) =>
    new Promise<{ server: Server; port: number }>((ok) =>
      s.listen(0, '127.0.0.1', () => ok({ server: s, port: (s.address() as AddressInfo).port })),
    );
  const handler = server.listeners('request')[0] as Parameters<typeof createServer>[1];
  return Promise.all([listen(server), listen(createServer(handler!))]);
}

const fetchLike: FetchLike = (url, init) => fetch(url, { signal: init.signal });

class MemoryStore implements QueueStore {
  readonly map = new Map<string, BatchItem>();
  async items(runId: string) {
    return [...this.map.values()].filter((i) => i.runId === runId);
  }
  async putItem(item: BatchItem) {
    this.map.set(item.id, item);
  }
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
function memory() {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapUsedMB: mb(m.heapUsed), rssMB: mb(m.rss) };
}

function addresses(ports: number[], files: string[], total: number): string[] {
  const hosts = ports.map((port) => `127.0.0.1:${port}`);
  return Array.from({ length: total }, (_, i) => `http://${hosts[i % 2]}/r/${i}/${files[i % files.length]}`);
}

const NO_DELAY = { ...DEFAULT_POLITENESS, minIntervalMs: 0, maxAttempts: 1 };

async function runnerPass(ports: number[], files: string[], total: number, sampleEvery: number) {
  const store = new MemoryStore();
  const runId = `bench-${files.length}-${total}`;
  for (const item of planItems(runId, addresses(ports, files, total), Date.now())) await store.putItem(item);
  const samples: Array<{ reports: number; heapUsedMB: number; rssMB: number }> = [];
  let finished = 0;
  let checked = 0;
  let findings = 0;
  const started = performance.now();
  const runner = new BatchRunner(runId, {
    store,
    fetch: fetchLike,
    clock: realClock,
    policy: NO_DELAY,
    process: async (_item, fetched) => {
      const out = await processBody({ bytes: fetched.bytes, contentType: fetched.contentType, finalUrl: fetched.finalUrl }, nodeParseHost);
      if (!out.ok) return out;
      checked++;
      findings += out.findings.length;
      return { ok: true, result: { errors: 0, warnings: 0, kind: out.kind } };
    },
    onChange: (item) => {
      if (item.state !== 'checked' && item.state !== 'failed') return;
      finished++;
      if (finished % sampleEvery === 0) samples.push({ reports: finished, ...memory() });
    },
  });
  const before = memory();
  const state = await runner.run();
  const seconds = (performance.now() - started) / 1000;
  const failed = [...store.map.values()].filter((i) => i.state === 'failed');
  return {
    state,
    items: total,
    checked,
    failed: failed.length,
    failureCodes: [...new Set(failed.map((i) => i.failure?.code))],
    findings,
    seconds: Math.round(seconds * 100) / 100,
    itemsPerSecond: Math.round((total / seconds) * 10) / 10,
    reportsPerSecond: Math.round((checked / seconds) * 10) / 10,
    memoryBefore: before,
    memoryAfter: memory(),
    samples,
  };
}

async function servicePass(ports: number[], total: number) {
  const name = `bench-batch-${Date.now()}`;
  const library = new LibraryService(() => openLibrary(name));
  const service = new BatchService({
    library,
    queue: library.batchQueue(),
    fetch: fetchLike,
    parse: { process: async (b) => processBody(b, nodeParseHost), listing: async (b) => readListingFrom(b, nodeParseHost) },
    settings: async () => ({ minIntervalMs: 0, timeoutMs: 30_000, maxAttempts: 1 }),
  });
  const started = performance.now();
  const answer = await service.start({ addresses: addresses(ports, HTML_FILES, total), source: null });
  if (!answer.ok) throw new Error(batchErrorText(answer.error, 'en'));
  await service.settled(answer.runId);
  await library.idle();
  const seconds = (performance.now() - started) / 1000;
  const db = await library.library();
  const saved = await db.reports.count();
  const items = await db.batchItems.where('runId').equals(answer.runId).toArray();
  return {
    items: total,
    saved,
    checked: items.filter((i) => i.state === 'checked').length,
    failed: items.filter((i) => i.state === 'failed').length,
    seconds: Math.round(seconds * 100) / 100,
    reportsPerSecond: Math.round((saved / seconds) * 10) / 10,
    memoryAfter: memory(),
    note: 'fake-indexeddb keeps the library in this heap: memory here includes the saved reports',
  };
}

export async function batchBench(total = 1000) {
  const servers = await serve();
  const ports = servers.map((s) => s.port);
  try {
    const runner = await runnerPass(ports, HTML_FILES, total, 250);
    const pdf = await runnerPass(ports, PDF_FILES, Math.max(6, Math.round(total / 50)), 1_000_000);
    const service = await servicePass(ports, Math.max(50, Math.round(total / 5)));
    return {
      gc: typeof (globalThis as { gc?: unknown }).gc === 'function',
      htmlFiles: HTML_FILES.length,
      runner,
      pdf: { ...pdf, samples: undefined },
      service,
    };
  } finally {
    for (const s of servers) s.server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const total = Number(process.argv[2]) || 1000;
  batchBench(total).then(
    (r) => {
      mkdirSync(join(ROOT, 'bench'), { recursive: true });
      writeFileSync(join(ROOT, 'bench/batch-results.json'), JSON.stringify(r, null, 2) + '\n');
      process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
