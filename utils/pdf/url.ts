/**
 * Which tab addresses are PDFs the PDF page can open, and the address of that page. Pure: the caller
 * passes the extension's own pdf.html URL.
 */

/** http(s) address whose path (or a file name in its query, as download scripts do) ends in .pdf. */
export function looksLikePdfUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (/\.pdf$/i.test(decodeURIComponent(url.pathname))) return true;
  for (const value of url.searchParams.values()) if (/\.pdf$/i.test(value)) return true;
  return false;
}

/** pdf.html?src=<address>: `page` is the extension's pdf.html URL (runtime.getURL('/pdf.html')). */
export function pdfPageUrl(page: string, src: string): string {
  return `${page}?src=${encodeURIComponent(src)}`;
}
