/** Renders docs/rules.md from the rule metadata (cli/rules-doc.ts prints it; a unit test keeps it in sync). */
import type { Rule, RuleCategory } from './types';

const CATEGORIES: ReadonlyArray<[RuleCategory, string]> = [
  ['tables', '表格 Tables'],
  ['structure', '结构 Structure'],
  ['prose', '正文 Prose'],
  ['dates', '日期 Dates'],
  ['cross-year', '跨年度 Across years'],
  ['cross-report', '跨报告 Across reports'],
];

const SEVERITY: Record<string, string> = { error: '错误 error', warning: '警告 warning', info: '提示 info' };

export function renderRulesDoc(rules: readonly Rule[]): string {
  const out: string[] = [];
  out.push('# 规则目录 · Rule catalogue');
  out.push('');
  out.push(
    '<!-- Generated from the rule metadata by `npx tsx cli/rules-doc.ts > docs/rules.md`. Do not edit by hand: test/unit/rules/rules-doc.test.ts fails when this file drifts. -->',
  );
  out.push('');
  out.push(
    `${rules.length} rules. Each lives in \`utils/rules/<id>.ts\` with its tests in \`test/unit/rules/<id>.test.ts\`. ` +
      'Ids are stable. Severity is the default; a rule may report a particular finding at another severity (noted in its messages). ' +
      'Table rules point at the cell that disagrees (the total) with the other terms as related cells; prose rules point at a range of the text; structure rules at a section.',
  );
  out.push('');
  out.push('| id | category | default severity | checks |');
  out.push('|---|---|---|---|');
  for (const rule of rules) {
    out.push(`| [\`${rule.id}\`](#${rule.id}) | ${rule.meta.category} | ${rule.meta.severity} | ${oneLine(rule.meta.docs.en)} |`);
  }
  out.push('');
  out.push(
    'Engine: `runRules(report, context = {}, rules = ALL_RULES): Finding[]` (utils/rules/index.ts). A rule that throws yields one `info` finding of rule `internal-error`. Findings are sorted by severity, then position. Cross-year rules read `context.neighbours.previous / next` ({ report, label, url? }).',
  );
  for (const [category, title] of CATEGORIES) {
    const group = rules.filter((r) => r.meta.category === category);
    if (group.length === 0) continue;
    out.push('');
    out.push(`## ${title}`);
    for (const rule of group) {
      const m = rule.meta;
      out.push('');
      out.push(`### ${rule.id}`);
      out.push('');
      out.push(`Default severity: **${SEVERITY[m.severity]}**`);
      out.push('');
      out.push(`- 检查：${oneLine(m.docs['zh-Hans'])}`);
      out.push(`- Checks: ${oneLine(m.docs.en)}`);
      out.push(`- 为什么：${oneLine(m.docs.why['zh-Hans'])}`);
      out.push(`- Why: ${oneLine(m.docs.why.en)}`);
      out.push(`- 怎么改：${oneLine(m.docs.fix['zh-Hans'])}`);
      out.push(`- How to fix: ${oneLine(m.docs.fix.en)}`);
      if (m.docs.severity) {
        out.push(`- 严重程度：${oneLine(m.docs.severity['zh-Hans'])}`);
        out.push(`- Severity: ${oneLine(m.docs.severity.en)}`);
      }
      out.push(`- 示例 Example: ${oneLine(m.docs.example)}`);
      out.push('');
      out.push('| messageId | zh-Hans | en |');
      out.push('|---|---|---|');
      for (const [id, t] of Object.entries(m.messages)) {
        out.push(`| \`${id}\` | ${cell(t['zh-Hans'])} | ${cell(t.en)} |`);
      }
    }
  }
  out.push('');
  return out.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

function cell(s: string): string {
  return oneLine(s).replace(/\|/g, '\\|');
}
