/**
 * The library's API: saving, finding, reviewing, linking and querying saved reports.
 * Pure storage: no browser API beyond IndexedDB (through Dexie), so it runs in the background, in the
 * library page, in Node (fake-indexeddb) and in tests alike.
 */

import { reportName } from '../i18n/names';
import type { Finding, Report } from '../report/types';
import type { NeighbourReport } from '../rules/types';
import { notCheckable, type ScoreRecord, scoreRecord, withFindings } from '../score/scorecard';
import { agencyGroups, agencyKey } from './agency';
import { LibraryDB } from './db';
import { LibraryError, toStorageError } from './errors';
import { contentHash } from './hash';
import { findingKey } from './keys';
import { countFindings, normaliseUrl, reportColumns } from './row';
import { syncSummaries } from './summaries';
import type { AgencyLink, FindingCounts, ReportBody, ReportRow, Review, ReviewStatus, SavedReport } from './types';

export { agencyGroups, agencyKey } from './agency';
export { LibraryDB } from './db';
export { LibraryError } from './errors';
export { contentHash } from './hash';
export { findingKey } from './keys';
export type * from './types';

export function openLibrary(name?: string): LibraryDB {
  return new LibraryDB(name);
}

/** Open the database now (instead of on first use) and turn a failure into a LibraryError('open-failed'). */
export async function ensureOpen(db: LibraryDB): Promise<LibraryDB> {
  try {
    await db.open();
    return db;
  } catch (e) {
    throw toStorageError(e, 'open');
  }
}

export type SaveStatus = 'saved' | 'unchanged' | 'revised';
export interface SaveResult {
  status: SaveStatus;
  id: number;
  savedAt: string;
  /** For 'revised': when the previous revision of this URL was saved ("changed since saved on …"). */
  previousSavedAt?: string;
  previousId?: number;
}

export interface SaveInput {
  report: Report;
  findings: Finding[];
  /** The page's URL; defaults to report.source.url. */
  url?: string | null;
}

/** Replace a body's findings (modify(): Dexie's typed update() chokes on the recursive Report type). */
function setBodyFindings(db: LibraryDB, id: number, findings: Finding[]): Promise<number> {
  return db.bodies
    .where('id')
    .equals(id)
    .modify((b) => {
      b.findings = findings;
    });
}

function reviewMap(reviews: readonly Review[]): Map<string, Review> {
  return new Map(reviews.map((r) => [r.findingKey, r]));
}

/**
 * Save a checked report. Dedupe on URL + content hash:
 * - same URL and content as the newest revision → 'unchanged' (findings and checkedAt refreshed);
 * - same URL, different content → a new revision is kept beside the old one → 'revised' with previousSavedAt;
 *   reviews of findings that still exist carry over;
 * - otherwise 'saved'.
 * One transaction: on any failure (quota…) nothing is written and a LibraryError is thrown.
 */
export async function saveReport(db: LibraryDB, input: SaveInput, options: { now?: Date } = {}): Promise<SaveResult> {
  const url = normaliseUrl(input.url ?? input.report.source?.url);
  const hash = contentHash(input.report);
  const now = (options.now ?? new Date()).toISOString();
  const findings = input.findings ?? [];
  try {
    // agencyLinks: read by neighboursOf, for last year's report (the score's copied share).
    const tables = [db.reports, db.bodies, db.reviews, db.agencyLinks, db.summaries];
    return await db.transaction('rw', tables, async (): Promise<SaveResult> => {
      const result = await saveRows(db, input, url, hash, now, findings);
      await syncSummaries(db, [result.id, result.previousId]);
      return result;
    });
  } catch (e) {
    throw toStorageError(e, 'save');
  }
}

