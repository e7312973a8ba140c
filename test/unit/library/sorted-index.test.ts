/**
 * The library list and the scorecard sort their rows once per order and filter that sorted list on a
 * filter change (components/library/ReportTable.tsx, ScoresView.tsx): that is the same as filtering then
 * sorting only because both orders are total (ties go by id). This checks it on a synthetic library with
 * many ties (same year, region, counts, missing figures) for every sort key, both directions, and filters.
 */
import { describe, expect, it } from 'vitest';
import { syntheticLibrary } from '../../../cli/bench/synthetic';
import { filterRows, type LibraryQuery, type SortKey, sortRows } from '../../../utils/library/query';
import { FIGURE_KEYS } from '../../../utils/library/types';
import { filterScored, SCORE_SORT_KEYS, type ScoresFilter, scoredRows, sortScored } from '../../../utils/score/view';

const { rows } = syntheticLibrary(600);
// Ids as the database gives them (unique); the tie-break orders by them.
rows.forEach((r, i) => {
  r.id = i + 1;
});
const ids = (xs: { id?: number }[]) => xs.map((r) => r.id);

describe('sort once, then filter: the same rows in the same order as filter, then sort', () => {
  const sample = rows[17]!;
  const queries: LibraryQuery[] = [
    {},
    { year: sample.year! },
    { hasErrors: true },
    { hasErrors: false },
    { region: sample.region },
    { search: sample.agency!.slice(0, 3) },
    { latestOnly: true, year: sample.year! },
  ];
  const keys: SortKey[] = [
    'savedAt',
    'publishedAt',
    'year',
    'agency',
    'region',
    'era',
    ...FIGURE_KEYS.map((k) => `figures.${k}` as SortKey),
    'counts.error',
    'counts.warning',
  ];
  it('library rows', () => {
    for (const key of keys)
      for (const dir of ['asc', 'desc'] as const)
        for (const q of queries) {
          const expected = sortRows(filterRows(rows, q), key, dir);
          expect(expected.length, `${key} ${dir} ${JSON.stringify(q)}`).toBeGreaterThan(0);
          const got = ids(filterRows(sortRows([...rows], key, dir), q));
          expect(got.every((id) => typeof id === 'number')).toBe(true);
          expect(got, `${key} ${dir} ${JSON.stringify(q)}`).toEqual(ids(expected));
        }
  });

  it('scored rows', () => {
    const scored = scoredRows(rows);
    const filters: ScoresFilter[] = [
      {},
      { year: sample.year! },
      { errors: true },
      { errors: false },
      { region: sample.region },
      { timely: 'late' },
    ];
    for (const key of SCORE_SORT_KEYS)
      for (const dir of ['asc', 'desc'] as const)
        for (const f of filters) {
          const expected = sortScored(filterScored(scored, f), key, dir);
          expect(ids(filterScored(sortScored(scored, key, dir), f).map((s) => s.row)), `${key} ${dir} ${JSON.stringify(f)}`).toEqual(
            ids(expected.map((s) => s.row)),
          );
        }
  });
});
