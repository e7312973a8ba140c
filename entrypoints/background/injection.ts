/**
 * Injection: the report script goes only into frames the detector recognised (or the active tab when
 * the user asks 检查此页, through activeTab); the optional all-sites detector registration; and the
 * extension's own pages opened for the user (pdf.html on a PDF address, the library page).
 * Every injection is recorded first (storage.session "injections"), so tests can prove a page never
 * received the script.
 */
import { browser } from 'wxt/browser';
import { type InjectionRecord, isDetectedMessage } from '@/utils/messaging';
import { isPartName, type PartName, partFile } from '@/utils/parts';
import { pdfPageUrl } from '@/utils/pdf/url';
import { getSettings } from '@/utils/settings';
import { appendSession, getSession } from './session';

const REPORT_SCRIPT = '/content-scripts/report.js' as const;
const DETECTOR_SCRIPT = 'content-scripts/detector.js';
const ALL_SITES = '*://*/*';
const DYNAMIC_DETECTOR_ID = 'report-lens-detector-all-sites';
const MAX_INJECTION_RECORDS = 200;
const IS_MV3 = import.meta.env.MANIFEST_VERSION === 3;

/** frame|url already injected per tab, so a detector firing twice does not inject twice. */
const injected = new Map<number, Set<string>>();

/** `parts`: parts of the report script to inject with it, ahead of it, in the same call (utils/parts.ts). */
export async function inject(
  tabId: number,
  frameId: number,
  url: string,
  reason: InjectionRecord['reason'],
  parts: PartName[] = [],
): Promise<void> {
  const key = `${frameId}|${url}`;
  const seen = injected.get(tabId) ?? new Set<string>();
  if (reason === 'detected' && seen.has(key)) return;
  seen.add(key);
  injected.set(tabId, seen);
  await appendSession<InjectionRecord>('injections', { tabId, frameId, url, reason, at: new Date().toISOString() }, MAX_INJECTION_RECORDS);
  await executeFiles(tabId, frameId, [...parts.map(partFile), REPORT_SCRIPT]);
}

type ScriptFile = typeof REPORT_SCRIPT | ReturnType<typeof partFile>;

async function executeFiles(tabId: number, frameId: number, files: ScriptFile[]): Promise<void> {
  if (IS_MV3 || !browser.tabs.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files });
  } else {
    // MV2 takes one file a call; in order, each after the previous ran.
    for (const file of files) await browser.tabs.executeScript(tabId, { file, frameId, runAt: 'document_idle' });
  }
}

/**
 * A part the report script asks for (utils/parts.ts), into the asking frame only: a fixed file of ours,
 * for a frame that already runs the report script (only it sends loadPart). Not recorded as an injection
 * of the report script.
 */
/** A report script asks for a part it needs (loadPart): inject it into the asking frame. */
export async function injectPart(
  sender: { tab?: { id?: number }; frameId?: number },
  name: unknown,
): Promise<{ ok: boolean; error?: string }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0 || !isPartName(name)) return { ok: false, error: 'refused' };
  const frameId = sender.frameId ?? 0;
  try {
    await executeFiles(tabId, frameId, [partFile(name)]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The detector's one raw message (typed messages are handled by @webext-core): inject into its frame. */
export function detected(message: unknown, sender: { tab?: { id?: number; url?: string }; frameId?: number; url?: string }): void {
  if (!isDetectedMessage(message)) return;
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return;
  // A Traditional title: the converter goes in with the report script (no second round trip).
  void inject(tabId, sender.frameId ?? 0, sender.url ?? sender.tab?.url ?? '', 'detected', message.hant ? ['t2s'] : []);
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
  const contentScripts = (browser as unknown as { contentScripts?: { register(o: unknown): Promise<{ unregister(): Promise<void> }> } })
    .contentScripts;
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
