/**
 * Wiring only: the detector's hit → inject the report script into that frame; typed messages →
 * library (Dexie lives here, in the extension's origin), tab state, badge; the optional all-sites
 * detector registration.
 */
import { browser } from 'wxt/browser';
import { isDetectedMessage, onMessage, sendMessage, type CheckedPayload, type InjectionRecord, type ReviewAnswer, type SaveAnswer, type SavedState, type TabSummary } from '@/utils/messaging';
import { ensureOpen, isLibraryError, neighboursOf, openLibrary, removeReport, reviewsFor, revisionsOf, saveReport, setReview, type LibraryDB } from '@/utils/library/store';
import { reevaluateNeighbours } from '@/utils/library/evaluate';
import { getSettings } from '@/utils/settings';
import { badgeFor, toReviewMap, type ReviewMap } from '@/utils/reviews';

const REPORT_SCRIPT = '/content-scripts/report.js';
const DETECTOR_SCRIPT = 'content-scripts/detector.js';
const ALL_SITES = '*://*/*';
const DYNAMIC_DETECTOR_ID = 'report-lens-detector-all-sites';
const MAX_INJECTION_RECORDS = 200;
const IS_MV3 = import.meta.env.MANIFEST_VERSION === 3;

export default defineBackground(() => {
  // ---- the detector's one raw message ----
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isDetectedMessage(message)) return undefined; // typed messages are handled by @webext-core
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) return undefined;
    void inject(tabId, sender.frameId ?? 0, sender.url ?? sender.tab?.url ?? '', 'detected');
    return undefined;
  });

  // ---- report content script ----
  onMessage('getContext', async ({ data }) => {
    try {
      const db = await library();
      const [neighbours, { saved, reviews }] = await Promise.all([neighboursOf(db, data.report), libraryState(db, data.url)]);
      return { neighbours, saved, reviews };
    } catch (error) {
      console.warn('[report-lens] library unavailable', error);
      return { neighbours: undefined, saved: null, reviews: {} };
    }
  });

  onMessage('reportChecked', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    const frameId = sender.frameId ?? 0;
    const previous = await getTab(tabId);
    // A frame that is not a report must not wipe the state of the frame that is.
    if (!data.report.isReport && previous?.isReport && previous.frameId !== frameId) return;
    // The same page re-checked keeps its known state; a new page (or a reload, which forgot the tab) asks the library.
    const known = previous && previous.url === data.url ? { saved: previous.saved, reviews: previous.reviews ?? {} } : null;
    const state = known ?? (data.report.isReport ? await library().then((db) => libraryState(db, data.url)).catch(() => null) : null);
    const summary = summarise(data, frameId, state?.saved ?? null, state?.reviews ?? {});
    await setSession({ [tabKey(tabId)]: summary, [payloadKey(tabId)]: data });
    await updateBadge(tabId, summary);
  });

  onMessage('saveReport', async ({ data, sender }) => {
    const tabId = sender.tab?.id;
    return save(tabId, data);
  });

  // ---- popup ----
  onMessage('getTabState', async ({ data }) => (await getTab(data.tabId)) ?? null);

  onMessage('saveTab', async ({ data }) => {
    const payload = (await getSession(payloadKey(data.tabId))) as CheckedPayload | undefined;
    if (!payload?.report?.isReport) return { ok: false, error: await say('没有可保存的年报。', 'There is no report to save.') };
    const answer = await save(data.tabId, payload);
    await notifyTab(data.tabId, answer.ok ? answer.saved : null, answer.ok ? undefined : answer.error);
    return answer;
  });

  onMessage('removeTab', async ({ data }) => {
    const summary = await getTab(data.tabId);
    if (!summary?.saved) return { ok: false, error: await say('此报告未保存。', 'This report is not saved.') };
    try {
      await removeReport(await library(), summary.saved.id);
    } catch (error) {
      return { ok: false, error: await describe(error) };
    }
    summary.saved = null;
    summary.reviews = {};
    await setSession({ [tabKey(data.tabId)]: summary });
    await updateBadge(data.tabId, summary);
    await notifyTab(data.tabId, null, undefined, {});
    return { ok: true };
  });

  onMessage('checkTab', async ({ data }) => {
    try {
      const tab = await browser.tabs.get(data.tabId);
      await inject(data.tabId, 0, tab.url ?? '', 'manual');
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });

  onMessage('showPanel', async ({ data }) => {
    const summary = await getTab(data.tabId);
    await sendMessage('reopenPanel', undefined, { tabId: data.tabId, frameId: summary?.frameId ?? 0 }).catch(() => undefined);
  });

  onMessage('reviewFinding', async ({ data, sender }) => {
    const tabId = data.tabId >= 0 ? data.tabId : sender.tab?.id;
    if (tabId === undefined) return { ok: false, error: await say('没有可审核的年报。', 'There is no report to review.') };
    return review(tabId, data.key, data.review);
  });

  onMessage('openLibrary', async ({ data, sender }) => {
    const tabId = data.tabId >= 0 ? data.tabId : sender.tab?.id;
    const saved = tabId === undefined ? null : (await getTab(tabId))?.saved;
    const getURL = browser.runtime.getURL as (path: string) => string;
    await browser.tabs.create({ url: getURL(saved ? `/library.html#report=${saved.id}` : '/library.html') });
  });

  onMessage('syncAutoDetect', async () => ({ registered: await syncAutoDetect() }));
  onMessage('getInjections', async () => ((await getSession('injections')) as InjectionRecord[] | undefined) ?? []);

  // ---- tab lifecycle ----
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    if (changeInfo.status === 'loading') void forgetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));

  // ---- optional all-sites detection ----
  browser.permissions.onAdded?.addListener(() => void syncAutoDetect());
  browser.permissions.onRemoved?.addListener(() => void syncAutoDetect());
  browser.runtime.onStartup?.addListener(() => void syncAutoDetect());
  browser.runtime.onInstalled?.addListener(() => void syncAutoDetect());
});

