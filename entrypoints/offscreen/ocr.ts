/**
 * The OCR service's reader in the hidden page (issue 18): a picture's bytes from the background → its
 * table as a page of positioned runs and rules (entrypoints/shared/picture-reader.ts; the engine loads on
 * the first picture, from the extension's own files). Only the extension's background asks.
 */
import { browser } from 'wxt/browser';
import { base64ToBytes } from '@/utils/batch/base64';
import { onParseMessage } from '@/utils/batch/parse-protocol';

export function listenForPictures(): void {
  onParseMessage('ocrRead', async ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || sender.tab) throw new Error('refused');
    // The reader and the OCR code load with the first picture: a page opened for batch parsing never carries them.
    const { readPicture } = await import('@/entrypoints/shared/picture-reader');
    const read = await readPicture(base64ToBytes(data.picture), { page: data.index });
    // A picture with no text at all holds no table.
    return read.page.runs.length ? read.page : null;
  });
}
