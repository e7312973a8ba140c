// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LibraryApp } from '../../../components/library/LibraryApp';
import { LibraryService } from '../../../entrypoints/background/library';
import { type LibraryDB, openLibrary, saveReport } from '../../../utils/library/store';
import { getSettings } from '../../../utils/settings';
import { dbName, makeFinding, makeReport } from './builder';

const wait = async (cond: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const rows = () => [...document.querySelectorAll('[data-testid="report-row"]')];

let db: LibraryDB;
afterEach(async () => {
  render(null, document.body);
  db?.close();
  await db?.delete();
  location.hash = '';
});

describe('library view', () => {
  it('lists saved reports live, keeps page text as text, deletes with undo, filters', async () => {
    db = openLibrary(dbName());
    await saveReport(db, {
      report: makeReport({ year: 2021 }),
      findings: [makeFinding('carry-over')],
      url: 'http://www.example.gov.cn/a.html',
    });
    const root = document.createElement('div');
    document.body.append(root);
    render(<LibraryApp db={db} writes={new LibraryService(() => db)} />, root);
    await wait(() => rows().length === 1);

    // a save from another tab appears without reload; hostile markup stays text
    await saveReport(db, {
      report: makeReport({ year: 2022, agency: '<img src=x onerror=alert(1)>局' }),
      findings: [],
      url: 'http://www.example.gov.cn/b.html',
    });
    await wait(() => rows().length === 2);
    expect(document.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>局');

    // delete, then undo
    const first = rows().find((r) => r.getAttribute('data-year') === '2021')!;
    const id = first.getAttribute('data-report-id');
    (first.querySelector('[data-testid="delete-report"]') as HTMLButtonElement).click();
    await wait(() => rows().length === 1 && !!document.querySelector('[data-testid="undo-delete"]'));
    (document.querySelector('[data-testid="undo-delete"]') as HTMLButtonElement).click();
    await wait(() => rows().length === 2);
    expect(rows().some((r) => r.getAttribute('data-report-id') === id)).toBe(true);

    // filter: has errors → only the 2021 report
    const select = document.querySelector('[data-testid="filter-errors"]') as HTMLSelectElement;
    select.value = 'yes';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await wait(() => rows().length === 1);
    expect(rows()[0].getAttribute('data-year')).toBe('2021');

    // The one language setting: Traditional, then English, chosen on the page and stored for every page
    const language = document.querySelector('[data-testid="language"]') as HTMLSelectElement;
    language.value = 'zh-Hant';
    language.dispatchEvent(new Event('change', { bubbles: true }));
    await wait(() => (root.textContent ?? '').includes('報告列表'));
    // The lang attribute is set by an effect that runs after the paint showing the words: waited for, not raced.
    await wait(() => document.documentElement.lang === 'zh-Hant').catch(() => undefined);
    expect(document.documentElement.lang).toBe('zh-Hant');
    language.value = 'en';
    language.dispatchEvent(new Event('change', { bubbles: true }));
    await wait(() => (root.textContent ?? '').includes('Reports'));
    expect((await getSettings()).language).toBe('en');
  });

  it('has the switch of the readPictures setting: it shows the stored choice and writes the other one', async () => {
    fakeBrowser.reset();
    db = openLibrary(dbName());
    const root = document.createElement('div');
    document.body.append(root);
    render(<LibraryApp db={db} writes={new LibraryService(() => db)} />, root);
    const box = () => document.querySelector('input[data-setting="readPictures"]') as HTMLInputElement | null;
    await wait(() => !!box());
    // Default 'auto': read at once.
    await wait(() => box()!.checked);
    expect(root.textContent).toContain('自动识别图片表格和扫描 PDF');
    box()!.click();
    const end = Date.now() + 3000;
    while ((await getSettings()).readPictures !== 'ask' && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect((await getSettings()).readPictures).toBe('ask');
    expect(box()!.checked).toBe(false);
  });
});
