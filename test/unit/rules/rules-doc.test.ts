import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ALL_RULES } from '../../../utils/rules';
import { renderRulesDoc } from '../../../utils/rules/doc';

it('docs/rules.md is generated from the rule metadata (run `npx tsx cli/rules-doc.ts > docs/rules.md`)', () => {
  const committed = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
  expect(committed).toBe(renderRulesDoc(ALL_RULES));
});

it('every rule has a section and a test file', () => {
  const doc = renderRulesDoc(ALL_RULES);
  for (const rule of ALL_RULES) {
    expect(doc).toContain(`### ${rule.id}`);
    expect(() => readFileSync(new URL(`./${rule.id}.test.ts`, import.meta.url))).not.toThrow();
  }
});
