/**
 * Report part (utils/parts.ts): the 年报 listing reader, injected by the background into a frame whose
 * page is a listing (the report script offers batch-check there). Never declared in the manifest.
 */
import { registerPart } from '@/utils/parts';
import { readListing } from '@/utils/detect/listing';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  main() {
    registerPart('listing', { readListing });
  },
});
