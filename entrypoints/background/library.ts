/**
 * The library service: the one writer of the library database (Dexie, in the extension's origin), and the
 * one holder of its handle. Tabs save and review through it; the library page sends its writes here
 * (libraryWrite, checked and dispatched by pageWrite); extension pages only read, through liveQuery. Every
 * write is announced to onChange listeners, so the tab state (panel, popup, badge) follows changes made
 * anywhere. The batch service gets its queue's storage from here as a port (batchQueue), never the handle.
 *
 * No browser API here: the background passes the database; tests pass one on fake-indexeddb.
 */

import { agencyKey } from '@/utils/library/agency';
import { markChildAgency, unmarkChildAgency } from '@/utils/library/batch-store';
import { isLibraryError, LibraryError } from '@/utils/library/errors';
import {
  type LibraryContext,
  libraryContextOf,
  parentReportIds,
  reevaluateAgency,
  reevaluateNeighbours,
  reevaluateReport,
} from '@/utils/library/evaluate';
import { type ImportResult, importJson } from '@/utils/library/exchange';
import {
  ensureOpen,
  findSaved,
  type LibraryDB,
  linkAgencies,
  type Neighbours,
  neighboursOf,
  openLibrary,
  type RemovedReport,
  removeReport,
  restoreReport,
  reviewsFor,
  revisionsOf,
  type SaveResult,
  saveReport,
  setReview,
  unlinkAgencies,
} from '@/utils/library/store';
import type { ReviewStatus } from '@/utils/library/types';
import type { LibraryWrites } from '@/utils/library/writes';
import type { SavedPictureTables, SavedState, WriteAnswer } from '@/utils/messaging';
import { pictureTablesOf } from '@/utils/ocr/page';
import type { Finding, Report } from '@/utils/report/types';
import { type ReviewMap, toReviewMap } from '@/utils/reviews';
import { dexieBatchQueue } from './batch-queue';
import type { BatchQueuePort, LibraryChange, PictureTablesPort, TabLibraryPort } from './ports';

export type { LibraryChange } from './ports';

const MAX_UPLOAD_CHARS = 256 * 1024 * 1024;

export class LibraryService implements LibraryWrites, TabLibraryPort, PictureTablesPort {
  private db: LibraryDB | null = null;
  private listeners = new Set<(change: LibraryChange) => void>();
  private uploads = new Map<string, string[]>();
  /** Re-checks that follow a write (neighbour years, parents), one after another. */
  private followUps: Promise<void> = Promise.resolve();
  /** Children whose parents wait to be re-checked (year + agency → the pair). */
  private parentsPending = new Map<string, { agency: string; year: number }>();

  constructor(private readonly open: () => LibraryDB = () => openLibrary()) {}

  /** The database, opened (again after a failure: Dexie refuses every call after a failed open). */
  async library(): Promise<LibraryDB> {
    this.db ??= this.open();
    if (!this.db.isOpen()) await ensureOpen(this.db);
    return this.db;
  }

  /** The batch queue's storage, over this service's handle. */
  batchQueue(): BatchQueuePort {
    return dexieBatchQueue(() => this.library());
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(change: LibraryChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch (error) {
        console.warn('[report-lens] library listener failed', error);
      }
    }
  }

  // ---- reads the background needs ----

  /** The newest saved revision of a URL (row only) and its reviews. */
  async stateOf(url: string): Promise<{ saved: SavedState | null; reviews: ReviewMap }> {
    const db = await this.library();
    const row = (await revisionsOf(db, url)).find((r) => r.latest === 1);
    if (!row?.id) return { saved: null, reviews: {} };
    return { saved: { id: row.id, savedAt: row.savedAt }, reviews: toReviewMap(await reviewsFor(db, row.id)) };
  }

  /** The newest saved revision's tables read from pictures (issue 18), so a page opened again is not read twice. */
  async savedPictureTables(url: string): Promise<SavedPictureTables | null> {
    const saved = await findSaved(await this.library(), url);
    const tables = saved ? pictureTablesOf(saved.report) : [];
    return saved && tables.length ? { contentHash: saved.contentHash, tables } : null;
  }

