/**
 * Typed errors of the library. Every one carries a message for the user, Chinese first, with English.
 * Callers show `error.zh` (or `error.en` in the English UI); `error.message` holds both.
 */
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
  constructor(
    readonly code: LibraryErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly detail?: string,
  ) {
    super(`${zh} / ${en}${detail ? ` (${detail})` : ''}`);
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
  if (names.some((n) => n === 'QuotaExceededError')) {
    return new LibraryError(
      'quota',
      '存储空间不足，报告未保存。请在报告库中删除一些报告或导出后清理，再重试。已保存的内容没有丢失。',
      'Storage is full: the report was not saved. Delete or export some reports in the library, then retry. Nothing already saved was lost.',
      detail,
    );
  }
  if (action === 'open' || names.some((n) => n === 'OpenFailedError' || n === 'MissingAPIError' || n === 'InvalidStateError')) {
    return new LibraryError(
      'open-failed',
      '无法打开报告库（浏览器可能处于隐私模式或禁用了本地存储）。报告可以照常检查，但不能保存。',
      'The library could not be opened (the browser may be in private mode or block local storage). Reports can still be checked but not saved.',
      detail,
    );
  }
  return new LibraryError(
    'write-failed',
    action === 'save' ? '保存失败，报告库没有任何改动。请重试。' : '写入报告库失败，报告库没有任何改动。请重试。',
    action === 'save'
      ? 'Saving failed; the library was not changed. Please retry.'
      : 'Writing to the library failed; it was not changed. Please retry.',
    detail,
  );
}
