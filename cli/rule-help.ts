/** Prints utils/i18n/rule-help.ts (the panel's 为什么 / 怎么改) from the rule metadata; see utils/rules/help-source.ts. */
import * as OpenCC from 'opencc-js';
import { ALL_RULES } from '../utils/rules';
import { ruleHelpSource } from '../utils/rules/help-source';

process.stdout.write(ruleHelpSource(ALL_RULES, OpenCC.Converter({ from: 'cn', to: 'tw' })));
