import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LibraryLocale, LibraryStrings } from '@/utils/i18n/library';
import type { LibraryDB } from '@/utils/library/db';
import type { ReportRow } from '@/utils/library/types';
import type { LibraryWrites } from '@/utils/library/writes';

export interface LibraryContextValue {
  /** For reading only (liveQuery); every write goes through `writes`. */
  db: LibraryDB;
  /** The background's library service (the one writer), through messaging. */
  writes: LibraryWrites;
  t: LibraryStrings;
  locale: LibraryLocale;
  /** Every summary row (live); while `partial`, only the newest page of them. */
  rows: ReportRow[];
  /** True until every row is loaded (the first page is shown before that). */
  partial: boolean;
  /** agencyKey → the set of linked keys (live). */
  groups: Map<string, Set<string>>;
  openReport(id: number): void;
}

export const LibraryContext = createContext<LibraryContextValue | null>(null);

export function useLibrary(): LibraryContextValue {
  const v = useContext(LibraryContext);
  if (!v) throw new Error('LibraryContext missing');
  return v;
}

/** The canonical key of an agency's group: the smallest linked key. */
export function groupKey(groups: Map<string, Set<string>>, key: string): string {
  const g = groups.get(key);
  return g ? [...g].sort()[0] : key;
}

const dateFormats = new Map<LibraryLocale, Intl.DateTimeFormat>();

export function formatDate(iso: string | null | undefined, locale: LibraryLocale): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  let f = dateFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale === 'zh-Hant' ? 'zh-TW' : 'zh-CN', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateFormats.set(locale, f);
  }
  return f.format(d);
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : String(n);
}

/** performance.measure from a mark, if that mark exists (benchmark hooks; never throws). */
export function measureFrom(name: string, startMark: string): void {
  try {
    if (performance.getEntriesByName(startMark, 'mark').length) performance.measure(name, startMark);
  } catch {
    /* no User Timing here */
  }
}
