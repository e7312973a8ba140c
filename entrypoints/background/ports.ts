/**
 * The ports the background's services talk through: small typed interfaces, passed in by the wiring
 * (services.ts), so no service reaches another's database handle or the browser's badge. Tests pass
 * fakes or the real services.
 */

import type { BatchItem, BatchRun, QueueStore, RunState } from '@/utils/batch/queue';
import type { NewBatchRun } from '@/utils/library/batch-store';
import type { LibraryContext } from '@/utils/library/evaluate';
import type { SaveResult } from '@/utils/library/store';
import type { ReviewStatus } from '@/utils/library/types';
import type { SavedPictureTables, SavedState } from '@/utils/messaging';
import type { PdfPageInput } from '@/utils/pdf/types';
import type { Finding, Report } from '@/utils/report/types';
import type { ReviewMap } from '@/utils/reviews';

/** What changed in the library; listeners re-read what they show. */
export interface LibraryChange {
  kind: 'saved' | 'removed' | 'restored' | 'review' | 'links' | 'import' | 'findings';
  ids: number[];
}

/** What the batch service needs of the library: the context to check a report in, and the save. */
export interface BatchLibraryPort {
  context(report: Report): Promise<LibraryContext>;
  save(input: { report: Report; findings: Finding[]; url: string }): Promise<SaveResult>;
}

/** What the tab state needs of the library (the library service implements it). */
export interface TabLibraryPort extends BatchLibraryPort {
  /** The newest saved revision of a URL and its reviews. */
  stateOf(url: string): Promise<{ saved: SavedState | null; reviews: ReviewMap }>;
  /** The reviews of a saved report, by finding key. */
  reviewsOf(reportId: number): Promise<ReviewMap>;
  remove(id: number): Promise<unknown>;
  review(reportId: number, key: string, review: { status: ReviewStatus; note?: string } | null): Promise<void>;
  onChange(listener: (change: LibraryChange) => void): () => void;
}

/** What a page whose tables are pictures asks of the library (issue 18): what was read when it was saved. */
export interface PictureTablesPort {
  /** The newest saved revision's tables read from pictures, null when it has none. */
  savedPictureTables(url: string): Promise<SavedPictureTables | null>;
}

/** The batch queue's storage (batchRuns, batchItems), written only by the batch service through this port. */
export interface BatchQueuePort extends QueueStore {
  /** A run and its items, in one transaction (both or neither). */
  create(input: NewBatchRun): Promise<{ items: BatchItem[] }>;
  run(id: string): Promise<BatchRun | undefined>;
  item(id: string): Promise<BatchItem | undefined>;
  setState(id: string, state: RunState): Promise<void>;
  /** A failed item back to waiting; false when the item is not a failed one. */
  retry(itemId: string, now: number): Promise<boolean>;
  /** Runs in the state 'running'. */
  running(): Promise<BatchRun[]>;
}

/** What a tab's badge shows: a report's open findings, a listing's count, a PDF mark, or nothing. */
export type TabBadge =
  | { kind: 'findings'; findings: readonly Finding[]; reviews?: ReviewMap | null }
  | { kind: 'listing'; count: number }
  | { kind: 'pdf' }
  | { kind: 'none' };

/** The tab state's side of the badge service. */
export interface TabBadgePort {
  tab(tabId: number, badge: TabBadge): Promise<void>;
}

/** The batch service's side of the badge service: the progress of the active runs, null when none is. */
export interface BatchBadgePort {
  batch(progress: { done: number; total: number } | null): Promise<void>;
}

/** Where the OCR service has its pictures read (the hidden extension page; tests pass a fake). */
export interface OcrReaderPort {
  /** A picture (base64 bytes) → its table as a page of runs and rules, null when nothing was read. */
  read(picture: string, index: number): Promise<PdfPageInput | null>;
  /** Nothing is waiting to be read: the page may be closed. */
  idle(): Promise<void>;
}
