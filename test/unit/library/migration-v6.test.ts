/**
 * v5 → v6: rows scored before "not checkable" existed stop paying for what the tool could not read. The v5
 * database is written with a bare Dexie at version 5 (SCHEMA_V4), score records as v5 wrote them (written here
 * by hand: the picture error counted, no unread tables), bodies from a real fixture page.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';
import { LIBRARY_DB_VERSION, SCHEMA_V4 } from '../../../utils/library/db';
import { countFindings, reportColumns } from '../../../utils/library/row';
import { openLibrary } from '../../../utils/library/store';
import type { ReportRow } from '../../../utils/library/types';
import { parseDocument } from '../../../utils/parse';
import type { Finding, Report } from '../../../utils/report/types';
import { applyThresholds, type ScoreRecord } from '../../../utils/score/scorecard';
import { dbName, makeFinding } from './builder';

const page = readFileSync(join(__dirname, '../../fixtures/pages/clean-2021.html'), 'utf8');
/** clean-2021.html with the applications table (section 三) pasted as a picture. */
const pictured = (() => {
  const start = page.indexOf('<table', page.indexOf('三、收到和处理政府信息公开申请情况'));
  const end = page.indexOf('</table>', start) + '</table>'.length;
  return page.slice(0, start) + '<p><img src="table3.png" alt=""></p>' + page.slice(end);
})();
const parse = (html: string): Report => parseDocument(htmlToDocument(html)).report;

// As v5 scored clean-2021 (by hand: 北溪县卫生健康局, department, 2023-01-18, 表四 纠正 1 of 6, 公开率 30 of 50).
const v5Score = (o: Partial<ScoreRecord>): ScoreRecord => ({
  year: 2022,
  agencyKind: 'department',
  date: '2023-01-18',
  missingSections: [],
  missingTables: [],
  errors: 0,
  warnings: 0,
  copiedShare: null,
  copiedYear: null,
  corrected: 1,
  cases: 6,
  disclosed: 30,
  handled: 50,
  ...o,
});

function v5Row(id: number, url: string, report: Report, findings: Finding[], score: ScoreRecord): ReportRow {
  const { counts, ruleCounts } = countFindings(findings);
  return {
    id,
    url,
    contentHash: `h${id}`,
    savedAt: '2023-02-01T08:00:00.000Z',
    checkedAt: '2023-02-01T08:00:00.000Z',
    latest: 1,
    ...reportColumns(report),
    counts,
    ruleCounts,
    score,
  };
}

describe('migration v5 → v6 (not checkable)', () => {
  it('a picture table stops costing points; a row with nothing unread is untouched', async () => {
    const picture: Finding = { ...makeFinding('table-missing', 'error'), messageId: 'image' };
    const error = makeFinding('a', 'error');
    // v5: the picture error counted (30 − 20 = 10), 表三 missing (2 × 4 of 12), no 公开率 (no 表三).
    const before = v5Score({ missingTables: ['applications'], errors: 2, disclosed: null, handled: null });
    const clean = v5Score({ errors: 1 });
    const name = dbName();
    const old = new Dexie(name);
    old.version(5).stores(SCHEMA_V4);
    await old
      .table('reports')
      .bulkAdd([
        v5Row(1, 'https://www.example.gov.cn/beixi/pictured.html', parse(pictured), [picture, error], before),
        v5Row(2, 'https://www.example.gov.cn/beixi/2022.html', parse(page), [error], clean),
      ]);
    await old.table('bodies').bulkAdd([
      { id: 1, report: parse(pictured), findings: [picture, error] },
      { id: 2, report: parse(page), findings: [error] },
    ]);
    expect(
      applyThresholds(before)
        .items.slice(2, 4)
        .map((i) => [i.criterion, i.points, i.max]),
    ).toEqual([
      ['tables', 8, 12],
      ['dataLogic', 10, 30],
    ]);
    old.close();

    const db = openLibrary(name);
    await db.open();
    expect(db.verno).toBe(LIBRARY_DB_VERSION);
    const rows = (await db.reports.toArray()).sort((a, b) => a.id! - b.id!);
    expect(rows[0].score).toEqual({ ...before, errors: 1, unreadableTables: [{ table: 'applications', why: 'picture' }] });
    // Now: the picture is neither present nor missing (8 of 8), and only the report's own error costs (30 − 10).
    expect(
      applyThresholds(rows[0].score!)
        .items.slice(2, 4)
        .map((i) => [i.criterion, i.points, i.max]),
    ).toEqual([
      ['tables', 8, 8],
      ['dataLogic', 20, 30],
    ]);
    expect(rows[0].counts.error).toBe(2); // the list's counts are the findings' own: untouched
    expect(rows[1].score).toEqual(clean);
    db.close();
    await db.delete();
  });
});
