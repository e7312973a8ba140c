/**
 * The reports' summaries (utils/score/summary.ts): what #scores and #dashboard read instead of the full rows. Kept
 * by the library's writes themselves: every write of a report row (save, re-score, review, findings, remove,
 * restore, import) brings the summaries of the rows it touched in line, in its own transaction, so a summary never
 * disagrees with its row. Filled for rows saved before it existed by the v7 upgrade.
 */
import { type ReportSummary, summaryOf } from '../score/summary';
import type { LibraryDB } from './db';

export type { ReportSummary } from '../score/summary';

/**
 * Bring the summaries of these rows in line with the rows (a row gone takes its summary with it). Called inside
 * the caller's write transaction, which must include db.summaries.
 */
export async function syncSummaries(db: LibraryDB, ids: Iterable<number | undefined>): Promise<void> {
  const list = [...new Set([...ids].filter((id): id is number => typeof id === 'number'))];
  if (!list.length) return;
  const rows = await db.reports.bulkGet(list);
  const put: ReportSummary[] = [];
  const gone: number[] = [];
  for (const [i, row] of rows.entries()) {
    if (row) put.push(summaryOf(row));
    else gone.push(list[i]!);
  }
  if (put.length) await db.summaries.bulkPut(put);
  if (gone.length) await db.summaries.bulkDelete(gone);
}

/**
 * Every report's summary, as the views read them. When the summaries do not cover the rows one for one (a row
 * written past the library's writes, as a test or a bench may), they are computed here from every full row, as the
 * writer would: slower, never wrong.
 */
export async function readSummaries(db: LibraryDB): Promise<ReportSummary[]> {
  return db.transaction('r', db.reports, db.summaries, async () => {
    const [count, summaries] = await Promise.all([db.reports.count(), db.summaries.toArray()]);
    if (summaries.length === count) return summaries;
    return (await db.reports.toArray()).map(summaryOf);
  });
}
