/**
 * v4 → v5: every report row gets its score record (ReportRow.score), so the #scores view and the dashboard
 * read rows only. Computed from each body as saveReport would: counts from the findings less the dismissed
 * ones, last year's report found as neighboursOf finds it (same agency or a linked one, year − 1, newest
 * revision of another URL, the exact name first, then the newest save). No index changes.
 * Frozen v4 sample: test/unit/library/fixtures/v4-sample.json.
 */
import type { Transaction } from 'dexie';
import { scoreRecord } from '../../score/scorecard';
import { agencyGroups } from '../agency';
import { countFindings } from '../row';
import type { ReportBody, ReportRow, Review } from '../types';

export async function upgradeToV5(tx: Transaction): Promise<void> {
  const rows = (await tx.table('reports').toArray()) as ReportRow[];
  const bodies = new Map(((await tx.table('bodies').toArray()) as ReportBody[]).map((b) => [b.id, b]));
  const reviews = (await tx.table('reviews').toArray()) as Review[];
  const groups = agencyGroups((await tx.table('agencyLinks').toArray()) as { a: string; b: string }[]);
  const reviewsOf = new Map<number, Map<string, Review>>();
  for (const r of reviews) {
    const m = reviewsOf.get(r.reportId) ?? new Map<string, Review>();
    m.set(r.findingKey, r);
    reviewsOf.set(r.reportId, m);
  }
  const byKeyYear = new Map<string, ReportRow[]>();
  for (const r of rows) {
    if (r.latest !== 1 || !r.agencyKey || typeof r.year !== 'number') continue;
    const k = `${r.agencyKey}\u0000${r.year}`;
    byKeyYear.set(k, [...(byKeyYear.get(k) ?? []), r]);
  }
  const previousOf = (row: ReportRow): ReportBody | undefined => {
    if (!row.agencyKey || typeof row.year !== 'number') return undefined;
    const keys = [...(groups.get(row.agencyKey) ?? [row.agencyKey])];
    const candidates = keys.flatMap((k) => byKeyYear.get(`${k}\u0000${row.year! - 1}`) ?? []).filter((r) => r.url !== row.url);
    candidates.sort(
      (a, b) =>
        Number(b.agencyKey === row.agencyKey) - Number(a.agencyKey === row.agencyKey) ||
        b.savedAt.localeCompare(a.savedAt) ||
        b.id! - a.id!,
    );
    return candidates[0] ? bodies.get(candidates[0].id!) : undefined;
  };
  const updated: ReportRow[] = [];
  for (const row of rows) {
    const body = bodies.get(row.id!);
    if (!body) continue;
    const { counts } = countFindings(body.findings, reviewsOf.get(row.id!));
    const previous = previousOf(row)?.report ?? null;
    updated.push({
      ...row,
      score: scoreRecord({ report: body.report, findings: { errors: counts.error, warnings: counts.warning }, previous }),
    });
  }
  if (updated.length) await tx.table('reports').bulkPut(updated);
}
