/**
 * The background's services, built once and joined through their ports (ports.ts): the library service
 * holds the database and hands the batch service its queue; the badge service is the one writer of the
 * toolbar badge, told what to show by the tab state and the batch service. The OCR service reads pictures of
 * tables in the hidden page the batch parses in (batch-host.ts shares it).
 * The modules:
 *   library.ts     the library service, the one writer and holder of the database; the library page's writes
 *   tab-state.ts   per-tab result, what its badge shows, the push to a tab when the library changes
 *   badge.ts       the one writer of the toolbar badge (tab texts and batch progress)
 *   batch.ts       batch runs; batch-host.ts the hidden parse page; batch-queue.ts their queue
 *   injection.ts   detector hit / 检查此页 → report script; the all-sites detector; pdf.html, library page
 *   ocr.ts         pictures of tables read for a tab's report script, one at a time, in the hidden page
 *   index.ts       the table of listeners
 */
import { getSettings } from '@/utils/settings';
import { BadgeService } from './badge';
import { BatchService } from './batch';
import { batchFetch, batchParseBridge, ocrReaderBridge, rememberActive } from './batch-host';
import { forgetInjections } from './injection';
import { LibraryService } from './library';
import { OcrService } from './ocr';
import { TabState } from './tab-state';

export function createServices() {
  const library = new LibraryService();
  const badge = new BadgeService();
  const tabs = new TabState(library, badge);
  const batch = new BatchService({
    library,
    queue: library.batchQueue(),
    parse: batchParseBridge(),
    fetch: batchFetch,
    settings: async () => (await getSettings()).batch,
    badge,
    active: rememberActive,
  });
  const ocr = new OcrService(ocrReaderBridge());
  /** A tab that navigates or closes: its injections, its picture reading and its state go. */
  const forgetTab = (tabId: number) => {
    forgetInjections(tabId);
    ocr.forget(tabId);
    void tabs.forget(tabId);
  };
  return { library, tabs, batch, ocr, forgetTab };
}
