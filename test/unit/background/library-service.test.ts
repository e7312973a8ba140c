/**
 * The background's pure parts: the library service (the one writer) announces every write, answers the
 * tab's saved state and reviews; cross-year findings are computed beside the saved neighbours and merged
 * with the page's own. Real rules, fake-indexeddb.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { withCrossYear } from '../../../entrypoints/background/cross-year';
import { type LibraryChange, LibraryService } from '../../../entrypoints/background/library';
import { findingKey, openLibrary } from '../../../utils/library/store';
import { hashBytes } from '../../../utils/report/hash';
import { runRules } from '../../../utils/rules';
import { dbName, makeReport } from '../library/builder';

const URL_21 = 'http://www.example.gov.cn/a/2021.html';
const URL_22 = 'http://www.example.gov.cn/a/2022.html';

function service() {
  const svc = new LibraryService(() => openLibrary(dbName()));
  const changes: LibraryChange[] = [];
  svc.onChange((c) => changes.push(c));
  return { svc, changes };
}

describe('library service', () => {
  it('announces every write, and the tab state it answers follows them', async () => {
    const { svc, changes } = service();
    const report = makeReport({ year: 2022, url: URL_22, carriedOver: 5 });
    const findings = runRules(report);
    const saved = await svc.save({ report, findings, url: URL_22 });
    expect(changes.at(-1)).toEqual({ kind: 'saved', ids: [saved.id] });
    expect((await svc.stateOf(URL_22)).saved?.id).toBe(saved.id);

    const key = findingKey(findings[0]!);
    await svc.review(saved.id, key, { status: 'dismissed', note: '已核实' });
    expect(changes.at(-1)).toEqual({ kind: 'review', ids: [saved.id] });
    expect((await svc.stateOf(URL_22)).reviews[key]).toMatchObject({ status: 'dismissed', note: '已核实' });

    const removed = await svc.remove(saved.id);
    expect(changes.at(-1)).toEqual({ kind: 'removed', ids: [saved.id] });
    expect(await svc.stateOf(URL_22)).toEqual({ saved: null, reviews: {} });

    await svc.restore(removed);
    expect(changes.at(-1)).toEqual({ kind: 'restored', ids: [saved.id] });
    expect((await svc.stateOf(URL_22)).reviews[key]?.status).toBe('dismissed');
  });

  it('refuses a review that is not one, and writes nothing', async () => {
    const { svc, changes } = service();
    const report = makeReport({ year: 2022, url: URL_22 });
    const { id } = await svc.save({ report, findings: [], url: URL_22 });
    const before = changes.length;
    await expect(svc.review(id, 'x@report', { status: 'maybe' as 'confirmed' })).rejects.toMatchObject({ name: 'LibraryError' });
    await expect(svc.review(id, '', null)).rejects.toMatchObject({ name: 'LibraryError' });
    expect(changes.length).toBe(before);
  });

  it('imports a file sent in parts', async () => {
    const { svc, changes } = service();
    const file = JSON.stringify({
      format: 'report-lens-library',
      version: 2,
      exportedAt: '2024-01-01T00:00:00.000Z',
      reports: [],
      reviews: [],
      agencyLinks: [],
    });
    svc.appendUpload('t1', file.slice(0, 20));
    svc.appendUpload('t1', file.slice(20));
    expect(await svc.importJson({ upload: 't1' })).toEqual({ added: 0, unchanged: 0, reviews: 0, agencyLinks: 0 });
    expect(changes.at(-1)?.kind).toBe('import');
  });
});

describe('cross-year findings beside the neighbours', () => {
  it('the page’s findings are kept; carry-over is added when the previous year says otherwise', async () => {
    const { svc } = service();
    // 2021 carried 2 forward; 2022 says 5 were carried over.
    const r21 = makeReport({ year: 2021, url: URL_21, carriedForward: 2 });
    await svc.save({ report: r21, findings: runRules(r21), url: URL_21 });
    const r22 = makeReport({ year: 2022, url: URL_22, carriedOver: 5 });
    const page = runRules(r22);
    expect(page.filter((f) => f.rule === 'carry-over')).toEqual([]);
    const merged = withCrossYear(r22, page, await svc.neighbours(r22));
    // (the builder's two years share most sentences: copied-text, also cross-year, joins too)
    const crossYear = new Set(['carry-over', 'copied-text', 'regulations-continuity']);
    expect(merged.filter((f) => !crossYear.has(f.rule))).toEqual(page);
    expect(merged.filter((f) => f.rule === 'carry-over').length).toBeGreaterThan(0);
    // Without neighbours nothing is added.
    expect(withCrossYear(r22, page, {})).toEqual(page);
  });
});

describe('a PDF year beside a page year of the same agency', () => {
  it('a PDF report gets carry-over against the saved page year, and is saved as a PDF', async () => {
    const { svc } = service();
    const r21 = makeReport({ year: 2021, url: URL_21, carriedForward: 2 });
    await svc.save({ report: r21, findings: runRules(r21), url: URL_21 });
    const pdfUrl = 'http://www.example.gov.cn/a/P020230130123456.pdf';
    const r22 = makeReport({ year: 2022, url: pdfUrl, carriedOver: 5 });
    r22.source = { ...r22.source, kind: 'pdf', fileHash: hashBytes(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 1])) };
    const merged = withCrossYear(r22, runRules(r22), await svc.neighbours(r22));
    expect(merged.filter((f) => f.rule === 'carry-over').length).toBeGreaterThan(0);
    const saved = await svc.save({ report: r22, findings: merged, url: pdfUrl });
    expect((await svc.stateOf(pdfUrl)).saved?.id).toBe(saved.id);
    expect((await (await svc.library()).reports.get(saved.id))?.sourceKind).toBe('pdf');
  });
});
