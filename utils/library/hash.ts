/**
 * Content hash of a Report: a small pure 128-bit hash (cyrb128 lanes over UTF-16 code units), so the same
 * value comes out in the page (where SubtleCrypto is missing on http:// pages), in the extension and in Node.
 * Not cryptographic: it tells revisions of one URL apart, nothing more.
 */
import { hash128 } from '../report/hash';
import type { Report } from '../report/types';

/**
 * The normalised content of a report: its text with all whitespace removed, then every table's cell texts
 * (tables pasted as HTML may not be in the text). Metadata such as the page title or URL is left out, so a
 * mirror or a re-dated page with the same body hashes the same; an edited body or table does not.
 */
function normalisedContent(report: Report): string {
  const parts: string[] = [report.text.replace(/\s+/g, '')];
  for (const t of report.tables ?? []) {
    parts.push('\u0001');
    for (const c of t.cells) parts.push(c.text.replace(/\s+/g, ''), '\u0002');
  }
  return parts.join('');
}

/** A PDF's revision is its file (source.fileHash); a page's, its normalised content. */
export function contentHash(report: Report): string {
  if (report.source?.kind === 'pdf' && report.source.fileHash) return `pdf:${report.source.fileHash}`;
  return hash128(normalisedContent(report));
}
