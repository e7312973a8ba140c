/**
 * A failure the background answers with (a save, a review, a removal): what to say, never the words. The page
 * that shows it words it here, in the reader's language at the time it is shown, so a language change re-words
 * an error already on screen. In the report script this module is a part loaded only when there is a failure
 * to show (utils/parts.ts 'said').
 */
import type { Locale } from '../report/types';
import { type ErrorMessage, errorText, messageOf } from './errors';
import { NOTICES, type Notices } from './notices';

export type NoticeId = keyof Notices;

export type Said =
  /** A notice of the catalogue (utils/i18n/notices.ts), with the technical words of what failed after it. */
  | { notice: NoticeId; detail?: string }
  /** A library error's message (utils/i18n/errors.ts). */
  | { error: ErrorMessage };

/** What an error means to say: a library error by its message, anything else as the notice and the error's words. */
export function sayError(error: unknown, notice: NoticeId): Said {
  const message = error && typeof error === 'object' ? messageOf(error) : null;
  if (message) return { error: message };
  const detail = error instanceof Error ? error.message : String(error);
  return detail ? { notice, detail } : { notice };
}

/** The words of a Said in the locale. A string (a background older than this page) is shown as it came. */
export function saidText(said: Said | string, locale: Locale): string {
  if (typeof said === 'string') return said;
  if ('error' in said) return errorText({ text: said.error }, locale);
  const words = (NOTICES[locale] ?? NOTICES['zh-Hans'])[said.notice] ?? NOTICES['zh-Hans'].saveFailed;
  return said.detail ? words + said.detail : words;
}
