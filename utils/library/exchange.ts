/**
 * Export (CSV for Excel, JSON with everything) and import of the JSON export.
 * Import validates the whole file (valibot) before writing anything, then writes in one transaction.
 */

import * as v from 'valibot';
import { REPORTS_CSV } from '../i18n/csv';
import { FindingSchema, LocationSchema, ReportShapeSchema, validateFindings, validateReport } from '../report/schema';
import type { Finding, Report } from '../report/types';
import { csvText } from '../text/csv';
import { agencyKey } from './agency';
import type { LibraryDB } from './db';
import { type ErrorMessageData, type ErrorMessageId, LibraryError, type LibraryErrorCode, toStorageError } from './errors';
import { contentHash } from './hash';
import { type LegacyFinding, upgradeFindings } from './migrations/legacy-findings';
import { countFindings, normaliseUrl, reportColumns } from './row';
import { previousReportOf, scoreRecordOf } from './store';
import { syncSummaries } from './summaries';
import { COUNT_KEYS, FIGURE_KEYS, type ReportRow, type Review } from './types';

export const EXPORT_FORMAT = 'report-lens-library';
/**
 * 2: findings as { rule, messageId, data } (no rendered text); report-level review keys no longer hash the
 * wording. 1: findings with message/messages — still imported, upgraded as the database migration does.
 */
export const EXPORT_FORMAT_VERSION = 2;

// ---------------------------------------------------------------- CSV

export interface CsvColumn {
  key: string;
  label: string;
  get(row: ReportRow): string | number | null;
}

const H = REPORTS_CSV;
export const CSV_BASE_COLUMNS: readonly CsvColumn[] = [
  { key: 'id', label: H.id, get: (r) => r.id ?? null },
  { key: 'agency', label: H.agency, get: (r) => r.agency },
  { key: 'region', label: H.region, get: (r) => r.region },
  { key: 'year', label: H.year, get: (r) => r.year },
  { key: 'era', label: H.era, get: (r) => r.era },
  { key: 'title', label: H.title, get: (r) => r.title },
  { key: 'url', label: H.url, get: (r) => r.url },
  { key: 'publishedAt', label: H.publishedAt, get: (r) => r.publishedAt },
  { key: 'savedAt', label: H.savedAt, get: (r) => r.savedAt },
  { key: 'latest', label: H.latest, get: (r) => r.latest },
  { key: 'contentHash', label: H.contentHash, get: (r) => r.contentHash },
  ...FIGURE_KEYS.map((k) => ({ key: `figures.${k}`, label: H.figures[k], get: (r: ReportRow) => r.figures[k] })),
  ...COUNT_KEYS.map((k) => ({ key: `counts.${k}`, label: H.counts[k], get: (r: ReportRow) => r.counts[k] })),
];

/** One row per saved report (every revision), every figure and finding count, plus a count per rule. */
export function rowsToCsv(rows: readonly ReportRow[]): string {
  const rules = [...new Set(rows.flatMap((r) => Object.keys(r.ruleCounts ?? {})))].sort();
  const columns: CsvColumn[] = [
    ...CSV_BASE_COLUMNS,
    ...rules.map((rule) => ({ key: `rule.${rule}`, label: H.rule(rule), get: (r: ReportRow) => r.ruleCounts?.[rule] ?? 0 })),
  ];
  const data = rows.map((r) =>
    columns.map((c) => {
      const val = c.get(r);
      return val === null || val === undefined ? '' : val;
    }),
  );
  return csvText(
    columns.map((c) => c.label),
    data,
  );
}

export async function exportCsv(db: LibraryDB): Promise<string> {
  const rows = (await db.reports.toArray()).sort((a, b) => a.id! - b.id!);
  return rowsToCsv(rows);
}

// ---------------------------------------------------------------- JSON export

export interface ExportedReport {
  id: number;
  url: string;
  savedAt: string;
  checkedAt: string;
  report: Report;
  findings: Finding[];
}
export interface LibraryExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  reports: ExportedReport[];
  reviews: Review[];
  agencyLinks: { a: string; b: string; createdAt: string }[];
}

export async function exportLibrary(db: LibraryDB, options: { now?: Date } = {}): Promise<LibraryExport> {
  return db.transaction('r', db.reports, db.bodies, db.reviews, db.agencyLinks, async () => {
    const rows = (await db.reports.toArray()).sort((a, b) => a.id! - b.id!);
    const bodies = new Map((await db.bodies.toArray()).map((b) => [b.id, b]));
    const reports: ExportedReport[] = [];
    for (const r of rows) {
      const body = bodies.get(r.id!);
      if (!body) continue;
      reports.push({ id: r.id!, url: r.url, savedAt: r.savedAt, checkedAt: r.checkedAt, report: body.report, findings: body.findings });
    }
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_FORMAT_VERSION,
      exportedAt: (options.now ?? new Date()).toISOString(),
      reports,
      reviews: await db.reviews.toArray(),
      agencyLinks: (await db.agencyLinks.toArray()).map(({ a, b, createdAt }) => ({ a, b, createdAt })),
    };
  });
}

