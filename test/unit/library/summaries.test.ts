/**
 * The library's writes keep every report's summary (what #scores and #dashboard read) in line with its row: after
 * each kind of write the stored summaries are what summaryOf gives of the stored rows, one for one. Values of the
 * first save worked by hand from the synthetic report (builder.ts) and the weights in utils/score/scorecard.ts.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportJson, importJson } from '../../../utils/library/exchange';
import {
  findingKey,
  type LibraryDB,
  removeReport,
  rescoreReport,
  restoreReport,
  saveReport,
  setReview,
  updateFindings,
} from '../../../utils/library/store';
import { readSummaries } from '../../../utils/library/summaries';
import { summaryOf } from '../../../utils/score/summary';
import { scoredSummaries } from '../../../utils/score/view';
import { freshLibraries, makeFinding, makeReport } from './builder';

const fresh = freshLibraries();
const URL_A = 'http://www.example.gov.cn/a.html';
const URL_B = 'http://www.example.gov.cn/b.html';

/** The stored summaries against the stored rows. */
async function inLine(db: LibraryDB): Promise<void> {
  const rows = (await db.reports.toArray()).sort((a, b) => a.id! - b.id!);
  const summaries = (await db.summaries.toArray()).sort((a, b) => a.id - b.id);
  expect(summaries).toEqual(rows.map(summaryOf));
}

describe('summaries follow every write of a report row', () => {
  it('save, revise, review, new findings, re-score, remove, restore, import', async () => {
    const db = fresh();
    const error = makeFinding('carry-over');
    const a = await saveReport(db, { report: makeReport({ year: 2021 }), findings: [error], url: URL_A });
    await inLine(db);
    // 2021 department report published 2022-01-22: on time 20/20; no sections parsed 0/18; only 表三 4/12;
    // one error 30 − 10 = 20/30; 公开率 0 of 11 handled; no 表四, no 2020 report.
    const first = (await db.summaries.get(a.id))!;
    expect(first.fixed).toEqual([20, 20, 0, 18, 4, 12, 20, 30]);
    expect([first.errors, first.copiedShare, first.correctionRate, first.disclosureRate, first.timely]).toEqual([
      1,
      null,
      null,
      0,
      'onTime',
    ]);

    // A new revision of A: the old one is no longer the newest (its summary says so too).
    const a2 = await saveReport(db, { report: makeReport({ year: 2021, newApps: 13 }), findings: [error], url: URL_A });
    expect(a2.status).toBe('revised');
    await inLine(db);
    expect((await db.summaries.get(a.id))!.latest).toBe(0);
    expect((await db.summaries.get(a2.id))!.latest).toBe(1);

    // Dismissing the error gives the data logic its 10 points back.
    await setReview(db, a2.id, findingKey(error), { status: 'dismissed' });
    await inLine(db);
    expect((await db.summaries.get(a2.id))!.fixed!.slice(6)).toEqual([30, 30]);
    expect((await db.summaries.get(a2.id))!.errors).toBe(0);

    await updateFindings(db, a2.id, [error, makeFinding('narrative-vs-table', 'warning', { kind: 'report' }, '另一处')]);
    await inLine(db);
    expect((await db.summaries.get(a2.id))!.warnings).toBe(1);

    // Last year's report saved after this one: re-scoring reads it (the copied share).
    const b = await saveReport(db, { report: makeReport({ year: 2020 }), findings: [], url: URL_B });
    expect(await rescoreReport(db, a2.id)).toBe(true);
    await inLine(db);
    expect((await db.summaries.get(a2.id))!.copiedShare).not.toBeNull();

    // Removing the newest revision brings the older one back as the newest; restoring undoes both.
    const removed = await removeReport(db, a2.id);
    await inLine(db);
    expect(await db.summaries.get(a2.id)).toBeUndefined();
    expect((await db.summaries.get(a.id))!.latest).toBe(1);
    await restoreReport(db, removed);
    await inLine(db);
    expect((await db.summaries.get(a.id))!.latest).toBe(0);

    // An import into an empty library: every row it writes has its summary.
    const text = await exportJson(db);
    const other = fresh();
    const result = await importJson(other, text);
    expect(result.added).toBe(3);
    await inLine(other);
    expect(scoredSummaries(await other.summaries.toArray())).toHaveLength(2);
    expect((await db.summaries.get(b.id))!.year).toBe(2020);
  });
});

describe('readSummaries', () => {
  it('reads the stored summaries; computes them from the rows when a row has none', async () => {
    const db = fresh();
    await saveReport(db, { report: makeReport({ year: 2021 }), findings: [], url: URL_A });
    const stored = await db.summaries.toArray();
    expect(await readSummaries(db)).toEqual(stored);
    // A row written past the library's writes (as a test or a bench may): no summary stored for it.
    const row = { ...(await db.reports.toArray())[0]!, url: URL_B, contentHash: 'other' };
    delete row.id;
    const id = await db.reports.add(row);
    expect(await db.summaries.count()).toBe(1);
    const read = await readSummaries(db);
    expect(read.map((s) => s.id).sort()).toEqual([stored[0]!.id, id].sort());
    expect(read.find((s) => s.id === id)).toEqual(summaryOf({ ...row, id }));
  });
});
