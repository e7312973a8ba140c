/**
 * v5 → v6 (issue 21): what this tool could not read no longer costs the report points. Each row's score record
 * gets its unread tables (a picture, or every value doubtful) and its error and warning counts without the
 * findings that only say so (a table published as a picture). Everything else in the record stands (last
 * year's copied share is not recomputed). No index changes. Rows with nothing unread are left untouched.
 */
import type { Transaction } from 'dexie';
import { notCheckable, unreadableTables } from '../../score/scorecard';
import { countFindings } from '../row';
import type { ReportBody, ReportRow, Review } from '../types';

export async function upgradeToV6(tx: Transaction): Promise<void> {
  const rows = (await tx.table('reports').toArray()) as ReportRow[];
  const reviews = (await tx.table('reviews').toArray()) as Review[];
  const reviewsOf = new Map<number, Map<string, Review>>();
  for (const r of reviews) {
    const m = reviewsOf.get(r.reportId) ?? new Map<string, Review>();
    m.set(r.findingKey, r);
    reviewsOf.set(r.reportId, m);
  }
  const updated: ReportRow[] = [];
  for (const row of rows) {
    if (!row.score) continue;
    const body = (await tx.table('bodies').get(row.id!)) as ReportBody | undefined;
    if (!body) continue;
    const unread = unreadableTables(body.report);
    const { counts } = countFindings(
      body.findings.filter((f) => !notCheckable(f)),
      reviewsOf.get(row.id!),
    );
    if (!unread.length && counts.error === row.score.errors && counts.warning === row.score.warnings) continue;
    const score = { ...row.score, errors: counts.error, warnings: counts.warning };
    if (unread.length) score.unreadableTables = unread;
    updated.push({ ...row, score });
  }
  if (updated.length) await tx.table('reports').bulkPut(updated);
}