export async function exportJson(db: LibraryDB, options: { now?: Date } = {}): Promise<string> {
  return JSON.stringify(await exportLibrary(db, options));
}

// ---------------------------------------------------------------- JSON import: validation

export const IMPORT_LIMITS = {
  /** Characters of the whole file. */
  maxChars: 256 * 1024 * 1024,
  /** Characters of any one string (a report's text is rarely above 200,000). */
  maxString: 4 * 1024 * 1024,
  maxReports: 100_000,
  maxFindingsPerReport: 5_000,
};
export type ImportLimits = typeof IMPORT_LIMITS;

const nonNegInt = v.pipe(v.number(), v.integer(), v.minValue(0));
const isoDate = v.pipe(
  v.string(),
  v.maxLength(40),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'not a date'),
);
const LocalizedTextSchema = v.strictObject({ 'zh-Hans': v.string(), 'zh-Hant': v.string(), en: v.string() });
/** A finding of format 1 (rendered text). */
const LegacyFindingSchema = v.strictObject({
  rule: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9-]*$/)),
  severity: v.picklist(['error', 'warning', 'info']),
  message: v.pipe(v.string(), v.nonEmpty()),
  messages: LocalizedTextSchema,
  location: LocationSchema,
  related: v.optional(v.array(LocationSchema)),
});

