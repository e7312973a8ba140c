/**
 * The library page's writes: each one a message to the background's library service, so the background
 * knows every change (open tabs, badge) and stays the one writer of the database.
 */
import { wireError } from '@/utils/library/errors';
import type { LibraryWriteOp, LibraryWrites } from '@/utils/library/writes';
import { sendMessage } from '@/utils/messaging';

/** Larger imports go up in parts (browsers cap one message at tens of MB). */
const UPLOAD_PART = 4 * 1024 * 1024;

export function libraryWrites(): LibraryWrites {
  const call = async (op: LibraryWriteOp | 'appendUpload', args: unknown[]): Promise<unknown> => {
    const answer = await sendMessage('libraryWrite', { op, args });
    if (!answer.ok) throw wireError(answer.error);
    return answer.value;
  };
  return {
    review: (reportId, key, review) => call('review', [reportId, key, review]) as Promise<void>,
    remove: (id) => call('remove', [id]) as ReturnType<LibraryWrites['remove']>,
    restore: (removed) => call('restore', [removed]) as Promise<number>,
    link: (a, b) => call('link', [a, b]) as Promise<void>,
    unlink: (a, b) => call('unlink', [a, b]) as Promise<void>,
    markChild: (parent, child) => call('markChild', [parent, child]) as Promise<void>,
    unmarkChild: (parent, child) => call('unmarkChild', [parent, child]) as Promise<void>,
    reevaluate: (id) => call('reevaluate', [id]) as ReturnType<LibraryWrites['reevaluate']>,
    importJson: async (text) => {
      if (typeof text !== 'string' || text.length <= UPLOAD_PART)
        return call('importJson', [text]) as ReturnType<LibraryWrites['importJson']>;
      const token = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      for (let i = 0; i < text.length; i += UPLOAD_PART) await call('appendUpload', [token, text.slice(i, i + UPLOAD_PART)]);
      return call('importJson', [{ upload: token }]) as ReturnType<LibraryWrites['importJson']>;
    },
  };
}
