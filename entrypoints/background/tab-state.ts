/**
 * Tab state: what each tab's report is (summary for the popup, the findings, the saved state and
 * reviews), what its badge shows (told to the badge service), and the push to the tab's report script
 * whenever the library changes (a report deleted or a finding reviewed in the library shows in its open
 * tab at once). Kept in storage.session so it survives the MV3 worker being stopped.
 * The library and the badge are ports (ports.ts), passed in.
 */

import type { ListingSummary } from '@/utils/batch/protocol';
import { type Said, sayError } from '@/utils/i18n/said';
import type { ReviewStatus } from '@/utils/library/types';
import {
  type CheckedPayload,
  type PageCheck,
  type PageState,
  type ReviewAnswer,
  type SaveAnswer,
  type SavedState,
  sendMessage,
  type TabSummary,
} from '@/utils/messaging';
import type { Finding, Report } from '@/utils/report/types';
import type { ReviewMap } from '@/utils/reviews';
import { withLibrary } from './cross-year';
import type { TabBadge, TabBadgePort, TabLibraryPort } from './ports';
import { getSession, removeSession, sessionKeys, setSession } from './session';

const TAB = 'tab:';
/** Listed reports (and further pages) kept per tab: a column page lists tens; this bounds a hostile one. */
const MAX_LISTED = 1000;
const PAYLOAD = 'payload:';
const tabKey = (tabId: number) => `${TAB}${tabId}`;
const payloadKey = (tabId: number) => `${PAYLOAD}${tabId}`;

export class TabState {
  constructor(
    private readonly library: TabLibraryPort,
    private readonly badges: TabBadgePort,
  ) {
    library.onChange(() => void this.followLibrary());
  }

  get(tabId: number): Promise<TabSummary | undefined> {
    return getSession<TabSummary>(tabKey(tabId));
  }

  private payload(tabId: number): Promise<CheckedPayload | undefined> {
    return getSession<CheckedPayload>(payloadKey(tabId));
  }

  /** The report script's one message per check: keep the payload, answer with everything the page lacks. */
  async checked(tabId: number, frameId: number, data: PageCheck): Promise<PageState> {
    const previous = await this.get(tabId);
    // A frame that is not a report must not wipe the state of the frame that is.
    // Nor one that is not a listing the state of the frame that is.
    if (!data.report.isReport && (previous?.isReport || (previous?.listing && !data.listing)) && previous.frameId !== frameId)
      return { findings: [], saved: null, reviews: {} };
    const payload: CheckedPayload = {
      url: data.url,
      report: data.report,
      findings: data.findings,
      ...(typeof data.checked === 'number' ? { checked: data.checked } : {}),
    };
    let state: PageState = { findings: data.findings, saved: null, reviews: {} };
    if (data.report.isReport) {
      try {
        state = await this.libraryState(payload);
      } catch (error) {
        console.warn('[report-lens] library unavailable', error);
      }
    }
    const summary = summarise(payload, frameId, state);
    if (Array.isArray(data.attachments) && data.attachments.length) summary.attachments = data.attachments.slice(0, 5);
    const listing = data.report.isReport ? null : listingOf(data.listing);
    if (listing) summary.listing = listing;
    await setSession({ [tabKey(tabId)]: summary, [payloadKey(tabId)]: payload });
    await this.badge(tabId, summary);
    if (data.save && savable(data.report)) {
      const answer = await this.save(tabId);
      const now = await this.get(tabId);
      return {
        findings: now?.findings ?? state.findings,
        saved: now?.saved ?? null,
        reviews: now?.reviews ?? {},
        ...(answer.ok ? {} : { saveError: answer.error }),
      };
    }
    return state;
  }

  /** Saved state, reviews and the findings with cross-year and hierarchy ones, for a checked page. */
  private async libraryState(payload: CheckedPayload): Promise<PageState> {
    const [context, { saved, reviews }] = await Promise.all([this.library.context(payload.report), this.library.stateOf(payload.url)]);
    return { findings: withLibrary(payload.report, payload.findings, context), saved, reviews };
  }

