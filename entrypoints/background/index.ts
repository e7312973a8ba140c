/**
 * The background: listeners wired to services, nothing else. Read it as a table of contents.
 *   library.ts     the library service, the one writer of the database (save, reviews, delete/restore,
 *                  agency links, import, re-checks) — announces every change
 *   tab-state.ts   per-tab result, badge, and the push to a tab when the library changes
 *   cross-year.ts  cross-year findings, computed beside the saved neighbour years
 *   injection.ts   detector hit / 检查此页 → report script; the optional all-sites detector
 *   traffic.ts     what the report scripts send (tests count Reports per check)
 *   notices.ts     what the background says to the user, from the one catalogue
 *   batch.ts       batch runs (fetch, parse where a DOM is, check, save through the library service);
 *                  batch-host.ts its browser side (offscreen document / background page, badge)
 * A new service: a module here, constructed below, its messages wired in the table.
 */
import { browser } from 'wxt/browser';
import { isDetectedMessage, onMessage, sendMessage } from '@/utils/messaging';
import { LibraryService, PAGE_WRITE_OPS } from './library';
import { TabState } from './tab-state';
import { forgetInjections, inject, injectOnRequest, injectPart, injections, syncAutoDetect } from './injection';
import { isPartName } from '@/utils/parts';
import { recordTraffic, traffic } from './traffic';
import { isLibraryError } from '@/utils/library/errors';
import { isGovPdfTab, pdfPageUrl } from '@/utils/pdf/url';
import { BatchService } from './batch';
import { batchFetch, batchParseBridge, setGlobalBadge } from './batch-host';

/** storage.local key: a batch run was active (set from the progress badge). */
const BATCH_ACTIVE = 'batchActive';
import { getSettings } from '@/utils/settings';

