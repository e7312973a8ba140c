/**
 * The detector's one raw message to the background. Kept apart from utils/messaging.ts so the
 * every-page detector can import it without pulling in the messaging library.
 */
export const DETECTED_MESSAGE = 'report-lens:detected' as const;

export interface DetectedMessage {
  reportLens: typeof DETECTED_MESSAGE;
}

export function isDetectedMessage(message: unknown): message is DetectedMessage {
  return typeof message === 'object' && message !== null && (message as DetectedMessage).reportLens === DETECTED_MESSAGE;
}