  /** Save the tab's checked report (with the findings it shows). */
  async save(tabId: number): Promise<SaveAnswer> {
    const [payload, summary] = await Promise.all([this.payload(tabId), this.get(tabId)]);
    if (!payload?.report || !savable(payload.report)) return { ok: false, error: { notice: 'nothingToSave' } };
    let answer: SaveAnswer;
    try {
      const result = await this.library.save({ report: payload.report, findings: summary?.findings ?? payload.findings, url: payload.url });
      const saved: SavedState = { id: result.id, savedAt: result.savedAt, status: result.status };
      if (result.previousSavedAt) saved.previousSavedAt = result.previousSavedAt;
      answer = { ok: true, saved };
    } catch (error) {
      answer = { ok: false, error: sayError(error, 'saveFailed') };
    }
    const now = await this.get(tabId);
    if (now && now.url === payload.url) {
      if (answer.ok) {
        now.saved = answer.saved;
        delete now.saveError;
        // A new revision carries over the reviews of findings that still exist.
        now.reviews = await this.library.reviewsOf(answer.saved.id).catch(() => ({}));
      } else now.saveError = answer.error;
      await setSession({ [tabKey(tabId)]: now });
      await this.badge(tabId, now);
    }
    return answer;
  }

  /** Save from the popup: the page is told too. */
  async saveAndTell(tabId: number): Promise<SaveAnswer> {
    const answer = await this.save(tabId);
    await this.tell(tabId);
    return answer;
  }

  async remove(tabId: number): Promise<{ ok: boolean; error?: Said }> {
    const summary = await this.get(tabId);
    if (!summary?.saved) return { ok: false, error: { notice: 'notSaved' } };
    try {
      await this.library.remove(summary.saved.id); // the library change updates this tab
    } catch (error) {
      return { ok: false, error: sayError(error, 'removeFailed') };
    }
    await this.followLibrary();
    return { ok: true };
  }

  /** Confirm, dismiss or clear a finding's review; the tab's report is saved first when it is not yet. */
  async review(tabId: number, key: string, value: { status: ReviewStatus; note?: string } | null): Promise<ReviewAnswer> {
    if (typeof key !== 'string' || !key) return { ok: false, error: { notice: 'noFindingToReview' } };
    if (value !== null && value?.status !== 'confirmed' && value?.status !== 'dismissed')
      return { ok: false, error: { notice: 'invalidReview' } };
    const summary = await this.get(tabId);
    if (!summary?.isReport) return { ok: false, error: { notice: 'nothingToReview' } };
    let saved = summary.saved;
    if (!saved) {
      const answer = await this.save(tabId);
      if (!answer.ok) return answer;
      saved = answer.saved;
    }
    let reviews: ReviewMap;
    try {
      await this.library.review(saved.id, key, value);
      reviews = await this.library.reviewsOf(saved.id);
    } catch (error) {
      return { ok: false, error: sayError(error, 'reviewNotSaved') };
    }
    const now = await this.get(tabId);
    if (now) {
      now.saved = saved;
      now.reviews = reviews;
      await setSession({ [tabKey(tabId)]: now });
      await this.badge(tabId, now);
    }
    return { ok: true, saved, reviews };
  }

  /**
   * After any library change: re-read every checked report tab's saved state, reviews and cross-year
   * findings; tell the tabs whose state changed and update their badges.
   */
  async followLibrary(): Promise<void> {
    for (const key of await sessionKeys(TAB)) {
      const tabId = Number(key.slice(TAB.length));
      const [summary, payload] = await Promise.all([this.get(tabId), this.payload(tabId)]);
      if (!summary?.isReport || !payload) continue;
      let state: PageState;
      try {
        state = await this.libraryState(payload);
      } catch {
        continue;
      }
      const before = JSON.stringify([summary.saved?.id ?? null, summary.reviews ?? {}, summary.findings]);
      if (before === JSON.stringify([state.saved?.id ?? null, state.reviews, state.findings])) continue;
      // Keep the save status the tab knows ("revised since…") while the revision is the same.
      summary.saved = state.saved && summary.saved?.id === state.saved.id ? summary.saved : state.saved;
      summary.reviews = state.reviews;
      summary.findings = state.findings;
      // The report is in the library now: an earlier failure to save it no longer holds.
      if (state.saved) delete summary.saveError;
      await setSession({ [key]: summary });
      await this.badge(tabId, summary);
      await this.tell(tabId);
    }
  }

