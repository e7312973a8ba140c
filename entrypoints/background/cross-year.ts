/**
 * Cross-year evaluation, where the neighbour years live: the page checks its report on its own; the
 * background adds what the cross-year rules find against the same agency's saved years, so no neighbour
 * Report ever crosses messaging.
 */
import type { Finding, Report } from '@/utils/report/types';
import { ALL_RULES, runRules, sortFindings } from '@/utils/rules';
import type { Neighbours } from '@/utils/library/store';

const CROSS_YEAR_RULES = ALL_RULES.filter((r) => r.meta.category === 'cross-year');
const CROSS_YEAR_IDS = new Set(CROSS_YEAR_RULES.map((r) => r.id));

/**
 * The page's findings with the cross-year rules' replaced by a run against the neighbours (none when
 * there are no neighbours: those rules have nothing to compare).
 */
export function withCrossYear(report: Report, pageFindings: readonly Finding[], neighbours: Neighbours): Finding[] {
  const own = pageFindings.filter((f) => !CROSS_YEAR_IDS.has(f.rule));
  if (!neighbours.previous && !neighbours.next) return own.length === pageFindings.length ? [...pageFindings] : own;
  const cross = runRules(report, { neighbours }, CROSS_YEAR_RULES);
  return sortFindings(report, [...own, ...cross]);
}
