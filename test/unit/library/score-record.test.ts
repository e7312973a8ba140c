/**
 * The score record each saved row keeps (ReportRow.score): computed on save, recounted on review, completed
 * when last year's report arrives (re-evaluation), carried through import. Real fixture pages, parsed; the
 * expected values are read from the pages by hand (see test/unit/score/scorecard.test.ts for clean-2021).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { reevaluateNeighbours, reevaluateReport } from '../../../utils/library/evaluate';
import { exportJson, importJson } from '../../../utils/library/exchange';
import { findingKey, linkAgencies, saveReport, setReview, updateFindings } from '../../../utils/library/store';
import { parseDocument } from '../../../utils/parse';
import { unreadablePdfReport } from '../../../utils/pipeline';
import type { Report } from '../../../utils/report/types';
import { applyThresholds, type ScoreRecord } from '../../../utils/score/scorecard';
import { freshLibraries, makeFinding } from './builder';

const fresh = freshLibraries();
const parse = (name: string): Report =>
  parseDocument(htmlToDocument(readFileSync(join(__dirname, '../../fixtures/pages', name), 'utf8'))).report;

// clean-2021.html by hand: 北溪县卫生健康局 (department), 2022, published 2023-01-18 ≤ 2023-01-31; six sections;
// three tables; 表三 总计: 予以公开 25 + 部分公开 5 of 办结 50; 表四 纠正 1 of 3 + 0 of 2 + 0 of 1.
const clean = parse('clean-2021.html');
const CLEAN_URL = 'https://www.example.gov.cn/beixi/2022.html';
/** The items no threshold changes, as [criterion, points]. */
const points = (row: { score?: ScoreRecord }) =>
  applyThresholds(row.score!)
    .items.filter((i) => ['onTime', 'sections', 'tables', 'dataLogic'].includes(i.criterion))
    .map((i) => [i.criterion, i.points]);
const copiedOf = (row: { score?: ScoreRecord }) => ({ share: row.score!.copiedShare, year: row.score!.copiedYear });

