/**
 * A batch item whose standard tables are pictures (issue 18: "the same in batch runs"): processBody asks for
 * the article's pictures, the batch service fetches them through the polite gate, and the second call reads
 * them by OCR (the Node host: the same utils/ocr and models as the extension's hidden page).
 *
 * The page: test/fixtures/pictures/seed-004-pictures.html, the seed 004 report (平邑县卫生健康局 2023) whose
 * sections 二、三、四 hold only <img> of its tables. Expected figures were read by hand from
 * seed-004-tables.html, the pages the pictures were made of (test/corpus/html/seed-004-pictures.truth.json):
 * 主动公开 209 (prose), 新收 5, 上年结转 0, 办理 (七)总计 4, 结转下年度 1, 复议 3, 诉讼 0; every relation holds.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPictureBytes } from '../../../cli/ocr';
import { nodeParseHost } from '../../../cli/parse-host';
import { BatchService, type ParseBridge } from '../../../entrypoints/background/batch';
import { LibraryService } from '../../../entrypoints/background/library';
import type { FetchLike, ResponseLike } from '../../../utils/batch/polite-fetch';
import { type FetchedBody, type ParseHost, processBody, readListingFrom } from '../../../utils/batch/process';
import { openLibrary } from '../../../utils/library/store';
import type { PdfPageInput } from '../../../utils/pdf/types';
import { dbName } from '../library/builder';

const dir = join(__dirname, '../../fixtures/pictures');
const bytes = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

const PAGE = 'http://www.pingyi.gov.cn/gongkai/channel_5f1a/doc_65a8f0.html';
const PICTURE = (kind: string) => `http://www.pingyi.gov.cn/gongkai/channel_5f1a/seed-004.${kind}.clean.png`;
const PICTURES = [PICTURE('active-disclosure'), PICTURE('applications'), PICTURE('review-litigation')];

/**
 * The Node host with the CLI's picture reader: what the hidden page does with readPictures 'auto'. Each picture
 * is really read by OCR once; the later tests of this file take that same reading (a few seconds of CPU each).
 */
const reads = new Map<string, Promise<PdfPageInput | null>>();
const reading: ParseHost = {
  ...nodeParseHost,
  readPicture: (picture, index) => {
    const key = `${index}:${picture.length}`;
    if (!reads.has(key))
      reads.set(
        key,
        readPictureBytes(picture, index).then((read) => (read.page.runs.length ? read.page : null)),
      );
    return reads.get(key)!.then((page) => (page ? structuredClone(page) : null));
  },
};

const pageBody = (html = readFileSync(join(dir, 'seed-004-pictures.html'), 'utf8')): FetchedBody => ({
  bytes: new TextEncoder().encode(html),
  contentType: 'text/html; charset=utf-8',
  finalUrl: PAGE,
});

const errorsOf = (findings: { severity: string; rule: string }[]) => findings.filter((f) => f.severity === 'error').map((f) => f.rule);

