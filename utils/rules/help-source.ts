/**
 * The panel's 为什么 / 怎么改 of every rule, from its meta docs (why, fix), as the catalogue ships it
 * (utils/i18n/rule-help.ts, written by `npx tsx cli/rule-help.ts > utils/i18n/rule-help.ts`): rule docs are
 * stripped from the extension's bundles (wxt-plugins/strip-rule-docs.ts), so the help travels as its own
 * part, loaded when a card's help is opened. zh-Hant is converted from zh-Hans with opencc (cn → tw) when
 * the file is written, and quotation marks become 「」 as in the hand-written zh-Hant messages.
 */
import type { LocalizedText } from '../report/types';
import type { Rule } from './types';

export interface RuleHelp {
  why: LocalizedText;
  fix: LocalizedText;
}

export function ruleHelpSource(rules: readonly Rule[], toTraditional: (s: string) => string): string {
  const hant = (s: string) => toTraditional(s).replace(/“/g, '「').replace(/”/g, '」').replace(/‘/g, '『').replace(/’/g, '』');
  const text = (t: { 'zh-Hans': string; en: string }): LocalizedText => ({
    'zh-Hans': t['zh-Hans'],
    'zh-Hant': hant(t['zh-Hans']),
    en: t.en,
  });
  const help: Record<string, RuleHelp> = {};
  for (const rule of rules) help[rule.id] = { why: text(rule.meta.docs.why), fix: text(rule.meta.docs.fix) };
  return [
    "/* Generated from the rules' meta docs by `npx tsx cli/rule-help.ts > utils/i18n/rule-help.ts`. Do not edit by hand:",
    '   test/unit/panel/rule-help.test.ts fails when this file drifts. zh-Hant: opencc cn → tw, quotes as 「」. */',
    "import type { RuleHelp } from '../rules/help-source';",
    '',
    `export const RULE_HELP: Readonly<Record<string, RuleHelp>> = ${JSON.stringify(help, null, 2)};`,
    '',
  ].join('\n');
}