describe('the score record on a saved row', () => {
  it('is computed on save: on time, complete, data logic from the findings, the ratios’ counts', async () => {
    const db = fresh();
    const findings = [makeFinding('a', 'error'), makeFinding('b', 'warning', { kind: 'cell', table: 0, row: 1, col: 1, quote: '1' })];
    const { id } = await saveReport(db, { report: clean, findings, url: CLEAN_URL });
    const row = (await db.reports.get(id))!;
    expect(points(row)).toEqual([
      ['onTime', 20],
      ['sections', 18],
      ['tables', 12],
      ['dataLogic', 17],
    ]); // 30 − 10 − 3
    expect(row.score).toMatchObject({ copiedShare: null, corrected: 1, cases: 6, disclosed: 30, handled: 50 });
    // 20 + 18 + 12 + 17 + 纠错率 1/6 ≤ 20% → 5 + 公开率 60% ≥ 50% → 5 = 77,
    // of 20 + 18 + 12 + 30 + 5 + 5 = 90 (copied: 0 of 0, no 2021 saved)
    expect(applyThresholds(row.score!)).toMatchObject({ points: 77, max: 90 });
  });

  it('follows reviews: a dismissed error leaves data logic (27), clearing the review brings it back (17)', async () => {
    const db = fresh();
    const error = makeFinding('a', 'error');
    const { id } = await saveReport(db, {
      report: clean,
      findings: [error, makeFinding('b', 'warning', { kind: 'cell', table: 0, row: 1, col: 1, quote: '1' })],
      url: CLEAN_URL,
    });
    await setReview(db, id, findingKey(error), { status: 'dismissed' });
    expect(points((await db.reports.get(id))!)[3]).toEqual(['dataLogic', 27]);
    await setReview(db, id, findingKey(error), null);
    expect(points((await db.reports.get(id))!)[3]).toEqual(['dataLogic', 17]);
    await updateFindings(db, id, []);
    expect(points((await db.reports.get(id))!)[3]).toEqual(['dataLogic', 30]);
  });

  it('the copied share: last year already saved → at save; saved after → when the neighbours are re-checked', async () => {
    // agency-a-2021.html (江源县农业农村局 2021) and a 2022 report whose text is 2021's word for word: share 1.
    const y2021 = parse('agency-a-2021.html');
    const copy = structuredClone(y2021);
    copy.meta.year = 2022;
    const noRules = () => [];

    const db = fresh();
    await saveReport(db, { report: y2021, findings: [], url: 'https://www.example.gov.cn/jy/2021.html' });
    const later = await saveReport(db, { report: copy, findings: [], url: 'https://www.example.gov.cn/jy/2022.html' });
    expect(copiedOf((await db.reports.get(later.id))!)).toEqual({ share: 1, year: 2021 });

    const db2 = fresh();
    const first = await saveReport(db2, { report: copy, findings: [], url: 'https://www.example.gov.cn/jy/2022.html' });
    expect(copiedOf((await db2.reports.get(first.id))!)).toEqual({ share: null, year: null });
    const earlier = await saveReport(db2, { report: y2021, findings: [], url: 'https://www.example.gov.cn/jy/2021.html' });
    expect(await reevaluateNeighbours(db2, earlier.id, noRules)).toEqual([first.id]);
    const row = (await db2.reports.get(first.id))!;
    expect(copiedOf(row)).toEqual({ share: 1, year: 2021 });
    // 100% ≥ 60%: copied, 0 of 10.
    expect(applyThresholds(row.score!).items.find((i) => i.criterion === 'copied')).toMatchObject({ points: 0, max: 10 });
  });

  it('a renamed agency, once linked, is last year too (re-evaluation picks it up)', async () => {
    const y2021 = parse('agency-a-2021.html');
    const renamed = structuredClone(y2021);
    renamed.meta.year = 2022;
    renamed.meta.agency = '江源县农业和农村局';
    const db = fresh();
    await saveReport(db, { report: y2021, findings: [], url: 'https://www.example.gov.cn/jy/2021.html' });
    const { id } = await saveReport(db, { report: renamed, findings: [], url: 'https://www.example.gov.cn/jy/2022.html' });
    expect(copiedOf((await db.reports.get(id))!)).toEqual({ share: null, year: null });
    await linkAgencies(db, '江源县农业农村局', '江源县农业和农村局');
    await reevaluateReport(db, id, () => []);
    expect(copiedOf((await db.reports.get(id))!)).toEqual({ share: 1, year: 2021 });
  });

  it('import computes it as a save does', async () => {
    const src = fresh();
    const error = makeFinding('a', 'error');
    const { id } = await saveReport(src, { report: clean, findings: [error], url: CLEAN_URL });
    await setReview(src, id, findingKey(error), { status: 'dismissed' });
    const dst = fresh();
    await importJson(dst, await exportJson(src));
    const [row] = await dst.reports.toArray();
    expect(points(row)).toEqual([
      ['onTime', 20],
      ['sections', 18],
      ['tables', 12],
      ['dataLogic', 30],
    ]);
    expect(row.score).toEqual((await src.reports.get(id))!.score);
  });

  it('a finding that says only "published as a picture" never costs data logic, on save, review and rescore', async () => {
    const db = fresh();
    const picture = { ...makeFinding('table-missing', 'error'), messageId: 'image' };
    const error = makeFinding('a', 'error');
    const { id } = await saveReport(db, { report: clean, findings: [picture, error], url: CLEAN_URL });
    // Both stay in the counts the list shows (two errors); the data logic counts only the report's own: 30 − 10.
    expect((await db.reports.get(id))!.counts.error).toBe(2);
    expect(points((await db.reports.get(id))!)[3]).toEqual(['dataLogic', 20]);
    await setReview(db, id, findingKey(error), { status: 'dismissed' });
    expect(points((await db.reports.get(id))!)[3]).toEqual(['dataLogic', 30]);
    await reevaluateReport(db, id, () => [picture]);
    expect(points((await db.reports.get(id))!)[3]).toEqual(['dataLogic', 30]);
  });

  it('a scanned PDF is saved as an unreadable row: scored 0 of 0, kept through export and import', async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/pdf/scanned.pdf')));
    const url = 'https://www.example.gov.cn/nb/scan.pdf';
    const report = unreadablePdfReport(bytes, url, htmlToDocument('<html><body></body></html>'));
    const src = fresh();
    const { id } = await saveReport(src, { report, findings: [], url });
    const row = (await src.reports.get(id))!;
    expect(row.latest).toBe(1);
    expect(row.title).toBe('scan.pdf');
    expect(row.score?.unreadable).toBe('scanned');
    expect(applyThresholds(row.score!)).toMatchObject({ points: 0, max: 0 });
    const dst = fresh();
    await importJson(dst, await exportJson(src));
    const [copy] = await dst.reports.toArray();
    expect(copy.score?.unreadable).toBe('scanned');
  });
});
