/**
 * process.ts in Node: fetched bytes → a checked Report or the reason it is none. Expected values come
 * from reading the fixtures (test/fixtures/expected/clean-2021.json was written by hand from the page).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeParseHost } from '../../../cli/parse-host';
import { processBody, readListingFrom } from '../../../utils/batch/process';
import { hashBytes } from '../../../utils/report/hash';
import { encodeGbk } from './gbk';

const fixtures = join(__dirname, '../../fixtures');
const page = (name: string) => readFileSync(join(fixtures, 'pages', name));
const pdf = (name: string) => new Uint8Array(readFileSync(join(fixtures, 'pdf', name)));
const utf8 = (name: string) => new Uint8Array(page(name));
const URL_A = 'http://www.example.gov.cn/bxx/wsjkj/2023-01/18/content_1.html';

const TITLE_2021 = '北溪县卫生健康局2022年政府信息公开工作年度报告';

describe('processBody: pages', () => {
  it('a UTF-8 report page is parsed and checked, its figures as written on the page', async () => {
    const out = await processBody(
      { bytes: utf8('clean-2021.html'), contentType: 'text/html; charset=utf-8', finalUrl: URL_A },
      nodeParseHost,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.kind).toBe('html');
    expect(out.report.meta.title).toBe(TITLE_2021);
    expect(out.report.meta.year).toBe(2022);
    expect(out.report.figures.applicationsNew).toBe(49);
    expect(out.report.figures.activeDisclosed).toBe(968);
    expect(out.report.source.url).toBe(URL_A);
    // All relations hold on this page: no errors.
    expect(out.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a GBK page declared by <meta charset="gb2312"> and one with no charset anywhere read the same', async () => {
    const text = page('clean-2021.html').toString('utf8');
    const declared = encodeGbk(
      text.replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'),
    );
    const bare = encodeGbk(text.replace('<meta charset="utf-8">', ''));
    // The bytes really are GBK: 北 is B1 B1.
    expect([...declared.subarray(declared.indexOf(0xb1), declared.indexOf(0xb1) + 2)]).toEqual([0xb1, 0xb1]);
    for (const [bytes, contentType] of [
      [declared, 'text/html'],
      [bare, null],
      // A server that labels GBK bytes as UTF-8.
      [bare, 'text/html; charset=UTF-8'],
    ] as const) {
      const out = await processBody({ bytes, contentType, finalUrl: URL_A }, nodeParseHost);
      expect(out.ok, String(contentType)).toBe(true);
      if (!out.ok) continue;
      expect(out.report.meta.title).toBe(TITLE_2021);
      expect(out.report.meta.agency).toBe('北溪县卫生健康局');
      expect(out.report.figures.applicationsNew).toBe(49);
      expect(out.report.figures.applicationsCarriedForward).toBe(3);
    }
  });

  it('a news item that mentions the annual report is not a report and fails as such', async () => {
    const out = await processBody(
      { bytes: utf8('news.html'), contentType: 'text/html', finalUrl: 'http://www.example.gov.cn/news/1.html' },
      nodeParseHost,
    );
    expect(out).toMatchObject({ ok: false, failure: { code: 'not-a-report' } });
    if (!out.ok) expect(out.failure.message).toMatch(/not recognised/i);
  });

  it('a listing page is not a report either', async () => {
    const out = await processBody(
      { bytes: utf8('catalogue.html'), contentType: 'text/html', finalUrl: 'http://www.example.gov.cn/col/index.html' },
      nodeParseHost,
    );
    expect(out).toMatchObject({ ok: false, failure: { code: 'not-a-report' } });
  });

  it('a Word file or an image is unsupported, named by its type', async () => {
    // A .doc starts with the OLE2 signature; a PNG with its own.
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const out = await processBody(
      { bytes: doc, contentType: 'application/msword', finalUrl: 'http://www.example.gov.cn/a.doc' },
      nodeParseHost,
    );
    expect(out).toMatchObject({ ok: false, failure: { code: 'unsupported' } });
    if (!out.ok) expect(out.failure.data).toEqual({ type: 'application/msword' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(await processBody({ bytes: png, contentType: null, finalUrl: 'http://www.example.gov.cn/a.png' }, nodeParseHost)).toMatchObject({
      ok: false,
      failure: { code: 'unsupported' },
    });
  });
});

describe('processBody: PDFs', () => {
  it('a report PDF (sent as octet-stream, as many gov.cn servers do) goes through the PDF path', async () => {
    const bytes = pdf('clean-2021.chromium.pdf');
    const out = await processBody(
      { bytes, contentType: 'application/octet-stream', finalUrl: 'http://www.example.gov.cn/bxx/2022.pdf' },
      nodeParseHost,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.kind).toBe('pdf');
    expect(out.report.meta.title).toBe(TITLE_2021);
    expect(out.report.figures.applicationsNew).toBe(49);
    expect(out.report.source.kind).toBe('pdf');
    // The one PDF check's hash of the bytes (the same in pdf.html and the CLI's JSON).
    expect(out.report.source.fileHash).toBe(hashBytes(bytes));
  });

  it("an encrypted and a truncated PDF fail with the PDF path's plain reasons", async () => {
    const cases = [
      ['encrypted.pdf', 'encrypted'],
      ['truncated.pdf', 'truncated'],
    ] as const;
    for (const [name, reason] of cases) {
      const out = await processBody(
        { bytes: pdf(name), contentType: 'application/pdf', finalUrl: `http://www.example.gov.cn/${name}` },
        nodeParseHost,
      );
      expect(out.ok, name).toBe(false);
      if (!out.ok) {
        expect(out.failure.code, name).toBe('parse-error');
        // The PDF path's problem travels as data (worded when shown), its English words kept for the record.
        expect(out.failure.data?.pdf?.problem, name).toBe(reason);
        expect(out.failure.message, name).toMatch(reason === 'encrypted' ? /encrypted/ : /incomplete/);
      }
    }
  });

  it('a scanned PDF is kept as an unreadable report (to be saved and listed in the scores), with no findings', async () => {
    const bytes = pdf('scanned.pdf');
    const url = 'http://www.example.gov.cn/nianbao/scanned.pdf';
    const out = await processBody({ bytes, contentType: 'application/pdf', finalUrl: url }, nodeParseHost);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.kind).toBe('pdf');
    expect(out.unreadable).toBe('scanned');
    expect(out.findings).toEqual([]);
    expect(out.report.isReport).toBe(false);
    expect(out.report.source).toEqual({ url, title: 'scanned.pdf', kind: 'pdf', fileHash: hashBytes(bytes), unreadable: 'scanned' });
    expect(out.report.meta.title).toBe('scanned.pdf');
  });

  it('bytes that claim to be a PDF but are not are unreadable, not a crash', async () => {
    const out = await processBody(
      {
        bytes: new TextEncoder().encode('%PDF-1.7\nnot really'),
        contentType: 'application/pdf',
        finalUrl: 'http://www.example.gov.cn/x.pdf',
      },
      nodeParseHost,
    );
    expect(out).toMatchObject({ ok: false, failure: { code: 'parse-error' } });
  });
});

describe('readListingFrom: a further page of the column', () => {
  it('gives the report links of a listing page, resolved against its address', () => {
    const out = readListingFrom(
      { bytes: utf8('catalogue.html'), contentType: 'text/html', finalUrl: 'http://www.example.gov.cn/col/index_1.html' },
      nodeParseHost,
    );
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    // The fixture's column lists 30 reports (test/fixtures/README.md).
    expect(out.reports).toHaveLength(30);
    for (const r of out.reports) expect(r.url).toMatch(/^https?:\/\//);
  });

  it('a page that is no listing gives no links; a PDF is not a listing page', () => {
    const news = readListingFrom(
      { bytes: utf8('news.html'), contentType: 'text/html', finalUrl: 'http://www.example.gov.cn/news/1.html' },
      nodeParseHost,
    );
    expect(news).toEqual({ ok: true, reports: [], nextPages: [] });
    const file = readListingFrom(
      { bytes: pdf('clean-2021.chromium.pdf'), contentType: 'application/pdf', finalUrl: 'http://www.example.gov.cn/a.pdf' },
      nodeParseHost,
    );
    expect(file).toMatchObject({ ok: false, failure: { code: 'unsupported' } });
  });
});
