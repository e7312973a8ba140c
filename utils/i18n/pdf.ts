/**
 * Why a PDF cannot be read, in the three locales: the PDF path's part of the one catalogue (utils/i18n).
 * pdf.html, the batch and the CLI all render a PdfReadError's { problem, data } from here.
 */
import type { Locale } from '../report/types';

export type PdfProblem =
  | 'encrypted'
  | 'corrupt'
  | 'truncated'
  | 'too-many-pages'
  | 'too-large'
  | 'scanned'
  | 'no-text'
  | 'garbled'
  | 'fetch-failed'
  | 'timeout'
  | 'failed';

export interface PdfProblemData {
  pages?: number;
  max?: number;
  megabytes?: number;
  status?: string;
  /** 'timeout': the time allowed, in seconds. */
  seconds?: number;
  /** 'failed': the error's own words (technical, often English), quoted as they are. */
  detail?: string;
}

type Messages = Record<PdfProblem, (data: PdfProblemData) => string>;

const paren = (open: string, close: string, text: string | undefined) => (text ? `${open}${text}${close}` : '');

export const PDF_PROBLEMS: Record<Locale, Messages> = {
  'zh-Hans': {
    encrypted: () => '此 PDF 已加密（需要密码），无法读取文字',
    corrupt: () => '此文件不是有效的 PDF 或已损坏，无法读取',
    truncated: () => '此 PDF 不完整（文件被截断，可能下载中断），无法读取',
    'too-many-pages': (d) => `此 PDF 共 ${d.pages} 页，超过 ${d.max} 页的上限，未检查`,
    'too-large': (d) => `此 PDF 超过 ${d.megabytes} MB 的上限，未检查`,
    scanned: () => '此 PDF 为扫描图片，无法读取文字',
    'no-text': () => '此 PDF 没有可读取的文字',
    garbled: () => '此 PDF 的文字编码无法识别（字体未提供字符映射），无法读取文字',
    'fetch-failed': (d) => `无法下载此 PDF${paren('（', '）', d.status)}`,
    timeout: (d) => `读取此 PDF 超过 ${d.seconds} 秒，已停止，未检查（文件可能已损坏）`,
    failed: (d) => `读取此 PDF 时出错，未检查（文件可能已损坏）${paren('：', '', d.detail)}`,
  },
  'zh-Hant': {
    encrypted: () => '此 PDF 已加密（需要密碼），無法讀取文字',
    corrupt: () => '此檔案不是有效的 PDF 或已損壞，無法讀取',
    truncated: () => '此 PDF 不完整（檔案被截斷，可能下載中斷），無法讀取',
    'too-many-pages': (d) => `此 PDF 共 ${d.pages} 頁，超過 ${d.max} 頁的上限，未檢查`,
    'too-large': (d) => `此 PDF 超過 ${d.megabytes} MB 的上限，未檢查`,
    scanned: () => '此 PDF 為掃描圖片，無法讀取文字',
    'no-text': () => '此 PDF 沒有可讀取的文字',
    garbled: () => '此 PDF 的文字編碼無法識別（字型未提供字元對應），無法讀取文字',
    'fetch-failed': (d) => `無法下載此 PDF${paren('（', '）', d.status)}`,
    timeout: (d) => `讀取此 PDF 超過 ${d.seconds} 秒，已停止，未檢查（檔案可能已損壞）`,
    failed: (d) => `讀取此 PDF 時出錯，未檢查（檔案可能已損壞）${paren('：', '', d.detail)}`,
  },
  en: {
    encrypted: () => 'This PDF is encrypted (password required); its text cannot be read',
    corrupt: () => 'This file is not a valid PDF or is damaged; it cannot be read',
    truncated: () => 'This PDF is incomplete (the file is cut short, perhaps an interrupted download); it cannot be read',
    'too-many-pages': (d) => `This PDF has ${d.pages} pages, over the limit of ${d.max}; not checked`,
    'too-large': (d) => `This PDF is over the limit of ${d.megabytes} MB; not checked`,
    scanned: () => 'This PDF is a scanned image; its text cannot be read',
    'no-text': () => 'This PDF has no text that can be read',
    garbled: () => "This PDF's text encoding cannot be recognised (its fonts map no characters); its text cannot be read",
    'fetch-failed': (d) => `Could not download this PDF${paren(' (', ')', d.status)}`,
    timeout: (d) => `Reading this PDF took over ${d.seconds} seconds and was stopped; not checked (the file may be damaged)`,
    failed: (d) => `Reading this PDF failed; not checked (the file may be damaged)${paren(': ', '', d.detail)}`,
  },
};
