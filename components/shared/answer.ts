/**
 * The answer first (issue 21.7): what a check found, in plain categories, and how much it compared. Pure: the
 * findings, their reviews and the rules' tally in; no parsing, no DOM. The report script takes these with its
 * later part (wxt-plugins/report-parts.ts): until it is loaded, answerOf and categoryOf give null there, and the
 * panel shows no answer line and no category yet (the line would count only the first rules anyway).
 */

import { ANSWER_STRINGS, type FindingCategory } from '@/utils/i18n/answer';
import type { Finding, Locale } from '@/utils/report/types';
import { type ReviewMap, reviewOf } from '@/utils/reviews';

export type { FindingCategory };

/** Ordered as the answer line names them when counts tie. */
const CATEGORIES: readonly FindingCategory[] = ['sums', 'proseTable', 'missing', 'form', 'copied', 'unchecked'];

const BY_RULE: Readonly<Record<string, FindingCategory>> = {
  'applications-balance': 'sums',
  'applications-outcome-sum': 'sums',
  'applications-row-sum': 'sums',
  'review-litigation-sum': 'sums',
  'invalid-value': 'sums',
  'implausible-regulations': 'sums',
  'narrative-sum': 'sums',
  'narrative-percent': 'sums',
  'carry-over': 'sums',
  'regulations-continuity': 'sums',
  'hierarchy-sum': 'sums',
  'narrative-vs-table': 'proseTable',
  'narrative-review-outcome': 'proseTable',
  'narrative-vs-disclosure': 'proseTable',
  'narrative-fee': 'proseTable',
  'table-missing': 'missing',
  'section-missing': 'missing',
  'problems-section': 'missing',
  'declared-parts': 'missing',
  'truncated-sentence': 'missing',
  'blank-cells': 'missing',
  'outdated-format': 'form',
  'section-numbering': 'form',
  'late-publication': 'form',
  'statistics-period': 'form',
  'copied-text': 'copied',
  'narrative-year': 'copied',
  'guessed-rows': 'unchecked',
  'internal-error': 'unchecked',
  'read-from-scan': 'unchecked',
};

/**
 * A finding's plain category. What the tool could not read or place is 无法核对, never the report's fault:
 * a table published as a picture or not read from a scan (as utils/score/scorecard.ts notCheckable), findings that
 * rest on text read from a scan (read-from-scan), relations whose cells are all
 * blank or unplaced, values whose column is a guess.
 */
export function categoryOf(finding: Pick<Finding, 'rule' | 'messageId'>): FindingCategory {
  const { rule, messageId } = finding;
  if (rule === 'table-as-picture' || (rule === 'table-missing' && /image|Scan/.test(messageId))) return 'unchecked';
  if (rule === 'blank-cells' && /otCheckable|Unplaced/.test(messageId)) return 'unchecked';
  return BY_RULE[rule] ?? 'form';
}

export interface Answer {
  /** Errors and warnings not dismissed, per category (无法核对 apart), most first. */
  problems: Array<{ category: FindingCategory; count: number }>;
  /** Not-dismissed findings the tool could not check (any severity but notes). */
  unchecked: number;
  /** Relations and figures the rules compared; null when not known (a check that did not count them). */
  checked: number | null;
}

export function answerOf(findings: readonly Finding[], reviews: ReviewMap | null | undefined, checked: number | null | undefined): Answer {
  const counts = new Map<FindingCategory, number>();
  for (const f of findings) {
    if (f.severity === 'info' || reviewOf(f, reviews)?.status === 'dismissed') continue;
    const c = categoryOf(f);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const problems = CATEGORIES.filter((c) => c !== 'unchecked' && counts.get(c))
    .map((category) => ({ category, count: counts.get(category)! }))
    .sort((a, b) => b.count - a.count);
  return { problems, unchecked: counts.get('unchecked') ?? 0, checked: checked ?? null };
}

/** A category's name in the reader's language. */
export function categoryLabel(category: FindingCategory, locale: Locale): string {
  return ANSWER_STRINGS[locale].categories[category];
}

/** "2 处数字对不上 · 已核对 37 项"; a clean report: "未发现数字问题 · 已核对 37 项". */
export function answerText(answer: Answer, locale: Locale): string {
  const t = ANSWER_STRINGS[locale];
  const found = answer.problems.map((p) => t.categoryCount(p.count, t.categories[p.category]));
  if (answer.unchecked) found.push(t.categoryCount(answer.unchecked, t.categories.unchecked));
  const head = answer.problems.length ? found.join(t.listSeparator) : [t.answerClean, ...found].join(t.listSeparator);
  return answer.checked === null ? head : `${head} · ${t.answerChecked(answer.checked)}`;
}
