import { useEffect, useMemo, useState } from 'preact/hooks';
import { langTag } from '@/utils/i18n';
import { errorText } from '@/utils/i18n/errors';
import { LIBRARY_STRINGS, type LibraryLocale } from '@/utils/i18n/library';
import { readingStrings } from '@/utils/i18n/reading';
import type { LibraryDB } from '@/utils/library/db';
import { toStorageError } from '@/utils/library/errors';
import { agencyGroups, allRows, listAgencyLinks } from '@/utils/library/store';
import type { LibraryWrites } from '@/utils/library/writes';
import { getSettings, LANGUAGES as LANGUAGE_CHOICES, type LanguageSetting, updateSettings, watchSettings } from '@/utils/settings';
import { AgencyLinks } from './AgencyLinks';
import { BatchView } from './BatchView';
import { CompareAgencies } from './CompareAgencies';
import { CompareYears } from './CompareYears';
import { LibraryContext, type LibraryContextValue, measureFrom } from './context';
import { Dashboard } from './Dashboard';
import { HierarchyView } from './HierarchyView';
import { ImportExport } from './ImportExport';
import { ReportDetail } from './ReportDetail';
import { ReportTable } from './ReportTable';
import { ScoresView } from './ScoresView';
import { useLive } from './useLive';

type Tab = 'list' | 'years' | 'agencies' | 'links' | 'hierarchy' | 'data' | 'batch' | 'scores' | 'dashboard';
const TABS: Tab[] = ['list', 'scores', 'dashboard', 'years', 'agencies', 'links', 'hierarchy', 'data', 'batch'];
const FIRST_PAGE = 50;

/** A database that cannot open (private windows, blocked storage) gets the library's clear message. */
function opening(e: unknown): never {
  throw toStorageError(e, 'open');
}

/**
 * #report=12, #years, #agencies … so views can be linked to (from the popup or the panel); a view may take
 * a query after '?' (#scores?region=…&year=…, what a dashboard mark links to).
 */
function readHash(): { tab: Tab; report: number | null; query: string } {
  const h = location.hash.slice(1);
  const m = /^report=(\d+)$/.exec(h);
  if (m) return { tab: 'list', report: Number(m[1]), query: '' };
  const q = h.indexOf('?');
  const name = q >= 0 ? h.slice(0, q) : h;
  return { tab: (TABS as string[]).includes(name) ? (name as Tab) : 'list', report: null, query: q >= 0 ? h.slice(q + 1) : '' };
}

/** #scores and #dashboard read the reports' summaries themselves (small rows), never every full row. */
const readsSummaries = (route: { tab: Tab; report: number | null }) =>
  route.report === null && (route.tab === 'scores' || route.tab === 'dashboard');
/** Views that show nothing until every row is loaded (the list shows the newest page first; the batch view reads its own stores). */
const waitsForAllRows = (route: { tab: Tab; report: number | null }) =>
  route.report !== null || (route.tab !== 'list' && route.tab !== 'batch' && !readsSummaries(route));

/** The library has no report of its own to follow: 'auto' is Simplified here. */
const libraryLocale = (language: LanguageSetting): LibraryLocale => (language === 'auto' ? 'zh-Hans' : language);

