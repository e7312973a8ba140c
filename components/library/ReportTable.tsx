import { memo } from 'preact/compat';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { errorText } from '@/utils/i18n/errors';
import { filterRows, type LibraryQuery, type SortKey, sortRows } from '@/utils/library/query';
import type { RemovedReport } from '@/utils/library/store';
import { FIGURE_KEYS, type ReportRow } from '@/utils/library/types';
import { savedReportHref } from '@/utils/pdf/url';
import type { Era } from '@/utils/report/types';
import { formatDate, formatNumber, measureFrom, useLibrary } from './context';

const PAGE = 50;
const COUNT_COLUMNS = ['error', 'warning', 'total'] as const;

interface RowProps {
  row: ReportRow;
  onOpen(id: number): void;
  onRemove(row: ReportRow): void;
}

/** One table row; memoised so a filter change only builds the rows that are new on screen. */
const Row = memo(function Row({ row: r, onOpen, onRemove }: RowProps) {
  const { t, locale } = useLibrary();
  // A saved PDF opens in the extension's PDF page, a page at its address.
  const href = savedReportHref(r, '/pdf.html');
  return (
    <tr
      data-testid="report-row"
      data-report-id={r.id}
      data-source-kind={r.sourceKind ?? 'html'}
      data-year={r.year ?? ''}
      class={r.latest ? undefined : 'superseded'}
    >
      <td>
        <button type="button" class="link" onClick={() => onOpen(r.id!)}>
          {r.agency ?? r.title ?? r.url}
        </button>
        {r.sourceKind === 'pdf' ? <span class="tag">PDF</span> : null}
        {r.latest ? null : <span class="tag">{t.superseded}</span>}
      </td>
      <td>{r.region}</td>
      <td class="num">{r.year ?? ''}</td>
      <td>{r.era}</td>
      {FIGURE_KEYS.map((k) => (
        <td
          class="num"
          key={k}
          data-figure={k}
          {...(r.doubtfulFigures?.includes(k) ? { 'data-doubtful': '', title: t.figureDoubtful } : {})}
        >
          {formatNumber(r.figures[k])}
          {r.doubtfulFigures?.includes(k) && r.figures[k] !== null ? <abbr class="doubtful">{t.figureDoubtfulMark}</abbr> : null}
        </td>
      ))}
      {COUNT_COLUMNS.map((k) => (
        <td class={`num count-${k}`} key={k} data-count={k}>
          {r.counts[k]}
        </td>
      ))}
      <td class="date">{formatDate(r.savedAt, locale)}</td>
      <td class="actions">
        <button type="button" data-testid="open-details" onClick={() => onOpen(r.id!)}>
          {t.details}
        </button>
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" data-testid="open-original">
            {t.open}
          </a>
        ) : null}
        <button type="button" data-testid="delete-report" onClick={() => onRemove(r)}>
          {t.remove}
        </button>
      </td>
    </tr>
  );
});

/**
 * A select's options, skipped by Preact's diff while its list is the same array (the agency select holds one option
 * per agency: hundreds, rebuilt and compared on every filter change otherwise).
 */
const Options = memo(function Options({ items }: { items: readonly (readonly [string, string])[] }) {
  return (
    <>
      {items.map(([value, label]) => (
        <option value={value} key={value}>
          {label}
        </option>
      ))}
    </>
  );
});

