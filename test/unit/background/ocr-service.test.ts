/**
 * The background's OCR service (entrypoints/background/ocr.ts) on a fake reader: one picture at a time,
 * whichever tab asks; a tab's cancel drops what it asked (waiting and in flight) and nobody else's; the
 * hidden page is let go once nothing waits; a refused or failing picture is an answer, never a throw.
 */
import { describe, expect, it } from 'vitest';
import { OcrService } from '../../../entrypoints/background/ocr';
import type { OcrReaderPort } from '../../../entrypoints/background/ports';
import type { PdfPageInput } from '../../../utils/pdf/types';

const page = (n: number): PdfPageInput => ({
  page: n,
  width: 100,
  height: 50,
  runs: [],
  rules: [],
  images: 1,
  picture: { image: n, rotation: 0 },
});

/** A reader whose reads finish when the test says so; it records what it was asked and when it is let go. */
function fakeReader() {
  const log: string[] = [];
  const pending: { picture: string; finish: (p: PdfPageInput | null) => void; fail: (e: Error) => void }[] = [];
  let running = 0;
  let most = 0;
  const reader: OcrReaderPort = {
    read: (picture, index) =>
      new Promise((resolve, reject) => {
        running++;
        most = Math.max(most, running);
        log.push(`read ${picture}#${index}`);
        const done =
          <T>(f: (v: T) => void) =>
          (v: T) => {
            running--;
            f(v);
          };
        pending.push({ picture, finish: done(resolve), fail: done(reject) });
      }),
    idle: async () => {
      log.push('idle');
    },
  };
  const tick = () => new Promise((r) => setTimeout(r, 0));
  return { reader, log, pending, most: () => most, tick };
}

describe('OCR service', () => {
  it('reads one picture at a time, in the order asked, across tabs', async () => {
    const f = fakeReader();
    const ocr = new OcrService(f.reader);
    const a = ocr.read(1, { picture: 'AAA', index: 1 });
    const b = ocr.read(2, { picture: 'BBB', index: 1 });
    await f.tick();
    expect(f.log).toEqual(['read AAA#1']);
    f.pending.shift()!.finish(page(1));
    expect(await a).toEqual({ ok: true, page: page(1) });
    await f.tick();
    expect(f.log).toEqual(['read AAA#1', 'read BBB#1']);
    f.pending.shift()!.finish(null);
    expect(await b).toEqual({ ok: true, page: null });
    expect(f.most()).toBe(1);
    await f.tick();
    // Nothing waits any more: the hidden page may go.
    expect(f.log.at(-1)).toBe('idle');
  });

  it("a tab's cancel: its waiting pictures are never read, the one in flight is answered cancelled; another tab's go on", async () => {
    const f = fakeReader();
    const ocr = new OcrService(f.reader);
    const first = ocr.read(7, { picture: 'P1', index: 1 });
    const second = ocr.read(7, { picture: 'P2', index: 2 });
    const other = ocr.read(8, { picture: 'Q1', index: 1 });
    await f.tick();
    ocr.cancel(7);
    f.pending.shift()!.finish(page(1));
    expect(await first).toEqual({ ok: false, cancelled: true });
    expect(await second).toEqual({ ok: false, cancelled: true });
    await f.tick();
    f.pending.shift()!.finish(page(1));
    expect(await other).toEqual({ ok: true, page: page(1) });
    expect(f.log.filter((l) => l.startsWith('read'))).toEqual(['read P1#1', 'read Q1#1']);
    // Asked again after the cancel (the reader pressed 识别图片表格 once more): read.
    const again = ocr.read(7, { picture: 'P1', index: 1 });
    await f.tick();
    f.pending.shift()!.finish(page(1));
    expect(await again).toEqual({ ok: true, page: page(1) });
  });

  it('a tab that navigates or closes (forget) drops what it asked', async () => {
    const f = fakeReader();
    const ocr = new OcrService(f.reader);
    const busy = ocr.read(3, { picture: 'X', index: 1 });
    const waiting = ocr.read(4, { picture: 'Y', index: 1 });
    ocr.forget(4);
    await f.tick();
    f.pending.shift()!.finish(page(1));
    expect(await busy).toEqual({ ok: true, page: page(1) });
    expect(await waiting).toEqual({ ok: false, cancelled: true });
    expect(f.log.filter((l) => l.startsWith('read'))).toEqual(['read X#1']);
  });

  it('refuses what is not a picture request, and answers a failed read with its error; the next picture is still read', async () => {
    const f = fakeReader();
    const ocr = new OcrService(f.reader);
    expect(await ocr.read(1, { picture: '', index: 1 })).toEqual({ ok: false, error: 'refused' });
    expect(await ocr.read(1, { picture: 'AAA', index: 0 })).toEqual({ ok: false, error: 'refused' });
    expect(await ocr.read(1, { picture: 42, index: 1 })).toEqual({ ok: false, error: 'refused' });
    expect(await ocr.read(1, { picture: 'A'.repeat(20 * 1024 * 1024 + 1), index: 1 })).toEqual({ ok: false, error: 'refused' });
    const broken = ocr.read(1, { picture: 'AAA', index: 1 });
    const next = ocr.read(1, { picture: 'BBB', index: 2 });
    await f.tick();
    f.pending.shift()!.fail(new Error('picture too large (6000×4000)'));
    expect(await broken).toEqual({ ok: false, error: 'picture too large (6000×4000)' });
    await f.tick();
    f.pending.shift()!.finish(page(2));
    expect(await next).toEqual({ ok: true, page: page(2) });
    expect(f.log.filter((l) => l.startsWith('read'))).toEqual(['read AAA#1', 'read BBB#2']);
  });
});
