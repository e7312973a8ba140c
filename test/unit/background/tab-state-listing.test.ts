/**
 * A 年报 listing tab in the background's tab state: the listing the report script sent is kept (in the shape
 * the popup reads, bounded, http(s) only), a listing frame is not wiped by another frame, the badge counts the
 * reports in a neutral colour. fakeBrowser (storage.session, action), fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BadgeService, listingBadge } from '../../../entrypoints/background/badge';
import { LibraryService } from '../../../entrypoints/background/library';
import { listingOf, TabState } from '../../../entrypoints/background/tab-state';
import type { ListingSummary } from '../../../utils/batch/protocol';
import { openLibrary } from '../../../utils/library/store';
import type { PageCheck } from '../../../utils/messaging';
import { dbName, makeReport } from '../library/builder';

const BASE = 'https://www.qingxi.gov.cn/scjgj/zfxxgk/ndbg/';
const listing: ListingSummary = {
  url: `${BASE}index.html`,
  reports: [
    {
      url: `${BASE}202401/t20240126_5523107.html`,
      title: '青溪市市场监督管理局2023年政府信息公开工作年度报告',
      year: 2023,
      agency: '青溪市市场监督管理局',
      date: '2024-01-26',
    },
    {
      url: `${BASE}202301/t20230129_5129876.html`,
      title: '青溪市市场监督管理局2022年政府信息公开工作年度报告',
      year: 2022,
      agency: '青溪市市场监督管理局',
      date: null,
    },
  ],
  nextPages: [`${BASE}index_1.html`, `${BASE}index_2.html`],
};

function notAReport(url: string, extra: Partial<PageCheck> = {}): PageCheck {
  const report = { ...makeReport({ year: 2023, url }), isReport: false };
  return { url, report, findings: [], save: false, ...extra };
}

beforeEach(() => fakeBrowser.reset());

describe('a listing in the tab state', () => {
  it('keeps the listing the report script sent, and the badge says how many reports it lists', async () => {
    const action = (browser.action ?? browser.browserAction) as typeof browser.action;
    const text = vi.spyOn(action, 'setBadgeText').mockResolvedValue(undefined);
    const color = vi.spyOn(action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
    const tabs = new TabState(new LibraryService(() => openLibrary(dbName())), new BadgeService());
    await tabs.checked(5, 0, notAReport(listing.url, { listing }));
    const summary = await tabs.get(5);
    expect(summary?.isReport).toBe(false);
    expect(summary?.listing).toEqual(listing);
    expect(text).toHaveBeenLastCalledWith({ tabId: 5, text: '2' });
    expect(color).toHaveBeenLastCalledWith({ tabId: 5, color: '#5f6368' });

    // A frame of the same tab that is neither report nor listing (an embedded widget) leaves it alone.
    await tabs.checked(5, 3, notAReport('https://www.qingxi.gov.cn/widget.html'));
    expect((await tabs.get(5))?.listing).toEqual(listing);
    // The listing frame itself, navigated to a page that is no listing, clears it.
    await tabs.checked(5, 0, notAReport(`${BASE}other.html`));
    expect((await tabs.get(5))?.listing).toBeUndefined();
    expect(text).toHaveBeenLastCalledWith({ tabId: 5, text: '' });
  });

  it('a report keeps no listing even if one is sent with it', async () => {
    const tabs = new TabState(new LibraryService(() => openLibrary(dbName())), new BadgeService());
    const report = makeReport({ year: 2023, url: `${BASE}202401/t20240126_5523107.html` });
    await tabs.checked(6, 0, { url: `${BASE}202401/t20240126_5523107.html`, report, findings: [], save: false, listing });
    expect((await tabs.get(6))?.listing).toBeUndefined();
  });
});

describe('listingOf: the page’s word, kept in shape', () => {
  it('drops non-http addresses and malformed entries, and an empty listing', () => {
    const raw = {
      url: listing.url,
      reports: [listing.reports[0], { url: 'javascript:alert(1)', title: 'x', year: 2023, agency: null }, null, { title: 'no url' }],
      nextPages: [`${BASE}index_1.html`, 'data:text/html,x', 42],
    } as unknown as ListingSummary;
    expect(listingOf(raw)).toEqual({ url: listing.url, reports: [listing.reports[0]], nextPages: [`${BASE}index_1.html`] });
    expect(listingOf({ url: listing.url, reports: [], nextPages: [] })).toBeNull();
    expect(listingOf(undefined)).toBeNull();
  });

  it('bounds a hostile page’s list at 1000 reports', () => {
    const reports = Array.from({ length: 1500 }, (_, i) => ({
      url: `${BASE}${i}.html`,
      title: `${i}`,
      year: null,
      agency: null,
      date: null,
    }));
    expect(listingOf({ url: listing.url, reports, nextPages: [] })?.reports).toHaveLength(1000);
  });

  it('the badge counts reports, capped in width', () => {
    expect(listingBadge(12).text).toBe('12');
    expect(listingBadge(1200).text).toBe('999+');
    expect(listingBadge(12).title).toContain('12 份年报');
  });
});
