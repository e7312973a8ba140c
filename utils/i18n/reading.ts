/**
 * Words for reading pictures by OCR outside the panel and pdf.html (issue 18): the readPictures setting's
 * switch in the popup and the library, and the batch list's note on an item read from a scanned PDF's
 * pages or from a page's pictures of tables. A file of its own, so the library's generated Traditional catalogue is not involved.
 */
import type { Locale } from '../report/types';

export interface ReadingStrings {
  /** The switch of the readPictures setting ('auto' when checked, 'ask' when not). */
  autoRead: string;
  /** What the switch does, under it. */
  autoReadHint: string;
  /** A batch item whose scanned PDF pages were read by OCR. */
  batchReadFromPictures: (pages: number) => string;
  /** Its tooltip. */
  batchReadFromPicturesTitle: string;
  /** A batch item (a web page) whose standard tables were read from its pictures by OCR. */
  batchReadPictureTables: (tables: number) => string;
  /** Its tooltip. */
  batchReadPictureTablesTitle: string;
}

const READING_STRINGS: Record<Locale, ReadingStrings> = {
  'zh-Hans': {
    autoRead: '自动识别图片表格和扫描 PDF',
    autoReadHint: '在本机识别（不上传任何内容）；关闭后，需点按钮才识别，批量检查中的扫描 PDF 和图片表格不识别。',
    batchReadFromPictures: (n) => `扫描件，${n} 页经本机识别（OCR）`,
    batchReadFromPicturesTitle: '数字从扫描图片识别读出，可能有误，存疑处已标出，请对照原件核实。',
    batchReadPictureTables: (n) => `${n} 张表格图片经本机识别（OCR）`,
    batchReadPictureTablesTitle: '表格以图片发布，数字由图片识别读出，可能有误，存疑处已标出，请对照原图核实。',
  },
  'zh-Hant': {
    autoRead: '自動識別圖片表格和掃描 PDF',
    autoReadHint: '在本機識別（不上傳任何內容）；關閉後，需點按鈕才識別，批量檢查中的掃描 PDF 和圖片表格不識別。',
    batchReadFromPictures: (n) => `掃描件，${n} 頁經本機識別（OCR）`,
    batchReadFromPicturesTitle: '數字從掃描圖片識別讀出，可能有誤，存疑處已標出，請對照原件核實。',
    batchReadPictureTables: (n) => `${n} 張表格圖片經本機識別（OCR）`,
    batchReadPictureTablesTitle: '表格以圖片發布，數字由圖片識別讀出，可能有誤，存疑處已標出，請對照原圖核實。',
  },
  en: {
    autoRead: 'Read table pictures and scanned PDFs automatically',
    autoReadHint:
      'Read on this computer (nothing is uploaded); when off, reading waits for a click, and scanned PDFs and table pictures in batch checks are not read.',
    batchReadFromPictures: (n) => `scanned: ${n} page${n === 1 ? '' : 's'} read on this computer (OCR)`,
    batchReadFromPicturesTitle:
      'Figures read from scanned pictures may be wrong; doubtful ones are marked. Check them against the original.',
    batchReadPictureTables: (n) => `${n} table picture${n === 1 ? '' : 's'} read on this computer (OCR)`,
    batchReadPictureTablesTitle:
      'The tables are published as pictures; figures read from them may be wrong; doubtful ones are marked. Check them against the pictures.',
  },
};

export function readingStrings(locale: Locale): ReadingStrings {
  return READING_STRINGS[locale] ?? READING_STRINGS['zh-Hans'];
}
