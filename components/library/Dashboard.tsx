// Only the Chart.js parts used here are registered, to keep the page small.
import {
  type ActiveElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartEvent,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { errorText } from '@/utils/i18n/errors';
import {
  type Dashboard as DashboardData,
  dashboardOf,
  HISTOGRAM_METRICS,
  type HistogramMetric,
  type YearShare,
} from '@/utils/score/dashboard';
import { type ScoresFilter, scoresHash } from '@/utils/score/view';
import { measureFrom, useLibrary } from './context';
import { useSummaries } from './useSummaries';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
// Readable type: chart text no smaller than 14px.
Chart.defaults.font.size = 14;

const PALETTE = [
  '#1a5fb4',
  '#c64600',
  '#26a269',
  '#813d9c',
  '#a51d2d',
  '#986a44',
  '#0f7b8a',
  '#5e5c64',
  '#e5a50a',
  '#2ec27e',
  '#3584e4',
  '#c061cb',
];

interface Series {
  label: string;
  data: (number | null)[];
}

/** One bar chart; clicking a bar calls onPick with its index (category) and series. */
function BarChart({
  name,
  labels,
  series,
  summary,
  onPick,
  percent = false,
}: {
  name: string;
  labels: string[];
  series: Series[];
  summary: string;
  onPick(index: number, series: number): void;
  percent?: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  // Drawn in a layout effect: the chart is in the first paint of its figure, not one frame after it.
  useLayoutEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: PALETTE[i % PALETTE.length] })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: series.length > 1 } },
        scales: {
          y: {
            beginAtZero: true,
            ...(percent ? { max: 100, ticks: { callback: (v: string | number) => `${v}%` } } : { ticks: { precision: 0 } }),
          },
        },
        onClick: (_e: ChartEvent, elements: ActiveElement[]) => {
          const el = elements[0];
          if (el) pick.current(el.index, el.datasetIndex);
        },
        onHover: (e: ChartEvent, elements: ActiveElement[]) => {
          const target = e.native?.target as HTMLElement | undefined;
          if (target) target.style.cursor = elements.length ? 'pointer' : 'default';
        },
      },
    });
    return () => chart.destroy();
  }, [labels.join('\u0000'), JSON.stringify(series), percent]);
  return (
    <div class="chart-box">
      <canvas ref={canvas} data-chart={name} role="img" aria-label={summary} />
    </div>
  );
}

const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export function Dashboard() {
  const { t, db, locale } = useLibrary();
  const { summaries, error } = useSummaries(db);
  const d = useMemo(() => (summaries ? dashboardOf(summaries) : null), [summaries]);
  return d ? (
    <Charts d={d} />
  ) : error ? (
    <p class="error" role="alert">
      {t.error}
      {errorText(error, locale)}
    </p>
  ) : (
    <p>{t.loading}</p>
  );
}

