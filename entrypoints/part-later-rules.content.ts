/**
 * Report part (utils/parts.ts): the rules run after the first paint (utils/rules/later-rules.ts), injected
 * by the background once the panel shows the page's own check, so that reading a long text against itself
 * never delays it; the page highlighter (used only on a click) and the reader of the page's PDF links. Never declared in the manifest.
 */

import laterCss from '@/components/panel/panel-later.css?inline';
import { answerOf, answerText, categoryLabel, categoryOf } from '@/components/shared/answer';
import { clearHighlight, clearMarks, highlight, markFindings, panelPlacement } from '@/utils/anchor/highlight';
import { registerPart } from '@/utils/parts';
import { pdfLinks } from '@/utils/pdf/url';
import { LATER_RULES } from '@/utils/rules/later-rules';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  main() {
    // With them, marking a finding's place in the page (only ever on a click on a finding).
    registerPart('laterRules', {
      rules: LATER_RULES,
      highlight,
      clearHighlight,
      markFindings,
      panelPlacement,
      clearMarks,
      pdfLinks,
      answerOf,
      answerText,
      categoryLabel,
      categoryOf,
      // The panel's styles for what is opened only after the first paint (the review form).
      css: laterCss,
    });
  },
});
