/** Hand-built Reports and Findings for the library tests (no parser involved). */

import { afterEach } from 'vitest';
import { type SyntheticSpec, syntheticReport } from '../../../cli/bench/synthetic';
import { type LibraryDB, openLibrary } from '../../../utils/library/store';
import type { ReportRow } from '../../../utils/library/types';
import { emptyFigures, type Finding, type Location, type Report, type Severity } from '../../../utils/report/types';

/** A factory of empty libraries (fake-indexeddb), each closed and deleted after its test. */
export function freshLibraries(): () => LibraryDB {
  const dbs: LibraryDB[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) {
      db.close();
      await db.delete();
    }
  });
  return () => {
    const db = openLibrary(dbName());
    dbs.push(db);
    return db;
  };
}

/** A stored report row as an older library version wrote it (the migration tests), with `o` over the defaults. */
export function storedRow(id: number, o: Partial<ReportRow> = {}): ReportRow {
  return {
    id,
    url: `https://www.example.gov.cn/nb/${id}.html`,
    contentHash: `h${id}`,
    savedAt: '2023-02-20T08:00:00.000Z',
    checkedAt: '2023-02-20T08:00:00.000Z',
    latest: 1,
    title: `报告${id}`,
    agency: '江源县农业农村局',
    agencyKey: '江源县农业农村局',
    region: '江源县',
    year: 2022,
    era: '2021',
    publishedAt: '2023-01-20',
    agencyKind: 'department',
    figures: emptyFigures(),
    counts: { error: 0, warning: 0, info: 0, total: 0, dismissed: 0, confirmed: 0 },
    ruleCounts: {},
    ...o,
  };
}

export function makeReport(
  spec: Partial<Omit<SyntheticSpec, 'agency' | 'year'>> & { agency?: string | null; year?: number | null } = {},
): Report {
  const r = syntheticReport({
    agency: spec.agency ?? '平邑县卫生健康局',
    year: spec.year ?? 2021,
    newApps: spec.newApps ?? 12,
    carriedOver: spec.carriedOver ?? 1,
    carriedForward: spec.carriedForward ?? 2,
    active: spec.active ?? 300,
    review: spec.review ?? 1,
    litigation: spec.litigation ?? 0,
    url: spec.url,
    extraText: spec.extraText,
  });
  if (spec.agency === null) r.meta.agency = null;
  if (spec.year === null) r.meta.year = null;
  return r;
}

/** A finding of a rule that may not exist; its text is rendered from data.text (the legacy-text fallback). */
export function makeFinding(
  rule: string,
  severity: Severity = 'error',
  location: Location = { kind: 'report' },
  message = `${rule} 问题`,
): Finding {
  return {
    rule,
    messageId: 'legacy-text',
    data: { text: { 'zh-Hans': message, 'zh-Hant': message, en: `${rule} problem` } },
    severity,
    location,
  };
}

let n = 0;
/** A fresh database name per test. */
export function dbName(): string {
  return `test-library-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`;
}
