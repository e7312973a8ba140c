import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seedSyntheticLibrary } from '../../../cli/bench/synthetic';
import { allRows, filterRows, getReport, neighboursOf, openLibrary, queryReports, sortRows } from '../../../utils/library/store';
import { dbName } from './builder';

describe('synthetic library and queries', () => {
  it('seeds n plausible reports and answers the library queries', async () => {
    const db = openLibrary(dbName());
    const res = await seedSyntheticLibrary(db, 1500);
    expect(res.count).toBe(1500);
    expect(await db.reports.count()).toBe(1500);
    expect(await db.bodies.count()).toBe(1500);

    const rows = await allRows(db);
    const byAgency = await queryReports(db, { agencies: ['张掖市教育局'] });
    expect(byAgency.length).toBeGreaterThan(0);
    expect(byAgency.every((r) => r.agency === '张掖市教育局')).toBe(true);
    expect(byAgency).toEqual(sortRows(filterRows(rows, { agencies: ['张掖市教育局'] })));

    const y = await queryReports(db, { year: 2015, sort: 'figures.applicationsNew', dir: 'desc' });
    expect(y.length).toBeGreaterThan(0);
    expect(y.every((r) => r.year === 2015)).toBe(true);
    for (let i = 1; i < y.length; i++) expect(y[i - 1].figures.applicationsNew!).toBeGreaterThanOrEqual(y[i].figures.applicationsNew!);

    const errs = await queryReports(db, { hasErrors: true });
    expect(errs.length).toBe(rows.filter((r) => r.counts.error > 0).length);
    const clean = await queryReports(db, { hasErrors: false, region: '成都市', era: '2008' });
    expect(clean.every((r) => r.counts.error === 0 && r.region === '成都市' && r.era === '2008')).toBe(true);
    const search = filterRows(rows, { search: '张掖市 卫生' });
    expect(search.every((r) => r.agency!.includes('张掖市卫生'))).toBe(true);

    // synthetic years chain: next year's carried-over = this year's carried-forward
    const r = (await queryReports(db, { agencies: ['平邑县民政局'], year: 2014 }))[0];
    const full = await getReport(db, r.id!);
    const n = await neighboursOf(db, full!.report);
    expect(n.next?.report.figures.applicationsCarriedOver).toBe(full!.report.figures.applicationsCarriedForward);

    // Rows carry score records, as the library's save writes them: the first year has no last year to
    // compare with; 2015 has 2014 (600 agencies a year).
    expect(rows.every((x) => x.score)).toBe(true);
    expect(r.score!.copiedShare).toBeNull();
    const next = (await queryReports(db, { agencies: ['平邑县民政局'], year: 2015 }))[0];
    expect(next.score!.copiedYear).toBe(2014);
    db.close();
    await db.delete();
  });
});
