/**
 * Typed errors of the library. Each carries a kind (`code`) and a message id with its data (`text`), never
 * words: the page that shows it renders them from the catalogue in the reader's language
 * (errorText, utils/i18n/errors.ts). `error.message` is the English text, for logs.
 */
import { ERROR_MESSAGES, type ErrorMessage, type ErrorMessageData, type ErrorMessageId } from '../i18n/errors';

export type { ErrorMessage, ErrorMessageData, ErrorMessageId };

export type LibraryErrorCode =
  | 'quota'
  | 'open-failed'
  | 'write-failed'
  | 'not-found'
  | 'import-malformed'
  | 'import-foreign'
  | 'import-newer'
  | 'import-oversized'
  | 'import-hostile'
  | 'import-invalid';

export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  readonly text: ErrorMessage;
  constructor(
    readonly code: LibraryErrorCode,
    id: ErrorMessageId = code,
    data: ErrorMessageData = {},
    readonly detail?: string,
  ) {
    super(`${ERROR_MESSAGES.en[id](data)}${detail ? ` (${detail})` : ''}`);
    this.text = { id, data };
  }
}

export function isLibraryError(e: unknown): e is LibraryError {
  return e instanceof LibraryError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'LibraryError');
}

function errorNames(e: unknown): string[] {
  const names: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const o = cur as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof o.name === 'string') names.push(o.name);
    cur = o.inner ?? o.cause;
  }
  return names;
}

/** Turn a storage failure (Dexie / IndexedDB / DOMException) into a LibraryError with a clear message. */
export function toStorageError(e: unknown, action: 'save' | 'open' | 'write' = 'write'): LibraryError {
  if (isLibraryError(e)) return e;
  const names = errorNames(e);
  const detail = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  if (names.some((n) => n === 'QuotaExceededError')) return new LibraryError('quota', 'quota', {}, detail);
  if (action === 'open' || names.some((n) => n === 'OpenFailedError' || n === 'MissingAPIError' || n === 'InvalidStateError')) {
    return new LibraryError('open-failed', 'open-failed', {}, detail);
  }
  return new LibraryError('write-failed', action === 'save' ? 'save-failed' : 'write-failed', {}, detail);
}

const CODES = new Set<string>([
  'quota',
  'open-failed',
  'write-failed',
  'not-found',
  'import-malformed',
  'import-foreign',
  'import-newer',
  'import-oversized',
  'import-hostile',
  'import-invalid',
]);

/**
 * A LibraryError again from its wire copy ({ code, text, detail }). An older copy with ready words
 * ({ code, zh, en }) or a damaged one never throws here: it becomes its kind's own message, the old English
 * words kept as the detail.
 */
export function wireError(wire: unknown): LibraryError {
  const w = (wire && typeof wire === 'object' ? wire : {}) as { code?: unknown; text?: unknown; detail?: unknown; en?: unknown };
  const code = (typeof w.code === 'string' && CODES.has(w.code) ? w.code : 'write-failed') as LibraryErrorCode;
  const text = w.text as { id?: unknown; data?: unknown } | undefined;
  const known = !!text && typeof text.id === 'string' && text.id in ERROR_MESSAGES.en;
  const detail = typeof w.detail === 'string' ? w.detail : typeof w.en === 'string' ? w.en : undefined;
  return known
    ? new LibraryError(code, text.id as ErrorMessageId, (text.data ?? {}) as ErrorMessageData, detail)
    : new LibraryError(code, code, {}, detail);
}
