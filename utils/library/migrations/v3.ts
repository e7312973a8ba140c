/**
 * v2 → v3: findings are stored as { rule, messageId, data } instead of rendered text, and the review keys
 * of report-level findings no longer hash the Simplified text (rewording a message kept losing reviews).
 * Every body's findings are upgraded (legacy-findings.ts) and the reviews of that report re-keyed.
 * No index changes. Frozen v2 sample: test/unit/library/fixtures/v2-sample.json.
 */
import type { Transaction } from 'dexie';
import type { ReportBody, Review } from '../types';
import { isLegacyFinding, upgradeFindings } from './legacy-findings';

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const bodies = (await tx.table('bodies').toArray()) as ReportBody[];
  const reviews = (await tx.table('reviews').toArray()) as Review[];
  const byReport = new Map<number, Review[]>();
  for (const r of reviews) byReport.set(r.reportId, [...(byReport.get(r.reportId) ?? []), r]);
  const newBodies: ReportBody[] = [];
  const drop: [number, string][] = [];
  const put: Review[] = [];
  for (const body of bodies) {
    const old = Array.isArray(body.findings) ? (body.findings as unknown[]) : [];
    if (!old.some(isLegacyFinding)) continue;
    const { findings, rekey } = upgradeFindings(old.filter(isLegacyFinding));
    newBodies.push({ ...body, findings });
    for (const review of byReport.get(body.id) ?? []) {
      const to = rekey.get(review.findingKey);
      if (!to) continue;
      drop.push([review.reportId, review.findingKey]);
      put.push({ ...review, findingKey: to });
    }
  }
  if (newBodies.length) await tx.table('bodies').bulkPut(newBodies);
  if (drop.length) await tx.table('reviews').bulkDelete(drop);
  if (put.length) await tx.table('reviews').bulkPut(put);
}
