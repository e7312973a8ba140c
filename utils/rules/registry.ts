/** Every rule, in catalogue order. Ids are stable: never rename one. */

import applicationsBalance from './applications-balance';
import applicationsOutcomeSum from './applications-outcome-sum';
import applicationsRowSum from './applications-row-sum';
import implausibleRegulations from './implausible-regulations';
import invalidValue from './invalid-value';
import { LATER_RULES } from './later-rules';
import outdatedFormat from './outdated-format';
import reviewLitigationSum from './review-litigation-sum';
import sectionMissing from './section-missing';
import sectionNumbering from './section-numbering';
import tableMissing from './table-missing';
import type { Rule } from './types';

const all: Rule[] = [
  applicationsBalance as Rule,
  applicationsOutcomeSum as Rule,
  applicationsRowSum as Rule,
  reviewLitigationSum as Rule,
  invalidValue as Rule,
  tableMissing as Rule,
  outdatedFormat as Rule,
  implausibleRegulations as Rule,
  sectionNumbering as Rule,
  sectionMissing as Rule,
  ...LATER_RULES,
];

export const ALL_RULES: readonly Rule[] = all;

/**
 * The report script's later rules arrive after its first paint (utils/rules/later-rules.ts, loaded as a
 * part): they close the catalogue, so appending them, once, gives runRules and the renderer the same
 * catalogue as everywhere else. No-op where they are already there.
 */
export function addLaterRules(rules: readonly Rule[]): void {
  if (rules.length === 0 || all.some((r) => r.id === rules[0]!.id)) return;
  all.push(...rules);
}

/** Whether the catalogue is whole (always, except in the report script before its later rules load). */
export function hasLaterRules(): boolean {
  return all.some((r) => r.meta.category === 'prose');
}
