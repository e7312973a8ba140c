/**
 * The batch service's browser side: where bodies are parsed, the network, who may ask for runs, and the
 * flag that remembers a run was active.
 *
 * Bodies are parsed in a hidden extension page (entrypoints/offscreen), in both browsers: Chrome MV3's
 * offscreen document (its service worker has no DOM), and in Firefox an iframe of the same page inside the
 * MV2 background page. The page is created on demand and closed when no run is active; pdf.js stays in the
 * page's own chunk, so neither background script carries it.
 */
import { browser } from 'wxt/browser';
import { bytesToBase64 } from '@/utils/batch/base64';
import { OFFSCREEN_PATH, type ParseJob, sendParseMessage } from '@/utils/batch/parse-protocol';
import type { FetchLike } from '@/utils/batch/polite-fetch';
import type { FetchedBody, ListingRead, Processed } from '@/utils/batch/process';
import type { BatchAnswer } from '@/utils/batch/protocol';
import type { PdfPageInput } from '@/utils/pdf/types';
import { getSettings } from '@/utils/settings';
import type { ParseBridge } from './batch';
import type { OcrReaderPort } from './ports';

/** Where the parse page lives: made to exist, and closed. */
interface ParsePage {
  ensure(): Promise<void>;
  close(): Promise<void>;
}

const getURL = () => browser.runtime.getURL as (path: string) => string;

export function batchParseBridge(): ParseBridge {
  return pageBridge(sharedPage('batch'));
}

/**
 * The OCR service's reader (issue 18): pictures are read in the same hidden page, which loads the OCR
 * engine on the first picture (entrypoints/offscreen/ocr.ts).
 */
export function ocrReaderBridge(): OcrReaderPort {
  const page = sharedPage('ocr');
  return {
    read: (picture, index) => askPage(page, 'ocrRead', { picture, index }) as Promise<PdfPageInput | null>,
    idle: () => page.close(),
  };
}

let hidden: ParsePage | null = null;
const users = new Set<string>();

/**
 * The one hidden page, shared by the batch and OCR services: each holds it while it needs it, and it is
 * closed only when neither does (an idle batch must not close it under a picture being read).
 */
function sharedPage(user: string): ParsePage {
  // Compile-time: each build keeps only its own way of holding the page.
  hidden ??= import.meta.env.FIREFOX ? iframePage() : offscreenPage();
  const page = hidden;
  return {
    ensure: () => {
      users.add(user);
      return page.ensure();
    },
    close: async () => {
      users.delete(user);
      if (!users.size) await page.close();
    },
  };
}

interface OffscreenApi {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
interface RuntimeContexts {
  getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
}

/** Chrome MV3: the offscreen document (only one may exist). */
function offscreenPage(): ParsePage {
  const chromeApi = (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi; runtime?: RuntimeContexts } }).chrome;
  const url = getURL()(OFFSCREEN_PATH);
  let creating: Promise<void> | null = null;
  const exists = async () =>
    ((await chromeApi?.runtime?.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })) ?? []).length > 0;
  return {
    ensure: async () => {
      if (await exists()) return;
      creating ??= (async () => {
        try {
          await chromeApi!.offscreen!.createDocument({
            url: OFFSCREEN_PATH,
            reasons: ['DOM_PARSER'],
            // Chrome's own record of why the document exists (for its reviewers), not a page the user reads.
            justification:
              'Parse fetched annual report pages and PDFs for a batch check the user started, and read pictures of report tables.',
          });
        } catch (error) {
          // Created meanwhile by another lane: only one offscreen document may exist.
          if (!(await exists())) throw error;
        }
      })().finally(() => (creating = null));
      await creating;
    },
    close: async () => {
      if (await exists()) await chromeApi!.offscreen!.closeDocument();
    },
  };
}

/**
 * Firefox MV2: the same page in an iframe of the background page. It is an extension page of its own, so
 * it loads its own module chunks (pdf.js among them, on the first PDF) and answers the same messages.
 */
function iframePage(): ParsePage {
  let frame: HTMLIFrameElement | null = null;
  let loaded: Promise<void> | null = null;
  return {
    ensure: async () => {
      if (!frame) {
        const created = document.createElement('iframe');
        loaded = new Promise((resolve) => created.addEventListener('load', () => resolve(), { once: true }));
        created.src = getURL()(OFFSCREEN_PATH);
        (document.body ?? document.documentElement).append(created);
        frame = created;
      }
      await loaded;
    },
    close: async () => {
      frame?.remove();
      frame = null;
      loaded = null;
    },
  };
}

/** A message to the hidden page, made to exist first, and asked again while it is still loading its script. */
async function askPage<T extends 'batchParse' | 'ocrRead'>(
  page: ParsePage,
  type: T,
  data: Parameters<typeof sendParseMessage<T>>[1],
): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    await page.ensure();
    try {
      return await sendParseMessage(type, data);
    } catch (error) {
      // The page is still loading its script, or was closed by an idle moment in between.
      if (attempt >= 20 || !/receiving end does not exist|message port closed|no response/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function pageBridge(page: ParsePage): ParseBridge {
  const ask = async (job: ParseJob['job'], body: FetchedBody) => {
    // Scanned PDFs are read by OCR in the hidden page unless the reader chose to be asked first ('ask'):
    // a batch has no one to ask, so then the scan is saved unread, as before (issue 18).
    const readPictures = job === 'process' && (await getSettings().catch(() => null))?.readPictures !== 'ask';
    return askPage(page, 'batchParse', {
      job,
      body: bytesToBase64(body.bytes),
      contentType: body.contentType,
      finalUrl: body.finalUrl,
      readPictures,
      ...(body.pictures
        ? { pictures: Object.fromEntries(Object.entries(body.pictures).map(([address, bytes]) => [address, bytesToBase64(bytes)])) }
        : {}),
    });
  };
  return {
    process: async (body) => (await ask('process', body)) as Processed,
    listing: async (body) => (await ask('listing', body)) as ListingRead,
    idle: () => page.close(),
  };
}

/** The network, as the user's own request. Redirects are not followed (see politeFetch): only listed addresses are asked. */
export const batchFetch: FetchLike = (url, init) => fetch(url, { signal: init.signal, redirect: 'manual' });

/** storage.local key: a batch run was active. */
const BATCH_ACTIVE = 'batchActive';

/**
 * Remember whether a run is active, so that a start of the (MV3) worker opens the library database only
 * when a run was active, not on every wake.
 */
export function rememberActive(active: boolean): void {
  void browser.storage.local.set({ [BATCH_ACTIVE]: active }).catch(() => undefined);
}

/** On every worker (or background page) start: runs that were running when it stopped go on. */
export async function resumeIfActive(batch: { resumeAll(): Promise<void> }): Promise<void> {
  try {
    if (!(await browser.storage.local.get(BATCH_ACTIVE))[BATCH_ACTIVE]) return;
    await batch.resumeAll();
  } catch (error) {
    console.warn('[report-lens] resuming batch runs failed', error);
  }
}

const REFUSED: BatchAnswer & { ok: false } = {
  ok: false,
  error: { text: { id: 'not-extension-page' } },
};

/** Batch messages come from the popup and the library page only (never a content script). */
export function fromExtensionPage<T>(sender: { tab?: { url?: string } }, run: () => Promise<T>): Promise<T | typeof REFUSED> {
  const page = !sender.tab?.url || sender.tab.url.startsWith(getURL()('/'));
  return page ? run() : Promise.resolve(REFUSED);
}
