/** Building the library's summary row of a report (shared by save, import and the v2 migration). */
import { emptyFigures, FIGURE_KEYS, type Finding, type Report } from '../report/types';
import { countActive, type ReviewMap } from '../reviews';
import { agencyKey, regionOf } from './agency';
import { findingKey } from './keys';
import type { FindingCounts, ReportRow, Review } from './types';

export function countFindings(
  findings: readonly Finding[],
  reviews: ReadonlyMap<string, Pick<Review, 'status'>> = new Map(),
): { counts: FindingCounts; ruleCounts: Record<string, number> } {
  // Severities by the panel's own count (utils/reviews.ts), so the panel, the batch list and the scores agree.
  const map: ReviewMap = {};
  for (const [key, r] of reviews) map[key] = { status: r.status, note: '' };
  const { error, warning, info, dismissed } = countActive(findings, map);
  const counts: FindingCounts = { error, warning, info, total: 0, dismissed, confirmed: 0 };
  const ruleCounts: Record<string, number> = Object.create(null);
  for (const f of findings) {
    const status = reviews.get(findingKey(f))?.status;
    if (status === 'dismissed') continue;
    if (status === 'confirmed') counts.confirmed++;
    counts.total++;
    ruleCounts[f.rule] = (ruleCounts[f.rule] ?? 0) + 1;
  }
  return { counts, ruleCounts: { ...ruleCounts } };
}

/** Strip the #fragment: the same page reached through an in-page link is the same report. */
export function normaliseUrl(url: string | null | undefined): string {
  if (!url) return '';
  const i = url.indexOf('#');
  return i >= 0 ? url.slice(0, i) : url;
}

export function reportColumns(
  report: Report,
): Pick<
  ReportRow,
  'title' | 'agency' | 'agencyKey' | 'region' | 'year' | 'era' | 'publishedAt' | 'agencyKind' | 'figures' | 'doubtfulFigures' | 'sourceKind'
> {
  const meta = report.meta;
  const figures = emptyFigures();
  for (const k of FIGURE_KEYS) {
    const v = report.figures?.[k];
    figures[k] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return {
    title: meta.title ?? report.source?.title ?? meta.listed?.title ?? null,
    agency: meta.agency,
    agencyKey: agencyKey(meta.agency),
    region: regionOf(meta.agency),
    year: typeof meta.year === 'number' ? meta.year : null,
    era: meta.format ?? '',
    publishedAt: meta.publishedAt,
    agencyKind: meta.agencyKind ?? null,
    figures,
    // Not indexed: new optional columns need no schema version.
    ...(report.doubtfulFigures?.length ? { doubtfulFigures: report.doubtfulFigures.filter((k) => FIGURE_KEYS.includes(k)) } : {}),
    ...(report.source?.kind === 'pdf' ? { sourceKind: 'pdf' as const } : {}),
  };
}
