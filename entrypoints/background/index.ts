/**
 * The background: the table of listeners, each wired to a service; no logic of its own.
 *   services.ts    builds the services below and joins them through their ports (ports.ts)
 *   library.ts     the library service, the one writer and holder of the database; the library page's writes
 *   tab-state.ts   per-tab result, what its badge shows, the push to a tab when the library changes
 *   badge.ts       the one writer of the toolbar badge (tab texts and batch progress)
 *   batch.ts       batch runs; batch-host.ts their browser side (the hidden parse page), batch-queue.ts their queue
 *   injection.ts   detector hit / 检查此页 → report script; the all-sites detector; pdf.html, library page
 *   ocr.ts         pictures of tables read for a tab's report script, one at a time, in the hidden page
 */
import { browser } from 'wxt/browser';
import { onMessage } from '@/utils/messaging';
import { isGovPdfTab } from '@/utils/pdf/url';
import { fromExtensionPage, resumeIfActive } from './batch-host';
import { detected, forgetInjections, injections, injectOnRequest, injectPart, openLibraryPage, openPdf, syncAutoDetect } from './injection';
import { createServices } from './services';
import { recordTraffic, traffic } from './traffic';

export default defineBackground(() => {
  const { library, tabs, batch, ocr } = createServices();
  void resumeIfActive(batch);
  const tabOf = (tabId: number, sender: { tab?: { id?: number } }) => (tabId >= 0 ? tabId : sender.tab?.id);

  // ---- the detector's one raw message; every content-script message is counted ----
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    recordTraffic(message, sender.tab?.id);
    detected(message, sender);
  });

  // ---- report script ----
  onMessage('pageChecked', async ({ data, sender }) =>
    sender.tab?.id === undefined
      ? { findings: data.findings, saved: null, reviews: {} }
      : tabs.checked(sender.tab.id, sender.frameId ?? 0, data),
  );
  onMessage('loadPart', async ({ data, sender }) => injectPart(sender, data?.part));
  onMessage('saveChecked', async ({ sender }) => (sender.tab?.id === undefined ? { ok: false, error: '' } : tabs.save(sender.tab.id)));
  // Tables published as pictures (issue 18): read here, never in the page; the library's reading first.
  onMessage('ocrPicture', async ({ data, sender }) =>
    sender.tab?.id === undefined ? { ok: false, error: 'refused' } : ocr.read(sender.tab.id, data),
  );
  onMessage('ocrCancel', async ({ sender }) => {
    if (sender.tab?.id !== undefined) ocr.cancel(sender.tab.id);
  });
  onMessage('savedPictureTables', async ({ data, sender }) =>
    sender.tab?.id === undefined || typeof data?.url !== 'string' ? null : library.savedPictureTables(data.url),
  );

  // ---- popup and panel (tabId -1: the sender's own tab) ----
  onMessage('getTabState', async ({ data }) => (await tabs.get(data.tabId)) ?? null);
  onMessage('saveTab', async ({ data }) => tabs.saveAndTell(data.tabId));
  onMessage('removeTab', async ({ data }) => tabs.remove(data.tabId));
  onMessage('checkTab', async ({ data }) => injectOnRequest(data.tabId));
  onMessage('showPanel', async ({ data }) => tabs.showPanel(data.tabId));
  onMessage('reviewFinding', async ({ data, sender }) => {
    const tabId = tabOf(data.tabId, sender);
    return tabId === undefined ? { ok: false, error: '' } : tabs.review(tabId, data.key, data.review);
  });
  onMessage('openLibrary', async ({ data, sender }) => openLibraryPage(await tabs.savedId(tabOf(data.tabId, sender))));
  onMessage('openPdf', async ({ data }) => openPdf(data.url));

  // ---- library page: every write through the library service, which checks the sender ----
  onMessage('libraryWrite', async ({ data, sender }) => library.pageWrite(data, sender.tab?.url, browser.runtime.getURL('/' as never)));

  // ---- batch runs: from the popup and the library page only ----
  onMessage('batchStart', async ({ data, sender }) => fromExtensionPage(sender, () => batch.start(data)));
  onMessage('batchControl', async ({ data, sender }) => fromExtensionPage(sender, () => batch.control(data.runId, data.action)));
  onMessage('batchRetry', async ({ data, sender }) => fromExtensionPage(sender, () => batch.retry(data.itemId)));

  // ---- diagnostics for tests ----
  onMessage('syncAutoDetect', async () => ({ registered: await syncAutoDetect() }));
  onMessage('getInjections', async () => injections());
  onMessage('getTraffic', async () => traffic());

  // ---- tab lifecycle ----
  const forget = (tabId: number) => {
    forgetInjections(tabId);
    ocr.forget(tabId);
    void tabs.forget(tabId);
  };
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status === 'loading') forget(tabId);
    // tab.url and title are visible for gov.cn tabs through the host permission: no "tabs" permission.
    if ((changeInfo.status === 'complete' || changeInfo.title) && isGovPdfTab(tab)) void tabs.markPdf(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => forget(tabId));

  // ---- optional all-sites detection; runs that were active go on after a browser start ----
  browser.permissions.onAdded?.addListener(() => void syncAutoDetect());
  browser.permissions.onRemoved?.addListener(() => void syncAutoDetect());
  browser.runtime.onStartup?.addListener(() => void syncAutoDetect());
  browser.runtime.onStartup?.addListener(() => void resumeIfActive(batch));
  browser.runtime.onInstalled?.addListener(() => void syncAutoDetect());
});
