/**
 * Cross-year re-evaluation: after a save, the neighbour years' stored findings gain or lose cross-year
 * findings (carry-over) without the user opening them. Real rules, fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { reevaluateNeighbours } from '../../../utils/library/evaluate';
import {
  findingKey,
  findSaved,
  getReport,
  type LibraryDB,
  neighboursOf,
  reviewsFor,
  saveReport,
  setReview,
} from '../../../utils/library/store';
import { runRules } from '../../../utils/rules';
import { renderFinding } from '../../../utils/rules/render';
import { freshLibraries, makeReport } from './builder';

const fresh = freshLibraries();

const URL_21 = 'http://www.example.gov.cn/a/2021.html';
const URL_22 = 'http://www.example.gov.cn/a/2022.html';
const URL_23 = 'http://www.example.gov.cn/a/2023.html';

/** Save as the background does: findings from the rules with the library's neighbours at that moment. */
async function saveChecked(db: LibraryDB, report: ReturnType<typeof makeReport>) {
  const findings = runRules(report, { neighbours: await neighboursOf(db, report) });
  return saveReport(db, { report, findings, url: report.source.url });
}

const carryOver = async (db: LibraryDB, id: number) => (await getReport(db, id))!.findings.filter((f) => f.rule === 'carry-over');

describe('reevaluateNeighbours', () => {
  it('an earlier year saved after the later one adds carry-over to the later year only, naming the earlier', async () => {
    const db = fresh();
    const b = await saveChecked(db, makeReport({ year: 2022, url: URL_22, carriedOver: 5 }));
    expect(await carryOver(db, b.id)).toEqual([]);
    const a = await saveChecked(db, makeReport({ year: 2021, url: URL_21, carriedForward: 2 }));
    // The gap belongs to 2022: 2021's own check, which sees 2022 as its next year, says nothing of it.
    expect(await carryOver(db, a.id)).toEqual([]);
    // 2022's stored findings do not see 2021 until its neighbours are re-evaluated.
    expect(await carryOver(db, b.id)).toEqual([]);
    expect(await reevaluateNeighbours(db, a.id)).toEqual([b.id]);
    const gained = await carryOver(db, b.id);
    expect(gained.length).toBeGreaterThan(0);
    expect(renderFinding(gained[0], 'zh-Hans')).toContain('2021年');
    expect(gained.every((f) => f.severity === 'error')).toBe(true);
    expect((await getReport(db, b.id))!.counts.error).toBeGreaterThanOrEqual(gained.length);
    expect(await carryOver(db, a.id)).toEqual([]);
  });

  it("a corrected revision of the earlier year removes the later year's carry-over", async () => {
    const db = fresh();
    const a = await saveChecked(db, makeReport({ year: 2021, url: URL_21, carriedForward: 2 }));
    const b = await saveChecked(db, makeReport({ year: 2022, url: URL_22, carriedOver: 5 }));
    expect((await carryOver(db, b.id)).length).toBeGreaterThan(0);
    const errorsBefore = (await getReport(db, b.id))!.counts.error;

    const fixed = await saveChecked(db, makeReport({ year: 2021, url: URL_21, carriedForward: 5 }));
    expect(fixed.status).toBe('revised');
    expect(await reevaluateNeighbours(db, fixed.id)).toEqual([b.id]);
    expect(await carryOver(db, b.id)).toEqual([]);
    expect((await getReport(db, b.id))!.counts.error).toBeLessThan(errorsBefore);
    expect(await carryOver(db, a.id)).toEqual([]);
  });

  it('re-checks both neighbours, keeps reviews of findings that survive, and leaves unrelated agencies alone', async () => {
    const db = fresh();
    const a = await saveChecked(db, makeReport({ year: 2021, url: URL_21, carriedForward: 2 }));
    const c = await saveChecked(db, makeReport({ year: 2023, url: URL_23, carriedOver: 9 }));
    const other = await saveChecked(
      db,
      makeReport({ agency: '平邑县教育局', year: 2021, url: 'http://www.example.gov.cn/b/2021.html', carriedForward: 7 }),
    );
    const otherBefore = await getReport(db, other.id);
    // A review on a 2021 finding that does not depend on the neighbours.
    const kept = (await getReport(db, a.id))!.findings[0];
    expect(kept).toBeDefined();
    await setReview(db, a.id, findingKey(kept), { status: 'dismissed', note: '已核实' });

    const b = await saveChecked(db, makeReport({ year: 2022, url: URL_22, carriedOver: 5, carriedForward: 3 }));
    expect((await reevaluateNeighbours(db, b.id)).sort()).toEqual([a.id, c.id].sort());
    // 2022 → 2023 breaks (3 carried forward, 9 carried over): on 2023 only; 2021 → 2022 (2 against 5) on 2022.
    expect(await carryOver(db, a.id)).toEqual([]);
    expect((await carryOver(db, c.id)).length).toBeGreaterThan(0);
    expect((await carryOver(db, b.id)).length).toBeGreaterThan(0);
    expect(await getReport(db, other.id)).toEqual(otherBefore);
    expect((await reviewsFor(db, a.id)).map((r) => r.findingKey)).toEqual([findingKey(kept)]);
  });

  it('nothing to do for a report without neighbours or an unknown id', async () => {
    const db = fresh();
    const a = await saveChecked(db, makeReport({ year: 2021, url: URL_21 }));
    expect(await reevaluateNeighbours(db, a.id)).toEqual([]);
    expect(await reevaluateNeighbours(db, 999)).toEqual([]);
    expect((await findSaved(db, URL_21))!.id).toBe(a.id);
  });
});