export function ReportTable() {
  const { writes, t, rows, partial, groups, openReport, locale } = useLibrary();
  const [query, setQuery] = useState<LibraryQuery>({ sort: 'savedAt', dir: 'desc' });
  const [limit, setLimit] = useState(PAGE);
  const [undo, setUndo] = useState<{ removed: RemovedReport; name: string } | null>(null);
  // The error itself, worded when shown (in the reader's language at that moment).
  const [error, setError] = useState<unknown>(null);

  const options = useMemo(() => {
    const agencies = new Map<string, string>();
    const regions = new Set<string>();
    const years = new Set<number>();
    for (const r of rows) {
      if (r.agencyKey) agencies.set(r.agencyKey, r.agency ?? r.agencyKey);
      if (r.region) regions.add(r.region);
      if (r.year !== null) years.add(r.year);
    }
    const collator = new Intl.Collator('zh-Hans-CN');
    return {
      agencies: [...agencies].sort((a, b) => collator.compare(a[1], b[1])),
      regions: [...regions].sort(collator.compare).map((r) => [r, r] as const),
      years: [...years].sort((a, b) => b - a).map((y) => [String(y), String(y)] as const),
    };
  }, [rows]);

  // The rows in the chosen order, sorted once per rows and order (an in-memory index); a filter change then
  // only filters it, keeping its order (the order is total: ties go by id).
  const sorted = useMemo(() => sortRows([...rows], query.sort, query.dir), [rows, query.sort, query.dir]);
  const visible = useMemo(() => filterRows(sorted, query), [sorted, query]);

  useEffect(() => {
    // Filter/sort change → table committed (see entrypoints/library/main.tsx for the benchmark hooks).
    measureFrom('library:filter', 'library:filter-start');
    performance.clearMarks('library:filter-start');
  }, [visible]);

  const set = (patch: Partial<LibraryQuery>) => {
    performance.mark('library:filter-start');
    setQuery((q) => ({ ...q, ...patch }));
    setLimit(PAGE);
  };
  const sortBy = (key: SortKey) => set({ sort: key, dir: query.sort === key && query.dir === 'desc' ? 'asc' : 'desc' });
  const sortMark = (key: SortKey) => (query.sort === key ? (query.dir === 'asc' ? ' ▲' : ' ▼') : '');
  const ariaSort = (key: SortKey) => (query.sort === key ? (query.dir === 'asc' ? 'ascending' : 'descending') : undefined);

  const remove = useCallback(
    async (row: ReportRow) => {
      try {
        const removed = await writes.remove(row.id!);
        setUndo({ removed, name: `${row.year ?? ''} ${row.agency ?? row.url}`.trim() });
      } catch (e) {
        setError(e);
      }
    },
    [writes],
  );
  const doUndo = async () => {
    if (!undo) return;
    try {
      await writes.restore(undo.removed);
      setUndo(null);
    } catch (e) {
      setError(e);
    }
  };

  const header = (key: SortKey, label: string, numeric = false) => (
    <th aria-sort={ariaSort(key)} class={numeric ? 'num' : undefined}>
      <button type="button" class="sort" data-sort={key} onClick={() => sortBy(key)}>
        {label}
        {sortMark(key)}
      </button>
    </th>
  );

  const agencyValue = query.agencies?.length ? query.agencies[0] : '';
  return (
    <section data-testid="library-list">
      <fieldset class="filters" disabled={partial}>
        <input
          type="search"
          data-testid="filter-search"
          placeholder={t.search}
          aria-label={t.search}
          value={query.search ?? ''}
          onInput={(e) => set({ search: (e.target as HTMLInputElement).value })}
        />
        <select
          data-testid="filter-agency"
          aria-label={t.allAgencies}
          value={agencyValue}
          onChange={(e) => {
            const key = (e.target as HTMLSelectElement).value;
            set({ agencies: key ? [...(groups.get(key) ?? [key])] : undefined });
          }}
        >
          <option value="">{t.allAgencies}</option>
          <Options items={options.agencies} />
        </select>
        <select
          data-testid="filter-region"
          aria-label={t.allRegions}
          value={query.region ?? ''}
          onChange={(e) => set({ region: (e.target as HTMLSelectElement).value || undefined })}
        >
          <option value="">{t.allRegions}</option>
          <Options items={options.regions} />
        </select>
        <select
          data-testid="filter-year"
          aria-label={t.allYears}
          value={query.year === undefined ? '' : String(query.year)}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            set({ year: v ? Number(v) : undefined });
          }}
        >
          <option value="">{t.allYears}</option>
          <Options items={options.years} />
        </select>
        <select
          data-testid="filter-era"
          aria-label={t.allEras}
          value={query.era ?? ''}
          onChange={(e) => set({ era: ((e.target as HTMLSelectElement).value || undefined) as Era | undefined })}
        >
          <option value="">{t.allEras}</option>
          {(['2021', '2019', '2008'] as const).map((era) => (
            <option value={era} key={era}>
              {t.eras[era]}
            </option>
          ))}
        </select>
        <select
          data-testid="filter-errors"
          aria-label={t.anyErrors}
          value={query.hasErrors === undefined ? '' : query.hasErrors ? 'yes' : 'no'}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            set({ hasErrors: v === '' ? undefined : v === 'yes' });
          }}
        >
          <option value="">{t.anyErrors}</option>
          <option value="yes">{t.withErrors}</option>
          <option value="no">{t.withoutErrors}</option>
        </select>
        <label class="check">
          <input
            type="checkbox"
            data-testid="filter-latest"
            checked={!!query.latestOnly}
            onChange={(e) => set({ latestOnly: (e.target as HTMLInputElement).checked || undefined })}
          />
          {t.latestOnly}
        </label>
      </fieldset>

      {undo ? (
        <div class="toast" role="status" data-testid="undo-bar">
          {t.removed(undo.name)}{' '}
          <button type="button" data-testid="undo-delete" onClick={doUndo}>
            {t.undo}
          </button>
        </div>
      ) : null}
      {error !== null ? (
        <p class="error" role="alert">
          {t.error}
          {errorText(error, locale)}
        </p>
      ) : null}

      <p class="summary" data-testid="library-count" data-count={partial ? '' : visible.length}>
        {partial ? t.loading : t.shown(Math.min(limit, visible.length), visible.length)}
      </p>
      {rows.length === 0 ? <p class="empty">{t.empty}</p> : null}
      <div class="table-wrap">
        <table data-testid="library-table" class="reports">
          <thead>
            <tr>
              {header('agency', t.columns.agency)}
              {header('region', t.columns.region)}
              {header('year', t.columns.year, true)}
              {header('era', t.columns.era)}
              {FIGURE_KEYS.map((k) => header(`figures.${k}`, t.figures[k], true))}
              {COUNT_COLUMNS.map((k) => header(`counts.${k}`, t.counts[k], true))}
              {header('savedAt', t.columns.savedAt)}
              <th>{t.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {/* Keyed by place, not by report: a filter change then fills the rows already on screen in place
                instead of building 50 new ones and removing the old (the table's one costly change). */}
            {visible.slice(0, limit).map((r, i) => (
              <Row key={i} row={r} onOpen={openReport} onRemove={remove} />
            ))}
          </tbody>
        </table>
      </div>
      {visible.length > limit ? (
        <button type="button" class="more" onClick={() => setLimit((l) => l + PAGE * 5)}>
          {t.more}
        </button>
      ) : null}
    </section>
  );
}
