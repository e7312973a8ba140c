/**
 * The toolbar popup: the tab's summary (figures, findings with counts, save state) and actions.
 * `?tab=<tabId>` selects the tab explicitly (tests open the popup in a tab of its own).
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { answerOf, answerText } from '@/components/shared/answer';
import { FigureList } from '@/components/shared/FigureList';
import { countBySeverity, FindingList } from '@/components/shared/FindingList';
import { ReportFacts } from '@/components/shared/ReportHeader';
import { langTag, strings } from '@/utils/i18n';
import { batchErrorText, noAnswer } from '@/utils/i18n/errors';
import { POPUP_STRINGS } from '@/utils/i18n/popup';
import { readingStrings } from '@/utils/i18n/reading';
import { type Said, saidText, sayError } from '@/utils/i18n/said';
import { type SaveAnswer, sendMessage, type TabSummary } from '@/utils/messaging';
import { looksLikePdfTab, pdfPageUrl } from '@/utils/pdf/url';
import type { Finding } from '@/utils/report/types';
import { findingKey } from '@/utils/reviews';
import {
  getPanelState,
  getSettings,
  type LanguageSetting,
  resolveLocale,
  type Settings,
  setPanelState,
  updateSettings,
  watchSettings,
} from '@/utils/settings';

const ALL_SITES = '*://*/*';
const CHECK_POLL_MS = 250;
const CHECK_TIMEOUT_MS = 15_000;
const STATE_WAIT_MS = 6_000;

async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'error'; text: string } | { kind: 'info'; text: string };

