/**
 * Content hash of a Report: a small pure 128-bit hash (cyrb128 lanes over UTF-16 code units), so the same
 * value comes out in the page (where SubtleCrypto is missing on http:// pages), in the extension and in Node.
 * Not cryptographic: it tells revisions of one URL apart, nothing more.
 */
import type { Report } from '../report/types';

export function hash128(input: string): string {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762;
  for (let i = 0; i < input.length; i++) {
    const k = input.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, '0')).join('');
}

/**
 * The normalised content of a report: its text with all whitespace removed, then every table's cell texts
 * (tables pasted as HTML may not be in the text). Metadata such as the page title or URL is left out, so a
 * mirror or a re-dated page with the same body hashes the same; an edited body or table does not.
 */
export function normalisedContent(report: Report): string {
  const parts: string[] = [report.text.replace(/\s+/g, '')];
  for (const t of report.tables ?? []) {
    parts.push('\u0001');
    for (const c of t.cells) parts.push(c.text.replace(/\s+/g, ''), '\u0002');
  }
  return parts.join('');
}

export function contentHash(report: Report): string {
  return hash128(normalisedContent(report));
}
