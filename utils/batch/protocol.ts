/**
 * What crosses messaging for batch runs: the popup and the library page start and steer runs, the
 * background's batch service runs them. Progress is not messaged: extension pages read the batchRuns and
 * batchItems stores through liveQuery, and only the batch service writes them.
 */
import type { ListedReport } from '../detect/listing';
import type { ErrorMessage } from '../i18n/errors';

/** A 年报 listing as read in its tab (utils/detect/listing.ts): the popup offers batch-check on it. */
export interface ListingSummary {
  /** The listing page's address. */
  url: string;
  reports: ListedReport[];
  /** The column's further pages (index_1.html …), read only when the user asks to follow them. */
  nextPages: string[];
}

export interface BatchStart {
  /** Report addresses, in order; duplicates are dropped by the service. */
  addresses: string[];
  /** The listing page they came from, or null for a pasted list. */
  source: string | null;
  /** Further listing pages to read first (pagination followed at the user's request); their report links join the run. */
  pages?: string[];
  /** What the listing said of each address (title, date beside the link): they travel with the item into the report. */
  listed?: { url: string; title?: string | null; date?: string | null }[];
  /** Agencies expected to report (one name each): the run says which have no report for the year. */
  expected?: string[];
}

/** Why the batch service refused: a message id and its data, rendered by the page that shows it (errorText). */
export interface BatchError {
  text: ErrorMessage;
  /** Technical words (an exception's message), shown after the text as they are. */
  detail?: string;
}

export type BatchStartAnswer = { ok: true; runId: string; total: number } | { ok: false; error: BatchError };

export type BatchAction = 'pause' | 'resume' | 'cancel';

export type BatchAnswer = { ok: true } | { ok: false; error: BatchError };
