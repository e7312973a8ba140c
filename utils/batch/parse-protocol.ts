/**
 * The batch service worker ↔ its parse host (Chrome's offscreen document). Kept apart from
 * utils/messaging.ts: only the offscreen page listens for it, so no other extension page answers, and
 * nothing else sends it. The body crosses as base64 (messages are JSON).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PdfPageInput } from '../pdf/types';
import type { ListingRead, Processed } from './process';

export interface ParseJob {
  /** 'process': a report to check; 'listing': a further page of a 年报 column to read links from. */
  job: 'process' | 'listing';
  body: string;
  contentType: string | null;
  finalUrl: string;
  /** Read a scanned PDF's pages, and a page's pictures of tables, by OCR (the readPictures setting is 'auto'). */
  readPictures?: boolean;
  /** The page's pictures it asked for (Processed.wantsPictures), base64 by address. */
  pictures?: Record<string, string>;
}

interface ParseProtocol {
  batchParse(data: ParseJob): Processed | ListingRead;
  /** The OCR service (issue 18): a picture of a table (base64 bytes) → its runs and rules as a page, null when it holds no text. */
  ocrRead(data: { picture: string; index: number }): PdfPageInput | null;
}

export const { sendMessage: sendParseMessage, onMessage: onParseMessage } = defineExtensionMessaging<ParseProtocol>();

/** The offscreen document's address, in the built extension. */
export const OFFSCREEN_PATH = '/offscreen.html';
