/**
 * v6 → v7 (issue 19): a new store, `summaries`, one per report row under the same id: what #scores and #dashboard
 * read (utils/score/summary.ts), so that they read small rows instead of every full row. Filled here from every
 * row as it is; the rows themselves are not changed. A row without a score record gets a summary without a score
 * (the dashboard counts it, #scores leaves it out, as before).
 */
import type { Transaction } from 'dexie';
import { summaryOf } from '../../score/summary';
import type { ReportRow } from '../types';

export async function upgradeToV7(tx: Transaction): Promise<void> {
  const rows = (await tx.table('reports').toArray()) as ReportRow[];
  if (rows.length) await tx.table('summaries').bulkPut(rows.map(summaryOf));
}