  async reviewsOf(reportId: number): Promise<ReviewMap> {
    return toReviewMap(await reviewsFor(await this.library(), reportId));
  }

  async neighbours(report: Report): Promise<Neighbours> {
    return neighboursOf(await this.library(), report);
  }

  /** A tab's report against the library in one read: its neighbour years and its marked children of its year. */
  async context(report: Report): Promise<LibraryContext> {
    return libraryContextOf(await this.library(), report);
  }

  /** Resolves once the re-checks started by earlier writes are done (tests, and callers that must see them). */
  idle(): Promise<void> {
    return this.followUps;
  }

  /** Queue re-checks after a write; each batch of re-checked ids is announced as a 'findings' change. */
  private followUp(what: string, work: (db: LibraryDB) => Promise<number[]>): void {
    this.followUps = this.followUps
      .then(async () => {
        const ids = await work(await this.library());
        if (ids.length) this.changed({ kind: 'findings', ids });
      })
      .catch((error) => console.warn(`[report-lens] ${what} failed`, error));
  }

  /**
   * The parents of this agency's report of the year (a child of theirs changed). Children saved in a row (a
   * batch) queue their parents once: each parent is re-checked once per round, not once per child.
   */
  private parentsFollow(agency: string | null, year: number | null): void {
    if (!agency || year === null) return;
    const scheduled = this.parentsPending.size > 0;
    this.parentsPending.set(`${year}\u0000${agency}`, { agency, year });
    if (scheduled) return;
    this.followUp('re-checking parent reports', async (db) => {
      const pending = [...this.parentsPending.values()];
      this.parentsPending.clear();
      const ids = new Set<number>();
      for (const p of pending) for (const id of await parentReportIds(db, p.agency, p.year)) ids.add(id);
      for (const id of ids) await reevaluateReport(db, id);
      return [...ids];
    });
  }

  // ---- writes ----

  async save(input: { report: Report; findings: Finding[]; url: string }): Promise<SaveResult> {
    const db = await this.library();
    const result = await saveReport(db, input);
    this.changed({ kind: 'saved', ids: [result.id] });
    // The neighbour years' cross-year findings (carry-over…) change now that this year is in the library,
    // and so do the sums of the reports this agency is marked under.
    this.followUp('re-checking neighbour years', (d) => reevaluateNeighbours(d, result.id));
    this.parentsFollow(input.report.meta?.agency ?? null, input.report.meta?.year ?? null);
    return result;
  }

  async review(reportId: number, key: string, review: { status: ReviewStatus; note?: string } | null): Promise<void> {
    if (typeof key !== 'string' || !key) throw new LibraryError('write-failed', 'no-finding-to-review');
    if (review !== null && review?.status !== 'confirmed' && review?.status !== 'dismissed') {
      throw new LibraryError('write-failed', 'invalid-review');
    }
    const note = review && typeof review.note === 'string' ? review.note : '';
    await setReview(await this.library(), reportId, key, review === null ? null : { status: review.status, note });
    this.changed({ kind: 'review', ids: [reportId] });
  }

  async remove(id: number): Promise<RemovedReport> {
    const removed = await removeReport(await this.library(), id);
    this.changed({ kind: 'removed', ids: [id, ...(removed.promotedId !== undefined ? [removed.promotedId] : [])] });
    this.parentsFollow(removed.row.agency, removed.row.year);
    return removed;
  }

  async restore(removed: RemovedReport): Promise<number> {
    const id = await restoreReport(await this.library(), removed);
    this.changed({ kind: 'restored', ids: [id] });
    this.parentsFollow(removed.row.agency, removed.row.year);
    return id;
  }

  async link(a: string, b: string): Promise<void> {
    await linkAgencies(await this.library(), a, b);
    this.changed({ kind: 'links', ids: [] });
  }

