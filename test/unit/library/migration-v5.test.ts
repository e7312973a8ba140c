/**
 * v4 → v5: rows saved before the score record get it from their bodies. The v4 database is written with a
 * bare Dexie at version 4 (SCHEMA_V4), rows as v4 wrote them (no `score`), bodies from real fixture pages.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { LIBRARY_DB_VERSION, SCHEMA_V4 } from '../../../utils/library/db';
import { countFindings, reportColumns } from '../../../utils/library/row';
import { findingKey, openLibrary } from '../../../utils/library/store';
import type { ReportRow } from '../../../utils/library/types';
import { parseDocument } from '../../../utils/parse';
import type { Finding, Report } from '../../../utils/report/types';
import { applyThresholds } from '../../../utils/score/scorecard';
import { dbName, makeFinding } from './builder';

const parse = (name: string): Report =>
  parseDocument(htmlToDocument(readFileSync(join(__dirname, '../../fixtures/pages', name), 'utf8'))).report;

function v4Row(id: number, url: string, report: Report, findings: Finding[], savedAt: string, latest: 0 | 1 = 1): ReportRow {
  const { counts, ruleCounts } = countFindings(findings);
  return { id, url, contentHash: `h${id}`, savedAt, checkedAt: savedAt, latest, ...reportColumns(report), counts, ruleCounts };
}

describe('migration v4 → v5 (score records)', () => {
  it('fills every row’s score from its body, reviews and last year (linked names too)', async () => {
    const clean = parse('clean-2021.html');
    const y2021 = parse('agency-a-2021.html');
    // 2022 under a new name, its text 2021's word for word (share 1), linked to the old name.
    const renamed = structuredClone(y2021);
    renamed.meta.year = 2022;
    renamed.meta.agency = '江源县农业和农村局';
    const error = makeFinding('a', 'error');
    const warning = makeFinding('b', 'warning', { kind: 'cell', table: 0, row: 1, col: 1, quote: '1' });

    const name = dbName();
    const old = new Dexie(name);
    old.version(4).stores(SCHEMA_V4);
    await old
      .table('reports')
      .bulkAdd([
        v4Row(1, 'https://www.example.gov.cn/beixi/2022.html', clean, [error, warning], '2023-02-01T08:00:00.000Z'),
        v4Row(2, 'https://www.example.gov.cn/jy/2021.html', y2021, [], '2023-02-01T09:00:00.000Z'),
        v4Row(3, 'https://www.example.gov.cn/jy/2022.html', renamed, [warning], '2023-02-01T10:00:00.000Z'),
      ]);
    await old.table('bodies').bulkAdd([
      { id: 1, report: clean, findings: [error, warning] },
      { id: 2, report: y2021, findings: [] },
      { id: 3, report: renamed, findings: [warning] },
    ]);
    await old
      .table('reviews')
      .add({ reportId: 1, findingKey: findingKey(error), status: 'dismissed', note: '', updatedAt: '2023-02-02T00:00:00.000Z' });
    await old.table('agencyLinks').add({ a: '江源县农业农村局', b: '江源县农业和农村局', createdAt: '2023-02-02T00:00:00.000Z' });
    old.close();

    const db = openLibrary(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_DB_VERSION);
    const rows = (await db.reports.toArray()).sort((a, b) => a.id! - b.id!);
    expect(rows.every((r) => r.score)).toBe(true);

    // clean-2021: error dismissed → data logic 30 − 3 = 27; 20 + 18 + 12 + 27 + 5 + 5 = 87 of 90.
    expect(
      applyThresholds(rows[0].score!)
        .items.slice(0, 4)
        .map((i) => [i.criterion, i.points, i.max]),
    ).toEqual([
      ['onTime', 20, 20],
      ['sections', 18, 18],
      ['tables', 12, 12],
      ['dataLogic', 27, 30],
    ]);
    expect(rows[0].score).toMatchObject({
      year: 2022,
      agencyKind: 'department',
      date: '2023-01-18',
      missingSections: [],
      missingTables: [],
      errors: 0,
      warnings: 1,
    });
    expect(rows[0].score).toMatchObject({ copiedShare: null, corrected: 1, cases: 6, disclosed: 30, handled: 50 });
    expect(applyThresholds(rows[0].score!)).toMatchObject({ points: 87, max: 90 });
    // agency-a 2021: no 2020 saved.
    expect(rows[1].score!.copiedShare).toBeNull();
    // The 2022 copy under the linked name: last year is 2021, word for word.
    expect([rows[2].score!.copiedShare, rows[2].score!.copiedYear]).toEqual([1, 2021]);
    expect(applyThresholds(rows[2].score!).items.find((i) => i.criterion === 'dataLogic')!.points).toBe(27);
    // Everything else is untouched.
    expect(rows.map((r) => [r.id, r.url, r.latest, r.counts.error, r.counts.warning])).toEqual([
      [1, 'https://www.example.gov.cn/beixi/2022.html', 1, 1, 1],
      [2, 'https://www.example.gov.cn/jy/2021.html', 1, 0, 0],
      [3, 'https://www.example.gov.cn/jy/2022.html', 1, 0, 1],
    ]);
    db.close();
    await db.delete();
  });

  it('an empty v4 database upgrades cleanly', async () => {
    const name = dbName();
    const old = new Dexie(name);
    old.version(4).stores(SCHEMA_V4);
    await old.open();
    old.close();
    const db = openLibrary(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_DB_VERSION);
    expect(await db.reports.count()).toBe(0);
    db.close();
    await db.delete();
  });
});
