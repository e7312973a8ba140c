/**
 * v8 → v9 (issue 18): on a scan read by OCR, a section or table not found may only have gone unread, so it is
 * neither counted present nor missing (utils/score/scorecard.ts: `unreadSections`, unreadable tables 'scan').
 * The score records of rows read from a scan get what is missing recomputed from their bodies (nothing else in
 * the record changes: its counts are v8's), then every summary is refilled from its row as v7 did.
 */
import type { Transaction } from 'dexie';
import { type ScoreRecord, scoreRecord } from '../../score/scorecard';
import type { ReportBody, ReportRow } from '../types';
import { upgradeToV7 } from './v7';

export async function upgradeToV9(tx: Transaction): Promise<void> {
  const rows = (await tx.table('reports').toArray()) as ReportRow[];
  const updated: ReportRow[] = [];
  for (const row of rows) {
    if (!row.score || row.score.unreadable) continue;
    const body = (await tx.table('bodies').get(row.id!)) as ReportBody | undefined;
    if (!body?.report.source?.ocrPages) continue;
    const fresh = scoreRecord({ report: body.report, findings: { errors: row.score.errors, warnings: row.score.warnings } });
    const { unreadableTables: _tables, unreadSections: _sections, ...rest } = row.score;
    const score: ScoreRecord = {
      ...rest,
      missingSections: fresh.missingSections,
      missingTables: fresh.missingTables,
      ...(fresh.unreadableTables ? { unreadableTables: fresh.unreadableTables } : {}),
      ...(fresh.unreadSections ? { unreadSections: fresh.unreadSections } : {}),
    };
    if (JSON.stringify(score) !== JSON.stringify(row.score)) updated.push({ ...row, score });
  }
  if (!updated.length) return;
  await tx.table('reports').bulkPut(updated);
  await upgradeToV7(tx);
}