// ---------------------------------------------------------------------------------------------

let db: LibraryDB | null = null;
async function library(): Promise<LibraryDB> {
  db ??= openLibrary();
  // Dexie rejects every call after a failed open (private window, storage blocked…) until open() is
  // called again: retry here, so the library works again once storage is back (no-op when open).
  if (!db.isOpen()) await ensureOpen(db);
  return db;
}

/**
 * Inject the report script into one frame. Every injection goes through here and is recorded first
 * (storage.session "injections"), so tests can prove a page never received the script.
 */
const injected = new Map<number, Set<string>>();
async function inject(tabId: number, frameId: number, url: string, reason: InjectionRecord['reason']): Promise<void> {
  const key = `${frameId}|${url}`;
  const seen = injected.get(tabId) ?? new Set<string>();
  if (reason === 'detected' && seen.has(key)) return;
  seen.add(key);
  injected.set(tabId, seen);
  const records = ((await getSession('injections')) as InjectionRecord[] | undefined) ?? [];
  records.push({ tabId, frameId, url, reason, at: new Date().toISOString() });
  await setSession({ injections: records.slice(-MAX_INJECTION_RECORDS) });
  if (IS_MV3 || !browser.tabs.executeScript) {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [REPORT_SCRIPT] });
  } else {
    await browser.tabs.executeScript(tabId, { file: REPORT_SCRIPT, frameId, runAt: 'document_idle' });
  }
}

