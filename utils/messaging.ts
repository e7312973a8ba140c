/**
 * The typed protocol between the report content script, the popup and the background.
 *
 * NOT imported by the detector (entrypoints/detector.content.ts): that one sends a single raw
 * message, DETECTED_MESSAGE, through the plain `chrome`/`browser` global to stay tiny.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Era, Figures, Finding, Report, ReportMeta, Script } from './report/types';
import type { RuleContext } from './rules/types';
import type { ReviewMap, ReviewStatus } from './reviews';

export type { ReviewMap, ReviewState, ReviewStatus } from './reviews';

export { DETECTED_MESSAGE, isDetectedMessage, type DetectedMessage } from './detect/detected-message';

export type SaveStatus = 'saved' | 'unchanged' | 'revised';

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
  meta: Pick<ReportMeta, 'title' | 'agency' | 'year' | 'format' | 'script' | 'publishedAt' | 'printed'> & { format: Era | null; script: Script };
  figures: Figures;
  findings: Finding[];
  saved: SavedState | null;
  /** Reviews of the saved report's findings (findingKey → review); dismissed ones are left out of counts. */
  reviews?: ReviewMap;
  /** Last save error shown to the user (quota, database unavailable…). */
  saveError?: string;
  checkedAt: string;
}

export interface CheckedPayload {
  url: string;
  report: Report;
  findings: Finding[];
}

export interface ContextAnswer {
  neighbours: RuleContext['neighbours'] | undefined;
  saved: SavedState | null;
  /** Reviews of the saved report's findings, keyed by findingKey(finding). */
  reviews?: ReviewMap;
}

export type ReviewAnswer = { ok: true; saved: SavedState; reviews: ReviewMap } | { ok: false; error: string };

export interface InjectionRecord {
  tabId: number;
  frameId: number;
  url: string;
  reason: 'detected' | 'manual';
  at: string;
}

export type SaveAnswer = { ok: true; saved: SavedState } | { ok: false; error: string };

interface ProtocolMap {
  // report content script → background
  getContext(data: { url: string; report: Report }): ContextAnswer;
  reportChecked(data: CheckedPayload): void;
  saveReport(data: CheckedPayload): SaveAnswer;
  // popup / panel → background (tabId: the tab shown; the panel passes -1 = "my tab")
  getTabState(data: { tabId: number }): TabSummary | null;
  saveTab(data: { tabId: number }): SaveAnswer;
  removeTab(data: { tabId: number }): { ok: boolean; error?: string };
  checkTab(data: { tabId: number }): { ok: boolean; error?: string };
  showPanel(data: { tabId: number }): void;
  /** Confirm or dismiss a finding of the tab's report (saved first if it is not yet), or clear it (null). */
  reviewFinding(data: { tabId: number; key: string; review: { status: ReviewStatus; note?: string } | null }): ReviewAnswer;
  /** Open the library page in a new tab, at the tab's saved report when there is one. */
  openLibrary(data: { tabId: number }): void;
  syncAutoDetect(): { registered: boolean };
  getInjections(): InjectionRecord[];
  // background → report content script
  savedStateChanged(data: { saved: SavedState | null; saveError?: string; reviews?: ReviewMap }): void;
  reopenPanel(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
