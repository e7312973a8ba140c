/** Prints docs/rules.md from the rule metadata: `npx tsx cli/rules-doc.ts > docs/rules.md`. */
import { ALL_RULES } from '../utils/rules';
import { renderRulesDoc } from '../utils/rules/doc';

process.stdout.write(renderRulesDoc(ALL_RULES));
