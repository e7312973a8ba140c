import type { Locale } from '../report/types';

/** The PDF page's own strings (pdf.html), part of the one catalogue; the panel's are in ./strings.ts. */
export interface PdfStrings {
  loading: string;
  reading: string;
  /** Pages read so far of the PDF's pages. */
  readingPages: (read: number, total: number) => string;
  /** Above the first pages' figures, shown while the rest is read. */
  partial: (read: number) => string;
  source: string;
  pages: (n: number) => string;
  notReport: string;
  /** A scanned PDF kept in the library all the same (it appears in the scores, never scored). */
  unreadableSaved: string;
  grant: (host: string) => string;
  grantHint: string;
  badSource: string;
  page: (n: number) => string;
}

export const PDF_STRINGS: Record<Locale, PdfStrings> = {
  'zh-Hans': {
    loading: '正在下载 PDF…',
    reading: '正在读取 PDF…',
    readingPages: (read, total) => `正在读取 PDF：已读 ${read} / ${total} 页…`,
    partial: (read) => `前 ${read} 页的数字（初步）；全部读完后再列出发现。`,
    source: '原文件',
    pages: (n) => `共 ${n} 页`,
    notReport: '此 PDF 不像政府信息公开工作年度报告',
    unreadableSaved: '已作为“无法核对”保存到年报库：评分表中列出，但不计分，也不算报告的错误。',
    grant: (host) => `允许读取 ${host} 的文件`,
    grantHint: '本扩展默认只读取 gov.cn 网站的文件。',
    badSource: '地址无效：需要以 http:// 或 https:// 开头的 PDF 地址',
    page: (n) => `第 ${n} 页`,
  },
  'zh-Hant': {
    loading: '正在下載 PDF…',
    reading: '正在讀取 PDF…',
    readingPages: (read, total) => `正在讀取 PDF：已讀 ${read} / ${total} 頁…`,
    partial: (read) => `前 ${read} 頁的數字（初步）；全部讀完後再列出發現。`,
    source: '原檔案',
    pages: (n) => `共 ${n} 頁`,
    notReport: '此 PDF 不像政府資訊公開工作年度報告',
    unreadableSaved: '已作為「無法核對」儲存到年報庫：評分表中列出，但不計分，也不算報告的錯誤。',
    grant: (host) => `允許讀取 ${host} 的檔案`,
    grantHint: '本擴充功能預設只讀取 gov.cn 網站的檔案。',
    badSource: '網址無效：需要以 http:// 或 https:// 開頭的 PDF 網址',
    page: (n) => `第 ${n} 頁`,
  },
  en: {
    loading: 'Downloading the PDF…',
    reading: 'Reading the PDF…',
    readingPages: (read, total) => `Reading the PDF: ${read} of ${total} pages read…`,
    partial: (read) => `Figures of the first ${read} page${read === 1 ? '' : 's'} (provisional); findings follow once every page is read.`,
    source: 'Original file',
    pages: (n) => `${n} page${n === 1 ? '' : 's'}`,
    notReport: 'This PDF does not look like a government information-disclosure annual report',
    unreadableSaved: 'Saved to the library as "not checkable": listed in the scores, never scored, and not counted as the report’s error.',
    grant: (host) => `Allow reading files from ${host}`,
    grantHint: 'By default the extension reads files from gov.cn sites only.',
    badSource: 'Invalid address: a PDF address starting with http:// or https:// is needed',
    page: (n) => `Page ${n}`,
  },
};
