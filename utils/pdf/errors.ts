import { PDF_PROBLEMS, type PdfProblem, type PdfProblemData } from '../i18n/pdf';
import type { LocalizedText } from '../report/types';

export type { PdfProblem, PdfProblemData };

/** Largest PDF read, in bytes: a report is well under 20 MB; a 100 MB file would exhaust the tab. */
export const MAX_PDF_BYTES = 60 * 1024 * 1024;

/** Why a PDF cannot be read, in the three locales (the words are in the catalogue, utils/i18n/pdf.ts). */
function pdfProblemMessage(problem: PdfProblem, data: PdfProblemData = {}): LocalizedText {
  return {
    'zh-Hans': PDF_PROBLEMS['zh-Hans'][problem](data),
    'zh-Hant': PDF_PROBLEMS['zh-Hant'][problem](data),
    en: PDF_PROBLEMS.en[problem](data),
  };
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
function looksTruncated(bytes: Uint8Array): boolean {
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
