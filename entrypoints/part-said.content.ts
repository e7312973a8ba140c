/**
 * Report part (utils/parts.ts): the words of a failed save, review or removal (utils/i18n/said.ts, with the
 * library errors' catalogue), injected by the background the first time the panel has one to show. Never
 * declared in the manifest.
 */

import { saidText } from '@/utils/i18n/said';
import { registerPart } from '@/utils/parts';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  main() {
    registerPart('said', { saidText });
  },
});
