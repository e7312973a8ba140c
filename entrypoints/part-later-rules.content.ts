/**
 * Report part (utils/parts.ts): the rules run after the first paint (utils/rules/later-rules.ts), injected
 * by the background once the panel shows the page's own check, so that reading a long text against itself
 * never delays it. Never declared in the manifest.
 */
import { registerPart } from '@/utils/parts';
import { CONTEXT_RULES, PROSE_RULES } from '@/utils/rules/later-rules';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  main() {
    registerPart('laterRules', { prose: PROSE_RULES, context: CONTEXT_RULES });
  },
});
