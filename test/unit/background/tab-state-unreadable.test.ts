/**
 * pdf.html's scanned PDF in the background's tab state (issue 21 item 3): the unreadable report it sends is
 * saved to the library when asked (a row that appears in the scores, never scored); a page that is simply not
 * a report still is not. fakeBrowser (storage.session, action), fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { htmlToDocument } from '../../../cli/dom';
import { BadgeService } from '../../../entrypoints/background/badge';
import { LibraryService } from '../../../entrypoints/background/library';
import { TabState } from '../../../entrypoints/background/tab-state';
import { type LibraryDB, openLibrary } from '../../../utils/library/store';
import { unreadablePdfReport } from '../../../utils/pipeline';
import { dbName, makeReport } from '../library/builder';

beforeEach(() => fakeBrowser.reset());

describe('an unreadable (scanned) PDF in the tab state', () => {
  it('is saved when saving is asked, as a row marked unreadable; a non-report is not', async () => {
    const db: LibraryDB = openLibrary(dbName());
    const tabs = new TabState(new LibraryService(() => db), new BadgeService());
    const url = 'https://www.example.gov.cn/nb/2023-scan.pdf';
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/pdf/scanned.pdf')));
    const report = unreadablePdfReport(bytes, url, htmlToDocument('<html><body></body></html>'));
    const state = await tabs.checked(7, 0, { url, report, findings: [], save: true });
    expect(state.saved?.status).toBe('saved');
    const rows = await db.reports.toArray();
    expect(rows.map((r) => [r.url, r.score?.unreadable])).toEqual([[url, 'scanned']]);

    const other = 'https://www.example.gov.cn/news.html';
    await tabs.checked(8, 0, {
      url: other,
      report: { ...makeReport({ year: 2023, url: other }), isReport: false },
      findings: [],
      save: true,
    });
    expect((await db.reports.toArray()).map((r) => r.url)).toEqual([url]);
  });
});
