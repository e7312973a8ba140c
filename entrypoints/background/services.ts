/**
 * The background's services, built once and joined through their ports (ports.ts): the library service
 * holds the database and hands the batch service its queue; the badge service is the one writer of the
 * toolbar badge, told what to show by the tab state and the batch service. The OCR service reads pictures of
 * tables in the hidden page the batch parses in (batch-host.ts shares it).
 */
import { getSettings } from '@/utils/settings';
import { BadgeService } from './badge';
import { BatchService } from './batch';
import { batchFetch, batchParseBridge, ocrReaderBridge, rememberActive } from './batch-host';
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
  return { library, tabs, batch, ocr };
}
