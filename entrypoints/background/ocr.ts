/**
 * The OCR service (issue 18): reads pictures of tables for the report script, never in the page. A
 * picture's bytes arrive from the tab (base64), are read in the hidden extension page (Chrome's offscreen
 * document, Firefox's iframe of it: the same page that parses batch items) and go back as a page of
 * positioned runs (PdfPageInput). One picture at a time, whichever tab asks; a tab's cancel (or its
 * navigation, or closing it) answers its waiting pictures `cancelled` without reading them.
 * The browser side is a port (OcrReaderPort): tests pass a fake.
 */
import type { OcrAnswer } from '@/utils/messaging';
import type { OcrReaderPort } from './ports';

/** A picture larger than this (base64 characters, about 15 MB of bytes) is refused before it is read. */
export const MAX_PICTURE_CHARS = 20 * 1024 * 1024;

export class OcrService {
  /** The pictures asked for, read one after another. */
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  /** Per tab, how many times it cancelled: a request asked before the latest cancel is not read. */
  private generation = new Map<number, number>();

  constructor(private readonly reader: OcrReaderPort) {}

  read(tabId: number, data: { picture: unknown; index: unknown }): Promise<OcrAnswer> {
    const { picture, index } = data ?? {};
    if (
      typeof picture !== 'string' ||
      !picture ||
      picture.length > MAX_PICTURE_CHARS ||
      !Number.isInteger(index) ||
      (index as number) < 1
    ) {
      return Promise.resolve({ ok: false, error: 'refused' });
    }
    const asked = this.generation.get(tabId) ?? 0;
    const current = () => (this.generation.get(tabId) ?? 0) === asked;
    this.waiting++;
    const turn = this.queue.then(async (): Promise<OcrAnswer> => {
      if (!current()) return { ok: false, cancelled: true };
      try {
        const page = await this.reader.read(picture, index as number);
        // Read while the tab cancelled: the reader is not told the answer.
        return current() ? { ok: true, page } : { ok: false, cancelled: true };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    });
    this.queue = turn.finally(() => {
      // Nothing left to read: the hidden page may go (the batch keeps it while a run needs it).
      if (--this.waiting === 0) void this.reader.idle().catch(() => undefined);
    });
    return turn;
  }

  /** The tab's pictures asked so far are not read (a later request is). */
  cancel(tabId: number): void {
    this.generation.set(tabId, (this.generation.get(tabId) ?? 0) + 1);
  }

  /** A tab navigated or closed: what it asked is dropped. */
  forget(tabId: number): void {
    this.cancel(tabId);
  }
}