async function save(tabId: number | undefined, payload: CheckedPayload): Promise<SaveAnswer> {
  let answer: SaveAnswer;
  try {
    const result = await saveReport(await library(), { report: payload.report, findings: payload.findings, url: payload.url });
    const saved: SavedState = { id: result.id, savedAt: result.savedAt, status: result.status };
    if (result.previousSavedAt) saved.previousSavedAt = result.previousSavedAt;
    answer = { ok: true, saved };
    // The neighbour years' cross-year findings (carry-over…) change now that this year is in the library.
    void library().then((db) => reevaluateNeighbours(db, result.id)).catch((error) => console.warn('[report-lens] re-checking neighbour years failed', error));
  } catch (error) {
    answer = { ok: false, error: await describe(error) };
  }
  if (tabId !== undefined) {
    const summary = await getTab(tabId);
    if (summary && summary.url === payload.url) {
      if (answer.ok) {
        summary.saved = answer.saved;
        delete summary.saveError;
        // A new revision carries over the reviews of findings that still exist.
        summary.reviews = toReviewMap(await reviewsFor(await library(), answer.saved.id).catch(() => []));
      } else summary.saveError = answer.error;
      await setSession({ [tabKey(tabId)]: summary });
      await updateBadge(tabId, summary);
    }
  }
  return answer;
}

/** Confirm, dismiss or clear a finding's review; the tab's report is saved first when it is not yet. */
async function review(tabId: number, key: string, value: { status: 'confirmed' | 'dismissed'; note?: string } | null): Promise<ReviewAnswer> {
  if (typeof key !== 'string' || !key) return { ok: false, error: await say('没有可审核的问题。', 'There is no finding to review.') };
  if (value !== null && value?.status !== 'confirmed' && value?.status !== 'dismissed') {
    return { ok: false, error: await say('无效的审核。', 'Invalid review.') };
  }
  let summary = await getTab(tabId);
  if (!summary?.isReport) return { ok: false, error: await say('没有可审核的年报。', 'There is no report to review.') };
  let saved = summary.saved;
  if (!saved) {
    const payload = (await getSession(payloadKey(tabId))) as CheckedPayload | undefined;
    if (!payload?.report?.isReport) return { ok: false, error: await say('没有可审核的年报。', 'There is no report to review.') };
    const answer = await save(tabId, payload);
    if (!answer.ok) return answer;
    saved = answer.saved;
  }
  let reviews: ReviewMap;
  try {
    const db = await library();
    await setReview(db, saved.id, key, value === null ? null : { status: value.status, note: typeof value.note === 'string' ? value.note : '' });
    reviews = toReviewMap(await reviewsFor(db, saved.id));
  } catch (error) {
    return { ok: false, error: isLibraryError(error) ? await say(error.zh, error.en) : await say('审核未保存：', 'The review was not saved: ') + String(error) };
  }
  summary = await getTab(tabId);
  if (summary) {
    summary.saved = saved;
    summary.reviews = reviews;
    await setSession({ [tabKey(tabId)]: summary });
    await updateBadge(tabId, summary);
  }
  return { ok: true, saved, reviews };
}

/** The newest saved revision of a URL (row only, no body) and its reviews. */
async function libraryState(db: LibraryDB, url: string): Promise<{ saved: SavedState | null; reviews: ReviewMap }> {
  const row = (await revisionsOf(db, url)).find((r) => r.latest === 1);
  if (!row?.id) return { saved: null, reviews: {} };
  return { saved: { id: row.id, savedAt: row.savedAt }, reviews: toReviewMap(await reviewsFor(db, row.id)) };
}

async function notifyTab(tabId: number, saved: SavedState | null, saveError?: string, reviews?: ReviewMap): Promise<void> {
  const summary = await getTab(tabId);
  await sendMessage('savedStateChanged', { saved, saveError, reviews: reviews ?? summary?.reviews }, { tabId, frameId: summary?.frameId ?? 0 }).catch(() => undefined);
}

function summarise(data: CheckedPayload, frameId: number, saved: SavedState | null, reviews: ReviewMap): TabSummary {
  const { meta } = data.report;
  return {
    url: data.url,
    frameId,
    isReport: data.report.isReport,
    meta: {
      title: meta.title,
      agency: meta.agency,
      year: meta.year,
      format: meta.format,
      script: meta.script,
      publishedAt: meta.publishedAt,
      ...(meta.printed ? { printed: { title: meta.printed.title, agency: meta.printed.agency } } : {}),
    },
    figures: data.report.figures,
    findings: data.findings,
    saved,
    reviews,
    checkedAt: new Date().toISOString(),
  };
}

// ---- badge ----

