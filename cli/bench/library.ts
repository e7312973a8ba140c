/**
 * The library at scale in Node: 10,000 synthetic reports (cli/bench/synthetic.ts) in fake-indexeddb —
 * bulk insert, then queries through utils/library/query.ts: queryReports (database, best index) by agency,
 * by year, has-errors; and the library page's own path (all rows in memory, filterRows + sortRows).
 * fake-indexeddb is a pure-JS IndexedDB: far slower than a browser's, so these are upper bounds.
 */
import 'fake-indexeddb/auto';
import { allRows, filterRows, queryReports, sortRows } from '../../utils/library/query';
import { openLibrary } from '../../utils/library/store';
import { type Stat, stat, timeRuns, timeRunsAsync } from './stats';
import { seedSyntheticLibrary } from './synthetic';

export interface LibraryNodeBench {
  reports: number;
  insert: Stat;
  /** Insert including building the synthetic objects. */
  insertTotal: Stat;
  query: Record<string, Stat & { rows: number }>;
  inMemory: Record<string, Stat & { rows: number }>;
}

export async function libraryNodeBench(n = 10_000, inserts = 3, runs = 7): Promise<LibraryNodeBench> {
  const insert: number[] = [];
  const insertTotal: number[] = [];
  let db = openLibrary(`bench-${Date.now()}-0`);
  for (let i = 0; i < inserts; i++) {
    if (i > 0) {
      db.close();
      await db.delete();
      db = openLibrary(`bench-${Date.now()}-${i}`);
    }
    await db.open();
    const r = await seedSyntheticLibrary(db, n);
    insert.push(r.insertMs);
    insertTotal.push(r.totalMs);
  }
  const sample = (await db.reports.limit(1).toArray())[0]!;
  const agency = sample.agency!;
  const year = sample.year!;
  const queries = {
    byAgency: { agencies: [agency] },
    byYear: { year },
    hasErrors: { hasErrors: true },
  };
  const query: LibraryNodeBench['query'] = {};
  for (const [k, q] of Object.entries(queries)) {
    const rows = (await queryReports(db, q)).length;
    query[k] = { ...stat(await timeRunsAsync(() => queryReports(db, q), runs)), rows };
  }
  const inMemory: LibraryNodeBench['inMemory'] = {};
  const all = await allRows(db);
  inMemory.loadAllRows = { ...stat(await timeRunsAsync(() => allRows(db), Math.min(runs, 5))), rows: all.length };
  for (const [k, q] of Object.entries(queries)) {
    const rows = filterRows(all, q).length;
    inMemory[k] = { ...stat(timeRuns(() => sortRows(filterRows(all, q), 'savedAt', 'desc'), runs)), rows };
  }
  inMemory.sortAllByAgency = { ...stat(timeRuns(() => sortRows([...all], 'agency', 'asc'), runs)), rows: all.length };
  db.close();
  await db.delete();
  return { reports: n, insert: stat(insert), insertTotal: stat(insertTotal), query, inMemory };
}
