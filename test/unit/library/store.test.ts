import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../../utils/i18n/errors';
import { regionOf } from '../../../utils/library/agency';
import { LIBRARY_DB_VERSION, SCHEMA_V2 } from '../../../utils/library/db';
import {
  contentHash,
  findingKey,
  findSaved,
  getReport,
  LibraryError,
  linkAgencies,
  linkedAgencies,
  neighboursOf,
  removeReport,
  restoreReport,
  reviewsFor,
  revisionsOf,
  saveReport,
  setReview,
  updateFindings,
} from '../../../utils/library/store';
import { freshLibraries, makeFinding, makeReport } from './builder';

const fresh = freshLibraries();

const URL_A21 = 'http://www.example.gov.cn/a/2021.html';
const URL_A22 = 'http://www.example.gov.cn/a/2022.html';

describe('schema', () => {
  it('opens at the current version with the expected tables and indexes', async () => {
    const db = fresh();
    await db.open();
    expect(db.verno).toBe(LIBRARY_DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'agencyLinks',
      'batchItems',
      'batchRuns',
      'bodies',
      'hierarchyLinks',
      'reports',
      'reviews',
      'summaries',
    ]);
    const idx = db.reports.schema.indexes.map((i) => i.name);
    for (const k of [
      'url',
      '[url+contentHash]',
      'agencyKey',
      '[agencyKey+year]',
      'region',
      'year',
      'era',
      'figures.applicationsNew',
      'counts.error',
    ]) {
      expect(idx).toContain(k);
    }
    expect(db.reports.schema.indexes.find((i) => i.name === '[url+contentHash]')?.unique).toBe(true);
    expect(SCHEMA_V2.bodies).toBe('id');
  });
});

