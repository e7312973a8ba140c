/**
 * Report part (utils/parts.ts): Traditional → Simplified (utils/text/convert.ts with opencc's dictionaries),
 * injected by the background into a frame whose report script met Traditional text. Never declared in the
 * manifest.
 */
import { registerPart } from '@/utils/parts';
import { toSimplified } from '@/utils/text/convert';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  main() {
    registerPart('t2s', { toSimplified });
  },
});
