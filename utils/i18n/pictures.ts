/**
 * The panel's words for tables published as pictures (issue 18). Apart from strings.ts: they travel with
 * the report script's 'pictures' part (utils/parts.ts), not in the script every report page loads.
 */
import type { Locale } from '../report/types';

export interface PictureStrings {
  /** What the page is, before anything is read ('ask' setting). */
  tablesArePictures: string;
  /** The button that starts reading (and reads again after a cancel). */
  readPictures: string;
  reading: (done: number, total: number) => string;
  cancel: string;
  read: (tables: number) => string;
  /** The tables came from the library: read when the page was saved, not read again. */
  fromLibrary: (tables: number) => string;
  cancelled: string;
  none: string;
  failed: string;
}

const PICTURE_STRINGS: Record<Locale, PictureStrings> = {
  'zh-Hans': {
    tablesArePictures: '本页的统计表格是图片。',
    readPictures: '识别图片表格',
    reading: (done, total) => `正在识别图片表格… ${done}/${total}`,
    cancel: '取消',
    read: (n) => `已从图片识别出 ${n} 张表格，图片中读出的数字可能有误，存疑处已标出。`,
    fromLibrary: (n) => `${n} 张图片表格取自资料库中保存的识别结果。`,
    cancelled: '已取消识别图片表格。',
    none: '图片中没有识别出表格。',
    failed: '图片表格识别失败。',
  },
  'zh-Hant': {
    tablesArePictures: '本頁的統計表格是圖片。',
    readPictures: '識別圖片表格',
    reading: (done, total) => `正在識別圖片表格… ${done}/${total}`,
    cancel: '取消',
    read: (n) => `已從圖片識別出 ${n} 張表格，圖片中讀出的數字可能有誤，存疑處已標出。`,
    fromLibrary: (n) => `${n} 張圖片表格取自資料庫中保存的識別結果。`,
    cancelled: '已取消識別圖片表格。',
    none: '圖片中沒有識別出表格。',
    failed: '圖片表格識別失敗。',
  },
  en: {
    tablesArePictures: 'The statistics tables on this page are pictures.',
    readPictures: 'Read the table pictures',
    reading: (done, total) => `Reading table pictures… ${done}/${total}`,
    cancel: 'Cancel',
    read: (n) => `${n} table${n === 1 ? '' : 's'} read from pictures; figures read from a picture may be wrong, doubtful ones are marked.`,
    fromLibrary: (n) => `${n} table${n === 1 ? '' : 's'} from the reading saved in the library.`,
    cancelled: 'Reading the table pictures was cancelled.',
    none: 'No table was found in the pictures.',
    failed: 'The table pictures could not be read.',
  },
};

export function pictureStrings(locale: Locale): PictureStrings {
  return PICTURE_STRINGS[locale] ?? PICTURE_STRINGS['zh-Hans'];
}
