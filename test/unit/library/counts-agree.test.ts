/**
 * One count of a report's findings everywhere (issue 21 item 6): the panel (countBySeverity over countActive),
 * the batch list (countActive at check time, the saved row's counts after) and the scores (the saved row's
 * counts) show the same errors and warnings for the same findings, with a dismissed one left out of all three.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { countBySeverity } from '../../../components/shared/FindingList';
import { allRows, getReport, saveReport, setReview } from '../../../utils/library/store';
import { countActive, findingKey, toReviewMap } from '../../../utils/reviews';
import { scoredRows } from '../../../utils/score/view';
import { freshLibraries, makeFinding, makeReport } from './builder';

const fresh = freshLibraries();

describe('finding counts agree between the panel, the batch list and the scores', () => {
  it('two errors, one warning, one note; then one error dismissed', async () => {
    const db = fresh();
    const findings = [
      makeFinding('carry-over', 'error', { kind: 'report' }, '上年结转对不上'),
      makeFinding('applications-balance', 'error', { kind: 'report' }, '表三不平衡'),
      makeFinding('narrative-vs-table', 'warning'),
      makeFinding('blank-cells', 'info'),
    ];
    const report = makeReport({ year: 2022, url: 'http://www.example.gov.cn/a/2022.html' });
    const saved = await saveReport(db, { report, findings, url: report.source.url });
    // Written by hand: 2 errors, 1 warning, 1 note.
    const panel = countBySeverity(findings);
    const batch = countActive(findings);
    const row = (await allRows(db)).find((r) => r.id === saved.id)!;
    const scores = scoredRows([row])[0]!.row.counts;
    expect(panel).toEqual({ error: 2, warning: 1, info: 1 });
    expect([batch.error, batch.warning]).toEqual([2, 1]);
    expect([row.counts.error, row.counts.warning, row.counts.info]).toEqual([2, 1, 1]);
    expect([scores.error, scores.warning]).toEqual([2, 1]);

    await setReview(db, saved.id, findingKey(findings[0]!), { status: 'dismissed', note: '已核实' });
    const reviews = toReviewMap([{ findingKey: findingKey(findings[0]!), status: 'dismissed', note: '已核实' }]);
    const after = (await getReport(db, saved.id))!;
    expect(countBySeverity(findings, reviews)).toEqual({ error: 1, warning: 1, info: 1 });
    expect([after.counts.error, after.counts.warning, after.counts.info]).toEqual([1, 1, 1]);
    expect(scoredRows([after])[0]!.row.counts.error).toBe(1);
  });
});
