import { useEffect, useMemo, useState } from 'preact/hooks';
import type { LibraryDB } from '@/utils/library/db';
import { agencyGroups, allRows, listAgencyLinks } from '@/utils/library/store';
import { AgencyLinks } from './AgencyLinks';
import { CompareAgencies } from './CompareAgencies';
import { CompareYears } from './CompareYears';
import { LibraryContext, type LibraryContextValue } from './context';
import { ImportExport } from './ImportExport';
import { ReportDetail } from './ReportDetail';
import { ReportTable } from './ReportTable';
import { LIBRARY_STRINGS, type LibraryLocale } from './strings';
import { useLive } from './useLive';

type Tab = 'list' | 'years' | 'agencies' | 'links' | 'data';
const TABS: Tab[] = ['list', 'years', 'agencies', 'links', 'data'];

/** #report=12, #years, #agencies … so views can be linked to (from the popup or the panel). */
function readHash(): { tab: Tab; report: number | null } {
  const h = location.hash.slice(1);
  const m = /^report=(\d+)$/.exec(h);
  if (m) return { tab: 'list', report: Number(m[1]) };
  return { tab: (TABS as string[]).includes(h) ? (h as Tab) : 'list', report: null };
}

function storedLocale(): LibraryLocale {
  try {
    return localStorage.getItem('report-lens-locale') === 'en' ? 'en' : 'zh-Hans';
  } catch {
    return 'zh-Hans';
  }
}

export function LibraryApp({ db }: { db: LibraryDB }) {
  const [locale, setLocale] = useState<LibraryLocale>(storedLocale);
  const [route, setRoute] = useState(readHash);
  useEffect(() => {
    const on = () => setRoute(readHash());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    document.title = LIBRARY_STRINGS[locale].title;
  }, [locale]);

  const rowsState = useLive(() => allRows(db), []);
  const links = useLive(() => listAgencyLinks(db), []).value;
  const groups = useMemo(() => agencyGroups(links ?? []), [links]);
  const t = LIBRARY_STRINGS[locale];
  const ready = !!rowsState.value;
  useEffect(() => {
    if (!ready) return;
    // After the browser has painted the first table.
    requestAnimationFrame(() => setTimeout(() => {
      performance.mark('library:rendered');
      performance.measure('library:first-render', 'library:start', 'library:rendered');
    }, 0));
  }, [ready]);

  const ctx: LibraryContextValue | null = rowsState.value
    ? { db, t, locale, rows: rowsState.value, groups, openReport: (id) => (location.hash = `#report=${id}`) }
    : null;

  const switchLocale = () => {
    const next = locale === 'en' ? 'zh-Hans' : 'en';
    setLocale(next);
    try {
      localStorage.setItem('report-lens-locale', next);
    } catch {
      /* storage blocked: the choice lasts for this visit */
    }
  };

  return (
    <div class="library" data-ready={ctx ? 'true' : 'false'}>
      <header>
        <h1>{t.title}</h1>
        <nav role="tablist">
          {TABS.map((tab) => (
            <a
              key={tab}
              role="tab"
              href={`#${tab}`}
              data-testid={`tab-${tab}`}
              aria-selected={route.report === null && route.tab === tab}
            >
              {t.tabs[tab]}
            </a>
          ))}
        </nav>
        <button type="button" class="lang" data-testid="toggle-language" onClick={switchLocale}>{t.language}</button>
      </header>
      <main>
        {rowsState.error ? (
          <p class="error" role="alert">
            {t.error}
            {String((rowsState.error as { zh?: string }).zh ?? rowsState.error)}
          </p>
        ) : null}
        {!ctx ? (
          <p>{t.loading}</p>
        ) : (
          <LibraryContext.Provider value={ctx}>
            {route.report !== null ? (
              <ReportDetail id={route.report} onBack={() => history.length > 1 ? history.back() : (location.hash = '#list')} />
            ) : route.tab === 'years' ? (
              <CompareYears />
            ) : route.tab === 'agencies' ? (
              <CompareAgencies />
            ) : route.tab === 'links' ? (
              <AgencyLinks />
            ) : route.tab === 'data' ? (
              <ImportExport />
            ) : (
              <ReportTable />
            )}
          </LibraryContext.Provider>
        )}
      </main>
    </div>
  );
}
