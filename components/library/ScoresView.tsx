import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { errorText } from '@/utils/i18n/errors';
import { agencyGroups, listAgencyLinks } from '@/utils/library/store';
import { binLabels } from '@/utils/score/dashboard';
import { applyThresholds } from '@/utils/score/scorecard';
import { DEFAULT_THRESHOLDS, normaliseThresholds, type ScoreThresholds } from '@/utils/score/thresholds';
import {
  filterScored,
  filterUnscored,
  formatRate,
  parseScoresQuery,
  type ScoredRow,
  type ScoreSortKey,
  type ScoresFilter,
  scoredSummaries,
  scoreReason,
  scoresCsv,
  scoresHash,
  sortScored,
  type UnscoredRow,
} from '@/utils/score/view';
import { getSettings, updateSettings, watchSettings } from '@/utils/settings';
import { httpHref, unscoredRows } from './batch-model';
import { measureFrom, useLibrary } from './context';
import { download, stamp } from './ImportExport';
import { useLive } from './useLive';
import { useSummaries } from './useSummaries';

const PAGE = 50;
const COLUMNS: { key: ScoreSortKey; numeric?: boolean }[] = [
  { key: 'agency' },
  { key: 'region' },
  { key: 'year', numeric: true },
  { key: 'score', numeric: true },
  { key: 'timely' },
  { key: 'findings', numeric: true },
  { key: 'correctionRate', numeric: true },
  { key: 'disclosureRate', numeric: true },
];

const sameThresholds = (a: ScoreThresholds | null, b: ScoreThresholds) =>
  !!a && a.correctionRate === b.correctionRate && a.disclosureRate === b.disclosureRate && a.copiedShare === b.copiedShare;

/**
 * The thresholds setting (storage.local), live: edits here or in another page apply at once. null until read:
 * every row is scored once, under the stored thresholds (not first under the defaults and again), and not again
 * when another setting changes (the language): 10,000 rows cost as much to score as to load.
 */
function useThresholds(): [ScoreThresholds | null, (t: ScoreThresholds) => void] {
  const [thresholds, setThresholds] = useState<ScoreThresholds | null>(null);
  const keep = (t: ScoreThresholds) => setThresholds((old) => (sameThresholds(old, t) ? old : t));
  useEffect(() => {
    let live = true;
    getSettings()
      .then((s) => live && keep(s.scoreThresholds))
      .catch(() => live && keep(DEFAULT_THRESHOLDS));
    const stop = watchSettings((s) => keep(s.scoreThresholds));
    return () => {
      live = false;
      stop();
    };
  }, []);
  const save = (t: ScoreThresholds) => {
    keep(t);
    void updateSettings({ scoreThresholds: t }).catch(() => undefined);
  };
  return [thresholds, save];
}

function ThresholdInput({
  value,
  label,
  name,
  onChange,
}: {
  value: number;
  label: string;
  name: keyof ScoreThresholds;
  onChange(v: number): void;
}) {
  return (
    <label class="threshold">
      {label}{' '}
      <input
        type="number"
        min={0}
        max={100}
        step={1}
        data-threshold={name}
        value={Math.round(value * 1000) / 10}
        onChange={(e) => {
          const n = Number((e.target as HTMLInputElement).value);
          if (Number.isFinite(n) && n >= 0 && n <= 100) onChange(n / 100);
        }}
      />
    </label>
  );
}

