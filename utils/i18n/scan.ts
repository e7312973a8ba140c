/**
 * pdf.html's words for scanned pages read by OCR (issue 18), in the three locales. Apart from strings.ts:
 * only pdf.html shows them.
 */
import type { Locale } from '../report/types';

export interface ScanStrings {
  /** Pages are pictures and reading waits for the reader ('ask' setting, or after a cancel). */
  pagesArePictures: (pages: number) => string;
  /** The button that starts reading. */
  read: string;
  reading: (done: number, total: number) => string;
  cancel: string;
  cancelled: string;
  failed: string;
  /** After reading: which pages were read by OCR, and that read figures may be wrong. */
  readDone: (pages: number) => string;
  /** The readPictures setting, beside the reading's line: read scanned pages at once, without asking. */
  autoRead: string;
  /** A figure taken from a value read by OCR: the mark and its tooltip (confidence in %). */
  figureMark: (percent: number) => string;
  figureTitle: (percent: number) => string;
}

const SCAN_STRINGS: Record<Locale, ScanStrings> = {
  'zh-Hans': {
    pagesArePictures: (n) => `此 PDF 有 ${n} 页是扫描图片。可在本机识别其中的文字和表格（不上传任何内容）。`,
    read: '识别扫描页面',
    reading: (done, total) => `正在识别扫描页面… ${done}/${total}`,
    cancel: '取消',
    cancelled: '已取消识别扫描页面。',
    failed: '扫描页面识别失败。',
    readDone: (n) => `${n} 页扫描图片已在本机识别（OCR）：识别出的数字可能有误，标“？”者存疑，请对照原件核实。`,
    autoRead: '自动识别扫描页面',
    figureMark: (p) => `识别 ${p}%`,
    figureTitle: (p) => `此数字由扫描图片识别（OCR），置信度 ${p}%`,
  },
  'zh-Hant': {
    pagesArePictures: (n) => `此 PDF 有 ${n} 頁是掃描圖片。可在本機識別其中的文字和表格（不上傳任何內容）。`,
    read: '識別掃描頁面',
    reading: (done, total) => `正在識別掃描頁面… ${done}/${total}`,
    cancel: '取消',
    cancelled: '已取消識別掃描頁面。',
    failed: '掃描頁面識別失敗。',
    readDone: (n) => `${n} 頁掃描圖片已在本機識別（OCR）：識別出的數字可能有誤，標「？」者存疑，請對照原件核實。`,
    autoRead: '自動識別掃描頁面',
    figureMark: (p) => `識別 ${p}%`,
    figureTitle: (p) => `此數字由掃描圖片識別（OCR），置信度 ${p}%`,
  },
  en: {
    pagesArePictures: (n) =>
      `${n} page${n === 1 ? ' of this PDF is a scanned picture' : 's of this PDF are scanned pictures'}. Their text and tables can be read on this computer (nothing is uploaded).`,
    read: 'Read the scanned pages',
    reading: (done, total) => `Reading scanned pages… ${done}/${total}`,
    cancel: 'Cancel',
    cancelled: 'Reading the scanned pages was cancelled.',
    failed: 'The scanned pages could not be read.',
    readDone: (n) =>
      `${n} scanned page${n === 1 ? ' was' : 's were'} read on this computer (OCR): figures read may be wrong; those marked ? are doubtful, check them against the original.`,
    autoRead: 'Read scanned pages automatically',
    figureMark: (p) => `OCR ${p}%`,
    figureTitle: (p) => `Read from a scanned picture (OCR), confidence ${p}%`,
  },
};

export function scanStrings(locale: Locale): ScanStrings {
  return SCAN_STRINGS[locale] ?? SCAN_STRINGS['zh-Hans'];
}
