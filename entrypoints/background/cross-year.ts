/**
 * Cross-year and cross-report evaluation, where the other reports live: the page checks its report on its
 * own; the background adds what the cross-year rules find against the same agency's saved years, and what
 * the cross-report rules (hierarchy-sum) find against the children marked under its agency, so no other
 * Report ever crosses messaging.
 */

import { type LibraryContext, ruleContext } from '@/utils/library/evaluate';
import type { Neighbours } from '@/utils/library/store';
import type { Finding, Report } from '@/utils/report/types';
import { ALL_RULES, runRules, sortFindings } from '@/utils/rules';

const CROSS_YEAR_RULES = ALL_RULES.filter((r) => r.meta.category === 'cross-year');
const _CROSS_YEAR_IDS = new Set(CROSS_YEAR_RULES.map((r) => r.id));
const CROSS_REPORT_RULES = ALL_RULES.filter((r) => r.meta.category === 'cross-report');
const LIBRARY_RULES = [...CROSS_YEAR_RULES, ...CROSS_REPORT_RULES];
const LIBRARY_IDS = new Set(LIBRARY_RULES.map((r) => r.id));

/**
 * The page's findings with the cross-year rules' replaced by a run against the neighbours (none when
 * there are no neighbours: those rules have nothing to compare).
 */
export function withCrossYear(report: Report, pageFindings: readonly Finding[], neighbours: Neighbours): Finding[] {
  return withLibrary(report, pageFindings, { neighbours });
}

/**
 * The page's findings with the cross-year and cross-report rules' replaced by a run against the library:
 * the neighbour years and the marked children of the report's year (none when the library holds neither).
 */
export function withLibrary(report: Report, pageFindings: readonly Finding[], context: LibraryContext): Finding[] {
  const own = pageFindings.filter((f) => !LIBRARY_IDS.has(f.rule));
  const { neighbours, hierarchy } = context;
  if (!neighbours.previous && !neighbours.next && !hierarchy) return own.length === pageFindings.length ? [...pageFindings] : own;
  const cross = runRules(report, ruleContext(context), LIBRARY_RULES);
  return sortFindings(report, [...own, ...cross]);
}
