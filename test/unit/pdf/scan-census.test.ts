/**
 * pdf.html's text check notes the pages that are pictures (entrypoints/pdf/scan.tsx pictureCensus) without
 * reading them: the check is what it was without OCR, and the pages to read are known, also when the PDF is
 * refused as a scan. Node's pdf.js host (cli/parse-host.ts) stands in for the page's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeParseHost } from '../../../cli/parse-host';
import { pictureCensus, scanBusy } from '../../../entrypoints/pdf/scan';
import { PdfReadError } from '../../../utils/pdf';
import { checkPdf } from '../../../utils/pipeline';

const pdf = (name: string) => new Uint8Array(readFileSync(join(process.cwd(), 'test/fixtures', name)));

describe('pictureCensus', () => {
  it('a one-page scan: page 1 noted, and the check still refuses it as scanned (nothing read)', async () => {
    const census = pictureCensus();
    const error = await checkPdf(pdf('pdf/scanned.pdf'), nodeParseHost, { readPictures: census.reader }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfReadError);
    expect((error as PdfReadError).problem).toBe('scanned');
    expect(census.pages).toEqual([1]);
  });

  it('a PDF of text: no page noted, the same figures as without the census', async () => {
    const census = pictureCensus();
    const bytes = pdf('pdf/clean-2021.chromium.pdf');
    const withCensus = await checkPdf(bytes, nodeParseHost, { readPictures: census.reader });
    const without = await checkPdf(bytes, nodeParseHost);
    expect(census.pages).toEqual([]);
    expect(withCensus.report.figures).toEqual(without.report.figures);
  });

  it('the seed 004 scan: every page is a picture', async () => {
    const census = pictureCensus();
    await checkPdf(pdf('pictures/seed-004-scanned.pdf'), nodeParseHost, { readPictures: census.reader }).catch(() => null);
    const pages = census.pages;
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages).toEqual(pages.map((_, i) => i + 1));
  });
});

describe('scanBusy', () => {
  it('holds the report back only while the setting is read or pages are being read', () => {
    expect(scanBusy({ status: 'pending', total: 3 })).toBe(true);
    expect(scanBusy({ status: 'reading', total: 3, done: 1 })).toBe(true);
    for (const status of ['ask', 'cancelled', 'failed', 'read'] as const) expect(scanBusy({ status, total: 3 })).toBe(false);
    expect(scanBusy({ status: 'none' })).toBe(false);
  });
});