export default defineBackground(() => {
  const library = new LibraryService();
  const tabs = new TabState(library);
  const tabOf = (tabId: number, sender: { tab?: { id?: number } }) => (tabId >= 0 ? tabId : sender.tab?.id);
  // The badge says when runs are active; a flag in storage remembers it across a stopped worker, so a start
  // opens the library database only when a run was active (not on every wake of the service worker).
  const badge = (text: string) => {
    void browser.storage.local.set({ [BATCH_ACTIVE]: text !== '' }).catch(() => undefined);
    return setGlobalBadge(text);
  };
  const batch = new BatchService({ library, parse: batchParseBridge(), fetch: batchFetch, settings: async () => (await getSettings()).batch, badge });
  const resume = async () => {
    if (!(await browser.storage.local.get(BATCH_ACTIVE))[BATCH_ACTIVE]) return;
    await batch.resumeAll();
  };
  // Every service-worker start: runs that were running when it stopped go on (no duplicates: see batch.ts).
  void resume().catch((error) => console.warn('[report-lens] resuming batch runs failed', error));

  // ---- the detector's one raw message; every content-script message is counted ----
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    recordTraffic(message, sender.tab?.id);
    if (!isDetectedMessage(message)) return undefined; // typed messages are handled by @webext-core
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return undefined;
    void inject(tabId, sender.frameId ?? 0, sender.url ?? sender.tab?.url ?? '', 'detected', message.hant ? ['t2s'] : []);
    return undefined;
  });

  // ---- report script ----
  onMessage('pageChecked', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { findings: data.findings, saved: null, reviews: {} };
    return tabs.checked(tabId, sender.frameId ?? 0, data);
  });
  onMessage('loadPart', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0 || !isPartName(data?.part)) return { ok: false, error: 'refused' };
    return injectPart(tabId, sender.frameId ?? 0, data.part);
  });
  onMessage('saveChecked', async ({ sender }) => (sender.tab?.id === undefined ? { ok: false, error: '' } : tabs.save(sender.tab.id)));

  // ---- popup and panel (tabId -1: the sender's own tab) ----
  onMessage('getTabState', async ({ data }) => (await tabs.get(data.tabId)) ?? null);
  onMessage('saveTab', async ({ data }) => tabs.saveAndTell(data.tabId));
  onMessage('removeTab', async ({ data }) => tabs.remove(data.tabId));
  onMessage('checkTab', async ({ data }) => injectOnRequest(data.tabId));
  onMessage('showPanel', async ({ data }) => {
    const summary = await tabs.get(data.tabId);
    await sendMessage('reopenPanel', undefined, { tabId: data.tabId, frameId: summary?.frameId ?? 0 }).catch(() => undefined);
  });
  onMessage('reviewFinding', async ({ data, sender }) => {
    const tabId = tabOf(data.tabId, sender);
    return tabId === undefined ? { ok: false, error: '' } : tabs.review(tabId, data.key, data.review);
  });
  onMessage('openLibrary', async ({ data, sender }) => {
    const tabId = tabOf(data.tabId, sender);
    const saved = tabId === undefined ? null : (await tabs.get(tabId))?.saved;
    const getURL = browser.runtime.getURL as (path: string) => string;
    await browser.tabs.create({ url: getURL(saved ? `/library.html#report=${saved.id}` : '/library.html') });
  });

  onMessage('openPdf', async ({ data }) => {
    let url: URL;
    try {
      url = new URL(String(data.url));
    } catch {
      return { ok: false };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false };
    const getURL = browser.runtime.getURL as (path: string) => string;
    await browser.tabs.create({ url: pdfPageUrl(getURL('/pdf.html'), url.href) });
    return { ok: true };
  });

  // ---- library page: every write through the library service ----
  onMessage('libraryWrite', async ({ data, sender }) => {
    if (sender.tab?.url && !sender.tab.url.startsWith(browser.runtime.getURL('/' as never))) {
      return { ok: false, error: { code: 'write-failed', zh: '只有年报库页面可以修改年报库。', en: 'Only the library page may change the library.' } };
    }
    if (!PAGE_WRITE_OPS.has(data.op)) return { ok: false, error: { code: 'write-failed', zh: '未知操作。', en: 'Unknown operation.' } };
    try {
      const method = library[data.op as 'review'] as (...args: unknown[]) => unknown;
      return { ok: true, value: (await method.apply(library, data.args)) ?? null };
    } catch (error) {
      if (isLibraryError(error)) return { ok: false, error: { code: error.code, zh: error.zh, en: error.en, ...(error.detail ? { detail: error.detail } : {}) } };
      return { ok: false, error: { code: 'write-failed', zh: `写入失败：${String(error)}`, en: `Writing failed: ${String(error)}` } };
    }
  });

  // ---- batch runs: from the popup and the library page only (never a content script) ----
  const fromExtensionPage = (sender: { tab?: { url?: string } }) => !sender.tab?.url || sender.tab.url.startsWith(browser.runtime.getURL('/' as never));
  const refused = { ok: false as const, error: { zh: '只有扩展页面可以发起批量检查。', en: 'Only the extension’s pages may run batch checks.' } };
  onMessage('batchStart', async ({ data, sender }) => (fromExtensionPage(sender) ? batch.start(data) : refused));
  onMessage('batchControl', async ({ data, sender }) => (fromExtensionPage(sender) ? batch.control(data.runId, data.action) : refused));
  onMessage('batchRetry', async ({ data, sender }) => (fromExtensionPage(sender) ? batch.retry(data.itemId) : refused));

  // ---- diagnostics for tests ----
  onMessage('syncAutoDetect', async () => ({ registered: await syncAutoDetect() }));
  onMessage('getInjections', async () => injections());
  onMessage('getTraffic', async () => traffic());

  // ---- tab lifecycle ----
  const forget = (tabId: number) => {
    forgetInjections(tabId);
    void tabs.forget(tabId);
  };
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status === 'loading') forget(tabId);
    // tab.url and title are visible for gov.cn tabs through the host permission: no "tabs" permission.
    if ((changeInfo.status === 'complete' || changeInfo.title) && isGovPdfTab(tab)) void tabs.markPdf(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => forget(tabId));

  // ---- optional all-sites detection ----
  browser.permissions.onAdded?.addListener(() => void syncAutoDetect());
  browser.permissions.onRemoved?.addListener(() => void syncAutoDetect());
  browser.runtime.onStartup?.addListener(() => void syncAutoDetect());
  browser.runtime.onStartup?.addListener(() => void resume().catch(() => undefined));
  browser.runtime.onInstalled?.addListener(() => void syncAutoDetect());
});
