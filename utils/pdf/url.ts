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

/**
 * Where the library opens a saved report: a PDF in the extension's PDF page (`page`, e.g. '/pdf.html'),
 * a page at its own address; undefined for anything not http(s).
 */
export function savedReportHref(row: { url: string; sourceKind?: 'pdf' }, page: string): string | undefined {
  if (!/^https?:\/\//i.test(row.url)) return undefined;
  return row.sourceKind === 'pdf' ? pdfPageUrl(page, row.url) : row.url;
}

const isGovHost = (host: string) => host === 'gov.cn' || host.endsWith('.gov.cn');

/**
 * A tab that shows a PDF, judged from what the tab itself tells without extra permissions: its address
 * (looksLikePdfUrl), or, for a PDF served without .pdf in its address (a download script), the title the
 * browser's viewer gives it when the file has none: its file name, ending in .pdf. A PDF with neither
 * (no .pdf anywhere and a title of its own) is not recognised: the content type would need webRequest.
 */
export function looksLikePdfTab(tab: { url?: string | null; title?: string | null }): boolean {
  if (looksLikePdfUrl(tab.url)) return true;
  if (!tab.url || !/^https?:/i.test(tab.url)) return false;
  return /\.pdf$/i.test((tab.title ?? '').trim());
}

/** A PDF tab on a gov.cn host: the toolbar badge marks it (the host permission shows us its address). */
export function isGovPdfTab(tab: { url?: string | null; title?: string | null }): boolean {
  if (!looksLikePdfTab(tab)) return false;
  try {
    return isGovHost(new URL(tab.url!).hostname);
  } catch {
    return false;
  }
}
