/**
 * Findings to text, only for display: one renderer used by the panel, popup, library, CLI and tests.
 * A finding carries { rule, messageId, data }; the words come from the rule's meta.messages in the
 * reader's locale at the moment it is shown.
 */
import type { Finding, Locale, LocalizedText } from '../report/types';
import { fillTemplate, formatValue } from './lib/template';
import { ALL_RULES } from './registry';
import type { Rule } from './types';

export { fillTemplate };

/** Messages of findings that no rule file emits (the engine's own). */
const ENGINE_MESSAGES: Record<string, Record<string, LocalizedText>> = {
  'internal-error': {
    failed: {
      'zh-Hans': '规则 {rule} 运行出错，未能完成检查：{error}',
      'zh-Hant': '規則 {rule} 執行出錯，未能完成檢查：{error}',
      en: 'Rule {rule} failed and could not finish its check: {error}',
    },
  },
};

/**
 * A finding whose message could not be recovered when it was migrated (a rule reworded or removed since
 * it was saved) keeps its old text as data.text under this messageId.
 */
export const LEGACY_MESSAGE_ID = 'legacy-text';

let byId: Map<string, Record<string, LocalizedText>> | null = null;
let builtFor = 0;
function catalogue(): Map<string, Record<string, LocalizedText>> {
  // Rebuilt when the catalogue grows (the report script's prose rules arrive after its first paint).
  if (builtFor !== ALL_RULES.length) byId = null;
  builtFor = ALL_RULES.length;
  byId ??= new Map([...ALL_RULES.map((r: Rule) => [r.id, r.meta.messages] as const), ...Object.entries(ENGINE_MESSAGES)]);
  return byId;
}

/** A rule's message templates by messageId (registry and engine), or undefined for an unknown rule. */
export function messagesOf(rule: string): Record<string, LocalizedText> | undefined {
  return catalogue().get(rule);
}

/** The template of a finding's message, or undefined when no rule (any more) has it. */
export function templateOf(rule: string, messageId: string, rules?: readonly Rule[]): LocalizedText | undefined {
  const messages = rules ? (rules.find((r) => r.id === rule)?.meta.messages ?? catalogue().get(rule)) : catalogue().get(rule);
  return messages && Object.hasOwn(messages, messageId) ? messages[messageId] : undefined;
}

/** The finding's message in one locale (rules: rules outside the registry, as tests define them). */
export function renderFinding(finding: Pick<Finding, 'rule' | 'messageId' | 'data'>, locale: Locale, rules?: readonly Rule[]): string {
  const data = finding.data ?? {};
  const template = templateOf(finding.rule, finding.messageId, rules);
  if (template) return fillTemplate(template[locale] ?? template['zh-Hans'], data, locale);
  if (finding.messageId === LEGACY_MESSAGE_ID && data.text !== undefined) return formatValue(data.text, locale);
  // A rule this build does not know (saved by a newer one): its ids, rather than nothing.
  return `${finding.rule}: ${finding.messageId}`;
}

/** The message in all three locales (tests, export readers). */
export function renderAll(finding: Pick<Finding, 'rule' | 'messageId' | 'data'>, rules?: readonly Rule[]): LocalizedText {
  return {
    'zh-Hans': renderFinding(finding, 'zh-Hans', rules),
    'zh-Hant': renderFinding(finding, 'zh-Hant', rules),
    en: renderFinding(finding, 'en', rules),
  };
}