export function LibraryApp({ db, writes }: { db: LibraryDB; writes: LibraryWrites }) {
  // The one language setting of every page (utils/settings.ts): read once, then followed as it changes anywhere.
  const [language, setLanguage] = useState<LanguageSetting>('auto');
  // Likewise the readPictures setting (issue 18): its switch is in the header, beside the language.
  const [readPictures, setReadPictures] = useState<'auto' | 'ask'>('auto');
  useEffect(() => {
    getSettings().then(
      (s) => {
        setLanguage(s.language);
        setReadPictures(s.readPictures);
      },
      () => {},
    );
    return watchSettings((s) => {
      setLanguage(s.language);
      setReadPictures(s.readPictures);
    });
  }, []);
  const locale = libraryLocale(language);
  const reading = readingStrings(locale);
  const [route, setRoute] = useState(readHash);
  useEffect(() => {
    const on = () => setRoute(readHash());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    document.documentElement.lang = langTag(locale);
    document.title = LIBRARY_STRINGS[locale].title;
  }, [locale]);

  // The newest page first (one indexed read), so the table is on screen before every row is loaded. Not while
  // #scores or #dashboard is the first view: they read only their summaries, and a second read would compete.
  const [wantHead, setWantHead] = useState(() => !readsSummaries(readHash()));
  useEffect(() => {
    if (!readsSummaries(route)) setWantHead(true);
  }, [route]);
  const head = useLive(
    () => (wantHead ? db.reports.orderBy('savedAt').reverse().limit(FIRST_PAGE).toArray().catch(opening) : Promise.resolve(undefined)),
    [wantHead],
  );
  // Then every row, once the first page is on screen (reading 10,000 rows blocks the main thread a while).
  // A view opened first that waits for every row anyway (#scores, #dashboard, the comparisons) asks for them at once.
  const [loadAll, setLoadAll] = useState(() => waitsForAllRows(readHash()));
  const rowsState = useLive(() => (loadAll ? allRows(db).catch(opening) : Promise.resolve(undefined)), [loadAll]);
  const links = useLive(() => listAgencyLinks(db), []).value;
  const groups = useMemo(() => agencyGroups(links ?? []), [links]);
  const t = LIBRARY_STRINGS[locale];
  const rows = rowsState.value ?? head.value;
  const ready = !!rows;
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready) return;
    // After the browser has painted the first table.
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (!performance.getEntriesByName('library:rendered').length) {
          performance.mark('library:rendered');
          measureFrom('library:first-render', 'library:start');
        }
        setPainted(true);
      }, 0),
    );
  }, [ready]);
  // Every row once the first page is painted and a view that needs them is open (not while #scores or #dashboard
  // reads its summaries: the two reads would compete).
  useEffect(() => {
    if (painted && !readsSummaries(route)) setLoadAll(true);
  }, [painted, route]);

  // #scores and #dashboard mount at once (they read their summaries beside the first page, not after it).
  const own = readsSummaries(route);
  const ctx: LibraryContextValue | null = useMemo(
    () =>
      rows || own
        ? {
            db,
            writes,
            t,
            locale,
            rows: rows ?? [],
            partial: !rowsState.value,
            groups,
            openReport: (id: number) => (location.hash = `#report=${id}`),
          }
        : null,
    [rows, own, rowsState.value, t, locale, groups],
  );
  useEffect(() => {
    if (rowsState.value && !performance.getEntriesByName('library:all-rows').length) {
      performance.mark('library:all-rows');
      measureFrom('library:all-rows-loaded', 'library:start');
    }
  }, [rowsState.value]);

  const chooseReading = (auto: boolean) => {
    const next = auto ? 'auto' : 'ask';
    setReadPictures(next);
    updateSettings({ readPictures: next }).catch(() => {
      /* storage refused: the choice lasts for this visit */
    });
  };

  const chooseLanguage = (next: LanguageSetting) => {
    setLanguage(next);
    updateSettings({ language: next }).catch(() => {
      /* storage refused: the choice lasts for this visit */
    });
  };

  return (
    <div class="library" data-ready={ctx ? 'true' : 'false'} data-complete={rowsState.value ? 'true' : 'false'}>
      <header>
        <h1>{t.title}</h1>
        <div class="tabs" role="tablist">
          {TABS.map((tab) => (
            <a key={tab} role="tab" href={`#${tab}`} data-testid={`tab-${tab}`} aria-selected={route.report === null && route.tab === tab}>
              {t.tabs[tab]}
            </a>
          ))}
        </div>
        <label class="lang">
          {t.language}{' '}
          <select
            data-testid="language"
            value={language}
            onChange={(e) => chooseLanguage((e.target as HTMLSelectElement).value as LanguageSetting)}
          >
            {LANGUAGE_CHOICES.map((l) => (
              <option key={l} value={l}>
                {t.languages[l]}
              </option>
            ))}
          </select>
        </label>
        <label class="read-pictures" title={reading.autoReadHint}>
          <input
            type="checkbox"
            data-setting="readPictures"
            checked={readPictures === 'auto'}
            onChange={(e) => chooseReading((e.target as HTMLInputElement).checked)}
          />{' '}
          {reading.autoRead}
        </label>
      </header>
      <main>
        {rowsState.error || head.error ? (
          <p class="error" role="alert">
            {t.error}
            {errorText(rowsState.error ?? head.error, locale)}
          </p>
        ) : null}
        {!ctx ? (
          <p>{t.loading}</p>
        ) : (
          <LibraryContext.Provider value={ctx}>
            {/* The batch view reads its own stores: it need not wait for every report row. */}
            {ctx.partial && waitsForAllRows(route) ? (
              <p>{t.loading}</p>
            ) : route.report !== null ? (
              <ReportDetail id={route.report} onBack={() => (history.length > 1 ? history.back() : (location.hash = '#list'))} />
            ) : route.tab === 'years' ? (
              <CompareYears />
            ) : route.tab === 'agencies' ? (
              <CompareAgencies />
            ) : route.tab === 'links' ? (
              <AgencyLinks />
            ) : route.tab === 'hierarchy' ? (
              <HierarchyView />
            ) : route.tab === 'data' ? (
              <ImportExport />
            ) : route.tab === 'batch' ? (
              <BatchView />
            ) : route.tab === 'scores' ? (
              <ScoresView query={route.query} />
            ) : route.tab === 'dashboard' ? (
              <Dashboard />
            ) : (
              <ReportTable />
            )}
          </LibraryContext.Provider>
        )}
      </main>
    </div>
  );
}