/** saveReport's writes of the rows, bodies and reviews (its summaries follow). */
async function saveRows(db: LibraryDB, input: SaveInput, url: string, hash: string, now: string, findings: Finding[]): Promise<SaveResult> {
  const previous = await previousReportOf(db, input.report, url);
  const revisions = await db.reports.where('url').equals(url).toArray();
  const latest = revisions.reduce<ReportRow | undefined>((a, r) => (r.latest === 1 && (!a || r.id! > a.id!) ? r : a), undefined);
  const same = revisions.find((r) => r.contentHash === hash);
  if (same) {
    const id = same.id!;
    const reviews = await db.reviews.where('reportId').equals(id).toArray();
    const { counts, ruleCounts } = countFindings(findings, reviewMap(reviews));
    await setBodyFindings(db, id, findings);
    const wasLatest = same.latest === 1;
    const score = scoreRecordOf(input.report, findings, reviewMap(reviews), previous);
    await db.reports.update(id, { checkedAt: now, counts, ruleCounts, latest: 1, score });
    if (!wasLatest && latest) {
      // The page went back to an earlier revision's content: that revision is the current one again.
      await db.reports.update(latest.id!, { latest: 0 });
      return { status: 'revised', id, savedAt: same.savedAt, previousSavedAt: latest.savedAt, previousId: latest.id };
    }
    return { status: 'unchanged', id, savedAt: same.savedAt };
  }
  let carried: Review[] = [];
  if (latest) {
    const keys = new Set(findings.map(findingKey));
    carried = (await db.reviews.where('reportId').equals(latest.id!).toArray()).filter((r) => keys.has(r.findingKey));
    await db.reports.update(latest.id!, { latest: 0 });
  }
  const { counts, ruleCounts } = countFindings(findings, reviewMap(carried));
  const row: ReportRow = {
    url,
    contentHash: hash,
    savedAt: now,
    checkedAt: now,
    latest: 1,
    ...reportColumns(input.report),
    counts,
    ruleCounts,
    score: scoreRecordOf(input.report, findings, reviewMap(carried), previous),
  };
  if (latest) row.previousId = latest.id;
  const id = await db.reports.add(row);
  await db.bodies.add({ id, report: input.report, findings });
  if (carried.length) await db.reviews.bulkPut(carried.map((r) => ({ ...r, reportId: id })));
  return latest
    ? { status: 'revised', id, savedAt: now, previousSavedAt: latest.savedAt, previousId: latest.id }
    : { status: 'saved', id, savedAt: now };
}

/**
 * The error and warning counts the data logic is scored on: dismissed findings left out, and so are those that
 * say only that this tool could not read something (a table published as a picture: not the report's error).
 */
export function scoreCounts(
  findings: readonly Finding[],
  reviews: ReadonlyMap<string, Pick<Review, 'status'>>,
): Pick<FindingCounts, 'error' | 'warning'> {
  return countFindings(
    findings.filter((f) => !notCheckable(f)),
    reviews,
  ).counts;
}

/** The score record of a report with its findings and their reviews. */
export function scoreRecordOf(
  report: Report,
  findings: readonly Finding[],
  reviews: ReadonlyMap<string, Pick<Review, 'status'>>,
  previous: Report | null,
): ScoreRecord {
  const counts = scoreCounts(findings, reviews);
  return scoreRecord({ report, findings: { errors: counts.error, warnings: counts.warning }, previous });
}

/** Last year's saved report of the same agency (as the cross-year rules see it), for the copied share. */
export async function previousReportOf(db: LibraryDB, report: Report, url?: string | null): Promise<Report | null> {
  const own = url ? { ...report, source: { ...report.source, url } } : report;
  return (await neighboursOf(db, own)).previous?.report ?? null;
}

/**
 * Recompute a saved report's score record in full (its previous year may have been saved, replaced or
 * linked since). Returns whether it changed. Writes only when it did.
 */
