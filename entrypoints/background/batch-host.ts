/**
 * The batch service's browser side: where bodies are parsed (Chrome MV3: an offscreen document, created on
 * demand and closed when no run is active; Firefox: the background page itself, which has a DOM, with the
 * parser and pdf.js loaded lazily), the network, and the global badge.
 */
import { browser } from 'wxt/browser';
import type { ParseBridge } from './batch';
import type { FetchedBody, ListingRead, Processed } from '@/utils/batch/process';
import type { FetchLike } from '@/utils/batch/polite-fetch';
import { bytesToBase64 } from '@/utils/batch/base64';
import { OFFSCREEN_PATH, sendParseMessage, type ParseJob } from '@/utils/batch/parse-protocol';

export function batchParseBridge(): ParseBridge {
  // Compile-time: the Chrome build keeps neither the DOM host nor pdf.js in its service worker.
  if (import.meta.env.FIREFOX) return localBridge();
  return offscreenBridge();
}

function localBridge(): ParseBridge {
  const host = () => import('@/entrypoints/offscreen/host');
  return {
    process: async (body) => (await (await host()).parseHere('process', body)) as Processed,
    listing: async (body) => (await (await host()).parseHere('listing', body)) as ListingRead,
  };
}

interface OffscreenApi {
  createDocument(params: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
}
interface RuntimeContexts {
  getContexts?(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
}

function offscreenBridge(): ParseBridge {
  const chromeApi = (globalThis as unknown as { chrome?: { offscreen?: OffscreenApi; runtime?: RuntimeContexts } }).chrome;
  const url = (browser.runtime.getURL as (path: string) => string)(OFFSCREEN_PATH);
  let creating: Promise<void> | null = null;

  const exists = async () => ((await chromeApi?.runtime?.getContexts?.({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] })) ?? []).length > 0;

  const ensure = async () => {
    if (await exists()) return;
    creating ??= (async () => {
      try {
        await chromeApi!.offscreen!.createDocument({
          url: OFFSCREEN_PATH,
          reasons: ['DOM_PARSER'],
          justification: 'Parse fetched annual report pages and PDFs for a batch check the user started (年报批量检查).',
        });
      } catch (error) {
        // Created meanwhile by another lane: only one offscreen document may exist.
        if (!(await exists())) throw error;
      }
    })().finally(() => (creating = null));
    await creating;
  };

  const ask = async (job: ParseJob['job'], body: FetchedBody) => {
    const data: ParseJob = { job, body: bytesToBase64(body.bytes), contentType: body.contentType, finalUrl: body.finalUrl };
    for (let attempt = 0; ; attempt++) {
      await ensure();
      try {
        return await sendParseMessage('batchParse', data);
      } catch (error) {
        // The document is still loading its script, or was closed by an idle moment in between.
        if (attempt >= 20 || !/receiving end does not exist|message port closed|no response/i.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  };

  return {
    process: async (body) => (await ask('process', body)) as Processed,
    listing: async (body) => (await ask('listing', body)) as ListingRead,
    idle: async () => {
      if (await exists()) await chromeApi!.offscreen!.closeDocument();
    },
  };
}

/** The network, as the user's own request. Redirects are not followed (see politeFetch): only listed addresses are asked. */
export const batchFetch: FetchLike = (url, init) => fetch(url, { signal: init.signal, redirect: 'manual' });

/** The global badge (tab-specific badges of report tabs take precedence over it). */
export async function setGlobalBadge(text: string): Promise<void> {
  const action = (browser.action ?? browser.browserAction) as typeof browser.action;
  await action.setBadgeText({ text });
  if (text) await action.setBadgeBackgroundColor({ color: '#3c6e9f' });
}