  async unlink(a: string, b: string): Promise<void> {
    await unlinkAgencies(await this.library(), a, b);
    this.changed({ kind: 'links', ids: [] });
  }

  /** Part of an import too large for one message. */
  appendUpload(token: string, part: string): void {
    const parts = this.uploads.get(token) ?? [];
    parts.push(String(part));
    if (parts.reduce((n, p) => n + p.length, 0) > MAX_UPLOAD_CHARS) {
      this.uploads.delete(token);
      throw new LibraryError('import-oversized');
    }
    this.uploads.set(token, parts);
  }

  async importJson(text: string | { upload: string }): Promise<ImportResult> {
    let content: string;
    if (typeof text === 'string') content = text;
    else {
      content = (this.uploads.get(text.upload) ?? []).join('');
      this.uploads.delete(text.upload);
    }
    const result = await importJson(await this.library(), content);
    this.changed({ kind: 'import', ids: [] });
    return result;
  }

  async reevaluate(id: number): Promise<Finding[] | undefined> {
    const db = await this.library();
    const findings = await reevaluateReport(db, id);
    this.changed({ kind: 'findings', ids: [id] });
    const row = findings ? await db.reports.get(id) : undefined;
    if (row) this.parentsFollow(row.agency, row.year);
    return findings;
  }

  /** Mark `child` as reporting to `parent` (agency names or keys); the parent's reports are re-checked. */
  async markChild(parent: string, child: string): Promise<void> {
    const [p, c] = hierarchyPair(parent, child);
    const db = await this.library();
    await markChildAgency(db, p, c);
    this.changed({ kind: 'links', ids: [] });
    this.changed({ kind: 'findings', ids: await reevaluateAgency(db, p) });
  }

  async unmarkChild(parent: string, child: string): Promise<void> {
    const [p, c] = hierarchyPair(parent, child);
    const db = await this.library();
    await unmarkChildAgency(db, p, c);
    this.changed({ kind: 'links', ids: [] });
    this.changed({ kind: 'findings', ids: await reevaluateAgency(db, p) });
  }

  /**
   * A write the library page sent (libraryWrite): only from an extension page (a sender without a tab, or
   * whose tab shows one of the extension's pages, under extensionBase), only the operations PAGE_WRITE_OPS
   * names. Errors come back as the answer, never thrown across messaging.
   */
  async pageWrite(data: { op: string; args: unknown[] }, senderUrl: string | undefined, extensionBase: string): Promise<WriteAnswer> {
    if (senderUrl && !senderUrl.startsWith(extensionBase)) {
      return { ok: false, error: { code: 'write-failed', text: { id: 'not-library-page' } } };
    }
    if (!PAGE_WRITE_OPS.has(data?.op)) return { ok: false, error: { code: 'write-failed', text: { id: 'unknown-operation' } } };
    try {
      const method = this[data.op as 'review'] as (...args: unknown[]) => unknown;
      return { ok: true, value: (await method.apply(this, data.args)) ?? null };
    } catch (error) {
      if (isLibraryError(error))
        return { ok: false, error: { code: error.code, text: error.text, ...(error.detail ? { detail: error.detail } : {}) } };
      // Not the library's own error: the plain failure, with the error's words as the detail.
      return { ok: false, error: { code: 'write-failed', text: { id: 'write-failed' }, detail: String(error) } };
    }
  }
}

function hierarchyPair(parent: unknown, child: unknown): [string, string] {
  const p = agencyKey(typeof parent === 'string' ? parent : '');
  const c = agencyKey(typeof child === 'string' ? child : '');
  if (!p || !c || p === c) throw new LibraryError('write-failed', 'hierarchy-pair');
  return [p, c];
}

/** The operations the library page may call through libraryWrite (anything else is refused). */
export const PAGE_WRITE_OPS = new Set([
  'review',
  'remove',
  'restore',
  'link',
  'unlink',
  'importJson',
  'reevaluate',
  'appendUpload',
  'markChild',
  'unmarkChild',
]);
