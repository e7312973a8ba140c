/**
 * v8 → v9: on a scan read by OCR, a section or table not found is not judged (neither present nor missing). The
 * v8 database is written with a bare Dexie at version 8 (SCHEMA_V7), its score records and summaries as v8 kept
 * them (written here by hand: every section and two tables counted missing); a typed report's row is left alone.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_V7 } from '../../../utils/library/db';
import { openLibrary } from '../../../utils/library/store';
import type { ReportRow } from '../../../utils/library/types';
import type { ScoreRecord } from '../../../utils/score/scorecard';
import { summaryOf } from '../../../utils/score/summary';
import { dbName, makeReport, storedRow } from './builder';

// The synthetic report has no section headings and only table 三: as v8 recorded it.
const record: ScoreRecord = {
  year: 2022,
  agencyKind: 'department',
  date: '2023-01-20',
  missingSections: ['overview', 'active', 'applications', 'review', 'problems', 'other'],
  missingTables: ['activeDisclosure', 'reviewLitigation'],
  errors: 0,
  warnings: 0,
  copiedShare: null,
  copiedYear: null,
  corrected: null,
  cases: null,
  disclosed: 0,
  handled: 11,
};

function v8Row(id: number): ReportRow {
  return storedRow(id, { url: `https://www.example.gov.cn/r/${id}.pdf`, sourceKind: 'pdf', score: record });
}

describe('migration v8 → v9 (what a scan did not show is not judged)', () => {
  it('a scan’s missing sections and tables leave the completeness items; its summary follows; a typed row stays', async () => {
    const scanned = makeReport({ year: 2022 });
    scanned.source = { ...scanned.source, kind: 'pdf', ocrPages: 2 };
    const scan = v8Row(1);
    const typed = v8Row(2);
    const name = dbName();
    const old = new Dexie(name);
    old.version(8).stores(SCHEMA_V7);
    await old.table('reports').bulkAdd([scan, typed]);
    await old.table('bodies').bulkAdd([
      { id: 1, report: scanned, findings: [] },
      { id: 2, report: makeReport({ year: 2022 }), findings: [] },
    ]);
    await old.table('summaries').bulkAdd([summaryOf(scan), summaryOf(typed)]);
    old.close();

    const db = openLibrary(name);
    await db.open();
    expect(db.verno).toBe(9);
    const rows = (await db.reports.toArray()).sort((a, b) => a.id! - b.id!);
    expect(rows[0]!.score!.unreadSections).toEqual(['overview', 'active', 'applications', 'review', 'problems', 'other']);
    expect(rows[0]!.score!.unreadableTables).toEqual([
      { table: 'activeDisclosure', why: 'scan' },
      { table: 'reviewLitigation', why: 'scan' },
    ]);
    expect(rows[1]).toEqual(typed);
    const summaries = (await db.summaries.toArray()).sort((a, b) => a.id - b.id);
    // Sections (3 each) and tables (4 each), by hand. The scan: no section judged, 0 of 0; table 三 alone, 4 of 4.
    // The typed report keeps 0 of 18 and 4 of 12.
    const completeness = (s: (typeof summaries)[number]) => s.fixed!.slice(2, 6);
    expect(completeness(summaries[0]!)).toEqual([0, 0, 4, 4]);
    expect(completeness(summaries[1]!)).toEqual([0, 18, 4, 12]);
    db.close();
  });
});
