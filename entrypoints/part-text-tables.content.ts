/**
 * Report part (utils/parts.ts): the reader of tables printed as text (text dumps, laid-out text), injected
 * by the background into a frame whose parse needs it. Never declared in the manifest.
 */

import { findTextTables } from '@/utils/parse/text-tables';
import { registerPart } from '@/utils/parts';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  registration: 'runtime',
  main() {
    registerPart('textTables', { findTextTables });
  },
});