describe('saveReport', () => {
  it('saves, then dedupes the same URL + content as unchanged', async () => {
    const db = fresh();
    const report = makeReport({ url: URL_A21 });
    const first = await saveReport(db, { report, findings: [makeFinding('a')], url: URL_A21 }, { now: new Date('2024-01-01T00:00:00Z') });
    expect(first.status).toBe('saved');
    const again = await saveReport(
      db,
      { report: structuredClone(report), findings: [], url: URL_A21 + '#top' },
      { now: new Date('2024-02-01T00:00:00Z') },
    );
    expect(again).toEqual({ status: 'unchanged', id: first.id, savedAt: '2024-01-01T00:00:00.000Z' });
    expect(await db.reports.count()).toBe(1);
    const saved = await findSaved(db, URL_A21);
    expect(saved?.id).toBe(first.id);
    expect(saved?.contentHash).toBe(contentHash(report));
    expect(saved?.checkedAt).toBe('2024-02-01T00:00:00.000Z');
    // findings refreshed with the latest evaluation
    expect(saved?.findings).toEqual([]);
    expect(saved?.counts.total).toBe(0);
  });

  it('keeps both revisions when the content changed, reporting when the old one was saved', async () => {
    const db = fresh();
    const v1 = makeReport({ url: URL_A21, newApps: 10 });
    const v2 = makeReport({ url: URL_A21, newApps: 11 });
    const a = await saveReport(db, { report: v1, findings: [], url: URL_A21 }, { now: new Date('2024-01-01T00:00:00Z') });
    const b = await saveReport(db, { report: v2, findings: [], url: URL_A21 }, { now: new Date('2024-03-05T00:00:00Z') });
    expect(b.status).toBe('revised');
    expect(b.previousSavedAt).toBe('2024-01-01T00:00:00.000Z');
    expect(b.previousId).toBe(a.id);
    expect(b.id).not.toBe(a.id);
    const revs = await revisionsOf(db, URL_A21);
    expect(revs.map((r) => [r.id, r.latest])).toEqual([
      [b.id, 1],
      [a.id, 0],
    ]);
    expect((await findSaved(db, URL_A21))?.id).toBe(b.id);
    expect((await getReport(db, a.id))?.report.figures.applicationsNew).toBe(10);
    // back to the first content: that revision becomes current again, nothing duplicated
    const c = await saveReport(db, { report: v1, findings: [], url: URL_A21 });
    expect(c).toMatchObject({ status: 'revised', id: a.id, previousId: b.id });
    expect(await db.reports.count()).toBe(2);
    expect((await findSaved(db, URL_A21))?.id).toBe(a.id);
  });

  it('the hash ignores whitespace but not content', () => {
    const r = makeReport();
    const spaced = structuredClone(r);
    spaced.text = spaced.text.replace(/。/g, '。 \n ');
    expect(contentHash(spaced)).toBe(contentHash(r));
    const edited = structuredClone(r);
    edited.tables[0].cells[1].text = '999';
    expect(contentHash(edited)).not.toBe(contentHash(r));
    expect(contentHash(r)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('two tabs saving the same report at once store it once', async () => {
    const db = fresh();
    const report = makeReport({ url: URL_A21 });
    const results = await Promise.all([1, 2, 3].map(() => saveReport(db, { report, findings: [], url: URL_A21 })));
    expect(results.map((r) => r.status).sort()).toEqual(['saved', 'unchanged', 'unchanged']);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.reports.count()).toBe(1);
    expect(await db.bodies.count()).toBe(1);
  });

  it('a quota error becomes a typed Chinese message and leaves no partial record', async () => {
    const db = fresh();
    await saveReport(db, { report: makeReport({ url: URL_A21 }), findings: [], url: URL_A21 });
    db.bodies.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await saveReport(db, { report: makeReport({ url: URL_A22, year: 2022 }), findings: [], url: URL_A22 }).catch((e) => e);
    expect(err).toBeInstanceOf(LibraryError);
    expect(err.code).toBe('quota');
    expect(errorText(err, 'zh-Hans')).toMatch(/存储空间不足/);
    expect(errorText(err, 'zh-Hant')).toMatch(/儲存空間不足/);
    expect(errorText(err, 'en')).toMatch(/Storage is full/);
    expect(await db.reports.count()).toBe(1);
    expect(await db.bodies.count()).toBe(1);
    expect(await findSaved(db, URL_A22)).toBeUndefined();
  });

  it('a database that cannot open gives open-failed', async () => {
    const db = fresh();
    const { toStorageError } = await import('../../../utils/library/errors');
    const e = toStorageError(Object.assign(new Error('x'), { name: 'OpenFailedError' }));
    expect(e.code).toBe('open-failed');
    expect(errorText(e, 'zh-Hans')).toMatch(/无法打开报告库/);
    void db;
  });
});

describe('remove with undo', () => {
  it('removes a report with its body and reviews, and restores it', async () => {
    const db = fresh();
    const f = makeFinding('applications-balance', 'error', { kind: 'cell', quote: '5', table: 0, row: 1, col: 1 });
    const { id } = await saveReport(db, { report: makeReport({ url: URL_A21 }), findings: [f], url: URL_A21 });
    await setReview(db, id, findingKey(f), { status: 'confirmed', note: '核实' });
    const removed = await removeReport(db, id);
    expect(await db.reports.count()).toBe(0);
    expect(await db.bodies.count()).toBe(0);
    expect(await db.reviews.count()).toBe(0);
    await restoreReport(db, removed);
    const back = await findSaved(db, URL_A21);
    expect(back?.id).toBe(id);
    expect(back?.findings).toEqual([f]);
    expect(await reviewsFor(db, id)).toHaveLength(1);
  });

  it('removing the newest revision makes the older one current, undo reverts', async () => {
    const db = fresh();
    const a = await saveReport(db, { report: makeReport({ newApps: 1 }), findings: [], url: URL_A21 });
    const b = await saveReport(db, { report: makeReport({ newApps: 2 }), findings: [], url: URL_A21 });
    const removed = await removeReport(db, b.id);
    expect((await findSaved(db, URL_A21))?.id).toBe(a.id);
    await restoreReport(db, removed);
    expect((await findSaved(db, URL_A21))?.id).toBe(b.id);
    expect((await db.reports.get(a.id))?.latest).toBe(0);
  });

  it('removing a missing id is a not-found LibraryError', async () => {
    const db = fresh();
    await expect(removeReport(db, 999)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('reviews', () => {
  it('persist, exclude dismissed findings from counts, and carry over to a new revision', async () => {
    const db = fresh();
    const f1 = makeFinding('applications-balance', 'error', { kind: 'cell', quote: '5', table: 0, row: 1, col: 1 });
    const f2 = makeFinding('narrative-vs-table', 'warning', { kind: 'text', quote: '收到申请12件', start: 10, end: 17 });
    const { id } = await saveReport(db, { report: makeReport(), findings: [f1, f2], url: URL_A21 });
    expect((await db.reports.get(id))?.counts).toMatchObject({ error: 1, warning: 1, total: 2, dismissed: 0 });
    await setReview(db, id, findingKey(f1), { status: 'dismissed', note: '表格为图片，人工核对无误' });
    await setReview(db, id, findingKey(f2), { status: 'confirmed', note: '' });
    const row = await db.reports.get(id);
    expect(row?.counts).toMatchObject({ error: 0, warning: 1, total: 1, dismissed: 1, confirmed: 1 });
    expect(row?.ruleCounts).toEqual({ 'narrative-vs-table': 1 });
    const reviews = await reviewsFor(db, id);
    expect(reviews.find((r) => r.findingKey === findingKey(f1))).toMatchObject({ status: 'dismissed', note: '表格为图片，人工核对无误' });

    // re-parse: text offsets moved, same quote → same key; the review still applies
    const f2moved = { ...f2, location: { ...f2.location, start: 40, end: 47 } as typeof f2.location };
    expect(findingKey(f2moved)).toBe(findingKey(f2));
    const rev = await saveReport(db, { report: makeReport({ extraText: '新增一句。' }), findings: [f1, f2moved], url: URL_A21 });
    expect(rev.status).toBe('revised');
    expect((await reviewsFor(db, rev.id)).map((r) => r.status).sort()).toEqual(['confirmed', 'dismissed']);
    expect((await db.reports.get(rev.id))?.counts.dismissed).toBe(1);

    await setReview(db, id, findingKey(f1), null);
    expect((await db.reports.get(id))?.counts).toMatchObject({ error: 1, dismissed: 0 });
    await updateFindings(db, id, []);
    expect((await db.reports.get(id))?.counts.total).toBe(0);
  });

  it('findingKey is rule + location and tells report-level findings apart', () => {
    const a = makeFinding('late', 'warning', { kind: 'report' }, '发布晚于期限');
    const b = makeFinding('late', 'warning', { kind: 'report' }, '另一条');
    expect(findingKey(a)).not.toBe(findingKey(b));
    expect(findingKey(makeFinding('x', 'error', { kind: 'cell', quote: '1', table: 2, row: 3, col: 4 }))).toBe('x@cell:2:3:4');
  });

  it('setReview on a missing report is refused', async () => {
    const db = fresh();
    await expect(setReview(db, 42, 'k', { status: 'confirmed', note: '' })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('neighbours and agency links', () => {
  it('finds year − 1 and year + 1 of the same agency, newest revision', async () => {
    const db = fresh();
    await saveReport(db, { report: makeReport({ year: 2020, url: 'u20' }), findings: [], url: 'u20' });
    await saveReport(db, { report: makeReport({ year: 2021, url: URL_A21 }), findings: [], url: URL_A21 });
    await saveReport(db, { report: makeReport({ year: 2022, url: URL_A22, carriedOver: 7 }), findings: [], url: URL_A22 });
    await saveReport(db, { report: makeReport({ year: 2022, url: URL_A22, carriedOver: 8 }), findings: [], url: URL_A22 });
    await saveReport(db, { report: makeReport({ year: 2022, agency: '平邑县教育局', url: 'other' }), findings: [], url: 'other' });
    const n = await neighboursOf(db, makeReport({ year: 2021, url: URL_A21 }));
    expect(n.previous?.report.meta.year).toBe(2020);
    expect(n.previous?.label).toBe('2020年 平邑县卫生健康局');
    expect(n.previous?.url).toBe('u20');
    expect(n.next?.report.figures.applicationsCarriedOver).toBe(8);
    expect(await neighboursOf(db, makeReport({ year: 2018 }))).toEqual({});
    expect(await neighboursOf(db, makeReport({ agency: null }))).toEqual({});
  });

  it('follows user links for renamed agencies', async () => {
    const db = fresh();
    await saveReport(db, { report: makeReport({ agency: '平邑县卫生和计划生育局', year: 2018 }), findings: [], url: 'u18' });
    const r19 = makeReport({ agency: '平邑县卫生健康局', year: 2019 });
    expect((await neighboursOf(db, r19)).previous).toBeUndefined();
    await linkAgencies(db, '平邑县卫生健康局', '平邑县卫生和计划生育局');
    await linkAgencies(db, '平邑县卫生和计划生育局', '平邑县卫生健康局'); // idempotent
    expect(await db.agencyLinks.count()).toBe(1);
    expect((await neighboursOf(db, r19)).previous?.label).toBe('2018年 平邑县卫生和计划生育局');
    await linkAgencies(db, '平邑县卫生和计划生育局', '平邑县卫生局');
    expect([...(await linkedAgencies(db, '平邑县卫生局'))].sort()).toEqual(
      ['平邑县卫生健康局', '平邑县卫生和计划生育局', '平邑县卫生局'].sort(),
    );
  });

  it('reads the region from the agency name', () => {
    expect(regionOf('张掖市卫生健康委员会')).toBe('张掖市');
    expect(regionOf('甘肃省张掖市人民政府')).toBe('甘肃省');
    expect(regionOf('平邑县卫生健康局')).toBe('平邑县');
    expect(regionOf('市卫生健康委')).toBe('');
    expect(regionOf('内蒙古自治区人民政府')).toBe('内蒙古自治区');
    expect(regionOf(null)).toBe('');
  });
});
