/**
 * Report part (utils/parts.ts): the 年报 listing reader, injected by the background into a frame whose
 * page is a listing (the report script offers batch-check there). Never declared in the manifest.
 */

import { readListing } from '@/utils/detect/listing';
import { registerPart } from '@/utils/parts';
import { pdfLinks } from '@/utils/pdf/url';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  main() {
    // With it the reader of the page's PDF links (a page named like a report that only links its PDF).
    registerPart('listing', { readListing, pdfLinks });
  },
});