/** The dashboard's charts, from the reports' summaries (aggregated once per change of the library). */
function Charts({ d }: { d: DashboardData }) {
  const { t } = useLibrary();
  const td = t.dashboard;
  const go = (f: ScoresFilter) => (location.hash = `#${scoresHash(f)}`);
  const regionLabel = (r: string) => r || t.scores.unknownRegion;

  // Benchmark hook: library:start → the first paint with every chart drawn (cli/bench). A layout effect runs after
  // the charts' own (children first), before that paint; the mark is set once the frame after it has run.
  useLayoutEffect(() => {
    if (!performance.getEntriesByName('library:dashboard-rendered').length) {
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.mark('library:dashboard-rendered');
          measureFrom('dashboard:first-render', 'library:start');
        }, 0),
      );
    }
  }, []);

  if (d.total === 0) return <p>{td.empty}</p>;

  const yearShares = (list: YearShare[], name: string, caption: string, filter: (year: number) => ScoresFilter) => (
    <figure class="chart" data-figure-chart={name}>
      <figcaption>{caption}</figcaption>
      <BarChart
        name={name}
        labels={list.map((x) => String(x.year))}
        series={[{ label: td.share, data: list.map((x) => pct(x.share)) }]}
        percent
        summary={`${caption}: ${list.map((x) => `${x.year} ${pct(x.share) ?? '—'}% (${td.of(x.count, x.reports)})`).join('; ')}`}
        onPick={(i) => go(filter(list[i].year))}
      />
      <details>
        <summary>{td.table}</summary>
        <table class="summary">
          <thead>
            <tr>
              <th>{td.year}</th>
              <th class="num">{td.share}</th>
              <th class="num">{td.reports}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((x) => (
              <tr key={x.year}>
                <td>{x.year}</td>
                <td class="num">{pct(x.share) ?? '—'}</td>
                <td class="num">
                  <a href={`#${scoresHash(filter(x.year))}`}>{td.of(x.count, x.reports)}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );

  const histogram = (metric: HistogramMetric, name: string, caption: string) => {
    const h = d.histograms[metric];
    return (
      <figure class="chart" data-figure-chart={name} key={name}>
        <figcaption>{caption}</figcaption>
        <BarChart
          name={name}
          labels={h.labels}
          series={[{ label: td.reports, data: h.counts }]}
          summary={`${caption}: ${h.labels.map((l, i) => `${l} ${h.counts[i]}`).join('; ')}`}
          onPick={(i) => go({ bin: { metric, index: i } })}
        />
        <details>
          <summary>{td.table}</summary>
          <table class="summary">
            <thead>
              <tr>
                <th>{td.range}</th>
                <th class="num">{td.reports}</th>
              </tr>
            </thead>
            <tbody>
              {h.labels.map((l, i) => (
                <tr key={l}>
                  <td>{l}</td>
                  <td class="num">
                    <a href={`#${scoresHash({ bin: { metric, index: i } })}`}>{h.counts[i]}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
    );
  };

  const captions: Record<HistogramMetric, [string, string]> = {
    applicationsNew: ['hist-applications', td.histApplications],
    disclosureRate: ['hist-disclosure-rate', td.histDisclosure],
    correctionRate: ['hist-correction-rate', td.histCorrection],
  };

  return (
    <section data-testid="dashboard" class="dashboard">
      <p class="hint">{td.hint}</p>
      <div class="charts">
        <figure class="chart wide" data-figure-chart="reports-by-region-year">
          <figcaption>{td.byRegionYear}</figcaption>
          <BarChart
            name="reports-by-region-year"
            labels={d.regions.map(regionLabel)}
            series={d.years.map((y, yi) => ({ label: String(y), data: d.regions.map((_, ri) => d.byRegionYear[ri][yi]) }))}
            summary={`${td.byRegionYear}: ${d.regions.map((r, ri) => `${regionLabel(r)} ${d.byRegionYear[ri].reduce((a, b) => a + b, 0)}`).join('; ')}`}
            onPick={(ri, yi) => go({ region: d.regions[ri], year: d.years[yi] })}
          />
          <details>
            <summary>{td.table}</summary>
            <table class="summary">
              <thead>
                <tr>
                  <th>{td.region}</th>
                  {d.years.map((y) => (
                    <th key={y} class="num">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.regions.map((r, ri) => (
                  <tr key={r}>
                    <td>{regionLabel(r)}</td>
                    {d.years.map((y, yi) => (
                      <td key={y} class="num">
                        <a href={`#${scoresHash({ region: r, year: y })}`}>{d.byRegionYear[ri][yi]}</a>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
        {yearShares(d.errorShare, 'error-share-by-year', td.errorShare, (year) => ({ year, errors: true }))}
        {yearShares(d.onTime, 'on-time-by-year', td.onTime, (year) => ({ year, timely: 'onTime' }))}
        {HISTOGRAM_METRICS.map((m) => histogram(m, captions[m][0], captions[m][1]))}
      </div>
    </section>
  );
}