const action = () => (browser.action ?? browser.browserAction) as typeof browser.action;

async function updateBadge(tabId: number, summary: TabSummary | null): Promise<void> {
  const { text, color } = badgeFor(summary?.isReport ? summary.findings : null, summary?.reviews);
  try {
    await action().setBadgeText({ tabId, text });
    if (text) await action().setBadgeBackgroundColor({ tabId, color });
  } catch {
    // The tab went away.
  }
}

async function forgetTab(tabId: number): Promise<void> {
  injected.delete(tabId);
  await removeSession([tabKey(tabId), payloadKey(tabId)]);
  await updateBadge(tabId, null);
}

// ---- per-tab state in storage.session (survives the MV3 worker being stopped) ----

const tabKey = (tabId: number) => `tab:${tabId}`;
const payloadKey = (tabId: number) => `payload:${tabId}`;
const memory = new Map<string, unknown>();
const session = () => (browser.storage as { session?: typeof browser.storage.local }).session;

async function getSession(key: string): Promise<unknown> {
  const area = session();
  if (!area) return memory.get(key);
  return (await area.get(key))[key];
}
async function setSession(items: Record<string, unknown>): Promise<void> {
  const area = session();
  if (!area) {
    for (const [k, v] of Object.entries(items)) memory.set(k, v);
    return;
  }
  await area.set(items);
}
async function removeSession(keys: string[]): Promise<void> {
  const area = session();
  if (!area) {
    for (const k of keys) memory.delete(k);
    return;
  }
  await area.remove(keys);
}
async function getTab(tabId: number): Promise<TabSummary | undefined> {
  return (await getSession(tabKey(tabId))) as TabSummary | undefined;
}

// ---- messages for the user ----

async function say(zh: string, en: string): Promise<string> {
  const { language } = await getSettings().catch(() => ({ language: 'auto' as const }));
  return language === 'en' ? en : zh;
}
async function describe(error: unknown): Promise<string> {
  if (isLibraryError(error)) return say(error.zh, error.en);
  return (await say('保存失败：', 'Saving failed: ')) + (error instanceof Error ? error.message : String(error));
}

// ---- the optional all-sites detector ----

let firefoxRegistration: { unregister(): Promise<void> } | null = null;

/** Register the detector on all sites when the setting is on and the permission granted; else remove it. */
async function syncAutoDetect(): Promise<boolean> {
  const settings = await getSettings();
  const granted = await browser.permissions.contains({ origins: [ALL_SITES] }).catch(() => false);
  const want = settings.autoDetectAll && granted;
  const scripting = browser.scripting as typeof browser.scripting | undefined;
  if (scripting?.registerContentScripts) {
    const existing = await scripting.getRegisteredContentScripts({ ids: [DYNAMIC_DETECTOR_ID] }).catch(() => []);
    if (want && existing.length === 0) {
      await scripting.registerContentScripts([
        {
          id: DYNAMIC_DETECTOR_ID,
          matches: [ALL_SITES],
          excludeMatches: ['*://*.gov.cn/*'],
          js: [DETECTOR_SCRIPT],
          allFrames: true,
          runAt: 'document_idle',
        },
      ]);
    } else if (!want && existing.length > 0) {
      await scripting.unregisterContentScripts({ ids: [DYNAMIC_DETECTOR_ID] });
    }
    return want;
  }
  // Firefox MV2 without scripting.registerContentScripts: contentScripts.register (lives as long as the page).
  const contentScripts = (browser as unknown as { contentScripts?: { register(o: unknown): Promise<{ unregister(): Promise<void> }> } }).contentScripts;
  if (want && !firefoxRegistration && contentScripts) {
    firefoxRegistration = await contentScripts.register({
      matches: [ALL_SITES],
      excludeMatches: ['*://*.gov.cn/*'],
      js: [{ file: DETECTOR_SCRIPT }],
      allFrames: true,
      runAt: 'document_idle',
    });
  } else if (!want && firefoxRegistration) {
    await firefoxRegistration.unregister();
    firefoxRegistration = null;
  }
  return want;
}
