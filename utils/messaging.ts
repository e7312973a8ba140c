/**
 * The typed protocol between the report content script, the popup, the library page and the background.
 * One Report crosses per check (pageChecked); neighbour years never cross: the background answers with
 * the findings it computed where the library lives.
 *
 * NOT imported by the detector (entrypoints/detector.content.ts): that one sends a single raw
 * message, DETECTED_MESSAGE, through the plain `chrome`/`browser` global to stay tiny.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BatchAction, BatchAnswer, BatchStart, BatchStartAnswer, ListingSummary } from './batch/protocol';
import type { ErrorMessage } from './i18n/errors';
import type { Said } from './i18n/said';
import type { LibraryErrorCode } from './library/errors';
import type { SaveStatus } from './library/store';
import type { LibraryWriteOp } from './library/writes';
import type { PartName } from './parts';
import type { PdfPageInput } from './pdf/types';
import type { PdfLink } from './pdf/url';
import type { Era, Figures, Finding, Report, ReportMeta, ReportTable, Script } from './report/types';
import type { ReviewMap, ReviewStatus } from './reviews';

export { isDetectedMessage } from './detect/detected-message';
export type { SaveStatus } from './library/store';

/** The saved state of the report shown in a tab. */
export interface SavedState {
  id: number;
  savedAt: string;
  status?: SaveStatus;
  previousSavedAt?: string;
}

/** What a tab's popup and badge need: a summary, never the whole report text. */
export interface TabSummary {
  url: string;
  frameId: number;
  isReport: boolean;
  meta: Pick<ReportMeta, 'title' | 'agency' | 'year' | 'format' | 'script' | 'publishedAt' | 'printed'> & {
    format: Era | null;
    script: Script;
  };
  figures: Figures;
  findings: Finding[];
  saved: SavedState | null;
  /** Reviews of the saved report's findings (findingKey → review); dismissed ones are left out of counts. */
  reviews?: ReviewMap;
  /** Last save error shown to the user (quota, database unavailable…): worded where it is shown. */
  saveError?: Said;
  /** PDF attachments the page links (附件), offered to pdf.html. */
  attachments?: PdfLink[];
  /** The page is a 年报 listing (never a report): the popup offers batch-check on its reports. */
  listing?: ListingSummary;
  checkedAt: string;
  /** Relations and figures the page's rules compared (the answer line's 已核对 N 项). */
  checked?: number;
}

export interface CheckedPayload {
  url: string;
  report: Report;
  findings: Finding[];
  /** Relations and figures the page's rules compared. */
  checked?: number;
}

/** The report script's one message per check. */
export interface PageCheck extends CheckedPayload {
  /** Save it now (auto-save on the first check of a page). */
  save: boolean;
  /** PDF attachments the page links (附件), for the popup of a page that is not itself a report. */
  attachments?: PdfLink[];
  /** Set when the page is not a report but a 年报 listing. */
  listing?: ListingSummary;
}

/** What a tab's report script is told: once in answer to pageChecked, again whenever the library changes. */
export interface PageState {
  /** The findings to show: the page's own plus the cross-year ones computed beside the saved neighbours. */
  findings: Finding[];
  saved: SavedState | null;
  reviews: ReviewMap;
  saveError?: Said;
}

/**
 * A LibraryError as it crosses messaging (class instances do not): its kind and its message id with data,
 * rendered by the page (errorText, utils/i18n/errors.ts), which also reads the older { code, zh, en } shape.
 */
export interface WireError {
  code: LibraryErrorCode;
  text: ErrorMessage;
  detail?: string;
}
export type WriteAnswer = { ok: true; value: unknown } | { ok: false; error: WireError };

export type ReviewAnswer = { ok: true; saved: SavedState; reviews: ReviewMap } | { ok: false; error: Said };

export interface InjectionRecord {
  tabId: number;
  frameId: number;
  url: string;
  reason: 'detected' | 'manual';
  at: string;
}

export type OcrAnswer = { ok: true; page: PdfPageInput | null } | { ok: false; cancelled?: boolean; error?: string };

/** A saved report's tables read from pictures (issue 18), so a page opened again is not read twice. */
export interface SavedPictureTables {
  contentHash: string;
  tables: ReportTable[];
}

export type SaveAnswer = { ok: true; saved: SavedState } | { ok: false; error: Said };

export interface TrafficRecord {
  type: string;
  tabId: number;
  /** Characters of the message's JSON. */
  size: number;
  /** Whether it carried a Report. */
  report: boolean;
}

interface ProtocolMap {
  // report content script → background
  /** The page was checked: the one message that carries its Report. */
  pageChecked(data: PageCheck): PageState;
  /** The report script asks for one of its parts (utils/parts.ts) in its own frame. */
  loadPart(data: { part: PartName }): { ok: boolean; error?: string };
  /** Save the tab's last checked report (already with the background). */
  saveChecked(): SaveAnswer;
  /**
   * Read one picture of a table (issue 18) in the background's OCR service (never in the page): the
   * picture's bytes as base64 (messages are JSON), its 1-based index among the article's pictures. One
   * picture at a time; `cancelled` once the tab has sent ocrCancel since asking.
   */
  ocrPicture(data: { picture: string; index: number }): OcrAnswer;
  /** Stop reading this tab's pictures: those waiting are answered `cancelled` and never read. */
  ocrCancel(): void;
  /** The newest saved revision of this address, when its tables were read from pictures: those tables and its content hash. */
  savedPictureTables(data: { url: string }): SavedPictureTables | null;
  // popup / panel → background (tabId: the tab shown; the panel passes -1 = "my tab")
  getTabState(data: { tabId: number }): TabSummary | null;
  saveTab(data: { tabId: number }): SaveAnswer;
  removeTab(data: { tabId: number }): { ok: boolean; error?: Said };
  checkTab(data: { tabId: number }): { ok: boolean; error?: string };
  showPanel(data: { tabId: number }): void;
  /** Confirm or dismiss a finding of the tab's report (saved first if it is not yet), or clear it (null). */
  reviewFinding(data: { tabId: number; key: string; review: { status: ReviewStatus; note?: string } | null }): ReviewAnswer;
  /** Open the library page in a new tab, at the tab's saved report when there is one. */
  openLibrary(data: { tabId: number }): void;
  /** Open pdf.html on a PDF address (an attachment the panel or popup offers). */
  openPdf(data: { url: string }): { ok: boolean };
  syncAutoDetect(): { registered: boolean };
  getInjections(): InjectionRecord[];
  /** What the report scripts sent, per message (type and size): tests count the Reports crossing. */
  getTraffic(): TrafficRecord[];
  // library page → background: every write to the library goes through the library service
  libraryWrite(data: { op: LibraryWriteOp | 'appendUpload'; args: unknown[] }): WriteAnswer;
  // popup / library page → background's batch service (progress is read from Dexie, not messaged)
  batchStart(data: BatchStart): BatchStartAnswer;
  batchControl(data: { runId: string; action: BatchAction }): BatchAnswer;
  /** A failed item back to waiting (its run resumes if it had ended). */
  batchRetry(data: { itemId: string }): BatchAnswer;
  // background → report content script
  pageStateChanged(data: PageState): void;
  reopenPanel(): void;
  /**
   * popup → the tab's report script: find a finding (by findingKey) in the page, as a click in the panel
   * does; `location`, when given, is one of its terms' places (FindingTerms) instead of its own.
   */
  findFinding(data: { key: string; location?: Finding['location'] }): { found: boolean };
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
