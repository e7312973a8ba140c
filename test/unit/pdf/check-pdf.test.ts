/**
 * checkPdf (utils/pipeline.ts), the one PDF check, with a fake pdf.js: how it ends when pdf.js does not
 * (a load that never settles, a page that fails, a close that fails), what it hands back (the file hash, the
 * open document only when asked), and the picture-reader slot. The real pdf.js runs in fixtures.test.ts and
 * damaged.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { emptyDocument } from '../../../cli/dom';
import { type PdfJsModule, PdfReadError } from '../../../utils/pdf';
import type { PdfJsOps, PdfJsPage } from '../../../utils/pdf/extract';
import { checkPdf, type PdfCheckHost } from '../../../utils/pipeline';
import { hashBytes } from '../../../utils/report/hash';

const OPS_NAMES = [
  'save',
  'restore',
  'transform',
  'constructPath',
  'stroke',
  'closeStroke',
  'fill',
  'eoFill',
  'fillStroke',
  'eoFillStroke',
  'closeFillStroke',
  'closeEOFillStroke',
  'paintFormXObjectBegin',
  'paintFormXObjectEnd',
  'paintImageXObject',
  'paintInlineImageXObject',
  'paintImageXObjectRepeat',
  'paintInlineImageXObjectGroup',
  'paintImageMaskXObject',
  'paintImageMaskXObjectGroup',
] as const;
const OPS = Object.fromEntries(OPS_NAMES.map((name, i) => [name, i + 1])) as unknown as PdfJsOps;

/** Bytes that pass the header check and end as a complete file does. */
const BYTES = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** A page of lines of text (12 pt, one line every 20 pt), and optionally one painted image. */
function textPage(lines: string[], image = false): PdfJsPage {
  return {
    getViewport: () => ({ width: 595, height: 842, transform: [1, 0, 0, -1, 0, 842] }),
    getTextContent: async () => ({
      items: lines.map((str, i) => ({ str, transform: [12, 0, 0, 12, 60, 780 - 20 * i], width: 12 * str.length, height: 12 })),
    }),
    getOperatorList: async () => ({ fnArray: image ? [OPS.paintImageXObject] : [], argsArray: image ? [[]] : [] }),
  };
}

interface FakeDoc {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  destroy(): Promise<void>;
}

function host(load: () => Promise<FakeDoc>, destroyTask = vi.fn()): PdfCheckHost {
  const module: PdfJsModule = { getDocument: () => ({ promise: load(), destroy: destroyTask }), OPS };
  return { pdfjs: async () => module, pdfOptions: { cMapUrl: '', standardFontDataUrl: '' }, emptyDocument };
}

const REPORT_LINES = [
  '北溪县卫生健康局2022年政府信息公开工作年度报告',
  '一、总体情况',
  '本机关主动公开政府信息，依申请公开办理及时。',
  '二、主动公开政府信息情况',
];

