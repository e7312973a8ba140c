/**
 * The detector's one raw message to the background. Kept apart from utils/messaging.ts so the
 * every-page detector can import it without pulling in the messaging library.
 */
export const DETECTED_MESSAGE = 'report-lens:detected' as const;

export interface DetectedMessage {
  reportLens: typeof DETECTED_MESSAGE;
  /**
   * The title that named the page is written in Traditional characters (報, 開, 資, 務): the background
   * injects the Traditional converter (a part of the report script, utils/parts.ts) in the same call as the
   * report script, so a Traditional page's first check does not wait for a second round trip.
   */
  hant?: boolean;
}

/** A title written in Traditional characters, by the four that tell a report's title apart (報告, 公開, 資訊, 政務). */
export const HANT_TITLE = /[報開資務]/;

export function isDetectedMessage(message: unknown): message is DetectedMessage {
  return typeof message === 'object' && message !== null && (message as DetectedMessage).reportLens === DETECTED_MESSAGE;
}
