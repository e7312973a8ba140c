/**
 * v7 → v8: a scan read by OCR stops paying data-logic points for what the reading could not give: a table not
 * found on the scan (table-missing 'unreadScan') and a finding that rests on text read from it (read-from-scan).
 * The v7 database is written with a bare Dexie at version 7 (SCHEMA_V7), its rows, score records and summaries
 * as v7 kept them (written here by hand: both warnings counted); a row with no such finding is left as it was.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LIBRARY_DB_VERSION, SCHEMA_V7 } from '../../../utils/library/db';
import { openLibrary } from '../../../utils/library/store';
import type { ReportRow } from '../../../utils/library/types';
import type { Finding } from '../../../utils/report/types';
import type { ScoreRecord } from '../../../utils/score/scorecard';
import { summaryOf } from '../../../utils/score/summary';
import { dbName, makeFinding, makeReport, storedRow } from './builder';

const record: ScoreRecord = {
  year: 2022,
  agencyKind: 'department',
  date: '2023-01-20',
  missingSections: [],
  missingTables: [],
  errors: 1,
  warnings: 2,
  copiedShare: null,
  copiedYear: null,
  corrected: null,
  cases: null,
  disclosed: null,
  handled: null,
};

function v7Row(id: number, findings: Finding[]): ReportRow {
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const errors = findings.filter((f) => f.severity === 'error').length;
  return storedRow(id, {
    url: `https://www.example.gov.cn/scan/${id}.pdf`,
    sourceKind: 'pdf',
    counts: { error: errors, warning: warnings, info: 0, total: errors + warnings, dismissed: 0, confirmed: 0 },
    ruleCounts: Object.fromEntries(findings.map((f) => [f.rule, 1])),
    score: record,
  });
}

describe('migration v7 → v8 (what a scan could not give is not checkable)', () => {
  it('a scan’s unreadScan and read-from-scan warnings leave its data-logic counts; its summary follows; another row stays', async () => {
    const unreadScan: Finding = { ...makeFinding('table-missing', 'warning'), messageId: 'unreadScan' };
    const fromScan: Finding = { ...makeFinding('read-from-scan', 'warning'), messageId: 'finding' };
    const error = makeFinding('applications-balance', 'error');
    const other = makeFinding('late-publication', 'warning');
    const scan = v7Row(1, [unreadScan, fromScan, error]);
    const plain = v7Row(2, [other, makeFinding('narrative-sum', 'warning'), error]);
    const name = dbName();
    const old = new Dexie(name);
    old.version(7).stores(SCHEMA_V7);
    await old.table('reports').bulkAdd([scan, plain]);
    await old.table('bodies').bulkAdd([
      { id: 1, report: makeReport({ year: 2022, url: scan.url }), findings: [unreadScan, fromScan, error] },
      { id: 2, report: makeReport({ year: 2022, url: plain.url }), findings: [other, makeFinding('narrative-sum', 'warning'), error] },
    ]);
    await old.table('summaries').bulkAdd([summaryOf(scan), summaryOf(plain)]);
    old.close();

    const db = openLibrary(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_DB_VERSION);
    const rows = (await db.reports.toArray()).sort((a, b) => a.id! - b.id!);
    // By hand: the scan keeps its one error and loses both warnings; the other row's two warnings stand.
    expect([rows[0]!.score!.errors, rows[0]!.score!.warnings]).toEqual([1, 0]);
    expect(rows[1]).toEqual(plain);
    const summaries = (await db.summaries.toArray()).sort((a, b) => a.id - b.id);
    // Data logic (30 points, 10 an error, 3 a warning): the scan 30 − 10 = 20 of 30 (was 30 − 10 − 6 = 14).
    const dataLogic = (s: (typeof summaries)[number]) => [s.fixed![6], s.fixed![7]];
    expect(dataLogic(summaries[0]!)).toEqual([20, 30]);
    expect(dataLogic(summaries[1]!)).toEqual([14, 30]);
    db.close();
  });
});
