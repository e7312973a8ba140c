import type { Locale } from '@/utils/report/types';

/** The PDF page's own strings (the panel's come from utils/i18n). */
export interface PdfStrings {
  loading: string;
  reading: string;
  source: string;
  pages: (n: number) => string;
  notReport: string;
  grant: (host: string) => string;
  grantHint: string;
  badSource: string;
  page: (n: number) => string;
}

export const PDF_STRINGS: Record<Locale, PdfStrings> = {
  'zh-Hans': {
    loading: '正在下载 PDF…',
    reading: '正在读取 PDF…',
    source: '原文件',
    pages: (n) => `共 ${n} 页`,
    notReport: '此 PDF 不像政府信息公开工作年度报告',
    grant: (host) => `允许读取 ${host} 的文件`,
    grantHint: '本扩展默认只读取 gov.cn 网站的文件。',
    badSource: '地址无效：需要以 http:// 或 https:// 开头的 PDF 地址',
    page: (n) => `第 ${n} 页`,
  },
  'zh-Hant': {
    loading: '正在下載 PDF…',
    reading: '正在讀取 PDF…',
    source: '原檔案',
    pages: (n) => `共 ${n} 頁`,
    notReport: '此 PDF 不像政府資訊公開工作年度報告',
    grant: (host) => `允許讀取 ${host} 的檔案`,
    grantHint: '本擴充功能預設只讀取 gov.cn 網站的檔案。',
    badSource: '網址無效：需要以 http:// 或 https:// 開頭的 PDF 網址',
    page: (n) => `第 ${n} 頁`,
  },
  en: {
    loading: 'Downloading the PDF…',
    reading: 'Reading the PDF…',
    source: 'Original file',
    pages: (n) => `${n} page${n === 1 ? '' : 's'}`,
    notReport: 'This PDF does not look like a government information-disclosure annual report',
    grant: (host) => `Allow reading files from ${host}`,
    grantHint: 'By default the extension reads files from gov.cn sites only.',
    badSource: 'Invalid address: a PDF address starting with http:// or https:// is needed',
    page: (n) => `Page ${n}`,
  },
};
