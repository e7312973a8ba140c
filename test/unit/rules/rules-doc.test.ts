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

// Issue 17: every rule says why its findings are errors, warnings or notes (the table rules' own helper writes theirs).
const SEVERITY_DOCS_ELSEWHERE = new Set([
  'applications-balance',
  'applications-outcome-sum',
  'applications-row-sum',
  'review-litigation-sum',
  'blank-cells',
  'invalid-value',
  'guessed-rows',
]);

it('every other rule gives its severity reasoning in Chinese and English, and the catalogue prints it', () => {
  const doc = renderRulesDoc(ALL_RULES);
  for (const rule of ALL_RULES) {
    const severity = rule.meta.docs.severity;
    if (!severity) {
      expect(SEVERITY_DOCS_ELSEWHERE.has(rule.id), `${rule.id} has no docs.severity`).toBe(true);
      continue;
    }
    expect(severity['zh-Hans'].length, rule.id).toBeGreaterThan(20);
    expect(severity.en.length, rule.id).toBeGreaterThan(40);
    const section = doc.slice(doc.indexOf(`### ${rule.id}\n`), doc.indexOf('| messageId', doc.indexOf(`### ${rule.id}\n`)));
    expect(section).toContain(`- 严重程度：${severity['zh-Hans'].replace(/\s*\n\s*/g, ' ').trim()}`);
    expect(section).toContain(`- Severity: ${severity.en.replace(/\s*\n\s*/g, ' ').trim()}`);
  }
});
