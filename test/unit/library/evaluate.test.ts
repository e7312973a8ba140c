/**
 * Cross-year re-evaluation: after a save, the neighbour years' stored findings gain or lose cross-year
 * findings (carry-over) without the user opening them. Real rules, fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { reevaluateNeighbours } from '../../../utils/library/evaluate';
import { findSaved, findingKey, getReport, neighboursOf, reviewsFor, saveReport, setReview, type LibraryDB } from '../../../utils/library/store';
import { runRules } from '../../../utils/rules';
import { freshLibraries, makeReport } from './builder';
import { renderFinding } from '../../../utils/rules/render';

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
  it('a later year saved with a carry-over mismatch adds carry-over to the earlier year, naming it', async () => {
    const db = fresh();
    const a = await saveChecked(db, makeReport({ year: 2021, url: URL_21, carriedForward: 2 }));
    expect(await carryOver(db, a.id)).toEqual([]);
    const b = await saveChecked(db, makeReport({ year: 2022, url: URL_22, carriedOver: 5 }));
    // The 2022 save itself already sees 2021.
    expect((await carryOver(db, b.id)).length).toBeGreaterThan(0);
    // 2021's stored findings do not, until its neighbours are re-evaluated.
    expect(await carryOver(db, a.id)).toEqual([]);
    expect(await reevaluateNeighbours(db, b.id)).toEqual([a.id]);
    const gained = await carryOver(db, a.id);
    expect(gained.length).toBeGreaterThan(0);
    expect(renderFinding(gained[0], 'zh-Hans')).toContain('2022');
    // The stored counts follow the findings.
    expect((await getReport(db, a.id))!.counts.error).toBeGreaterThanOrEqual(gained.length);
  });

  it('a corrected revision of the later year removes the earlier year\'s carry-over', async () => {
    const db = fresh();
    const a = await saveChecked(db, makeReport({ year: 2021, url: URL_21, carriedForward: 2 }));
    const b = await saveChecked(db, makeReport({ year: 2022, url: URL_22, carriedOver: 5 }));
    await reevaluateNeighbours(db, b.id);
    expect((await carryOver(db, a.id)).length).toBeGreaterThan(0);
    const errorsBefore = (await getReport(db, a.id))!.counts.error;

    const fixed = await saveChecked(db, makeReport({ year: 2022, url: URL_22, carriedOver: 2 }));
    expect(fixed.status).toBe('revised');
    expect(await reevaluateNeighbours(db, fixed.id)).toEqual([a.id]);
    expect(await carryOver(db, a.id)).toEqual([]);
    expect((await getReport(db, a.id))!.counts.error).toBeLessThan(errorsBefore);
  });

  it('re-checks both neighbours, keeps reviews of findings that survive, and leaves unrelated agencies alone', async () => {
    const db = fresh();
    const a = await saveChecked(db, makeReport({ year: 2021, url: URL_21, carriedForward: 2 }));
    const c = await saveChecked(db, makeReport({ year: 2023, url: URL_23, carriedOver: 9 }));
    const other = await saveChecked(db, makeReport({ agency: '平邑县教育局', year: 2021, url: 'http://www.example.gov.cn/b/2021.html', carriedForward: 7 }));
    const otherBefore = await getReport(db, other.id);
    // A review on a 2021 finding that does not depend on the neighbours.
    const kept = (await getReport(db, a.id))!.findings[0];
    expect(kept).toBeDefined();
    await setReview(db, a.id, findingKey(kept), { status: 'dismissed', note: '已核实' });

    const b = await saveChecked(db, makeReport({ year: 2022, url: URL_22, carriedOver: 5, carriedForward: 3 }));
    expect((await reevaluateNeighbours(db, b.id)).sort()).toEqual([a.id, c.id].sort());
    expect((await carryOver(db, a.id)).length).toBeGreaterThan(0);
    expect((await carryOver(db, c.id)).length).toBeGreaterThan(0);
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
