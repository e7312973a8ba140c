import type { LocalizedText } from '../report/types';

/** Why a PDF cannot be read. Each has a plain message in three locales (messages below). */
export type PdfProblem = 'encrypted' | 'corrupt' | 'truncated' | 'too-many-pages' | 'too-large' | 'scanned' | 'no-text' | 'garbled' | 'fetch-failed';

export interface PdfProblemData {
  pages?: number;
  max?: number;
  megabytes?: number;
  status?: string;
}

/** Largest PDF read, in bytes: a report is well under 20 MB; a 100 MB file would exhaust the tab. */
export const MAX_PDF_BYTES = 60 * 1024 * 1024;

export function pdfProblemMessage(problem: PdfProblem, data: PdfProblemData = {}): LocalizedText {
  switch (problem) {
    case 'encrypted':
      return {
        'zh-Hans': '此 PDF 已加密（需要密码），无法读取文字',
        'zh-Hant': '此 PDF 已加密（需要密碼），無法讀取文字',
        en: 'This PDF is encrypted (password required); its text cannot be read',
      };
    case 'corrupt':
      return {
        'zh-Hans': '此文件不是有效的 PDF 或已损坏，无法读取',
        'zh-Hant': '此檔案不是有效的 PDF 或已損壞，無法讀取',
        en: 'This file is not a valid PDF or is damaged; it cannot be read',
      };
    case 'truncated':
      return {
        'zh-Hans': '此 PDF 不完整（文件被截断，可能下载中断），无法读取',
        'zh-Hant': '此 PDF 不完整（檔案被截斷，可能下載中斷），無法讀取',
        en: 'This PDF is incomplete (the file is cut short, perhaps an interrupted download); it cannot be read',
      };
    case 'too-many-pages':
      return {
        'zh-Hans': `此 PDF 共 ${data.pages} 页，超过 ${data.max} 页的上限，未检查`,
        'zh-Hant': `此 PDF 共 ${data.pages} 頁，超過 ${data.max} 頁的上限，未檢查`,
        en: `This PDF has ${data.pages} pages, over the limit of ${data.max}; not checked`,
      };
    case 'too-large':
      return {
        'zh-Hans': `此 PDF 超过 ${data.megabytes} MB 的上限，未检查`,
        'zh-Hant': `此 PDF 超過 ${data.megabytes} MB 的上限，未檢查`,
        en: `This PDF is over the limit of ${data.megabytes} MB; not checked`,
      };
    case 'scanned':
      return {
        'zh-Hans': '此 PDF 为扫描图片，无法读取文字',
        'zh-Hant': '此 PDF 為掃描圖片，無法讀取文字',
        en: 'This PDF is a scanned image; its text cannot be read',
      };
    case 'no-text':
      return {
        'zh-Hans': '此 PDF 没有可读取的文字',
        'zh-Hant': '此 PDF 沒有可讀取的文字',
        en: 'This PDF has no text that can be read',
      };
    case 'garbled':
      return {
        'zh-Hans': '此 PDF 的文字编码无法识别（字体未提供字符映射），无法读取文字',
        'zh-Hant': '此 PDF 的文字編碼無法識別（字型未提供字元對應），無法讀取文字',
        en: "This PDF's text encoding cannot be recognised (its fonts map no characters); its text cannot be read",
      };
    case 'fetch-failed':
      return {
        'zh-Hans': `无法下载此 PDF${data.status ? `（${data.status}）` : ''}`,
        'zh-Hant': `無法下載此 PDF${data.status ? `（${data.status}）` : ''}`,
        en: `Could not download this PDF${data.status ? ` (${data.status})` : ''}`,
      };
  }
}

export class PdfReadError extends Error {
  readonly messages: LocalizedText;
  constructor(
    readonly problem: PdfProblem,
    readonly data: PdfProblemData = {},
    options?: { cause?: unknown },
  ) {
    const messages = pdfProblemMessage(problem, data);
    super(`${messages['zh-Hans']} (${messages.en})`, options);
    this.name = 'PdfReadError';
    this.messages = messages;
  }
}

/** `%%EOF` near the end: a complete file has one (a cut download usually lacks it). */
export function looksTruncated(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 2048));
  const marker = [0x25, 0x25, 0x45, 0x4f, 0x46];
  outer: for (let i = tail.length - marker.length; i >= 0; i--) {
    for (let k = 0; k < marker.length; k++) if (tail[i + k] !== marker[k]) continue outer;
    return false;
  }
  return true;
}

/** A pdf.js load failure (its exceptions carry a name) → our problem, for the bytes that failed. */
export function problemFromPdfJs(error: unknown, bytes: Uint8Array): PdfReadError {
  if (error instanceof PdfReadError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'PasswordException') return new PdfReadError('encrypted', {}, { cause: error });
  if (looksTruncated(bytes)) return new PdfReadError('truncated', {}, { cause: error });
  return new PdfReadError('corrupt', {}, { cause: error });
}

/** Does the file start like a PDF (within the first KB, as readers allow)? */
export function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}
