/**
 * The writes an extension page may ask of the library. The background's library service implements them
 * (the one writer of the database); the library page calls them through messaging (libraryWrites() in
 * utils/messaging.ts); tests call the service directly.
 */
import type { Finding } from '../report/types';
import type { ImportResult } from './exchange';
import type { RemovedReport } from './store';
import type { ReviewStatus } from './types';

export interface LibraryWrites {
  /** Confirm or dismiss a finding of a saved report (with a note), or clear its review (null). */
  review(reportId: number, key: string, review: { status: ReviewStatus; note?: string } | null): Promise<void>;
  /** Delete a saved report; what it returns undoes it through restore(). */
  remove(id: number): Promise<RemovedReport>;
  restore(removed: RemovedReport): Promise<number>;
  link(a: string, b: string): Promise<void>;
  unlink(a: string, b: string): Promise<void>;
  /** A JSON export's text, or a token of text sent before in parts. */
  importJson(text: string | { upload: string }): Promise<ImportResult>;
  /** Mark the child agency as reporting to the parent (hierarchy-sum); the parent's reports are re-checked. */
  markChild(parent: string, child: string): Promise<void>;
  unmarkChild(parent: string, child: string): Promise<void>;
  /** Re-check a saved report against its saved neighbour years; the new findings. */
  reevaluate(id: number): Promise<Finding[] | undefined>;
}
export type LibraryWriteOp = keyof LibraryWrites;
