/**
 * Report part (utils/parts.ts): tables published as pictures (issue 18), injected by the background only
 * into a report page that lacks a standard table and shows pictures: the reading through the background's
 * OCR service, the copy of the page the tables are put into, the panel's progress line and the outline of
 * a cell on its picture. Never declared in the manifest.
 */
import { registerPart } from '@/utils/parts';
import { readPagePictures } from './report.content/pictures';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  main() {
    registerPart('pictures', { readPagePictures });
  },
});
