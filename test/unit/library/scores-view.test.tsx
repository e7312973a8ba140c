// @vitest-environment happy-dom
/**
 * #scores in the library page (happy-dom): one row per newest revision with its score, live after a review,
 * re-scored when a threshold is edited, page text kept as text. Scores worked by hand from the synthetic
 * report (test/unit/library/builder.ts → cli/bench/synthetic.ts) and the weights in utils/score/scorecard.ts.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { LibraryApp } from '../../../components/library/LibraryApp';
import { LibraryService } from '../../../entrypoints/background/library';
import { findingKey, type LibraryDB, openLibrary, saveReport } from '../../../utils/library/store';
import { unreadablePdfReport } from '../../../utils/pipeline';
import { dbName, makeFinding, makeReport } from './builder';

const wait = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const score = (id: number) => document.querySelector(`[data-score-row][data-report-id="${id}"] [data-score]`);

let db: LibraryDB;
afterEach(async () => {
  render(null, document.body);
  db?.close();
  await db?.delete();
  location.hash = '';
});

describe('library #scores', () => {
  it('scores each newest revision, follows reviews and thresholds, explains every point', async () => {
    db = openLibrary(dbName());
    // A synthetic 2021 report of a department: published 2022-01-22 (day 10 + 12 % 18) ≤ 2022-01-31: on time 20/20;
    // no sections parsed: 0/18; only the applications table: 4/12; one error: 30 − 10 = 20/30; no 2020: 0/0;
    // no 表四: 纠错率 0/0; 公开率 0 disclosed of 12 + 1 − 2 = 11 handled = 0% < 50%: 0/5.
    // 20 + 0 + 4 + 20 + 0 + 0 = 44 of 20 + 18 + 12 + 30 + 5 = 85.
    const error = makeFinding('carry-over');
    const a = await saveReport(db, {
      report: makeReport({ year: 2021, agency: '<b>平邑县</b>卫生健康局' }),
      findings: [error],
      url: 'http://www.example.gov.cn/a.html',
    });
    // An older revision of another URL, then its newer revision: only the newer one is listed.
    await saveReport(db, { report: makeReport({ year: 2020, newApps: 5 }), findings: [], url: 'http://www.example.gov.cn/b.html' });
    const b = await saveReport(db, {
      report: makeReport({ year: 2020, newApps: 6 }),
      findings: [],
      url: 'http://www.example.gov.cn/b.html',
    });
    const service = new LibraryService(() => db);
    location.hash = '#scores';
    const root = document.createElement('div');
    document.body.append(root);
    render(<LibraryApp db={db} writes={service} />, root);
    await wait(() => document.querySelectorAll('[data-score-row]').length === 2);
    expect(score(a.id)?.getAttribute('data-score')).toBe('44');
    expect(score(a.id)?.getAttribute('data-score-max')).toBe('85');
    // b: 2020, published 2021-01-16 (10 + 6) ≤ 2021-01-31: 20; 0 + 4; no findings 30; 公开率 0 of 6 + 1 − 2 = 5: 0.
    expect(score(b.id)?.getAttribute('data-score')).toBe('54');
    expect(document.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('<b>平邑县</b>卫生健康局');

    // Dismissing the error gives its 10 points back.
    await service.review(a.id, findingKey(error), { status: 'dismissed' });
    await wait(() => score(a.id)?.getAttribute('data-score') === '54');

    // A 公开率 threshold of 0% earns both reports its 5 points.
    const input = document.querySelector('[data-threshold="disclosureRate"]') as HTMLInputElement;
    input.value = '0';
    // preact/compat (loaded by the library page) turns an input's onChange into onInput.
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await wait(() => score(a.id)?.getAttribute('data-score') === '59' && score(b.id)?.getAttribute('data-score') === '59');

    // Explain: one element per item, with its points and maximum and its reason as text.
    (document.querySelector(`[data-score-row][data-report-id="${a.id}"] [data-action="explain-score"]`) as HTMLButtonElement).click();
    await wait(() => !!document.querySelector('[data-score-explain]'));
    const items = [...document.querySelectorAll('[data-score-explain] [data-criterion]')].map((e) => [
      e.getAttribute('data-criterion'),
      e.getAttribute('data-points'),
      e.getAttribute('data-max'),
    ]);
    expect(items).toEqual([
      ['onTime', '20', '20'],
      ['sections', '0', '18'],
      ['tables', '4', '12'],
      ['dataLogic', '30', '30'],
      ['copied', '0', '0'],
      ['correctionRate', '0', '0'],
      ['disclosureRate', '5', '5'],
    ]);
    expect(document.querySelector('[data-score-explain]')!.textContent).toContain('2022-01-22 发布，未晚于期限 2022-01-31');
  });

  it('a scanned PDF is listed, grey "无法核对", never scored, after the scored reports', async () => {
    db = openLibrary(dbName());
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/pdf/scanned.pdf')));
    const scanUrl = 'http://www.example.gov.cn/nb/scan.pdf';
    const scan = await saveReport(db, {
      report: unreadablePdfReport(bytes, scanUrl, document.implementation.createHTMLDocument('')),
      findings: [],
      url: scanUrl,
    });
    const a = await saveReport(db, { report: makeReport({ year: 2021 }), findings: [], url: 'http://www.example.gov.cn/a.html' });
    location.hash = '#scores';
    const root = document.createElement('div');
    document.body.append(root);
    render(<LibraryApp db={db} writes={new LibraryService(() => db)} />, root);
    await wait(() => root.querySelectorAll('[data-score-row]').length === 2);
    const ids = [...root.querySelectorAll('[data-score-row]')].map((r) => Number(r.getAttribute('data-report-id')));
    expect(ids).toEqual([a.id, scan.id]);
    const row = root.querySelector(`[data-score-row][data-report-id="${scan.id}"]`)!;
    expect(row.querySelector('[data-score]')?.getAttribute('data-score-max')).toBe('0');
    expect(row.querySelector('[data-not-checkable]')?.getAttribute('data-not-checkable')).toBe('scanned');
    expect(row.querySelector('[data-not-checkable]')?.textContent).toBe('无法核对');
    expect(row.textContent).toContain('scan.pdf');
    expect(root.querySelector(`[data-score-row][data-report-id="${a.id}"] [data-not-checkable]`)).toBeNull();
  });
});
