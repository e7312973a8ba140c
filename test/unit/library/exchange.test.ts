import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { errorText } from '../../../utils/i18n/errors';
import {
  CSV_BASE_COLUMNS,
  EXPORT_FORMAT_VERSION,
  exportCsv,
  exportJson,
  IMPORT_LIMITS,
  importJson,
  parseLibraryExport,
} from '../../../utils/library/exchange';
import { findingKey, type LibraryDB, linkAgencies, saveReport, setReview } from '../../../utils/library/store';
import { COUNT_KEYS, FIGURE_KEYS } from '../../../utils/library/types';
import { freshLibraries, makeFinding, makeReport } from './builder';
import sampleV2 from './fixtures/v2-sample.json';

const fresh = freshLibraries();

async function populate(db: LibraryDB) {
  const f = makeFinding('carry-over', 'error', { kind: 'cell', quote: '3', table: 0, row: 1, col: 1 });
  const a = await saveReport(db, {
    report: makeReport({ year: 2021, carriedForward: 3 }),
    findings: [],
    url: 'http://www.example.gov.cn/a/2021.html',
  });
  const b = await saveReport(db, {
    report: makeReport({ year: 2022, carriedOver: 4 }),
    findings: [f, makeFinding('late-publication', 'warning')],
    url: 'http://www.example.gov.cn/a/2022.html',
  });
  // a revision, and a hostile agency name that must not become an Excel formula
  await saveReport(db, { report: makeReport({ year: 2022, carriedOver: 5 }), findings: [f], url: 'http://www.example.gov.cn/a/2022.html' });
  const evil = makeReport({ agency: '=HYPERLINK("http://evil")', year: 2020 });
  await saveReport(db, { report: evil, findings: [], url: 'http://www.example.gov.cn/evil.html' });
  await setReview(db, b.id, findingKey(f), { status: 'dismissed', note: '已核实：上年数据更正, "引号", 逗号' });
  await linkAgencies(db, '平邑县卫生健康局', '平邑县卫生和计划生育局');
  return { a, b };
}

/** Everything in the database, for before/after comparison. */
async function snapshot(db: LibraryDB) {
  return {
    reports: await db.reports.toArray(),
    bodies: await db.bodies.toArray(),
    reviews: await db.reviews.toArray(),
    links: await db.agencyLinks.toArray(),
  };
}

describe('CSV export', () => {
  it('is UTF-8 with BOM, one row per report, every figure and count, and parses back to the saved rows', async () => {
    const db = fresh();
    await populate(db);
    const csv = await exportCsv(db);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const rows = (await db.reports.toArray()).sort((a, b) => a.id! - b.id!);
    expect(parsed.data).toHaveLength(rows.length);
    const label = (key: string) => CSV_BASE_COLUMNS.find((c) => c.key === key)!.label;
    rows.forEach((row, i) => {
      const line = parsed.data[i];
      expect(Number(line[label('id')])).toBe(row.id);
      expect(line[label('url')]).toBe(row.url);
      expect(Number(line[label('year')])).toBe(row.year);
      for (const k of FIGURE_KEYS) expect(line[label(`figures.${k}`)]).toBe(row.figures[k] === null ? '' : String(row.figures[k]));
      for (const k of COUNT_KEYS) expect(Number(line[label(`counts.${k}`)])).toBe(row.counts[k]);
      expect(Number(line['规则 rule:carry-over'])).toBe(row.ruleCounts['carry-over'] ?? 0);
    });
    // the hostile name is escaped for Excel, not executed
    const evil = parsed.data.find((l) => l[label('url')].endsWith('evil.html'))!;
    expect(evil[label('agency')]).toBe(`'=HYPERLINK("http://evil")`);
  });
});

/** What a call throws, as the reader of the Simplified page reads it (the catalogue's words). */
function thrownText(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    return errorText(e, 'zh-Hans');
  }
  return '(nothing thrown)';
}

