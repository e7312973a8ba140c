/** PDF reports in the library: kind and file hash kept, revisions told apart by the PDF's bytes. */
import 'fake-indexeddb/auto';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { findSaved, neighboursOf, revisionsOf, saveReport } from '../../../utils/library/store';
import { hash128, hashBytes } from '../../../utils/report/hash';
import { ReportShapeSchema } from '../../../utils/report/schema';
import type { Report } from '../../../utils/report/types';
import { freshLibraries, makeFinding, makeReport } from './builder';

const fresh = freshLibraries();
const PDF_URL = 'http://www.example.gov.cn/files/2022nb.pdf';

function pdfReport(bytes: number[], spec: Parameters<typeof makeReport>[0] = {}): Report {
  const report = makeReport({ url: PDF_URL, ...spec });
  report.source = { ...report.source, kind: 'pdf', fileHash: hashBytes(Uint8Array.from(bytes)) };
  return report;
}

describe('hashBytes', () => {
  it('is 32 hex digits, tells one changed byte apart, and differs from hashing the same codes as text', () => {
    const a = hashBytes(Uint8Array.from([0x25, 0x50, 0x44, 0x46]));
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(hashBytes(Uint8Array.from([0x25, 0x50, 0x44, 0x46]))).toBe(a);
    expect(hashBytes(Uint8Array.from([0x25, 0x50, 0x44, 0x47]))).not.toBe(a);
    // Same lanes as hash128: bytes below 0x80 hash as the same code units would.
    expect(a).toBe(hash128('%PDF'));
  });
});

describe('saving a PDF report', () => {
  it('keeps the source kind on the row, dedupes on the file bytes and keeps a revision when the file changes', async () => {
    const db = fresh();
    const first = await saveReport(db, { report: pdfReport([1, 2, 3]), findings: [makeFinding('a')], url: PDF_URL });
    expect(first.status).toBe('saved');
    const row = await findSaved(db, PDF_URL);
    expect(row?.sourceKind).toBe('pdf');
    expect(row?.contentHash).toBe(`pdf:${hashBytes(Uint8Array.from([1, 2, 3]))}`);
    expect(row?.report.source.kind).toBe('pdf');

    // Same bytes again: unchanged, even if the rebuilt text differed (a newer reconstruction).
    const again = pdfReport([1, 2, 3]);
    again.text += '（重排）';
    expect((await saveReport(db, { report: again, findings: [], url: PDF_URL })).status).toBe('unchanged');

    // A re-published file: a new revision beside the old one.
    const revised = await saveReport(db, { report: pdfReport([1, 2, 4]), findings: [], url: PDF_URL });
    expect(revised.status).toBe('revised');
    expect((await revisionsOf(db, PDF_URL)).length).toBe(2);
  });

  it('a page report has no source kind on its row', async () => {
    const db = fresh();
    await saveReport(db, {
      report: makeReport({ url: 'http://www.example.gov.cn/a/2022.html' }),
      findings: [],
      url: 'http://www.example.gov.cn/a/2022.html',
    });
    expect((await findSaved(db, 'http://www.example.gov.cn/a/2022.html'))?.sourceKind).toBeUndefined();
  });

  it('a PDF year and a page year of the same agency are neighbours of each other', async () => {
    const db = fresh();
    const page = makeReport({ url: 'http://www.example.gov.cn/a/2021.html', agency: '示例市人民政府办公室', year: 2021 });
    await saveReport(db, { report: page, findings: [], url: 'http://www.example.gov.cn/a/2021.html' });
    const pdf = pdfReport([9], { agency: '示例市人民政府办公室', year: 2022 });
    const neighbours = await neighboursOf(db, pdf);
    expect(neighbours.previous?.report.meta.year).toBe(2021);
  });

  it('the Report schema accepts a PDF source and refuses an unknown kind', () => {
    const report = pdfReport([1]);
    expect(v.safeParse(ReportShapeSchema, report).success).toBe(true);
    expect(v.safeParse(ReportShapeSchema, { ...report, source: { ...report.source, kind: 'word' } }).success).toBe(false);
  });
});