export function Popup() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [summary, setSummary] = useState<TabSummary | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [tabUrl, setTabUrl] = useState<string | null>(null);
  const [tabTitle, setTabTitle] = useState<string | null>(null);

  const refresh = useCallback(async (id: number) => {
    const state = await sendMessage('getTabState', { tabId: id }).catch(() => null);
    setSummary(state);
    return state;
  }, []);

  useEffect(() => {
    let closed = false;
    void (async () => {
      setSettings(await getSettings());
      const id = await targetTabId();
      setTabId(id);
      // The address is visible for gov.cn tabs (host permission) and for the tab the popup was opened on (activeTab).
      if (id !== null)
        void browser.tabs.get(id).then(
          (tab) => {
            setTabUrl(tab.url ?? null);
            setTabTitle(tab.title ?? null);
          },
          () => undefined,
        );
      if (id === null) return setSummary(null);
      // A popup opened while the page is still loading (the detector runs at document_idle) asks again for
      // a while, so a report or listing read a moment later still shows without reopening the popup.
      for (let waited = 0; !closed && !(await refresh(id)) && waited < STATE_WAIT_MS; waited += CHECK_POLL_MS * 2) {
        await new Promise((r) => setTimeout(r, CHECK_POLL_MS * 2));
      }
    })();
    const unwatch = watchSettings(setSettings);
    return () => {
      closed = true;
      unwatch();
    };
  }, [refresh]);

  const locale = resolveLocale(settings?.language ?? 'auto', summary?.meta.script);
  const t = useMemo(() => ({ ...strings(locale), ...POPUP_STRINGS[locale], ...readingStrings(locale) }), [locale]);
  useEffect(() => {
    document.documentElement.lang = langTag(locale);
    document.title = t.appName;
  }, [locale, t]);

  const check = async () => {
    if (tabId === null) return;
    setStatus({ kind: 'busy', text: t.checking });
    const answer = await sendMessage('checkTab', { tabId }).catch((e: unknown) => ({ ok: false, error: String(e) }));
    if (!answer.ok) {
      setStatus({ kind: 'error', text: `${t.checkFailed}: ${answer.error ?? ''}` });
      return;
    }
    const started = Date.now();
    while (Date.now() - started < CHECK_TIMEOUT_MS) {
      const state = await refresh(tabId);
      if (state) {
        setStatus({ kind: 'idle' });
        return;
      }
      await new Promise((r) => setTimeout(r, CHECK_POLL_MS));
    }
    setStatus({ kind: 'error', text: t.checkFailed });
  };

  const save = async () => {
    if (tabId === null) return;
    setStatus({ kind: 'busy', text: t.saving });
    const answer: SaveAnswer = await sendMessage('saveTab', { tabId }).catch(() => ({
      ok: false as const,
      error: { notice: 'saveUnanswered' } as Said,
    }));
    setStatus(answer.ok ? { kind: 'idle' } : { kind: 'error', text: saidText(answer.error, locale) });
    await refresh(tabId);
  };

  const remove = async () => {
    if (tabId === null) return;
    const answer = await sendMessage('removeTab', { tabId }).catch((e: unknown) => ({ ok: false, error: sayError(e, 'removeFailed') }));
    setStatus(answer.ok || !answer.error ? { kind: 'idle' } : { kind: 'error', text: saidText(answer.error, locale) });
    await refresh(tabId);
  };

  const openLibrary = () => {
    // At the tab's saved report when there is one (library.html#report=<id>).
    const getURL = browser.runtime.getURL as (path: string) => string;
    const saved = summary?.isReport ? summary.saved : null;
    void browser.tabs.create({ url: getURL(saved ? `/library.html#report=${saved.id}` : '/library.html') });
  };

  // A PDF open in the browser's own viewer: one click opens it in the extension's PDF page.
  const isPdf = looksLikePdfTab({ url: tabUrl, title: tabTitle });
  const checkPdf = () => {
    if (!tabUrl) return;
    const getURL = browser.runtime.getURL as (path: string) => string;
    void browser.tabs.create({ url: pdfPageUrl(getURL('/pdf.html'), tabUrl) });
  };

  // A 年报 listing: start a batch run of its reports (and, when asked, of its further pages), then show its progress.
  const [followPages, setFollowPages] = useState(false);
  const batchCheck = async () => {
    const listing = summary?.listing;
    if (!listing) return;
    setStatus({ kind: 'busy', text: t.batchStarting });
    const answer = await sendMessage('batchStart', {
      addresses: listing.reports.map((r) => r.url),
      // Each link's title and date go with it into the saved report (the date serves when the report has none).
      listed: listing.reports.map((r) => ({ url: r.url, title: r.title, date: r.date })),
      source: listing.url,
      pages: followPages ? listing.nextPages : [],
    }).catch((e: unknown) => ({ ok: false as const, error: noAnswer(e) }));
    if (!answer?.ok) {
      const reason = answer ? batchErrorText(answer.error, locale) : '';
      setStatus({ kind: 'error', text: reason ? `${t.batchFailed}: ${reason}` : t.batchFailed });
      return;
    }
    setStatus({ kind: 'idle' });
    const getURL = browser.runtime.getURL as (path: string) => string;
    void browser.tabs.create({ url: getURL('/library.html#batch') });
  };

  // "在本网站不再显示": the one site-wide choice (the panel's × closes that page only), shown and undone here.
  const host = (() => {
    try {
      return tabUrl ? new URL(tabUrl).hostname : null;
    } catch {
      return null;
    }
  })();
  const [hiddenOnSite, setHiddenOnSite] = useState<boolean | null>(null);
  useEffect(() => {
    if (host)
      void getPanelState(host).then(
        (state) => setHiddenOnSite(state === 'closed'),
        () => setHiddenOnSite(null),
      );
  }, [host]);
  const setHidden = async (hidden: boolean) => {
    if (!host) return;
    await setPanelState(host, hidden ? 'closed' : 'expanded');
    setHiddenOnSite(hidden);
    // Undone: show the panel on this tab again at once.
    if (!hidden && tabId !== null) void sendMessage('showPanel', { tabId }).catch(() => undefined);
  };

  // A finding clicked here is found in the page by the tab's report script, as a click in the panel does.
  const [selected, setSelected] = useState<number | null>(null);
  const [notFound, setNotFound] = useState<number | null>(null);
  const findInPage = async (finding: Finding, index: number, original: Finding) => {
    if (tabId === null || !summary) return;
    setSelected(index);
    const answer = await sendMessage(
      'findFinding',
      { key: findingKey(original), ...(finding.location !== original.location ? { location: finding.location } : {}) },
      { tabId, frameId: summary.frameId },
    ).catch(() => ({ found: false }));
    setNotFound(answer.found ? null : index);
  };

  const showPanel = () => {
    if (tabId !== null) void sendMessage('showPanel', { tabId });
  };

  const setLanguage = (language: LanguageSetting) => void updateSettings({ language });
  const setAutoSave = (autoSave: boolean) => void updateSettings({ autoSave });
  const setAutoRead = (auto: boolean) => void updateSettings({ readPictures: auto ? 'auto' : 'ask' });

  const setAutoDetectAll = (on: boolean) => {
    if (!on) {
      void (async () => {
        await updateSettings({ autoDetectAll: false });
        await browser.permissions.remove({ origins: [ALL_SITES] }).catch(() => false);
        await sendMessage('syncAutoDetect', undefined).catch(() => undefined);
      })();
      return;
    }
    // Ask first, synchronously inside the click (the request needs the user gesture). The setting is
    // written at the same time so the background's permissions.onAdded sees it even if the popup closes.
    const request = browser.permissions.request({ origins: [ALL_SITES] });
    const written = updateSettings({ autoDetectAll: true });
    void (async () => {
      const granted = await request.catch(() => false);
      await written;
      if (!granted) {
        await updateSettings({ autoDetectAll: false });
        setStatus({ kind: 'error', text: t.permissionDenied });
      }
      await sendMessage('syncAutoDetect', undefined).catch(() => undefined);
    })();
  };

  const busy = status.kind === 'busy';
  const severityCounts = countBySeverity(summary?.findings ?? [], summary?.reviews);
  const counts = severityCounts.error + severityCounts.warning + severityCounts.info;
  const title = summary?.meta.printed?.title || summary?.meta.title;
  // The panel's answer line, from the same findings, reviews and count of what was compared.
  const answer = summary ? answerOf(summary.findings, summary.reviews, summary.checked) : null;
  const agency = summary?.meta.printed?.agency || summary?.meta.agency || null;

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t.appName}</h1>
      </header>

      {summary === undefined ? null : summary?.isReport ? (
        <section class="popup-report" aria-label={title || t.appName} data-report="yes">
          <p
            class="rl-answer"
            data-checked={answer?.checked ?? undefined}
            data-problems={answer?.problems.reduce((n, p) => n + p.count, 0)}
            data-unchecked={answer?.unchecked}
          >
            {answer ? answerText(answer, locale) : null}
          </p>
          {title ? <p class="popup-title">{title}</p> : null}
          <ReportFacts agency={agency} year={summary.meta.year} era={summary.meta.format} t={t} />
          <h2 class="popup-subhead">{t.figures}</h2>
          <FigureList figures={summary.figures} t={t} />
          <h2 class="popup-subhead">
            {t.findings}{' '}
            <span class="popup-total" data-total={counts}>
              {counts}
            </span>
          </h2>
          <FindingList
            findings={summary.findings}
            locale={locale}
            t={t}
            reviews={summary.reviews}
            onSelect={(finding, index) => void findInPage(finding, index, summary.findings[index]!)}
            selected={selected}
            notFound={notFound}
          />
          <div class="popup-save" data-save-state={summary.saved ? 'saved' : 'unsaved'}>
            <span role="status">{summary.saved ? (summary.saved.status === 'revised' ? t.savedRevised : t.saved) : t.notSaved}</span>
            {summary.saveError ? <span class="popup-error">{saidText(summary.saveError, locale)}</span> : null}
            {summary.saved ? (
              <button type="button" class="secondary" onClick={() => void remove()} disabled={busy} data-action="remove">
                {t.remove}
              </button>
            ) : (
              <button type="button" onClick={() => void save()} disabled={busy} data-action="save">
                {t.save}
              </button>
            )}
          </div>
          <button type="button" class="link" onClick={showPanel} data-action="show-panel">
            {t.showPanel}
          </button>
          {host && hiddenOnSite !== null ? (
            <>
              <label class="row check">
                <input
                  type="checkbox"
                  checked={hiddenOnSite}
                  onChange={(e) => void setHidden((e.currentTarget as HTMLInputElement).checked)}
                  data-setting="hideOnSite"
                  aria-describedby="hide-on-site-hint"
                />
                <span>{t.hideOnSite(host)}</span>
              </label>
              <p id="hide-on-site-hint" class="hint">
                {t.hideOnSiteHint}
              </p>
            </>
          ) : null}
        </section>
      ) : (
        <section class="popup-empty" data-report={summary ? 'no' : 'unchecked'}>
          {isPdf ? (
            <button type="button" onClick={checkPdf} data-action="check-pdf">
              {t.checkPdf}
            </button>
          ) : summary?.listing?.reports.length ? (
            <div class="popup-listing" data-listing={summary.listing.reports.length}>
              <p>{t.listingFound(summary.listing.reports.length)}</p>
              <button type="button" class="wide" onClick={() => void batchCheck()} disabled={busy} data-action="batch-check">
                {t.batchCheck(summary.listing.reports.length)}
              </button>
              {summary.listing.nextPages.length ? (
                <label class="row check">
                  <input
                    type="checkbox"
                    checked={followPages}
                    onChange={(e) => setFollowPages((e.currentTarget as HTMLInputElement).checked)}
                    data-option="follow-pages"
                  />
                  <span>{t.followPages(summary.listing.nextPages.length)}</span>
                </label>
              ) : null}
            </div>
          ) : (
            <>
              <p>{summary ? t.notReport : t.notChecked}</p>
              <button type="button" onClick={() => void check()} disabled={busy || tabId === null} data-action="check">
                {t.checkPage}
              </button>
              {summary?.attachments?.length ? (
                <div class="popup-attachments" data-attachments={summary.attachments.length}>
                  <h2 class="popup-subhead">{t.attachments}</h2>
                  {summary.attachments.map((a) => (
                    <p key={a.url}>
                      <button
                        type="button"
                        data-action="check-attachment"
                        data-src={a.url}
                        title={a.url}
                        onClick={() => void sendMessage('openPdf', { url: a.url })}
                      >
                        {t.checkAttachment}
                      </button>{' '}
                      <span>{a.label}</span>
                    </p>
                  ))}
                </div>
              ) : null}
            </>
          )}
        </section>
      )}

      {status.kind !== 'idle' ? (
        <p class={`popup-status popup-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      ) : null}

      <button type="button" class="secondary wide" onClick={openLibrary} data-action="library">
        {t.openLibrary}
      </button>

      {settings ? (
        <details class="popup-settings">
          <summary>{t.settings}</summary>
          <label class="row">
            <span>{t.language}</span>
            <select
              value={settings.language}
              onChange={(e) => setLanguage((e.currentTarget as HTMLSelectElement).value as LanguageSetting)}
              data-setting="language"
            >
              <option value="auto">{t.languageAuto}</option>
              <option value="zh-Hans">{t.languageNames['zh-Hans']}</option>
              <option value="zh-Hant">{t.languageNames['zh-Hant']}</option>
              <option value="en">{t.languageNames.en}</option>
            </select>
          </label>
          <label class="row check">
            <input
              type="checkbox"
              checked={settings.autoSave}
              onChange={(e) => setAutoSave((e.currentTarget as HTMLInputElement).checked)}
              data-setting="autoSave"
            />
            <span>{t.autoSave}</span>
          </label>
          <label class="row check">
            <input
              type="checkbox"
              checked={settings.autoDetectAll}
              onChange={(e) => setAutoDetectAll((e.currentTarget as HTMLInputElement).checked)}
              data-setting="autoDetectAll"
              aria-describedby="auto-detect-hint"
            />
            <span>{t.autoDetectAll}</span>
          </label>
          <p id="auto-detect-hint" class="hint">
            {t.autoDetectAllHint}
          </p>
          <label class="row check">
            <input
              type="checkbox"
              checked={settings.readPictures === 'auto'}
              onChange={(e) => setAutoRead((e.currentTarget as HTMLInputElement).checked)}
              data-setting="readPictures"
              aria-describedby="auto-read-hint"
            />
            <span>{t.autoRead}</span>
          </label>
          <p id="auto-read-hint" class="hint">
            {t.autoReadHint}
          </p>
        </details>
      ) : null}
    </main>
  );
}
