/**
 * Finding reviews as the page, the popup and the badge see them: a plain map findingKey → review,
 * small enough to cross messaging. Dismissed findings are left out of every count.
 */

import type { ReviewStatus } from './library/types';
import { findingKey } from './report/finding';
import type { Finding, Severity } from './report/types';

export type { ReviewStatus };

export interface ReviewState {
  status: ReviewStatus;
  note: string;
  updatedAt?: string;
}

/** findingKey(finding) → review. */
export type ReviewMap = Record<string, ReviewState>;

export { findingKey };

export function toReviewMap(reviews: readonly { findingKey: string; status: ReviewStatus; note: string; updatedAt?: string }[]): ReviewMap {
  const out: ReviewMap = {};
  for (const r of reviews) out[r.findingKey] = { status: r.status, note: r.note ?? '', ...(r.updatedAt ? { updatedAt: r.updatedAt } : {}) };
  return out;
}

export function reviewOf(finding: Finding, reviews: ReviewMap | null | undefined): ReviewState | undefined {
  if (!reviews) return undefined;
  const key = findingKey(finding);
  return Object.hasOwn(reviews, key) ? reviews[key] : undefined;
}

export function isDismissed(finding: Finding, reviews: ReviewMap | null | undefined): boolean {
  return reviewOf(finding, reviews)?.status === 'dismissed';
}

/** Counts per severity, dismissed findings excluded. */
export function countActive(findings: readonly Finding[], reviews?: ReviewMap | null): Record<Severity, number> & { dismissed: number } {
  const counts = { error: 0, warning: 0, info: 0, dismissed: 0 };
  for (const f of findings) {
    if (isDismissed(f, reviews)) counts.dismissed++;
    else if (f.severity in counts) counts[f.severity]++;
  }
  return counts;
}

/** The toolbar badge: errors, else warnings, dismissed findings excluded; '' when there is nothing to count. */
export function badgeFor(findings: readonly Finding[] | null, reviews?: ReviewMap | null): { text: string; color: string } {
  if (!findings) return { text: '', color: '#000000' };
  const { error, warning } = countActive(findings, reviews);
  if (error) return { text: String(error), color: '#B3261E' };
  if (warning) return { text: String(warning), color: '#B86E00' };
  return { text: '', color: '#000000' };
}
