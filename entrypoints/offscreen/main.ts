/**
 * The hidden parse page for batch runs (Chrome: the offscreen document; Firefox: an iframe of the background
 * page): the background fetches, this page parses and checks (it has a DOM, and loads pdf.js in its own
 * chunk) and answers with the Report and findings. It saves nothing and fetches nothing but the extension's
 * own pdf.js files. It also reads pictures of report tables for the OCR service (ocr.ts), loading the OCR
 * engine on the first one.
 */
import { browser } from 'wxt/browser';
import { base64ToBytes } from '@/utils/batch/base64';
import { onParseMessage } from '@/utils/batch/parse-protocol';
import { parseHere } from './host';
import { listenForPictures } from './ocr';

onParseMessage('batchParse', async ({ data, sender }) => {
  // Only the extension's own background asks (never a tab's content script).
  if (sender.id !== browser.runtime.id || sender.tab) throw new Error('refused');
  return parseHere(
    data.job === 'listing' ? 'listing' : 'process',
    {
      bytes: base64ToBytes(data.body),
      contentType: data.contentType,
      finalUrl: data.finalUrl,
      ...(data.pictures
        ? { pictures: Object.fromEntries(Object.entries(data.pictures).map(([address, b64]) => [address, base64ToBytes(b64)])) }
        : {}),
    },
    { readPictures: data.readPictures === true },
  );
});

// Pictures of report tables, for the background's OCR service (issue 18).
listenForPictures();
