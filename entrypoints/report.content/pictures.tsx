/**
 * Tables published as pictures, read for the report script (issue 18). Shipped in the 'pictures' part
 * (entrypoints/part-pictures.content.ts), loaded only on a report page that lacks a standard table and
 * shows pictures; report.js carries none of it.
 *
 * The live page is never changed: the page is cloned, each table read from a picture takes its <img>'s
 * place in the clone, and the clone is checked (ParseOptions.pictureTables). Pictures are read by the
 * background's OCR service, one at a time (never in the page); their bytes are the pixels the page already
 * shows, drawn on a canvas (no request), or fetched from the page's own site when the canvas refuses them.
 * A saved report keeps its tables with their reads: when the library holds this page's revision, its
 * tables are put back and nothing is read. A finding's place resolves in the clone and is mapped back to
 * the live page; a cell read from a picture is outlined on the picture itself.
 */
import type { ComponentChildren } from 'preact';
import { PictureProgress, type PictureProgressState } from '@/components/panel/PictureProgress';
import { liveAnchors, nodeAt, nodePath } from '@/utils/anchor/copy';
import { contentHash } from '@/utils/library/hash';
import type { OcrAnswer, SavedPictureTables } from '@/utils/messaging';
import { replacePictureTables } from '@/utils/ocr/document';
import { articlePictures, MAX_ARTICLE_PICTURES, MAX_READ_PICTURES, mayHoldTable, restorePictureTables } from '@/utils/ocr/page';
import { isPartName, PART_NAMES, type PartName } from '@/utils/parts';
import type { PdfPageInput } from '@/utils/pdf/types';
import type { CheckOptions, CheckResult } from '@/utils/pipeline';
import type { Locale } from '@/utils/report/types';
import { defineExtensionMessaging } from './messaging';

/** What the part uses of the report script (entrypoints/report.content/index.tsx's ReportLens). */
export interface PictureLens {
  settings: { autoSave: boolean; readPictures: 'auto' | 'ask' } | null;
  saved: unknown;
  /** The panel's picture line, rendered by renderPanel. */
  pictures: ComponentChildren;
  renderPanel(): void;
  save(): Promise<void>;
  /** A part of the report script the copy's check may meet missing (utils/parts.ts). */
  loadPart(name: PartName): Promise<void>;
  model(): { locale: Locale } | null;
  /** Take a check of the page (here: of its copy with the tables read) as the page's, and save it with auto-save. */
  check(reason: 'pictures', read: CheckResult): Promise<boolean>;
}

export interface PicturesPart {
  readPagePictures(
    lens: PictureLens,
    first: CheckResult,
    checkDocument: (doc: Document, options: CheckOptions) => CheckResult,
  ): PictureReading;
}

/** The report script as the reading sees it. */
export interface PictureHost {
  url: string;
  mode: 'auto' | 'ask';
  locale(): Locale;
  /** The live page's own check (its anchors' root is the article). */
  first: CheckResult;
  /** Check a copy of the page with the tables put in it (checkDocument with pictureTables). */
  check(doc: Document, tables: ReadonlySet<Element>): Promise<CheckResult>;
  /** The panel's picture line (null: none). */
  show(ui: ComponentChildren): void;
  /** The copy's check, its anchors resolving in the live page; null when nothing was read (the page's own check stands). */
  done(result: CheckResult | null): void;
}

export interface PictureReading {
  /** The page was checked again: this reading stops and says nothing more (the new check has its own). */
  stop(): void;
}

const messaging = defineExtensionMessaging();
const ask = messaging.sendMessage as {
  (type: 'ocrPicture', data: { picture: string; index: number }): Promise<OcrAnswer>;
  (type: 'ocrCancel', data: undefined): Promise<void>;
  (type: 'savedPictureTables', data: { url: string }): Promise<SavedPictureTables | null>;
};

/** The pixels an <img> shows, as a PNG, or null when the canvas refuses them (a picture of another site). */
async function drawnPicture(img: HTMLImageElement): Promise<Blob | null> {
  if (!img.complete || !img.naturalWidth) return null;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    if (!context) return null;
    context.drawImage(img, 0, 0);
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  } catch {
    return null;
  }
}

/** The picture's own bytes from the page's site (the browser's cache first); never another site. */
async function fetchedPicture(img: HTMLImageElement): Promise<Blob | null> {
  const src = img.currentSrc || img.src;
  try {
    const url = new URL(src, location.href);
    if (url.protocol !== 'data:' && url.origin !== location.origin) return null;
    const response = await fetch(url.href, { cache: 'force-cache', credentials: 'same-origin' });
    return response.ok ? await response.blob() : null;
  } catch {
    return null;
  }
}

/**
 * A picture's bytes as base64 for the message, read by FileReader: in Firefox the blob belongs to the
 * page, and a typed array over its buffer is refused to the content script ("Permission denied").
 */
function base64Of(blob: Blob): Promise<string | null> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      const comma = url.indexOf(',');
      resolve(url.startsWith('data:') && comma > 0 ? url.slice(comma + 1) : null);
    };
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(blob);
  });
}

/** The copy's check, its places mapped to the live page (a picture cell: its box on the picture). */
function onLivePage(result: CheckResult, copy: Document, pictures: HTMLImageElement[]): CheckResult {
  return { ...result, anchors: liveAnchors(result.anchors, copy, document, pictures) };
}

