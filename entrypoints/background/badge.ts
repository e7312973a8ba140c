/**
 * The badge service: the one writer of the toolbar action's badge. The tab state tells it what a tab shows
 * (a report's open findings, a 年报 listing's count, a PDF mark, or nothing); the batch service tells it the
 * progress of the active runs, shown as the global badge.
 *
 * A tab's own badge, once set (even to nothing), hides the global one on that tab: that is the browser's
 * rule, and the reason a checked tab is always given its own text, '' included.
 */
import { browser } from 'wxt/browser';
import { POPUP_STRINGS, type PopupStrings } from '@/utils/i18n/popup';
import type { Finding, Locale } from '@/utils/report/types';
import { badgeFor, countActive, type ReviewMap } from '@/utils/reviews';
import { getSettings } from '@/utils/settings';
import type { BatchBadgePort, TabBadge, TabBadgePort } from './ports';

/** The parts of browser.action (MV3) / browser.browserAction (MV2) the badge uses. */
export interface ActionApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void>;
  setTitle?(details: { tabId?: number; title: string }): Promise<void>;
}

/**
 * The language of the badge's tooltips: the one language setting, or null when it is 'auto' (the badge has
 * no report to follow, so its tooltip says it in Simplified Chinese and in English).
 */
export type BadgeLocale = () => Promise<Locale | null>;

const settingsLocale: BadgeLocale = async () => {
  const { language } = await getSettings().catch(() => ({ language: 'auto' as const }));
  return language === 'auto' ? null : language;
};

/** A tooltip from the catalogue in the locale, or in Simplified Chinese then English when there is none. */
function titled(locale: Locale | null, say: (t: PopupStrings) => string): string {
  return locale ? say(POPUP_STRINGS[locale]) : `${say(POPUP_STRINGS['zh-Hans'])} · ${say(POPUP_STRINGS.en)}`;
}

/** The badge of a PDF tab not yet checked: a mark, not a count. */
const pdfBadge = (locale: Locale | null) => ({ text: 'PDF', color: '#1565c0', title: titled(locale, (t) => t.badgePdfTitle) });
/** Batch progress ("7/12"), on every tab without a badge of its own. */
const BATCH_COLOR = '#3c6e9f';

/** The badge of a 年报 listing tab: how many reports it lists, in a neutral grey (not a count of errors). */
export function listingBadge(count: number, locale: Locale | null = null): { text: string; color: string; title: string } {
  return {
    text: count > 999 ? '999+' : String(count),
    color: '#5f6368',
    title: titled(locale, (t) => t.badgeListingTitle(count)),
  };
}

/**
 * The tooltip of a report tab's badge: what the number counts, open findings per severity (dismissed ones
 * left out, as in the number), in the chosen language.
 */
export function findingsBadgeTitle(findings: readonly Finding[], reviews?: ReviewMap | null, locale: Locale | null = null): string {
  const { error, warning, info } = countActive(findings, reviews);
  return titled(locale, (t) => t.badgeTitle(error, warning, info));
}

/** What a tab badge looks like: text, colour, and a title when the text needs saying what it counts. */
function look(badge: TabBadge, locale: Locale | null): { text: string; color: string; title?: string } {
  switch (badge.kind) {
    case 'listing':
      return listingBadge(badge.count, locale);
    case 'pdf':
      return pdfBadge(locale);
    case 'findings':
      return { ...badgeFor(badge.findings, badge.reviews), title: findingsBadgeTitle(badge.findings, badge.reviews, locale) };
    case 'none':
      return badgeFor(null);
  }
}

const browserAction = (): ActionApi => (browser.action ?? browser.browserAction) as unknown as ActionApi;

export class BadgeService implements TabBadgePort, BatchBadgePort {
  constructor(
    private readonly action: () => ActionApi = browserAction,
    private readonly locale: BadgeLocale = settingsLocale,
  ) {}

  async tab(tabId: number, badge: TabBadge): Promise<void> {
    const { text, color, title } = look(badge, await this.locale().catch(() => null));
    const action = this.action();
    try {
      await action.setBadgeText({ tabId, text });
      if (text) await action.setBadgeBackgroundColor({ tabId, color });
      // The browser resets a tab's title when the tab navigates; a count or mark needs saying what it is.
      if (title) await action.setTitle?.({ tabId, title });
    } catch {
      // The tab went away.
    }
  }

  async batch(progress: { done: number; total: number } | null): Promise<void> {
    const text = progress?.total ? `${progress.done}/${progress.total}` : '';
    const action = this.action();
    try {
      await action.setBadgeText({ text });
      if (text) await action.setBadgeBackgroundColor({ color: BATCH_COLOR });
    } catch (error) {
      console.warn('[report-lens] batch badge failed', error);
    }
  }
}