describe('processBody: a page whose tables are pictures', () => {
  it('asks for the article’s three pictures, by absolute address, when pictures may be read', async () => {
    const out = await processBody(pageBody(), reading);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.wantsPictures).toEqual(PICTURES);
    // Meanwhile the page as it reads without them: the prose's figures, no table read.
    expect(out.report.figures.activeDisclosed).toBe(209);
    expect(out.report.figures.applicationsCarriedForward).toBeNull();
    expect(out.pictureTables).toBeUndefined();
  });

  it('asks for nothing when pictures are not to be read (setting "ask"), or when the tables are typed', async () => {
    const off = await processBody(pageBody(), nodeParseHost);
    expect(off.ok && off.wantsPictures).toBe(undefined);
    const typed = await processBody(
      {
        bytes: new Uint8Array(readFileSync(join(__dirname, '../../fixtures/pages/clean-2021.html'))),
        contentType: 'text/html',
        finalUrl: PAGE,
      },
      reading,
    );
    expect(typed.ok).toBe(true);
    if (typed.ok) expect(typed.wantsPictures).toBeUndefined();
  });

  it('leaves out pictures the page draws as icons (their own width/height under a table’s)', async () => {
    const html = readFileSync(join(dir, 'seed-004-pictures.html'), 'utf8').replace(
      '<img src="seed-004.applications.clean.png" alt="" width="600">',
      '<img src="seed-004.applications.clean.png" alt="" width="600"><img src="/images/print.gif" width="16" height="16">',
    );
    const out = await processBody(pageBody(html), reading);
    expect(out.ok && out.wantsPictures).toEqual(PICTURES);
  });

  it('given the pictures, reads the three tables by OCR: figures as read by hand, no error', async () => {
    const pictures = Object.fromEntries(PICTURES.map((address) => [address, bytes(address.split('/').pop()!)]));
    const out = await processBody({ ...pageBody(), pictures }, reading);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.wantsPictures).toBeUndefined();
    expect(out.pictureTables).toBe(3);
    expect(out.report.figures).toMatchObject({
      activeDisclosed: 209,
      applicationsNew: 5,
      applicationsCarriedOver: 0,
      applicationsHandled: 4,
      applicationsCarriedForward: 1,
      reviewTotal: 3,
      litigationTotal: 0,
    });
    expect(errorsOf(out.findings)).toEqual([]);
    // The values are marked as read from a picture.
    const handled = out.report.standard.applications?.rows.total?.total;
    expect(handled?.read?.placed).toBe('picture');
  });

  it('a picture that could not be fetched is left out: the others are still read', async () => {
    const pictures = { [PICTURES[1]!]: bytes('seed-004.applications.clean.png') };
    const out = await processBody({ ...pageBody(), pictures }, reading);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.pictureTables).toBe(1);
    expect(out.report.figures.applicationsCarriedForward).toBe(1);
    expect(out.report.figures.reviewTotal).toBe(3); // from the prose: 申请行政复议3件
    expect(out.report.standard.reviewLitigation).toBeUndefined();
  });
});

describe('batch service: a page whose tables are pictures', () => {
  function served(missing: string[] = []) {
    const calls: string[] = [];
    const fetch: FetchLike = async (url) => {
      calls.push(url);
      const body = url === PAGE ? pageBody().bytes : !missing.includes(url) && PICTURES.includes(url) ? bytes(url.split('/').pop()!) : null;
      const type = url === PAGE ? 'text/html; charset=utf-8' : 'image/png';
      const response: ResponseLike = {
        status: body ? 200 : 404,
        url,
        headers: { get: (n) => (n.toLowerCase() === 'content-type' ? type : null) },
        arrayBuffer: async () => (body ?? new Uint8Array()).slice().buffer as ArrayBuffer,
      };
      return response;
    };
    return { fetch, calls };
  }

  async function run(missing: string[] = []) {
    const library = new LibraryService(() => openLibrary(dbName()));
    const site = served(missing);
    const processed: { pictures: number }[] = [];
    const bridge: ParseBridge = {
      process: async (body) => {
        processed.push({ pictures: Object.keys(body.pictures ?? {}).length });
        return processBody(body, reading);
      },
      listing: async (body) => readListingFrom(body, nodeParseHost),
    };
    const service = new BatchService({
      library,
      queue: library.batchQueue(),
      parse: bridge,
      fetch: site.fetch,
      settings: async () => ({ minIntervalMs: 0, timeoutMs: 30_000, maxAttempts: 1 }),
      newId: () => 'run-1',
    });
    await service.start({ addresses: [PAGE], source: null });
    await service.settled('run-1');
    const db = await library.library();
    const items = await db.batchItems.where('runId').equals('run-1').toArray();
    return { items, calls: site.calls, processed, reports: await db.reports.toArray() };
  }

  it('fetches the page, then its three pictures; the item says 3 tables were read from pictures; saved with the tables’ figures', async () => {
    const { items, calls, processed, reports } = await run();
    expect(calls).toEqual([PAGE, ...PICTURES]);
    expect(processed).toEqual([{ pictures: 0 }, { pictures: 3 }]);
    expect(items).toHaveLength(1);
    expect(items[0]!.state).toBe('checked');
    expect(items[0]!.result).toMatchObject({ kind: 'html', errors: 0, pictureTables: 3 });
    expect(reports).toHaveLength(1);
    expect(reports[0]!.figures.applicationsHandled).toBe(4);
  });

  it('when no picture can be fetched, the page is saved as first read, with no note of pictures read', async () => {
    const { items, calls, processed, reports } = await run(PICTURES);
    expect(calls).toEqual([PAGE, ...PICTURES]);
    expect(processed).toEqual([{ pictures: 0 }]);
    expect(items[0]!.state).toBe('checked');
    expect(items[0]!.result?.pictureTables).toBeUndefined();
    expect(reports[0]!.figures.applicationsHandled).toBeNull();
  });
});
