/**
 * Injection: the report script goes only into frames the detector recognised (or the active tab when
 * the user asks 检查此页, through activeTab); the optional all-sites detector registration; and the
 * extension's own pages opened for the user (pdf.html on a PDF address, the library page).
 * Every injection is recorded first (storage.session "injections"), so tests can prove a page never
 * received the script.
 */
import { browser } from 'wxt/browser';
import { isDetectedMessage, type InjectionRecord } from '@/utils/messaging';
import { getSettings } from '@/utils/settings';
import { pdfPageUrl } from '@/utils/pdf/url';
import { appendSession, getSession } from './session';

const REPORT_SCRIPT = '/content-scripts/report.js';
const DETECTOR_SCRIPT = 'content-scripts/detector.js';
const ALL_SITES = '*://*/*';
const DYNAMIC_DETECTOR_ID = 'report-lens-detector-all-sites';
const MAX_INJECTION_RECORDS = 200;
const IS_MV3 = import.meta.env.MANIFEST_VERSION === 3;

/** frame|url already injected per tab, so a detector firing twice does not inject twice. */
const injected = new Map<number, Set<string>>();

export async function inject(tabId: number, frameId: number, url: string, reason: InjectionRecord['reason']): Promise<void> {
  const key = `${frameId}|${url}`;
  const seen = injected.get(tabId) ?? new Set<string>();
  if (reason === 'detected' && seen.has(key)) return;
  seen.add(key);
  injected.set(tabId, seen);
  await appendSession<InjectionRecord>('injections', { tabId, frameId, url, reason, at: new Date().toISOString() }, MAX_INJECTION_RECORDS);
  if (IS_MV3 || !browser.tabs.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [REPORT_SCRIPT] });
  } else {
    await browser.tabs.executeScript(tabId, { file: REPORT_SCRIPT, frameId, runAt: 'document_idle' });
  }
}

/** The detector's one raw message (typed messages are handled by @webext-core): inject into its frame. */
export function detected(message: unknown, sender: { tab?: { id?: number; url?: string }; frameId?: number; url?: string }): void {
  if (!isDetectedMessage(message)) return;
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  void inject(tabId, sender.frameId ?? 0, sender.url ?? sender.tab?.url ?? '', 'detected');
}

/** 检查此页: inject into the tab's top frame (activeTab grants it for the click). */
export async function injectOnRequest(tabId: number): Promise<{ ok: boolean; error?: string }> {
  try {
    const tab = await browser.tabs.get(tabId);
    await inject(tabId, 0, tab.url ?? '', 'manual');
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const getURL = (path: string) => (browser.runtime.getURL as (path: string) => string)(path);

/** pdf.html on a PDF address (an attachment the panel or popup offers): http(s) only. */
export async function openPdf(address: unknown): Promise<{ ok: boolean }> {
  let url: URL;
  try {
    url = new URL(String(address));
  } catch {
    return { ok: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false };
  await browser.tabs.create({ url: pdfPageUrl(getURL('/pdf.html'), url.href) });
  return { ok: true };
}

/** The library page in a new tab, at a saved report when one is given. */
export async function openLibraryPage(reportId: number | null): Promise<void> {
  await browser.tabs.create({ url: getURL(reportId !== null ? `/library.html#report=${reportId}` : '/library.html') });
}

export function forgetInjections(tabId: number): void {
  injected.delete(tabId);
}

export async function injections(): Promise<InjectionRecord[]> {
  return (await getSession<InjectionRecord[]>('injections')) ?? [];
}

let firefoxRegistration: { unregister(): Promise<void> } | null = null;

/** Register the detector on all sites when the setting is on and the permission granted; else remove it. */
export async function syncAutoDetect(): Promise<boolean> {
  const settings = await getSettings();
  const granted = await browser.permissions.contains({ origins: [ALL_SITES] }).catch(() => false);
  const want = settings.autoDetectAll && granted;
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (scripting?.registerContentScripts) {
    const existing = await scripting.getRegisteredContentScripts({ ids: [DYNAMIC_DETECTOR_ID] }).catch(() => []);
    if (want && existing.length === 0) {
      await scripting.registerContentScripts([
        {
          id: DYNAMIC_DETECTOR_ID,
          matches: [ALL_SITES],
          excludeMatches: ['*://*.gov.cn/*'],
          js: [DETECTOR_SCRIPT],
          allFrames: true,
          runAt: 'document_idle',
        },
      ]);
    } else if (!want && existing.length > 0) {
      await scripting.unregisterContentScripts({ ids: [DYNAMIC_DETECTOR_ID] });
    }
    return want;
  }
  // Firefox MV2 without scripting.registerContentScripts: contentScripts.register (lives as long as the page).
  const contentScripts = (browser as unknown as { contentScripts?: { register(o: unknown): Promise<{ unregister(): Promise<void> }> } }).contentScripts;
  if (want && !firefoxRegistration && contentScripts) {
    firefoxRegistration = await contentScripts.register({
      matches: [ALL_SITES],
      excludeMatches: ['*://*.gov.cn/*'],
      js: [{ file: DETECTOR_SCRIPT }],
      allFrames: true,
      runAt: 'document_idle',
    });
  } else if (!want && firefoxRegistration) {
    await firefoxRegistration.unregister();
    firefoxRegistration = null;
  }
  return want;
}