export async function rescoreReport(db: LibraryDB, id: number): Promise<boolean> {
  try {
    return await db.transaction('rw', [db.reports, db.bodies, db.reviews, db.agencyLinks, db.summaries], async () => {
      const row = await db.reports.get(id);
      const body = await db.bodies.get(id);
      if (!row || !body) return false;
      const previous = await previousReportOf(db, body.report, row.url);
      const reviews = await db.reviews.where('reportId').equals(id).toArray();
      const score = scoreRecordOf(body.report, body.findings, reviewMap(reviews), previous);
      if (JSON.stringify(score) === JSON.stringify(row.score)) return false;
      await db.reports.update(id, { score });
      await syncSummaries(db, [id]);
      return true;
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

async function withBody(db: LibraryDB, row: ReportRow | undefined): Promise<SavedReport | undefined> {
  if (!row) return undefined;
  const body = await db.bodies.get(row.id!);
  if (!body) return undefined;
  return { ...row, id: row.id!, report: body.report, findings: body.findings };
}

/** The newest revision saved for this URL (with .id, .savedAt, .contentHash, the Report and findings). */
export async function findSaved(db: LibraryDB, url: string): Promise<SavedReport | undefined> {
  return db.transaction('r', db.reports, db.bodies, async () => {
    const rows = await db.reports
      .where('[url+latest]')
      .equals([normaliseUrl(url), 1])
      .toArray();
    rows.sort((a, b) => b.id! - a.id!);
    return withBody(db, rows[0]);
  });
}

export async function getReport(db: LibraryDB, id: number): Promise<SavedReport | undefined> {
  return db.transaction('r', db.reports, db.bodies, async () => withBody(db, await db.reports.get(id)));
}

/** All revisions saved for a URL, newest first. */
export async function revisionsOf(db: LibraryDB, url: string): Promise<ReportRow[]> {
  const rows = await db.reports.where('url').equals(normaliseUrl(url)).toArray();
  return rows.sort((a, b) => b.id! - a.id!);
}

// ---- delete with undo ----

/** Everything removeReport took away; pass it to restoreReport to undo. */
export interface RemovedReport {
  row: ReportRow;
  body: ReportBody | undefined;
  reviews: Review[];
  /** The older revision that became the newest of its URL because of the removal. */
  promotedId?: number;
}

export async function removeReport(db: LibraryDB, id: number): Promise<RemovedReport> {
  try {
    return await db.transaction('rw', [db.reports, db.bodies, db.reviews, db.summaries], async () => {
      const row = await db.reports.get(id);
      if (!row) throw new LibraryError('not-found');
      const body = await db.bodies.get(id);
      const reviews = await db.reviews.where('reportId').equals(id).toArray();
      await db.reviews.where('reportId').equals(id).delete();
      await db.bodies.delete(id);
      await db.reports.delete(id);
      const removed: RemovedReport = { row, body, reviews };
      if (row.latest === 1) {
        const older = (await db.reports.where('url').equals(row.url).toArray()).sort((a, b) => b.id! - a.id!)[0];
        if (older) {
          await db.reports.update(older.id!, { latest: 1 });
          removed.promotedId = older.id;
        }
      }
      await syncSummaries(db, [id, removed.promotedId]);
      return removed;
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Undo removeReport: the report comes back with the same id, findings and reviews. */
export async function restoreReport(db: LibraryDB, removed: RemovedReport): Promise<number> {
  try {
    return await db.transaction('rw', [db.reports, db.bodies, db.reviews, db.summaries], async () => {
      if (removed.promotedId !== undefined) await db.reports.update(removed.promotedId, { latest: 0 });
      const id = await db.reports.put(removed.row);
      if (removed.body) await db.bodies.put(removed.body);
      if (removed.reviews.length) await db.reviews.bulkPut(removed.reviews);
      await syncSummaries(db, [id, removed.promotedId]);
      return id;
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

// ---- reviews ----

export async function reviewsFor(db: LibraryDB, reportId: number): Promise<Review[]> {
  return db.reviews.where('reportId').equals(reportId).toArray();
}

async function recount(db: LibraryDB, reportId: number): Promise<void> {
  const body = await db.bodies.get(reportId);
  if (!body) return;
  const reviews = await db.reviews.where('reportId').equals(reportId).toArray();
  const { counts, ruleCounts } = countFindings(body.findings, reviewMap(reviews));
  const row = await db.reports.get(reportId);
  // Only the data-logic item depends on the findings; the rest of the record stands.
  const scored = scoreCounts(body.findings, reviewMap(reviews));
  const score = row?.score ? withFindings(row.score, { errors: scored.error, warnings: scored.warning }) : undefined;
  await db.reports.update(reportId, score ? { counts, ruleCounts, score } : { counts, ruleCounts });
  await syncSummaries(db, [reportId]);
}

/** Confirm or dismiss a finding (with a note), or clear its review with null. Counts exclude dismissed. */
export async function setReview(
  db: LibraryDB,
  reportId: number,
  key: string,
  review: { status: ReviewStatus; note?: string } | null,
  options: { now?: Date } = {},
): Promise<void> {
  try {
    await db.transaction('rw', [db.reports, db.bodies, db.reviews, db.summaries], async () => {
      if (!(await db.reports.get(reportId))) {
        throw new LibraryError('not-found');
      }
      if (review === null) await db.reviews.delete([reportId, key]);
      else
        await db.reviews.put({
          reportId,
          findingKey: key,
          status: review.status,
          note: String(review.note ?? '').slice(0, 10_000),
          updatedAt: (options.now ?? new Date()).toISOString(),
        });
      await recount(db, reportId);
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Replace a saved report's findings (after re-running the rules, e.g. when a neighbour year arrived). */
export async function updateFindings(db: LibraryDB, reportId: number, findings: Finding[]): Promise<void> {
  try {
    await db.transaction('rw', [db.reports, db.bodies, db.reviews, db.summaries], async () => {
      const n = await setBodyFindings(db, reportId, findings);
      if (n) await recount(db, reportId);
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

// ---- agency links (renames) ----

/** Remember that two agency names are the same body (e.g. 卫生计生委 → 卫生健康委). */
export async function linkAgencies(db: LibraryDB, a: string, b: string, options: { now?: Date } = {}): Promise<void> {
  const ka = agencyKey(a);
  const kb = agencyKey(b);
  if (!ka || !kb || ka === kb) return;
  const [x, y] = ka < kb ? [ka, kb] : [kb, ka];
  try {
    await db.transaction('rw', db.agencyLinks, async () => {
      if (await db.agencyLinks.where('[a+b]').equals([x, y]).count()) return;
      await db.agencyLinks.add({ a: x, b: y, createdAt: (options.now ?? new Date()).toISOString() });
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

export async function unlinkAgencies(db: LibraryDB, a: string, b: string): Promise<void> {
  const ka = agencyKey(a);
  const kb = agencyKey(b);
  const [x, y] = ka < kb ? [ka, kb] : [kb, ka];
  await db.agencyLinks.where('[a+b]').equals([x, y]).delete();
}

export async function listAgencyLinks(db: LibraryDB): Promise<AgencyLink[]> {
  return db.agencyLinks.toArray();
}

/** The agency's key and every key linked to it. */
export async function linkedAgencies(db: LibraryDB, agency: string): Promise<Set<string>> {
  const key = agencyKey(agency);
  const groups = agencyGroups(await db.agencyLinks.toArray());
  return new Set(groups.get(key) ?? [key]);
}

// ---- neighbours (for cross-year rules) ----

/** A neighbour year as the cross-year rules take it (NeighbourReport), with where it is saved. */
export interface Neighbour extends NeighbourReport {
  id: number;
  savedAt: string;
}
export interface Neighbours {
  previous?: Neighbour;
  next?: Neighbour;
}

export function neighbourLabel(row: Pick<ReportRow, 'year' | 'agency'>): string {
  return reportName(row.year, row.agency);
}

/**
 * The same agency's saved reports for year − 1 and year + 1 (newest revision; the report's own URL is
 * skipped), honouring agency links. Ready to pass to runRules as context.neighbours.
 */
export async function neighboursOf(db: LibraryDB, report: Report): Promise<Neighbours> {
  const year = report.meta?.year;
  const key = agencyKey(report.meta?.agency);
  if (typeof year !== 'number' || !key) return {};
  const ownUrl = normaliseUrl(report.source?.url);
  return db.transaction('r', db.reports, db.bodies, db.agencyLinks, async () => {
    const keys = [...(agencyGroups(await db.agencyLinks.toArray()).get(key) ?? [key])];
    const pick = async (y: number): Promise<Neighbour | undefined> => {
      const rows = (
        await db.reports
          .where('[agencyKey+year]')
          .anyOf(keys.map((k) => [k, y]))
          .toArray()
      ).filter((r) => r.latest === 1 && (!ownUrl || r.url !== ownUrl));
      // Prefer the exact name, then the newest save.
      rows.sort((a, b) => Number(b.agencyKey === key) - Number(a.agencyKey === key) || b.savedAt.localeCompare(a.savedAt) || b.id! - a.id!);
      const row = rows[0];
      if (!row) return undefined;
      const body = await db.bodies.get(row.id!);
      if (!body) return undefined;
      const n: Neighbour = { report: body.report, label: neighbourLabel(row), id: row.id!, savedAt: row.savedAt };
      if (row.url) n.url = row.url;
      return n;
    };
    const previous = await pick(year - 1);
    const next = await pick(year + 1);
    const out: Neighbours = {};
    if (previous) out.previous = previous;
    if (next) out.next = next;
    return out;
  });
}

export { allRows, filterRows, queryReports, sortRows } from './query';
