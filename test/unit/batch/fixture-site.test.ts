/**
 * The batch end-to-end site (test/fixtures/batch/) holds what the e2e test counts on: the column lists exactly
 * the hand-copied addresses, its pager names page 2, and the GBK pages decode to the corpus text they were
 * made from. Checked here so a fixture slip shows as a fixture failure, not as a product failure in a browser.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { decodeBody } from '../../../utils/batch/charset';
import { readListing } from '../../../utils/detect/listing';
import { LISTING, LISTING_2, PAGE_1_REPORTS, PAGE_2_REPORTS, ROUTES } from '../../fixtures/batch/site';

const root = join(__dirname, '../../..');
const origin = 'http://www.example.gov.cn:8080';
const read = (path: string) => readFileSync(join(root, ROUTES[path]!.file!));

describe('batch fixture site', () => {
  it('page 1 of the column lists the 14 report addresses (not the 关于做好…通知 item) and names page 2', () => {
    const listing = readListing(htmlToDocument(read(LISTING).toString('utf8')), origin + LISTING);
    expect(listing.isListing).toBe(true);
    expect(listing.reports.map((r) => r.url)).toEqual(PAGE_1_REPORTS.map((p) => origin + p));
    expect(listing.nextPages).toEqual([origin + LISTING_2]);
  });

  it('page 2 lists two more', () => {
    const listing = readListing(htmlToDocument(read(LISTING_2).toString('utf8')), origin + LISTING_2);
    expect(listing.reports.map((r) => r.url)).toEqual(PAGE_2_REPORTS.map((p) => origin + p));
  });

  it('every listed address has a route, and each route says what the run should make of it', () => {
    for (const path of [...PAGE_1_REPORTS, ...PAGE_2_REPORTS]) expect(ROUTES[path]?.expect, path).toBeDefined();
    const outcomes = PAGE_1_REPORTS.map((p) => ROUTES[p]!.expect!);
    expect(outcomes.filter((e) => e.saved)).toHaveLength(11);
    expect(outcomes.filter((e) => !e.saved).map((e) => !e.saved && e.code)).toEqual(['http', 'not-a-report', 'timeout']);
  });

  it.each([
    ['202201/t20220125_3420016.html', 'jinhai-xinqu-2021.html', 'text/html; charset=GBK'],
    ['202201/t20220121_3419342.html', 'yunling-jkq-2021.html', 'text/html'],
  ])('%s: GBK bytes that decode to the corpus page %s', (path, corpusFile, contentType) => {
    const route = ROUTES[`/zwgk/zfxxgknb/${path}`]!;
    expect(route.contentType).toBe(contentType);
    const bytes = new Uint8Array(read(`/zwgk/zfxxgknb/${path}`));
    // Not UTF-8: the bytes are GBK.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const decoded = decodeBody(bytes, contentType);
    const original = readFileSync(join(root, 'test/corpus/html', corpusFile), 'utf8');
    const strip = (s: string) => s.replace(/<meta[^>]*charset[^>]*>/i, '');
    expect(strip(decoded.text)).toBe(strip(original));
  });
});
