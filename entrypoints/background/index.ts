/** The background: the table of listeners, each wired to a service (services.ts lists them); no logic of its own. */
import { browser } from 'wxt/browser';
import { onMessage } from '@/utils/messaging';
import { isGovPdfTab } from '@/utils/pdf/url';
import { fromExtensionPage, resumeIfActive } from './batch-host';
import { detected, injections, injectOnRequest, injectPart, openLibraryPage, openPdf, syncAutoDetect } from './injection';
import { inTab, tabOf } from './senders';
import { createServices } from './services';
import { recordTraffic, traffic } from './traffic';

export default defineBackground(() => {
  const { library, tabs, batch, ocr, forgetTab } = createServices();
  void resumeIfActive(batch);

  // ---- the detector's one raw message; every content-script message is counted ----
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    recordTraffic(message, sender.tab?.id);
    detected(message, sender);
  });

  // ---- report script ----
  onMessage('pageChecked', async ({ data, sender }) =>
    inTab(sender, { findings: data.findings, saved: null, reviews: {} }, (id) => tabs.checked(id, sender.frameId ?? 0, data)),
  );
  onMessage('loadPart', async ({ data, sender }) => injectPart(sender, data?.part));
  onMessage('saveChecked', async ({ sender }) => inTab(sender, { ok: false, error: { notice: 'nothingToSave' } }, (id) => tabs.save(id)));
  // Tables published as pictures (issue 18): read here, never in the page; the library's reading first.
  onMessage('ocrPicture', async ({ data, sender }) => inTab(sender, { ok: false, error: 'refused' }, (id) => ocr.read(id, data)));
  onMessage('ocrCancel', async ({ sender }) => inTab(sender, undefined, (id) => ocr.cancel(id)));
  onMessage('savedPictureTables', async ({ data, sender }) =>
    inTab(sender, null, () => (typeof data?.url === 'string' ? library.savedPictureTables(data.url) : null)),
  );

  // ---- popup and panel (tabId -1: the sender's own tab) ----
  onMessage('getTabState', async ({ data }) => (await tabs.get(data.tabId)) ?? null);
  onMessage('saveTab', async ({ data }) => tabs.saveAndTell(data.tabId));
  onMessage('removeTab', async ({ data }) => tabs.remove(data.tabId));
  onMessage('checkTab', async ({ data }) => injectOnRequest(data.tabId));
  onMessage('showPanel', async ({ data }) => tabs.showPanel(data.tabId));
  onMessage('reviewFinding', async ({ data, sender }) => {
    const tabId = tabOf(data.tabId, sender);
    return tabId === undefined ? { ok: false, error: { notice: 'nothingToReview' } } : tabs.review(tabId, data.key, data.review);
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
  browser.tabs.onUpdated.addListener((tabId, changeInfo, tab) => {
    if (changeInfo.status === 'loading') forgetTab(tabId);
    // tab.url and title are visible for gov.cn tabs through the host permission: no "tabs" permission.
    if ((changeInfo.status === 'complete' || changeInfo.title) && isGovPdfTab(tab)) void tabs.markPdf(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => forgetTab(tabId));

  // ---- optional all-sites detection; runs that were active go on after a browser start ----
  for (const event of [
    browser.permissions.onAdded,
    browser.permissions.onRemoved,
    browser.runtime.onStartup,
    browser.runtime.onInstalled,
  ]) {
    event?.addListener(() => void syncAutoDetect());
  }
  browser.runtime.onStartup?.addListener(() => void resumeIfActive(batch));
});