function exportSchema(limits: ImportLimits, version: number) {
  return v.object({
    format: v.literal(EXPORT_FORMAT),
    version: v.literal(version),
    exportedAt: isoDate,
    reports: v.pipe(
      v.array(
        v.object({
          id: nonNegInt,
          url: v.pipe(v.string(), v.maxLength(8192)),
          savedAt: isoDate,
          checkedAt: v.optional(isoDate),
          // The model's own schemas: an import is held to the same shape as a freshly parsed report.
          report: ReportShapeSchema,
          findings: v.pipe(v.array(version === 1 ? LegacyFindingSchema : FindingSchema), v.maxLength(limits.maxFindingsPerReport)),
        }),
      ),
      v.maxLength(limits.maxReports),
    ),
    reviews: v.array(
      v.object({
        reportId: nonNegInt,
        findingKey: v.pipe(v.string(), v.maxLength(2000)),
        status: v.picklist(['confirmed', 'dismissed']),
        note: v.pipe(v.string(), v.maxLength(10_000)),
        updatedAt: isoDate,
      }),
    ),
    agencyLinks: v.array(
      v.object({ a: v.pipe(v.string(), v.maxLength(200)), b: v.pipe(v.string(), v.maxLength(200)), createdAt: isoDate }),
    ),
  });
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function fail(code: LibraryErrorCode, id: ErrorMessageId = code, data: ErrorMessageData = {}, detail?: string): never {
  throw new LibraryError(code, id, data, detail);
}

function formatSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${Math.round(chars / 1024 / 1024)} MB` : `${Math.round(chars / 1024)} KB`;
}

/** Parse and validate an export file. Throws LibraryError; never touches the database. */
export function parseLibraryExport(text: string, limits: ImportLimits = IMPORT_LIMITS): LibraryExport {
  if (typeof text !== 'string') fail('import-malformed');
  if (text.length > limits.maxChars) fail('import-oversized', 'import-oversized', { size: formatSize(limits.maxChars) });
  let hostileKey: string | null = null;
  let hugeString = false;
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) hostileKey ??= key;
      if (typeof value === 'string' && value.length > limits.maxString) hugeString = true;
      return value;
    });
  } catch (e) {
    fail('import-malformed', 'import-malformed', {}, String(e));
  }
  if (hostileKey) fail('import-hostile', 'import-hostile', { key: hostileKey });
  if (hugeString) fail('import-oversized', 'import-huge-string', { chars: limits.maxString });
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== EXPORT_FORMAT) {
    fail('import-foreign');
  }
  const version = (data as { version?: unknown }).version;
  if (typeof version === 'number' && version > EXPORT_FORMAT_VERSION) fail('import-newer', 'import-newer', { version });
  const result = v.safeParse(exportSchema(limits, version === 1 ? 1 : EXPORT_FORMAT_VERSION), data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    fail('import-invalid', 'import-invalid', { path: path || issue.message }, issue.message);
  }
  const output = result.output as unknown as LibraryExport;
  if (version === 1) upgradeFormat1(output);
  // Cross-references the shape cannot express: ranges inside the text, cells inside their grids,
  // finding locations that resolve.
  output.reports.forEach((entry, i) => {
    const report = validateReport(entry.report);
    const findings = report.ok ? validateFindings(entry.findings, entry.report) : report;
    if (!findings.ok) fail('import-invalid', 'import-invalid', { path: `reports.${i}` }, findings.issues.slice(0, 3).join('; '));
  });
  return output;
}

/** Format 1 → 2 in place: findings to { messageId, data }, reviews of report-level findings re-keyed. */
function upgradeFormat1(file: LibraryExport): void {
  const rekeyOf = new Map<number, Map<string, string>>();
  for (const entry of file.reports) {
    const { findings, rekey } = upgradeFindings(entry.findings as unknown as LegacyFinding[]);
    entry.findings = findings;
    rekeyOf.set(entry.id, rekey);
  }
  for (const review of file.reviews) review.findingKey = rekeyOf.get(review.reportId)?.get(review.findingKey) ?? review.findingKey;
  file.version = EXPORT_FORMAT_VERSION;
}

// ---------------------------------------------------------------- JSON import: writing

export interface ImportResult {
  added: number;
  /** Reports already in the library (same URL and content). */
  unchanged: number;
  reviews: number;
  agencyLinks: number;
}

/**
 * Import a JSON export. Validated in full first; then one transaction, so a failure changes nothing.
 * Idempotent: reports are matched on URL + content hash, reviews on (report, finding key), links on the pair.
 */
export async function importJson(db: LibraryDB, text: string, options: { limits?: ImportLimits } = {}): Promise<ImportResult> {
  const file = parseLibraryExport(text, options.limits);
  try {
    return await db.transaction('rw', [db.reports, db.bodies, db.reviews, db.agencyLinks, db.summaries], async () => {
      const result: ImportResult = { added: 0, unchanged: 0, reviews: 0, agencyLinks: 0 };
      const idMap = new Map<number, number>();
      const touchedUrls = new Set<string>();
      const touchedIds = new Set<number>();
      const entries = [...file.reports].sort((a, b) => a.savedAt.localeCompare(b.savedAt) || a.id - b.id);
      for (const e of entries) {
        const url = normaliseUrl(e.url);
        const hash = contentHash(e.report);
        const existing = await db.reports.where('[url+contentHash]').equals([url, hash]).first();
        if (existing) {
          idMap.set(e.id, existing.id!);
          result.unchanged++;
          continue;
        }
        const { counts, ruleCounts } = countFindings(e.findings);
        const row: ReportRow = {
          url,
          contentHash: hash,
          savedAt: e.savedAt,
          checkedAt: e.checkedAt ?? e.savedAt,
          latest: 0,
          ...reportColumns(e.report),
          counts,
          ruleCounts,
        };
        const id = await db.reports.add(row);
        await db.bodies.add({ id, report: e.report, findings: e.findings });
        idMap.set(e.id, id);
        touchedUrls.add(url);
        touchedIds.add(id);
        result.added++;
      }
      // Revision order per URL: by savedAt; the newest is the latest.
      const revised = new Set<number>();
      for (const url of touchedUrls) {
        const revs = (await db.reports.where('url').equals(url).toArray()).sort(
          (a, b) => a.savedAt.localeCompare(b.savedAt) || a.id! - b.id!,
        );
        for (let i = 0; i < revs.length; i++) {
          revised.add(revs[i].id!);
          const latest: 0 | 1 = i === revs.length - 1 ? 1 : 0;
          const previousId = i > 0 ? revs[i - 1].id : undefined;
          if (revs[i].latest !== latest || revs[i].previousId !== previousId) {
            const changes: Partial<ReportRow> = { latest };
            if (previousId !== undefined) changes.previousId = previousId;
            await db.reports.update(revs[i].id!, changes);
          }
        }
      }
      for (const r of file.reviews) {
        const reportId = idMap.get(r.reportId);
        if (reportId === undefined) continue;
        const current = await db.reviews.get([reportId, r.findingKey]);
        if (current && current.updatedAt >= r.updatedAt) continue;
        await db.reviews.put({ ...r, reportId });
        touchedIds.add(reportId);
        result.reviews++;
      }
      for (const l of file.agencyLinks) {
        const ka = agencyKey(l.a);
        const kb = agencyKey(l.b);
        if (!ka || !kb || ka === kb) continue;
        const [a, b] = ka < kb ? [ka, kb] : [kb, ka];
        if (await db.agencyLinks.where('[a+b]').equals([a, b]).count()) continue;
        await db.agencyLinks.add({ a, b, createdAt: l.createdAt });
        result.agencyLinks++;
      }
      for (const id of touchedIds) {
        const body = await db.bodies.get(id);
        if (!body) continue;
        const reviews = await db.reviews.where('reportId').equals(id).toArray();
        const reviewed = new Map(reviews.map((x) => [x.findingKey, x]));
        const { counts, ruleCounts } = countFindings(body.findings, reviewed);
        const url = (await db.reports.get(id))?.url;
        const score = scoreRecordOf(body.report, body.findings, reviewed, await previousReportOf(db, body.report, url));
        await db.reports.update(id, { counts, ruleCounts, score });
      }
      await syncSummaries(db, [...revised, ...touchedIds]);
      return result;
    });
  } catch (e) {
    throw toStorageError(e);
  }
}
