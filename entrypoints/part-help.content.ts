/**
 * Report part (utils/parts.ts): every rule's 为什么 / 怎么改 (utils/i18n/rule-help.ts), injected by the
 * background the first time a card's help is opened in the panel. Never declared in the manifest.
 */

import { RULE_HELP } from '@/utils/i18n/rule-help';
import { registerPart } from '@/utils/parts';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  main() {
    registerPart('help', { help: RULE_HELP });
  },
});