describe('checkPdf: every path ends, with a plain reason', () => {
  it('a load that never settles is stopped at the time limit and refused as timeout; its loading task is destroyed', async () => {
    const destroyTask = vi.fn();
    const started = Date.now();
    const error = await checkPdf(
      BYTES,
      host(() => new Promise(() => undefined), destroyTask),
      { timeLimitMs: 60 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfReadError);
    expect((error as PdfReadError).problem).toBe('timeout');
    expect((error as PdfReadError).messages['zh-Hans']).toBe('读取此 PDF 超过 1 秒，已停止，未检查（文件可能已损坏）');
    expect(destroyTask).toHaveBeenCalled();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a load pdf.js rejects frees its loading task and says the file is damaged', async () => {
    const destroyTask = vi.fn();
    const error = await checkPdf(
      BYTES,
      host(() => Promise.reject(Object.assign(new Error('Invalid PDF structure.'), { name: 'InvalidPDFException' })), destroyTask),
    ).catch((e: unknown) => e);
    expect((error as PdfReadError).problem).toBe('corrupt');
    expect(destroyTask).toHaveBeenCalled();
  });

  it('a page that fails stops the read: later pages are not asked for, and the document is closed only after every request settled', async () => {
    const asked: number[] = [];
    let pending = 0;
    let pendingAtClose = -1;
    const doc: FakeDoc = {
      numPages: 12,
      getPage: async (n) => {
        asked.push(n);
        if (n === 2) throw Object.assign(new Error('Bad (uncompressed) XRef entry: 7R'), { name: 'XRefEntryException' });
        pending++;
        await tick();
        await tick();
        pending--;
        return textPage(REPORT_LINES);
      },
      // A damaged file's worker can fail to close: that must not hide why the file was refused.
      destroy: async () => {
        pendingAtClose = pending;
        throw new Error('Worker was terminated');
      },
    };
    const error = await checkPdf(
      BYTES,
      host(async () => doc),
    ).catch((e: unknown) => e);
    expect((error as PdfReadError).problem).toBe('corrupt');
    expect(pendingAtClose).toBe(0);
    // Four lanes: pages 1, 3 and 4 were in flight when page 2 failed; none after them was asked for.
    expect(asked.sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
  });

  it('an error of the check itself (not pdf.js) is refused as failed, with its words, and the document is closed', async () => {
    const destroy = vi.fn(async () => undefined);
    const broken: PdfJsPage = {
      ...textPage(REPORT_LINES),
      getViewport: () => {
        throw new TypeError('viewport is not a function');
      },
    };
    const doc: FakeDoc = { numPages: 1, getPage: async () => broken, destroy };
    const badHost: PdfCheckHost = {
      ...host(async () => doc),
      emptyDocument: () => {
        throw new RangeError('Invalid string length');
      },
    };
    // The page error comes first: pdf.js's own layer maps it (corrupt); an error after the pages is 'failed'.
    expect(((await checkPdf(BYTES, badHost).catch((e: unknown) => e)) as PdfReadError).problem).toBe('corrupt');
    const doc2: FakeDoc = { numPages: 1, getPage: async () => textPage(REPORT_LINES), destroy };
    const error = (await checkPdf(BYTES, { ...host(async () => doc2), emptyDocument: badHost.emptyDocument }).catch(
      (e: unknown) => e,
    )) as PdfReadError;
    expect(error.problem).toBe('failed');
    expect(error.messages.en).toBe('Reading this PDF failed; not checked (the file may be damaged): RangeError: Invalid string length');
    expect(destroy).toHaveBeenCalledTimes(2);
  });
});

describe('checkPdf: what it hands back', () => {
  it('the report is a PDF whose revision is the hash of its bytes; the document is closed unless kept open', async () => {
    const destroy = vi.fn(async () => undefined);
    const doc: FakeDoc = { numPages: 1, getPage: async () => textPage(REPORT_LINES), destroy };
    const closed = await checkPdf(
      BYTES,
      host(async () => doc),
      { url: 'http://www.example.gov.cn/a.pdf' },
    );
    expect(closed.report.source).toEqual({
      url: 'http://www.example.gov.cn/a.pdf',
      title: closed.report.source.title,
      kind: 'pdf',
      fileHash: hashBytes(BYTES),
    });
    expect(closed.pdf).toBeNull();
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(closed.pages).toHaveLength(1);

    const open = await checkPdf(
      BYTES,
      host(async () => doc),
      { keepOpen: true },
    );
    expect(open.pdf).toBe(doc);
    expect(destroy).toHaveBeenCalledTimes(1);
    expect(open.report.source.fileHash).toBe(hashBytes(BYTES));
  });
});

describe('checkPdf: the picture-reader slot', () => {
  const scan = () => ({
    numPages: 2,
    getPage: async (n: number) => (n === 1 ? textPage(REPORT_LINES) : textPage([], true)),
    destroy: async () => undefined,
  });

  it('is asked for the picture pages only, and what it reads goes on to the reconstruction', async () => {
    const read = vi.fn(async (page: { page: number }) => ({
      ...page,
      runs: [{ str: '三、收到和处理政府信息公开申请情况', x: 60, y: 60, w: 200, h: 12, index: 0 }],
    }));
    const result = await checkPdf(
      BYTES,
      host(async () => scan() as never),
      { readPictures: read as never },
    );
    expect(read).toHaveBeenCalledTimes(1);
    expect((read.mock.calls[0]![0] as { page: number }).page).toBe(2);
    expect(result.pages[1]!.runs.map((r) => r.str)).toEqual(['三、收到和处理政府信息公开申请情况']);
    expect(result.report.sections.map((s) => s.label)).toContain('三');
  });

  it('each page read from its picture restarts the clock; a reader stuck on one page still times out', async () => {
    // Four scanned pages of 150 ms each (600 ms) under a 400 ms limit: the reading, not pdf.js, took the time.
    const scans = () => ({
      numPages: 5,
      getPage: async (n: number) => (n === 1 ? textPage(REPORT_LINES) : textPage([], true)),
      destroy: async () => undefined,
    });
    const slow = async (page: { page: number }) => {
      await new Promise((r) => setTimeout(r, 150));
      return { ...page, runs: [{ str: '三、收到和处理政府信息公开申请情况', x: 60, y: 60, w: 200, h: 12, index: 0 }] };
    };
    const result = await checkPdf(
      BYTES,
      host(async () => scans() as never),
      { readPictures: slow as never, timeLimitMs: 400 },
    );
    expect(result.pages.map((p) => p.runs.length > 0)).toEqual([true, true, true, true, true]);
    const stuck = await checkPdf(
      BYTES,
      host(async () => scans() as never),
      { readPictures: (() => new Promise(() => undefined)) as never, timeLimitMs: 100 },
    ).catch((e: unknown) => e);
    expect((stuck as PdfReadError).problem).toBe('timeout');
  });

  it('a page it leaves (null) stays as pdf.js gave it', async () => {
    const result = await checkPdf(
      BYTES,
      host(async () => scan() as never),
      { readPictures: async () => null },
    );
    expect(result.pages[1]!.runs).toEqual([]);
    expect(result.report.sections.map((s) => s.label)).toContain('二');
    expect(result.report.sections.map((s) => s.label)).not.toContain('三');
  });
});

describe('composed once', () => {
  const root = join(__dirname, '../../..');
  const product = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? product(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  const files = ['utils', 'entrypoints', 'cli', 'components'].flatMap(product);

  it('pdf.html, the batch and the CLI each call checkPdf, and only utils/pipeline.ts rebuilds, parses and hashes a PDF', () => {
    for (const caller of ['entrypoints/pdf/main.tsx', 'utils/batch/process.ts', 'cli/pdf.ts']) {
      expect(readFileSync(join(root, caller), 'utf8'), caller).toMatch(/\bcheckPdf\(/);
    }
    const hashing = files.filter(
      (f) => /hashBytes\(/.test(readFileSync(join(root, f), 'utf8')) && f !== join('utils', 'report', 'hash.ts'),
    );
    expect(hashing).toEqual([join('utils', 'pipeline.ts')]);
    // The reconstruction is called in one place (and defined in utils/pdf).
    const rebuilding = files.filter(
      (f) => /\bpdfToDocument\(/.test(readFileSync(join(root, f), 'utf8')) && f !== join('utils', 'pdf', 'index.ts'),
    );
    expect(rebuilding).toEqual([join('utils', 'pipeline.ts')]);
  });
});