/** The part's entry: the report script's check of the page, which lacks a standard table and shows pictures. */
export const readPagePictures: PicturesPart['readPagePictures'] = (lens, first, checkDocument) => {
  const url = first.report.source.url ?? location.href;
  return readPictures({
    url,
    mode: lens.settings?.readPictures === 'ask' ? 'ask' : 'auto',
    first,
    locale: () => lens.model()?.locale ?? 'zh-Hans',
    check: async (doc, pictureTables) => {
      // The copy may need a part the page did not (the text-table reader): loaded, then checked again, as the page is.
      for (let attempt = 0; ; attempt++) {
        try {
          return checkDocument(doc, { url, pictureTables });
        } catch (error) {
          const missing = error as { name?: string; part?: unknown };
          if (missing?.name !== 'PartNotLoaded' || !isPartName(missing.part) || attempt >= PART_NAMES.length) throw error;
          await lens.loadPart(missing.part);
        }
      }
    },
    show: (ui) => {
      lens.pictures = ui;
      lens.renderPanel();
    },
    done: (result) => {
      if (result) void lens.check('pictures', result);
      // Nothing read: the page's own check is what auto-save keeps (it waited for the reading).
      else if (lens.settings?.autoSave && !lens.saved) void lens.save();
    },
  });
};

/** Start with the library, then read (at once, or when the reader asks). */
export function readPictures(host: PictureHost): PictureReading {
  const root = host.first.anchors.root;
  const pictures = articlePictures(root);
  const wanted = pictures
    .map((img, i) => ({ img, index: i + 1 }))
    .filter(({ img }) => mayHoldTable(img))
    .slice(0, MAX_READ_PICTURES);
  let cancelled = false;
  let stopped = false;
  let reading = false;
  const show = (state: PictureProgressState | null) =>
    !stopped &&
    host.show(state ? <PictureProgress state={state} locale={host.locale()} onRead={() => void read()} onCancel={cancel} /> : null);
  const copyOfPage = () => {
    const copy = document.cloneNode(true) as Document;
    const path = nodePath(root, document);
    const copyRoot = path ? nodeAt(copy, path) : null;
    return copyRoot && copyRoot.nodeType === 1 ? { copy, copyRoot: copyRoot as Element } : null;
  };

  const done = (result: CheckResult | null) => {
    if (!stopped) host.done(result);
  };

  function cancel(): void {
    if (cancelled) return;
    cancelled = true;
    void ask('ocrCancel', undefined).catch(() => undefined);
  }

  async function read(): Promise<void> {
    if (reading) return;
    reading = true;
    cancelled = false;
    const pages = new Map<number, PdfPageInput>();
    let failed = 0;
    let error: string | undefined;
    try {
      for (const [done, { img, index }] of wanted.entries()) {
        show({ phase: 'reading', done, total: wanted.length });
        const blob = (await drawnPicture(img)) ?? (await fetchedPicture(img));
        const picture = blob ? await base64Of(blob) : null;
        if (cancelled) break;
        if (!picture) {
          failed++;
          error ??= 'no picture bytes';
          continue;
        }
        const answer = await ask('ocrPicture', { picture, index }).catch(
          (error: unknown): OcrAnswer => ({ ok: false, error: String(error) }),
        );
        if (cancelled || (!answer.ok && answer.cancelled)) break;
        if (answer.ok && answer.page) pages.set(index, answer.page);
        else if (!answer.ok) {
          failed++;
          error ??= answer.error;
          console.warn('[report-lens] a table picture could not be read', answer.error);
        }
      }
      if (cancelled) {
        show({ phase: 'cancelled' });
        done(null);
        return;
      }
      show({ phase: 'reading', done: wanted.length, total: wanted.length });
      const made = copyOfPage();
      const put = made
        ? await replacePictureTables(made.copy, async (_img, index) => pages.get(index) ?? null, {
            within: made.copyRoot,
            maxPictures: MAX_ARTICLE_PICTURES,
          })
        : null;
      if (!made || !put?.tables) {
        show(failed ? { phase: 'failed', error } : { phase: 'none' });
        done(null);
        return;
      }
      const result = await host.check(made.copy, put.elements);
      show({ phase: 'read', tables: put.tables });
      done(onLivePage(result, made.copy, pictures));
    } catch (thrown) {
      console.warn('[report-lens] reading table pictures failed', thrown);
      show({ phase: 'failed', error: String(thrown) });
      done(null);
    } finally {
      reading = false;
    }
  }

  /** What the library kept of this page, when it is the same revision (its content hash says so). */
  async function fromLibrary(): Promise<boolean> {
    const saved = await ask('savedPictureTables', { url: host.url }).catch(() => null);
    if (!saved?.tables?.length) return false;
    const made = copyOfPage();
    const tables = made ? restorePictureTables(made.copy, made.copyRoot, saved.tables) : null;
    if (!made || !tables) return false;
    const result = await host.check(made.copy, tables);
    if (contentHash(result.report) !== saved.contentHash) return false;
    show({ phase: 'saved', tables: tables.size });
    done(onLivePage(result, made.copy, pictures));
    return true;
  }

  void (async () => {
    if (!wanted.length) return done(null);
    try {
      if (await fromLibrary()) return;
    } catch (error) {
      console.warn('[report-lens] the saved picture tables could not be used', error);
    }
    if (cancelled) return;
    if (host.mode === 'ask') show({ phase: 'ask' });
    else await read();
  })();
  return {
    stop: () => {
      cancel();
      stopped = true;
    },
  };
}
