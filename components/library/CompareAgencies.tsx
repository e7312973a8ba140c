import { useMemo, useState } from 'preact/hooks';
import { type SortKey, sortRows } from '@/utils/library/query';
import { FIGURE_KEYS, type ReportRow } from '@/utils/library/types';
import { formatNumber, useLibrary } from './context';

export function CompareAgencies() {
  const { t, rows, openReport } = useLibrary();
  const years = useMemo(() => [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a), [rows]);
  const [year, setYear] = useState<number | null>(null);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'figures.applicationsNew', dir: 'desc' });
  const selected = year ?? years[0] ?? null;
  const list = useMemo(() => {
    const best = new Map<string, ReportRow>();
    for (const r of rows) {
      if (!r.latest || r.year !== selected) continue;
      const key = r.agencyKey || r.url;
      const cur = best.get(key);
      if (!cur || r.savedAt > cur.savedAt) best.set(key, r);
    }
    return sortRows([...best.values()], sort.key, sort.dir);
  }, [rows, selected, sort]);
  const head = (key: SortKey, label: string) => (
    <th class="num" aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button
        type="button"
        class="sort"
        data-sort={key}
        onClick={() => setSort({ key, dir: sort.key === key && sort.dir === 'desc' ? 'asc' : 'desc' })}
      >
        {label}
        {sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  return (
    <section data-testid="compare-agencies">
      <p class="hint">{t.agenciesHint}</p>
      <label>
        {t.chooseYear}{' '}
        <select
          data-testid="compare-year"
          value={selected === null ? '' : String(selected)}
          onChange={(e) => setYear(Number((e.target as HTMLSelectElement).value))}
        >
          {years.map((y) => (
            <option value={String(y)} key={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <div class="table-wrap">
        <table class="compare" data-testid="compare-agencies-table">
          <thead>
            <tr>
              <th>
                <button
                  type="button"
                  class="sort"
                  data-sort="agency"
                  onClick={() => setSort({ key: 'agency', dir: sort.key === 'agency' && sort.dir === 'asc' ? 'desc' : 'asc' })}
                >
                  {t.agency}
                </button>
              </th>
              {FIGURE_KEYS.map((k) => head(`figures.${k}`, t.figures[k]))}
              {head('counts.error', t.counts.error)}
              {head('counts.warning', t.counts.warning)}
              {head('counts.total', t.counts.total)}
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.id} data-report-id={r.id}>
                <td>
                  <button type="button" class="link" onClick={() => openReport(r.id!)}>
                    {r.agency ?? r.url}
                  </button>
                </td>
                {FIGURE_KEYS.map((k) => (
                  <td class="num" key={k}>
                    {formatNumber(r.figures[k])}
                  </td>
                ))}
                <td class="num">{r.counts.error}</td>
                <td class="num">{r.counts.warning}</td>
                <td class="num">{r.counts.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
