import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import sample from './fixtures/v1-sample.json';
import { SCHEMA_V1 } from '../../../utils/library/db';
import { findSaved, neighboursOf, openLibrary, queryReports, saveReport, setReview, findingKey } from '../../../utils/library/store';
import { dbName, makeReport } from './builder';

/** Write the frozen v1 sample with a bare Dexie at version 1, as the first release would have. */
async function seedV1(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  await old.table('reports').bulkAdd(structuredClone(sample.reports));
  old.close();
}

describe('migration v1 → v2 (frozen v1 sample)', () => {
  it('moves reports into rows + bodies, derives columns, keeps revisions and ids', async () => {
    const name = dbName();
    await seedV1(name);
    const db = openLibrary(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.reports.count()).toBe(3);
    expect(await db.bodies.count()).toBe(3);
    const rows = (await db.reports.toArray()).sort((a, b) => a.id! - b.id!);
    for (const r of rows) {
      expect(r).not.toHaveProperty('report');
      expect(r).not.toHaveProperty('findings');
    }
    expect(rows.map((r) => [r.id, r.latest, r.previousId])).toEqual([
      [1, 0, undefined],
      [2, 1, undefined],
      [3, 1, 1],
    ]);
    expect(rows[0]).toMatchObject({ region: '张掖市', agencyKey: '张掖市卫生和计划生育委员会', year: 2017, era: '2008', checkedAt: '2019-02-01T08:00:00.000Z' });
    expect(rows[0].counts).toMatchObject({ error: 1, total: 1 });
    expect(rows[2].counts).toMatchObject({ warning: 1, info: 1, total: 2 });
    expect(rows[0].figures.applicationsNew).toBe(5);

    const latest = await findSaved(db, 'http://www.zhangye.gov.cn/wjw/2017.html');
    expect(latest?.id).toBe(3);
    expect(latest?.report.figures.applicationsNew).toBe(6);
    expect(latest?.findings).toHaveLength(2);

    // the migrated database works with the current API
    expect((await queryReports(db, { year: 2017 })).map((r) => r.id).sort()).toEqual([1, 3]);
    await setReview(db, 3, findingKey(latest!.findings[0]), { status: 'dismissed', note: '' });
    expect((await db.reports.get(3))?.counts.total).toBe(1);
    const same = await saveReport(db, { report: structuredClone(latest!.report), findings: latest!.findings, url: latest!.url });
    expect(same).toMatchObject({ status: 'unchanged', id: 3 });
    const n = await neighboursOf(db, makeReport({ agency: '张掖市卫生和计划生育委员会', year: 2018 }));
    expect(n.previous?.id).toBe(3);
    db.close();
    await db.delete();
  });

  it('an empty v1 database upgrades cleanly', async () => {
    const name = dbName();
    const old = new Dexie(name);
    old.version(1).stores(SCHEMA_V1);
    await old.open();
    old.close();
    const db = openLibrary(name);
    expect(await db.reports.count()).toBe(0);
    expect(db.verno).toBe(2);
    db.close();
    await db.delete();
  });
});
