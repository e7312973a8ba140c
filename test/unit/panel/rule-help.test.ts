import { readFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';
import { expect, it } from 'vitest';
import { RULE_HELP } from '../../../utils/i18n/rule-help';
import { ALL_RULES } from '../../../utils/rules';
import { ruleHelpSource } from '../../../utils/rules/help-source';

it('utils/i18n/rule-help.ts is generated from the rule metadata (run `npx tsx cli/rule-help.ts > utils/i18n/rule-help.ts`)', () => {
  const committed = readFileSync(new URL('../../../utils/i18n/rule-help.ts', import.meta.url), 'utf8');
  expect(committed).toBe(ruleHelpSource(ALL_RULES, OpenCC.Converter({ from: 'cn', to: 'tw' })));
});

it('every rule has 为什么 and 怎么改 in three locales; zh-Hant is Traditional with 「」 quotes', () => {
  expect(Object.keys(RULE_HELP).sort()).toEqual(ALL_RULES.map((r) => r.id).sort());
  // Written by hand from reading the rule: applications-row-sum's fix, converted.
  expect(RULE_HELP['applications-row-sum']!.fix['zh-Hant']).toBe('把該行各申請人欄相加，與「總計」欄對照，改正錯的那一格。');
  for (const { why, fix } of Object.values(RULE_HELP)) {
    for (const t of [why, fix]) {
      expect(t['zh-Hans'].length).toBeGreaterThan(10);
      expect(t.en.length).toBeGreaterThan(10);
      expect(t['zh-Hant']).not.toMatch(/[“”]/);
    }
  }
});
