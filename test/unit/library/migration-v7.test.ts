/**
 * v6 → v7: the `summaries` store is added and filled from every row as it is; the rows, bodies and reviews are
 * not changed, and a report saved by the older version shows in #scores with the points it had. The v6 database is
 * written with a bare Dexie at version 6 (SCHEMA_V4), its rows and score records written here by hand.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LIBRARY_DB_VERSION, SCHEMA_V4 } from '../../../utils/library/db';
import { openLibrary } from '../../../utils/library/store';
import type { ReportRow } from '../../../utils/library/types';
import { emptyFigures } from '../../../utils/report/types';
import { type ScoreRecord, unreadableRecord } from '../../../utils/score/scorecard';
import { scoredSummaries } from '../../../utils/score/view';
import { dbName, makeFinding, makeReport, storedRow } from './builder';

const record: ScoreRecord = {
  year: 2022,
  agencyKind: 'department',
  date: '2023-02-10',
  missingSections: [],
  missingTables: ['reviewLitigation'],
  errors: 0,
  warnings: 2,
  copiedShare: 0.7,
  copiedYear: 2021,
  corrected: null,
  cases: null,
  disclosed: 9,
  handled: 10,
};

function v6Row(id: number, o: Partial<ReportRow>): ReportRow {
  return storedRow(id, {
    publishedAt: '2023-02-10',
    figures: { ...emptyFigures(), applicationsNew: 8 },
    counts: { error: 0, warning: 2, info: 1, total: 3, dismissed: 0, confirmed: 0 },
    ruleCounts: { 'late-publication': 1, 'narrative-vs-table': 1, 'outdated-format': 1 },
    ...o,
  });
}

describe('migration v6 → v7 (summaries)', () => {
  it('fills a summary per row; rows and bodies are left as they were', async () => {
    const rows = [
      v6Row(1, { score: record }),
      v6Row(2, { latest: 0, score: { ...record, warnings: 3 } }),
      v6Row(3, { agency: null, agencyKey: '', title: '无名报告', figures: emptyFigures() }),
      v6Row(4, { url: 'https://www.example.gov.cn/nb/scan.pdf', sourceKind: 'pdf', score: unreadableRecord('scanned') }),
    ];
    // Each body's findings as its record counts them (two or three warnings), so later upgrades that recount (v8) agree.
    const bodies = rows.map((r) => ({
      id: r.id!,
      report: makeReport({ year: 2022, url: r.url }),
      findings: Array.from({ length: r.score?.warnings ?? 0 }, (_, i) => makeFinding(`rule-${i}`, 'warning')),
    }));
    const name = dbName();
    const old = new Dexie(name);
    old.version(6).stores(SCHEMA_V4);
    await old.table('reports').bulkAdd(rows);
    await old.table('bodies').bulkAdd(bodies);
    old.close();

    const db = openLibrary(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_DB_VERSION);
    expect((await db.reports.toArray()).sort((a, b) => a.id! - b.id!)).toEqual(rows);
    expect((await db.bodies.toArray()).sort((a, b) => a.id - b.id)).toEqual(bodies);
    const s = (await db.summaries.toArray()).sort((a, b) => a.id - b.id);
    expect(s.map((x) => x.id)).toEqual([1, 2, 3, 4]);
    // Row 1, by hand: a 2022 department published 2023-02-10, after 2023-01-31: late by 10 days, 0 of 20; six
    // sections 18/18; 表四 missing: 8 of 12; two warnings: 30 − 6 = 24 of 30; copied 70%; no cases; 公开率 9/10.
    expect(s[0]).toEqual({
      id: 1,
      latest: 1,
      url: 'https://www.example.gov.cn/nb/1.html',
      agency: '江源县农业农村局',
      agencyKey: '江源县农业农村局',
      region: '江源县',
      year: 2022,
      errors: 0,
      warnings: 2,
      applicationsNew: 8,
      fixed: [0, 20, 18, 18, 8, 12, 24, 30],
      copiedShare: 0.7,
      correctionRate: null,
      disclosureRate: 0.9,
      timely: 'late',
      daysLate: 10,
    });
    expect(s[1]!.latest).toBe(0);
    // Row 3 was saved without a score record: a summary without a score, its title kept (no agency).
    expect(s[2]).toEqual({
      id: 3,
      latest: 1,
      url: 'https://www.example.gov.cn/nb/3.html',
      agency: null,
      title: '无名报告',
      agencyKey: '',
      region: '江源县',
      year: 2022,
      errors: 0,
      warnings: 2,
      applicationsNew: null,
    });
    expect(s[3]!.notCheckable).toBe('scanned');

    // #scores shows the older version's reports: row 1 under the default thresholds: copied 70% ≥ 60% → 0 of 10;
    // 公开率 90% ≥ 50% → 5 of 5: 0 + 18 + 8 + 24 + 0 + 5 = 55 of 20 + 18 + 12 + 30 + 10 + 5 = 95. The scan 0 of 0.
    const scored = scoredSummaries(s);
    expect(scored.map((x) => [x.row.id, x.points, x.max])).toEqual([
      [1, 55, 95],
      [4, 0, 0],
    ]);
    db.close();
    await db.delete();
  });
});