  /** Push the tab's state to its report script. */
  async tell(tabId: number): Promise<void> {
    const summary = await this.get(tabId);
    if (!summary) return;
    const state: PageState = {
      findings: summary.findings,
      saved: summary.saved,
      reviews: summary.reviews ?? {},
      ...(summary.saveError ? { saveError: summary.saveError } : {}),
    };
    await sendMessage('pageStateChanged', state, { tabId, frameId: summary.frameId }).catch(() => undefined);
  }

  async forget(tabId: number): Promise<void> {
    await removeSession([tabKey(tabId), payloadKey(tabId)]);
    await this.badge(tabId, null);
  }

  /**
   * A PDF tab on a gov.cn host (the detector cannot run in the browser's PDF viewer): marked "PDF" until the
   * tab navigates; the popup offers to check it. Only when the tab has no checked report of its own.
   */
  async markPdf(tabId: number): Promise<void> {
    if (await this.get(tabId)) return;
    await this.badges.tab(tabId, { kind: 'pdf' });
  }

  /** Reopen the tab's panel (the popup's 显示面板). */
  async showPanel(tabId: number): Promise<void> {
    const summary = await this.get(tabId);
    await sendMessage('reopenPanel', undefined, { tabId, frameId: summary?.frameId ?? 0 }).catch(() => undefined);
  }

  /** The library page's id of the tab's saved report, if it is saved. */
  async savedId(tabId: number | undefined): Promise<number | null> {
    return tabId === undefined ? null : ((await this.get(tabId))?.saved?.id ?? null);
  }

  private badge(tabId: number, summary: TabSummary | null): Promise<void> {
    return this.badges.tab(tabId, badgeOf(summary));
  }
}

/** What a tab's badge shows: a listing's count, else a report's open findings, else nothing (still its own). */
function badgeOf(summary: TabSummary | null): TabBadge {
  if (!summary?.isReport && summary?.listing) return { kind: 'listing', count: summary.listing.reports.length };
  if (summary?.isReport) return { kind: 'findings', findings: summary.findings, reviews: summary.reviews };
  return { kind: 'none' };
}

/** The listing a report script sent, kept only in the shape the popup reads (the message is the page's word). */
export function listingOf(raw: PageCheck['listing']): ListingSummary | null {
  if (!raw || typeof raw !== 'object' || typeof raw.url !== 'string' || !Array.isArray(raw.reports)) return null;
  const reports = raw.reports.filter((r) => r && typeof r.url === 'string' && /^https?:/i.test(r.url)).slice(0, MAX_LISTED);
  if (!reports.length) return null;
  const nextPages = Array.isArray(raw.nextPages)
    ? raw.nextPages.filter((u) => typeof u === 'string' && /^https?:/i.test(u)).slice(0, MAX_LISTED)
    : [];
  return {
    url: raw.url,
    reports: reports.map((r) => ({
      url: r.url,
      title: String(r.title ?? ''),
      year: typeof r.year === 'number' ? r.year : null,
      agency: typeof r.agency === 'string' ? r.agency : null,
      date: typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null,
    })),
    nextPages,
  };
}

function summarise(data: CheckedPayload, frameId: number, state: PageState): TabSummary {
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
    findings: state.findings as Finding[],
    saved: state.saved,
    reviews: state.reviews,
    checkedAt: new Date().toISOString(),
    ...(typeof data.checked === 'number' ? { checked: data.checked } : {}),
  };
}

/** A report is kept when it is one, or when it could not be read at all (a scanned PDF: listed, never scored). */
function savable(report: Report): boolean {
  return report.isReport || !!report.source?.unreadable;
}