describe('JSON export and import', () => {
  it('round-trips everything into an empty library, and re-import is idempotent', async () => {
    const src = fresh();
    await populate(src);
    const json = await exportJson(src);
    const file = JSON.parse(json);
    expect(file.format).toBe('report-lens-library');
    expect(file.version).toBe(EXPORT_FORMAT_VERSION);

    const dst = fresh();
    const r1 = await importJson(dst, json);
    expect(r1).toEqual({ added: 4, unchanged: 0, reviews: 1, agencyLinks: 1 });
    const s1 = await snapshot(dst);
    const srcSnap = await snapshot(src);
    const strip = (rows: typeof s1.reports) =>
      rows.map(({ id: _id, previousId: _p, ...rest }) => rest).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
    expect(strip(s1.reports)).toEqual(strip(srcSnap.reports));
    expect(s1.bodies.map((b) => b.report)).toEqual(srcSnap.bodies.map((b) => b.report));

    const r2 = await importJson(dst, json);
    expect(r2).toEqual({ added: 0, unchanged: 4, reviews: 0, agencyLinks: 0 });
    expect(await snapshot(dst)).toEqual(s1);
    // importing into the library it came from also changes nothing
    await importJson(src, json);
    expect(await snapshot(src)).toEqual(srcSnap);
  });

  it('a storage failure during import rolls back everything', async () => {
    const src = fresh();
    await populate(src);
    const json = await exportJson(src);
    const dst = fresh();
    await saveReport(dst, { report: makeReport({ agency: '别的机构' }), findings: [], url: 'x' });
    const before = await snapshot(dst);
    let n = 0;
    dst.bodies.hook('creating', () => {
      if (++n === 3) throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(importJson(dst, json)).rejects.toMatchObject({ code: 'quota' });
    expect(await snapshot(dst)).toEqual(before);
  });

  describe('refuses bad files with a clear message and changes nothing', async () => {
    const cases: [string, (good: string) => string, string, RegExp][] = [
      ['malformed', () => '{"format": "report-lens-library", ', 'import-malformed', /不是有效的 JSON/],
      ['truncated', (g) => g.slice(0, Math.floor(g.length / 2)), 'import-malformed', /截断/],
      ['empty', () => '', 'import-malformed', /JSON/],
      ['foreign: array', () => '[1,2,3]', 'import-foreign', /不是“年报体检”导出/],
      ['foreign: other app', () => JSON.stringify({ format: 'zotero', items: [] }), 'import-foreign', /不是/],
      ['newer version', (g) => JSON.stringify({ ...JSON.parse(g), version: EXPORT_FORMAT_VERSION + 1 }), 'import-newer', /更新版本/],
      ['__proto__ key', (g) => g.replace('"reports":[', '"__proto__":{"polluted":true},"reports":['), 'import-hostile', /__proto__/],
      ['constructor key', (g) => g.replace('"meta":{', '"meta":{"constructor":{"x":1},'), 'import-hostile', /constructor/],
      ['wrong field type', (g) => g.replace('"year":2021', '"year":"2021"'), 'import-invalid', /不符合报告库格式/],
      ['bad severity', (g) => g.replace('"severity":"error"', '"severity":"fatal"'), 'import-invalid', /不符合/],
      [
        'missing reports',
        () => JSON.stringify({ format: 'report-lens-library', version: 1, exportedAt: '2024-01-01T00:00:00Z' }),
        'import-invalid',
        /reports/,
      ],
      ['negative id', (g) => g.replace('"id":1,', '"id":-1,'), 'import-invalid', /不符合/],
      ['unknown key in a report', (g) => g.replace('"isReport":true', '"isReport":true,"extra":1'), 'import-invalid', /不符合/],
      [
        'a cell reference outside its grid',
        (g) => g.replace(/"at":\{"table":0,"row":\d+,"col":\d+\}/, '"at":{"table":0,"row":999,"col":0}'),
        'import-invalid',
        /不符合/,
      ],
    ];
    for (const [name, mutate, code, message] of cases) {
      it(name, async () => {
        const src = fresh();
        await populate(src);
        const good = await exportJson(src);
        const dst = fresh();
        await saveReport(dst, { report: makeReport({ agency: '已有机构' }), findings: [], url: 'kept' });
        const before = await snapshot(dst);
        const bad = mutate(good);
        expect(bad).not.toBe(good);
        const err = await importJson(dst, bad).catch((e) => e);
        expect(err.name).toBe('LibraryError');
        expect(err.code).toBe(code);
        expect(errorText(err, 'zh-Hans')).toMatch(message);
        expect(errorText(err, 'zh-Hant')).toMatch(/未匯入任何內容/);
        expect(errorText(err, 'en')).toMatch(/nothing was imported/i);
        expect(await snapshot(dst)).toEqual(before);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    }

    it('oversized file and huge strings', async () => {
      const src = fresh();
      await populate(src);
      const good = await exportJson(src);
      expect(thrownText(() => parseLibraryExport(good, { ...IMPORT_LIMITS, maxChars: 1000 }))).toMatch(/文件过大/);
      const huge = good.replace('"text":"', `"text":"${'很'.repeat(2000)}`);
      expect(thrownText(() => parseLibraryExport(huge, { ...IMPORT_LIMITS, maxString: 1000 }))).toMatch(/超长文本/);
      // a real huge string against the default limit
      const real = good.replace('"note":"', `"note":"${'x'.repeat(IMPORT_LIMITS.maxString + 1)}`);
      const dst = fresh();
      await expect(importJson(dst, real)).rejects.toMatchObject({ code: 'import-oversized' });
      expect(await dst.reports.count()).toBe(0);
    });

    it('too many findings or reports', () => {
      const file = {
        format: 'report-lens-library',
        version: 1,
        exportedAt: '2024-01-01T00:00:00Z',
        reports: [],
        reviews: [],
        agencyLinks: [],
      };
      expect(parseLibraryExport(JSON.stringify(file)).reports).toEqual([]);
      const many = { ...file, reports: Array.from({ length: 3 }, () => ({})) };
      expect(thrownText(() => parseLibraryExport(JSON.stringify(many), { ...IMPORT_LIMITS, maxReports: 2 }))).toMatch(/不符合/);
    });
  });
});

describe('format 1 files (findings as text) still import', () => {
  it('findings become { messageId, data }, the report-level review follows its finding', async () => {
    // A format-1 export of the frozen v2 sample: its bodies' findings are what format 1 carried.
    const file = {
      format: 'report-lens-library',
      version: 1,
      exportedAt: '2024-03-03T00:00:00.000Z',
      reports: sampleV2.reports.map((r) => ({
        id: r.id,
        url: r.url,
        savedAt: r.savedAt,
        checkedAt: r.checkedAt,
        report: sampleV2.bodies.find((b) => b.id === r.id)!.report,
        findings: sampleV2.bodies.find((b) => b.id === r.id)!.findings,
      })),
      reviews: sampleV2.reviews,
      agencyLinks: sampleV2.agencyLinks.map(({ a, b, createdAt }) => ({ a, b, createdAt })),
    };
    const db = fresh();
    expect(await importJson(db, JSON.stringify(file))).toMatchObject({ added: 3, reviews: 4, agencyLinks: 1 });
    const rows = await db.reports.where('url').equals('http://www.pingyi.gov.cn/xxgk/2023nb.html').toArray();
    const body = (await db.bodies.get(rows[0]!.id!))!;
    const late = body.findings.find((f) => f.rule === 'late-publication')!;
    expect(late).toMatchObject({ messageId: 'late', data: { days: '20', date: '2024-02-20' } });
    const reviews = await db.reviews.where('reportId').equals(rows[0]!.id!).toArray();
    expect(reviews.map((r) => r.findingKey)).toContain(findingKey(late));
    expect(reviews.map((r) => r.findingKey)).not.toContain('late-publication@report:e0de30cd');
    // and what is exported now is format 2
    expect(JSON.parse(await exportJson(db)).version).toBe(2);
  });
});
