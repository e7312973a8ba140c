/**
 * Queries for the library view. The page keeps every summary row in memory (a few hundred bytes each; the
 * Report bodies stay in IndexedDB) and filters/sorts them with filterRows/sortRows; queryReports does the
 * same against the database, starting from the most selective index.
 */
import type { Era, FigureKey } from '../report/types';
import { agencyKey } from './agency';
import type { LibraryDB } from './db';
import type { CountKey, ReportRow } from './types';

export type SortKey = 'savedAt' | 'publishedAt' | 'year' | 'agency' | 'region' | 'era' | `figures.${FigureKey}` | `counts.${CountKey}`;

export interface LibraryQuery {
  /** Free text: matched against agency, title and URL. */
  search?: string;
  /** Agency keys (a name and the names linked to it). */
  agencies?: readonly string[];
  region?: string;
  year?: number;
  era?: Era;
  hasErrors?: boolean;
  /** Only the newest revision of each URL. */
  latestOnly?: boolean;
  sort?: SortKey;
  dir?: 'asc' | 'desc';
}

const collator = new Intl.Collator('zh-Hans-CN');

function sortValue(row: ReportRow, key: SortKey): string | number | null {
  if (key.startsWith('figures.')) return row.figures[key.slice(8) as FigureKey];
  if (key.startsWith('counts.')) return row.counts[key.slice(7) as CountKey];
  const v = row[key as 'savedAt' | 'publishedAt' | 'year' | 'agency' | 'region' | 'era'];
  return v === '' ? null : v;
}

/** Lower-cased search text per row, built once per row object (rows are replaced, never mutated, on change). */
const haystacks = new WeakMap<ReportRow, string>();
function haystack(r: ReportRow): string {
  let h = haystacks.get(r);
  if (h === undefined) {
    let url = r.url;
    try {
      url = decodeURI(r.url);
    } catch {
      /* keep as stored */
    }
    h = `${r.agencyKey}\u0000${r.title ?? ''}\u0000${url}`.toLowerCase();
    haystacks.set(r, h);
  }
  return h;
}

export function filterRows(rows: readonly ReportRow[], q: LibraryQuery): ReportRow[] {
  const search = q.search?.trim() ? agencyKey(q.search).toLowerCase() : '';
  const agencies = q.agencies?.length ? new Set(q.agencies.map(agencyKey)) : null;
  const out: ReportRow[] = [];
  for (const r of rows) {
    if (q.latestOnly && r.latest !== 1) continue;
    if (agencies && !agencies.has(r.agencyKey)) continue;
    if (q.region && r.region !== q.region) continue;
    if (q.year !== undefined && r.year !== q.year) continue;
    if (q.era && r.era !== q.era) continue;
    if (q.hasErrors !== undefined && r.counts.error > 0 !== q.hasErrors) continue;
    if (search) {
      if (!haystack(r).includes(search)) continue;
    }
    out.push(r);
  }
  return out;
}

/** Sort in place; missing values (null) always go last, whatever the direction. Ties: newest id first. */
export function sortRows(rows: ReportRow[], key: SortKey = 'savedAt', dir: 'asc' | 'desc' = 'desc'): ReportRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  // Decorate once: reading the key per comparison costs more than the sort itself at 10,000 rows.
  const decorated = rows.map((row) => ({ row, v: sortValue(row, key), id: row.id ?? 0 }));
  const textual = key === 'agency' || key === 'region';
  decorated.sort((a, b) => {
    const va = a.v;
    const vb = b.v;
    if (va === null || va === undefined) return vb === null || vb === undefined ? b.id - a.id : 1;
    if (vb === null || vb === undefined) return -1;
    const c =
      typeof va === 'number' && typeof vb === 'number'
        ? va - vb
        : textual
          ? collator.compare(String(va), String(vb))
          : va < vb
            ? -1
            : va > vb
              ? 1
              : 0;
    return c === 0 ? b.id - a.id : sign * c;
  });
  for (let i = 0; i < decorated.length; i++) rows[i] = decorated[i].row;
  return rows;
}

export async function allRows(db: LibraryDB): Promise<ReportRow[]> {
  return db.reports.toArray();
}

/** Filter and sort against the database, through the most selective index the query allows. */
export async function queryReports(db: LibraryDB, q: LibraryQuery = {}): Promise<ReportRow[]> {
  let rows: ReportRow[];
  if (q.agencies?.length) rows = await db.reports.where('agencyKey').anyOf(q.agencies.map(agencyKey)).toArray();
  else if (q.year !== undefined) rows = await db.reports.where('year').equals(q.year).toArray();
  else if (q.region) rows = await db.reports.where('region').equals(q.region).toArray();
  else if (q.hasErrors === true) rows = await db.reports.where('counts.error').above(0).toArray();
  else if (q.era) rows = await db.reports.where('era').equals(q.era).toArray();
  else rows = await db.reports.toArray();
  return sortRows(filterRows(rows, q), q.sort, q.dir);
}
