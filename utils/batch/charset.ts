/**
 * Decoding a fetched page's bytes the way a browser would, plus one fallback browsers lack: many gov.cn
 * servers send GBK/GB2312 pages with no charset anywhere, or with a wrong "UTF-8" label.
 * Order: BOM, Content-Type charset, <meta charset> / http-equiv in the head, then UTF-8 (fatal) → GB 18030.
 */

type CharsetSource = 'bom' | 'header' | 'meta' | 'sniffed';

export interface DecodedBody {
  text: string;
  /** The decoder's canonical name: utf-8, gb18030, utf-16le, big5 … */
  charset: string;
  source: CharsetSource;
}

/** How far into the body <meta charset> is looked for. HTML's prescan reads 1024 bytes; CMS heads with long
 * comments and script blocks push the meta further, so we read more. */
const META_WINDOW = 4096;

/** GBK and GB2312 are subsets of GB 18030: decoding them as GB 18030 loses nothing and never mis-decodes. */
const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  'gb_2312-80': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  utf8: 'utf-8',
};

/** A charset label as a decoder name TextDecoder accepts, or null for an unknown label. */
function normaliseCharset(label: string): string | null {
  const trimmed = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!trimmed) return null;
  const name = ALIASES[trimmed] ?? trimmed;
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return null;
  }
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match ? normaliseCharset(match[2]) : null;
}

/** <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…"> in the first bytes. */
function charsetFromMeta(bytes: Uint8Array): string | null {
  // Latin-1 keeps every byte as one char, so ASCII markup is readable whatever the real encoding.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_WINDOW));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) {
      const name = normaliseCharset(direct[1]);
      if (name) return name;
    }
  }
  return null;
}

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

function tryDecode(bytes: Uint8Array, charset: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(charset, { fatal, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Decodes a page body. A declared UTF-8 that is not valid UTF-8 is treated as undeclared (the label is
 * the thing that is wrong on such servers); any other declared charset is trusted, as browsers do.
 */
export function decodeBody(bytes: Uint8Array, contentType?: string | null): DecodedBody {
  const bom = bomCharset(bytes);
  if (bom) {
    return { text: tryDecode(bytes.subarray(bom.skip), bom.charset, false) ?? '', charset: bom.charset, source: 'bom' };
  }
  const declared: Array<{ charset: string | null; source: CharsetSource }> = [
    { charset: charsetFromContentType(contentType), source: 'header' },
    { charset: charsetFromMeta(bytes), source: 'meta' },
  ];
  for (const { charset, source } of declared) {
    if (!charset) continue;
    if (charset === 'utf-8') {
      const text = tryDecode(bytes, 'utf-8', true);
      if (text !== null) return { text, charset, source };
      break; // a false UTF-8 label: sniff
    }
    const text = tryDecode(bytes, charset, false);
    if (text !== null) return { text, charset, source };
  }
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', source: 'sniffed' };
  return { text: tryDecode(bytes, 'gb18030', false) ?? '', charset: 'gb18030', source: 'sniffed' };
}

export type BodyKind = 'html' | 'pdf' | 'other';

/**
 * What a fetched body is. The bytes decide before the header: gov.cn servers send PDFs as
 * application/octet-stream and pages as text/plain often enough.
 */
export function bodyKind(bytes: Uint8Array, contentType: string | null | undefined): BodyKind {
  // "%PDF-" may follow a few junk bytes; the PDF spec lets readers look in the first 1024.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/pdf') return 'pdf';
  if (/<(!doctype\s+html|html|head|body|meta|title|div|p|table)\b/i.test(head)) return 'html';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  return 'other';
}
