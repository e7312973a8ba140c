/**
 * A fetched batch body → a checked Report, or the plain reason it is not one. Pure: the DOM and pdf.js
 * are injected (ParseHost), because where they exist differs: the offscreen document in Chrome MV3, the
 * background page in Firefox MV2, linkedom and pdf.js's legacy build in Node (tests, bench).
 * Nothing here saves: the caller saves only an `ok` result.
 */

import { type ListedReport, readListing } from '../detect/listing';
import { replacePictureTables } from '../ocr/document';
import { articlePictures, dataUriBytes, MAX_ARTICLE_PICTURES, MAX_READ_PICTURES, mayHoldTable } from '../ocr/page';
import { type PdfProblem, PdfReadError } from '../pdf';
import type { PdfPageInput } from '../pdf/types';
import { type CheckResult, checkDocument, checkPdf, type PdfCheckHost, type PictureReader, unreadablePdfReport } from '../pipeline';
import type { Finding, Report } from '../report/types';
import { bodyKind, decodeBody } from './charset';
import type { ItemFailure } from './queue';

/** pdf.js and an empty document for the PDF check (PdfCheckHost), and a parser for pages. */
export interface ParseHost extends PdfCheckHost {
  /** Text → an inert document (DOMParser, linkedom): no script runs, nothing loads. */
  parseHtml(text: string): Document;
  /**
   * Reads a scanned PDF page by OCR (checkPdf's readPictures slot), as pdf.html does; absent when the
   * readPictures setting is 'ask' (a batch has no one to ask: the scan is saved unread, as before).
   */
  readPictures?: PictureReader;
  /**
   * Reads a picture of a table (its bytes) by OCR: a page whose standard tables are pictures, as the report
   * script reads them in a tab. Absent when the readPictures setting is 'ask', like readPictures.
   */
  readPicture?(bytes: Uint8Array, index: number): Promise<PdfPageInput | null>;
}

/** What the fetch gave: the body, its declared type, and the address after redirects. */
export interface FetchedBody {
  bytes: Uint8Array;
  contentType: string | null;
  finalUrl: string;
  /**
   * The bytes of the page's pictures that were asked for (Processed.wantsPictures), by absolute address;
   * a picture that could not be fetched is absent.
   */
  pictures?: Record<string, Uint8Array>;
}

export type Processed =
  | {
      ok: true;
      kind: 'html' | 'pdf';
      report: Report;
      findings: Finding[] /** Saved though unreadable: why (a scanned PDF). */;
      unreadable?: PdfProblem;
      /** Pages of a scanned PDF read by OCR (the batch list says the item was read from pictures). */
      picturePages?: number;
      /** Standard tables of a page that were read from its pictures by OCR (the batch list says so). */
      pictureTables?: number;
      /**
       * A report page that lacks a standard table and shows pictures in its article: the pictures' addresses,
       * to be fetched (politely, by the caller, who has the network) and given back in FetchedBody.pictures.
       * The report and findings are the page as read without them, for when none can be had.
       */
      wantsPictures?: string[];
    }
  | { ok: false; failure: ItemFailure };

// A failure carries its code and data (worded by the catalogue when shown) and technical words for the record.
const NOT_A_REPORT = 'not recognised as an annual report; not saved';
const unsupported = (type: string): ItemFailure => ({ code: 'unsupported', message: type || 'no content type', data: { type } });

const typeOf = (contentType: string | null) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

function failure(code: ItemFailure['code'], message: string): Processed {
  return { ok: false, failure: { code, message } };
}

function parseError(error: unknown): Processed {
  return failure('parse-error', error instanceof Error ? error.message : String(error));
}

/** Decides the kind by the bytes, parses and checks. Never throws: every end is an outcome. */
export async function processBody(body: FetchedBody, host: ParseHost): Promise<Processed> {
  const kind = bodyKind(body.bytes, body.contentType);
  if (kind === 'other') return { ok: false, failure: unsupported(typeOf(body.contentType)) };
  if (kind === 'pdf') return processPdf(body, host);
  let doc: Document;
  try {
    doc = host.parseHtml(decodeBody(body.bytes, body.contentType).text);
  } catch (error) {
    return parseError(error);
  }
  try {
    const first = checkDocument(doc, { url: body.finalUrl });
    if (!first.report.isReport) return failure('not-a-report', NOT_A_REPORT);
    const { report, findings } = first;
    if (!host.readPicture || hasAllStandardTables(first.report)) return { ok: true, kind: 'html', report, findings };
    const wanted = body.pictures ? null : picturesToFetch(first, body.finalUrl);
    if (wanted?.fetch.length) return { ok: true, kind: 'html', report, findings, wantsPictures: wanted.fetch };
    if (wanted && !wanted.inline) return { ok: true, kind: 'html', report, findings };
    return await withPictureTables(doc, first, { ...body, pictures: body.pictures ?? {} }, host.readPicture);
  } catch (error) {
    return parseError(error);
  }
}

const hasAllStandardTables = (report: Report) =>
  !!(report.standard.activeDisclosure && report.standard.applications && report.standard.reviewLitigation);

