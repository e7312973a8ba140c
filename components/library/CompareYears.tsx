import { useMemo, useState } from 'preact/hooks';
import { changeVerdict } from '@/utils/library/change';
import { FIGURE_KEYS, type ReportRow } from '@/utils/library/types';
import type { FigureKey } from '@/utils/report/types';
import { formatNumber, groupKey, useLibrary } from './context';
import { YearChart } from './YearChart';

/** One agency group's newest report per year, oldest year first. */
function reportsByYear(rows: readonly ReportRow[], keys: Set<string>): ReportRow[] {
  const best = new Map<number, ReportRow>();
  for (const r of rows) {
    if (!r.latest || r.year === null || !keys.has(r.agencyKey)) continue;
    const cur = best.get(r.year);
    if (!cur || r.savedAt > cur.savedAt) best.set(r.year, r);
  }
  return [...best.values()].sort((a, b) => a.year! - b.year!);
}

function delta(cur: number | null, prev: number | null | undefined): number | null {
  return cur === null || prev === null || prev === undefined ? null : cur - prev;
}

export function CompareYears({ initialAgency }: { initialAgency?: string }) {
  const { t, rows, groups, openReport } = useLibrary();
  const agencies = useMemo(() => {
    const names = new Map<string, Set<string>>();
    for (const r of rows) {
      if (!r.agencyKey) continue;
      const g = groupKey(groups, r.agencyKey);
      const set = names.get(g) ?? new Set<string>();
      set.add(r.agency ?? r.agencyKey);
      names.set(g, set);
    }
    const collator = new Intl.Collator('zh-Hans-CN');
    return [...names]
      .map(([key, n]) => ({ key, label: [...n].sort(collator.compare).join(' / ') }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [rows, groups]);
  const [agency, setAgency] = useState<string>(initialAgency ?? '');
  const [chartFigure, setChartFigure] = useState<FigureKey>('applicationsNew');
  const selected = agency || agencies[0]?.key || '';
  const keys = groups.get(selected) ?? new Set([selected]);
  const series = useMemo(() => reportsByYear(rows, keys), [rows, selected, groups]);

  return (
    <section data-testid="compare-years">
      <p class="hint">{t.yearsHint}</p>
      <label>
        {t.chooseAgency}{' '}
        <select data-testid="compare-agency" value={selected} onChange={(e) => setAgency((e.target as HTMLSelectElement).value)}>
          {agencies.map((a) => (
            <option value={a.key} key={a.key}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      {series.length === 0 ? (
        <p>{t.noData}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="compare" data-testid="compare-years-table">
              <thead>
                <tr>
                  <th>{t.year}</th>
                  {series.map((r) => (
                    <th key={r.id} data-year={r.year} class="num">
                      <button type="button" class="link" onClick={() => openReport(r.id!)}>
                        {r.year}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[
                  ...FIGURE_KEYS.map((k) => ({ key: k as string, label: t.figures[k], get: (r: ReportRow) => r.figures[k] })),
                  { key: 'counts.error', label: t.counts.error, get: (r: ReportRow) => r.counts.error },
                  { key: 'counts.total', label: t.counts.total, get: (r: ReportRow) => r.counts.total },
                ].map((line) => (
                  <tr key={line.key} data-figure={line.key}>
                    <th scope="row">{line.label}</th>
                    {series.map((r, i) => {
                      const prev = i > 0 && series[i - 1].year === r.year! - 1 ? line.get(series[i - 1]) : undefined;
                      const d = delta(line.get(r), prev);
                      // Coloured by what is good for this figure, not by the sign; the arrow and the word say it too.
                      const verdict = d === null ? null : changeVerdict(line.key, d);
                      return (
                        <td
                          key={r.id}
                          class="num"
                          data-year={r.year}
                          data-value={line.get(r) ?? ''}
                          data-delta={d ?? ''}
                          data-verdict={verdict ?? ''}
                        >
                          {formatNumber(line.get(r))}
                          {d !== null && verdict ? (
                            <span class={`delta ${verdict}`} title={`${t.delta} ${t.change[verdict]}`}>
                              {d > 0 ? '↑' : d < 0 ? '↓' : '='} {d > 0 ? `+${d}` : String(d)}
                              {verdict === 'better' || verdict === 'worse' ? <span class="verdict"> {t.change[verdict]}</span> : null}
                            </span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <label>
            <select
              data-testid="chart-figure"
              value={chartFigure}
              onChange={(e) => setChartFigure((e.target as HTMLSelectElement).value as FigureKey)}
            >
              {FIGURE_KEYS.map((k) => (
                <option value={k} key={k}>
                  {t.figures[k]}
                </option>
              ))}
            </select>
          </label>
          <YearChart
            labels={series.map((r) => String(r.year))}
            values={series.map((r) => r.figures[chartFigure])}
            label={t.figures[chartFigure]}
          />
        </>
      )}
    </section>
  );
}