/** An explained row's items and reasons, worded from the row's score record (read when the row is opened). */
function ScoreExplain({ s, thresholds }: { s: ScoredRow; thresholds: ScoreThresholds }) {
  const { t, locale, db } = useLibrary();
  const ts = t.scores;
  const stored = useLive(() => (s.card ? Promise.resolve(undefined) : db.reports.get(s.row.id!)), [s.row.id, s.card]).value;
  const card = s.card ?? (stored?.score ? applyThresholds(stored.score, thresholds) : undefined);
  if (!card) return <p>{t.loading}</p>;
  return (
    <div data-score-explain>
      <p class="score-total" data-score-total>
        {ts.totalPoints(card.points, card.max)}
      </p>
      <ul class="criteria">
        {card.items.map((i) => (
          <li
            key={i.criterion}
            data-criterion={i.criterion}
            data-points={i.points}
            data-max={i.max}
            class={i.max === 0 ? 'unscored' : i.points < i.max ? 'lost' : 'full'}
          >
            <span class="criterion">{ts.criteria[i.criterion] ?? i.criterion}</span>
            <span class="points">
              {i.points} / {i.max}
            </span>
            <span class="reason">{scoreReason(i, locale)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ScoreRow({ s, open, onToggle, thresholds }: { s: ScoredRow; open: boolean; onToggle(): void; thresholds: ScoreThresholds }) {
  const { t, openReport } = useLibrary();
  const ts = t.scores;
  const { row } = s;
  const unread = s.notCheckable;
  return (
    <tbody data-score-row data-report-id={row.id} data-open={open ? 'true' : 'false'}>
      <tr>
        <td>
          <button type="button" class="link" onClick={() => openReport(row.id!)}>
            {row.agency ?? row.title ?? row.url}
          </button>
        </td>
        <td>{row.region || ts.unknownRegion}</td>
        <td class="num">{row.year ?? ''}</td>
        <td class="num score-cell">
          {/* The share of the maximum is what ranks (maximums differ); the points are in the explanation. */}
          <span
            data-score={s.points}
            data-score-max={s.max}
            data-score-share={s.share === null ? '' : String(Math.round(s.share * 1000) / 10)}
          >
            <strong>{formatRate(s.share) || ts.unknown}</strong>
          </span>{' '}
          {/* Grey, never red: what the tool could not read is not the report's error and costs nothing. */}
          {unread === 'scanned' || unread.length ? (
            <span
              class="not-checkable"
              data-not-checkable={unread === 'scanned' ? 'scanned' : unread.join(' ')}
              title={unread === 'scanned' ? ts.scannedTitle : ts.tablesTitle(unread.length)}
            >
              {ts.notCheckable}
            </span>
          ) : null}{' '}
          <button type="button" data-action="explain-score" aria-expanded={open} onClick={onToggle}>
            {open ? ts.hide : ts.explain}
          </button>
        </td>
        <td class={s.timely === 'late' ? 'late' : undefined}>
          {s.timely === null ? ts.unknown : s.timely === 'onTime' ? ts.onTime : ts.late(s.daysLate)}
        </td>
        <td class="num">
          <span class={row.counts.error ? 'count-error' : undefined}>{row.counts.error}</span> / {row.counts.warning}
        </td>
        <td class="num">{formatRate(s.correctionRate) || ts.unknown}</td>
        <td class="num">{formatRate(s.disclosureRate) || ts.unknown}</td>
      </tr>
      {open ? (
        <tr class="explain-row">
          <td colSpan={COLUMNS.length}>
            <ScoreExplain s={s} thresholds={thresholds} />
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

/** A row with no score (a failed batch item, an expected agency with no report): its reason where the score would be. */
function UnscoredLine({ u }: { u: UnscoredRow }) {
  const { t } = useLibrary();
  const ts = t.scores;
  const href = httpHref(u.url);
  return (
    <tbody data-unscored-row data-kind={u.kind}>
      <tr>
        <td>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {u.agency ?? u.url}
            </a>
          ) : (
            u.agency
          )}
        </td>
        <td>{u.region || ts.unknownRegion}</td>
        <td class="num">{u.year ?? ''}</td>
        <td class="num score-cell">
          <span class="not-checkable">{u.kind === 'failed' ? ts.unscoredFailed : ts.unscoredMissing}</span>
        </td>
        <td colSpan={COLUMNS.length - 4} data-unscored-reason>
          {ts.note}：{u.reason}
        </td>
      </tr>
    </tbody>
  );
}

export function ScoresView({ query }: { query: string }) {
  const { t, locale, db } = useLibrary();
  const { summaries, error } = useSummaries(db);
  const ts = t.scores;
  const [read, setThresholds] = useThresholds();
  const thresholds = read ?? DEFAULT_THRESHOLDS;
  const [sort, setSort] = useState<{ key: ScoreSortKey; dir: 'asc' | 'desc' }>({ key: 'score', dir: 'desc' });
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const filter = useMemo(() => parseScoresQuery(query), [query]);

  // Scored once every summary is in and the thresholds are read (both are asked for at once).
  const ready = !!read && !!summaries;
  const scored = useMemo(() => (read && summaries ? scoredSummaries(summaries, read) : []), [summaries, read]);
  const options = useMemo(() => {
    const collator = new Intl.Collator('zh-Hans-CN');
    return {
      regions: [...new Set(scored.map((s) => s.row.region))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b))),
      years: [...new Set(scored.map((s) => s.row.year).filter((y): y is number => y !== null))].sort((a, b) => b - a),
    };
  }, [scored]);
  // Sorted once per scored rows and order; a filter change only filters that order (total: ties go by id).
  const sorted = useMemo(() => sortScored(scored, sort.key, sort.dir), [scored, sort]);
  const visible = useMemo(() => filterScored(sorted, filter), [sorted, filter]);
  // Failed batch items and expected agencies with no report: shown after the scored rows, with their reason.
  const runs = useLive(() => db.batchRuns.toArray(), []).value;
  const items = useLive(() => db.batchItems.toArray(), []).value;
  const links = useLive(() => listAgencyLinks(db), []).value;
  const unscored = useMemo(
    () =>
      // No batch run: nothing failed or missing (and no 10,000-row pass to say so).
      summaries && runs && items && (runs.length || items.length)
        ? filterUnscored(unscoredRows(runs, items, summaries, agencyGroups(links ?? []), t, locale), filter)
        : [],
    [summaries, runs, items, links, t, locale, filter],
  );

  // Benchmark hook: library:start → the first paint of the scored scorecard (cli/bench). A layout effect runs before
  // that paint; the mark is set once the frame after it has run (an effect would wait a frame more).
  useLayoutEffect(() => {
    if (ready && !performance.getEntriesByName('library:scores-rendered').length) {
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.mark('library:scores-rendered');
          measureFrom('scores:first-render', 'library:start');
        }, 0),
      );
    }
  }, [ready]);

  const go = (patch: Partial<ScoresFilter>) => {
    const next: ScoresFilter = { ...filter, ...patch };
    for (const k of Object.keys(patch) as (keyof ScoresFilter)[]) if (patch[k] === undefined) delete next[k];
    setLimit(PAGE);
    location.hash = `#${scoresHash(next)}`;
  };
  const sortBy = (key: ScoreSortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'desc' ? 'asc' : 'desc' }));
  const toggle = (id: number) =>
    setOpen((o) => {
      const n = new Set(o);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const extra: string[] = [];
  if (filter.bin)
    extra.push(
      `${ts.bin}: ${ts.criteria[filter.bin.metric] ?? t.figures.applicationsNew} ${binLabels(filter.bin.metric)[filter.bin.index] ?? ''}`,
    );
  if (filter.errors !== undefined) extra.push(filter.errors ? ts.withErrors : ts.withoutErrors);
  if (filter.timely) extra.push(filter.timely === 'onTime' ? ts.onTime : ts.late(null));

  if (!ready)
    return (
      <section data-testid="scores-view" class="scores">
        {error ? (
          <p class="error" role="alert">
            {t.error}
            {errorText(error, locale)}
          </p>
        ) : (
          <p>{t.loading}</p>
        )}
      </section>
    );
  return (
    <section data-testid="scores-view" class="scores">
      <p class="hint">{ts.hint}</p>
      <div class="filters">
        <select
          aria-label={t.allRegions}
          data-filter="region"
          value={filter.region ?? '\u0000'}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            go({ region: v === '\u0000' ? undefined : v });
          }}
        >
          <option value={'\u0000'}>{t.allRegions}</option>
          {options.regions.map((r) => (
            <option key={r} value={r}>
              {r || ts.unknownRegion}
            </option>
          ))}
        </select>
        <select
          aria-label={t.allYears}
          data-filter="year"
          value={filter.year === undefined ? '' : String(filter.year)}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            go({ year: v ? Number(v) : undefined });
          }}
        >
          <option value="">{t.allYears}</option>
          {options.years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
        {extra.length ? (
          <span class="chip" data-testid="scores-extra-filter">
            {ts.filtered}: {extra.join('，')}{' '}
            <button type="button" onClick={() => go({ bin: undefined, errors: undefined, timely: undefined })}>
              {ts.clearFilter}
            </button>
          </span>
        ) : null}
        <button
          type="button"
          data-action="export-scores"
          onClick={() => download(scoresCsv(visible, unscored), `report-lens-scores-${stamp()}.csv`, 'text/csv;charset=utf-8')}
        >
          {ts.exportCsv}
        </button>
        <span data-testid="scores-count" data-count={visible.length}>
          {t.shown(Math.min(limit, visible.length), visible.length)}
        </span>
      </div>
      <fieldset class="filters thresholds">
        <legend>{ts.thresholds}</legend>
        <ThresholdInput
          name="correctionRate"
          label={ts.correctionThreshold}
          value={thresholds.correctionRate}
          onChange={(v) => setThresholds(normaliseThresholds({ ...thresholds, correctionRate: v }))}
        />
        <ThresholdInput
          name="disclosureRate"
          label={ts.disclosureThreshold}
          value={thresholds.disclosureRate}
          onChange={(v) => setThresholds(normaliseThresholds({ ...thresholds, disclosureRate: v }))}
        />
        <ThresholdInput
          name="copiedShare"
          label={ts.copiedThreshold}
          value={thresholds.copiedShare}
          onChange={(v) => setThresholds(normaliseThresholds({ ...thresholds, copiedShare: v }))}
        />
      </fieldset>
      {visible.length === 0 && unscored.length === 0 ? (
        <p>{ts.noScores}</p>
      ) : (
        <div class="table-wrap">
          <table data-testid="scores-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    class={c.numeric ? 'num' : undefined}
                    aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button type="button" class="sort" data-sort={c.key} onClick={() => sortBy(c.key)}>
                      {ts.columns[c.key]}
                      {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            {visible.slice(0, limit).map((s) => (
              <Fragment key={s.row.id}>
                <ScoreRow s={s} open={open.has(s.row.id!)} onToggle={() => toggle(s.row.id!)} thresholds={thresholds} />
              </Fragment>
            ))}
            {unscored.map((u) => (
              <UnscoredLine key={`${u.kind} ${u.url ?? u.agency} ${u.year}`} u={u} />
            ))}
          </table>
        </div>
      )}
      {visible.length > limit ? (
        <button type="button" class="more" onClick={() => setLimit((l) => l + PAGE * 4)}>
          {t.more}
        </button>
      ) : null}
    </section>
  );
}