/** Where an <img> points: an absolute http(s) address or a data: URI, else null. */
function pictureAddress(img: Element, base: string): string | null {
  const src = img.getAttribute('src')?.trim();
  if (!src) return null;
  if (/^data:image\//i.test(src)) return src;
  try {
    const url = new URL(src, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A picture the page draws smaller than a table can be (its own width and height attributes), as mayHoldTable judges a loaded one. */
const tooSmall = (img: Element) => {
  const size = (name: string) => Number.parseInt(img.getAttribute(name) ?? '', 10) || 0;
  const [w, h] = [size('width'), size('height')];
  return !mayHoldTable({ naturalWidth: w, naturalHeight: h, complete: w > 0 && h > 0 });
};

/** The article's pictures that may hold a table: addresses to fetch, and how many are data: URIs (read from the page itself). */
function picturesToFetch(first: CheckResult, base: string): { fetch: string[]; inline: number } {
  const fetch: string[] = [];
  let inline = 0;
  for (const img of articlePictures(first.anchors.root)) {
    const address = tooSmall(img) ? null : pictureAddress(img, base);
    if (address?.startsWith('data:')) inline++;
    else if (address && !fetch.includes(address)) fetch.push(address);
    if (fetch.length + inline >= MAX_READ_PICTURES) break;
  }
  return { fetch, inline };
}

/**
 * The page checked again with its pictures read as tables in their place (utils/ocr/document.ts), as the
 * report script and the CLI do; the first reading when no picture held a table.
 */
async function withPictureTables(
  doc: Document,
  first: CheckResult,
  body: FetchedBody & { pictures: Record<string, Uint8Array> },
  read: NonNullable<ParseHost['readPicture']>,
): Promise<Processed> {
  let reads = 0;
  const { tables, elements } = await replacePictureTables(
    doc,
    async (img, index) => {
      if (tooSmall(img) || reads >= MAX_READ_PICTURES) return null;
      const address = pictureAddress(img, body.finalUrl);
      const bytes = !address ? null : address.startsWith('data:') ? dataUriBytes(address) : (body.pictures[address] ?? null);
      if (!bytes) return null;
      reads++;
      return read(bytes, index);
    },
    { within: first.anchors.root, maxPictures: MAX_ARTICLE_PICTURES },
  );
  const { report, findings } = tables ? checkDocument(doc, { url: body.finalUrl, pictureTables: elements }) : first;
  return { ok: true, kind: 'html', report, findings, ...(tables ? { pictureTables: tables } : {}) };
}

/** Wall time allowed to a PDF's read up to its first scanned page, and to each further scanned page. */
const SCAN_TIME_LIMIT_MS = 300_000;

async function processPdf(body: FetchedBody, host: ParseHost): Promise<Processed> {
  try {
    // The one PDF check (as in pdf.html and the CLI): the report carries the file hash, its revision in the library.
    let picturePages = 0;
    const read = host.readPictures;
    const readPictures: PictureReader | undefined = read
      ? async (page, pdf) => {
          const got = await read(page, pdf);
          if (got) picturePages++;
          return got;
        }
      : undefined;
    // Reading by OCR, the limit holds for each scanned page in turn (checkPdf restarts it after each): the
    // first one also loads the engine, which on a busy machine took the whole of the usual 120 s.
    const { report, findings } = await checkPdf(body.bytes, host, {
      url: body.finalUrl,
      readPictures,
      ...(readPictures ? { timeLimitMs: SCAN_TIME_LIMIT_MS } : {}),
    });
    if (!report.isReport) return failure('not-a-report', NOT_A_REPORT);
    return { ok: true, kind: 'pdf', report, findings, ...(picturePages ? { picturePages } : {}) };
  } catch (error) {
    // A scanned PDF is the agency's report all the same: saved as an unreadable row so it appears in the
    // scores (never scored), with no findings: what the tool cannot read is not the report's error.
    if (error instanceof PdfReadError && error.problem === 'scanned') {
      try {
        return {
          ok: true,
          kind: 'pdf',
          report: unreadablePdfReport(body.bytes, body.finalUrl, host.emptyDocument()),
          findings: [],
          unreadable: error.problem,
        };
      } catch (inner) {
        return parseError(inner);
      }
    }
    // Encrypted, truncated, damaged, stuck…: the PDF path's own plain messages.
    if (error instanceof PdfReadError) {
      const pdf = { problem: error.problem, data: error.data };
      return { ok: false, failure: { code: 'parse-error', message: error.messages.en, data: { pdf } } };
    }
    return parseError(error);
  }
}

/**
 * What the column page said of a report travels with it (issue 21): its link's title and date are kept in
 * meta.listed, and the date serves as the publication date when the report gives none (publishedAtSource
 * 'listing', so every reader can tell). Returns whether the date was taken (the caller re-judges timeliness).
 */
export function applyListing(report: Report, listed: { title?: string | null; date?: string | null; page?: string | null }): boolean {
  const title = listed.title?.trim() || null;
  const date = listed.date && /^\d{4}-\d{2}-\d{2}$/.test(listed.date) ? listed.date : null;
  if (!title && !date) return false;
  report.meta.listed = { title, date, page: listed.page ?? null };
  if (report.meta.publishedAt || !date) return false;
  report.meta.publishedAt = date;
  report.meta.publishedAtSource = 'listing';
  return true;
}

export type ListingRead = { ok: true; reports: ListedReport[]; nextPages: string[] } | { ok: false; failure: ItemFailure };

/** A further page of a 年报 column (index_1.html …) → its report links. A page that is no listing gives none. */
export function readListingFrom(body: FetchedBody, host: ParseHost): ListingRead {
  const kind = bodyKind(body.bytes, body.contentType);
  if (kind !== 'html') return { ok: false, failure: unsupported(typeOf(body.contentType)) };
  try {
    const listing = readListing(host.parseHtml(decodeBody(body.bytes, body.contentType).text), body.finalUrl);
    if (!listing.isListing) return { ok: true, reports: [], nextPages: [] };
    return { ok: true, reports: listing.reports, nextPages: listing.nextPages };
  } catch (error) {
    const processed = parseError(error);
    return processed as ListingRead;
  }
}
