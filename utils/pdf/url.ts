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
  // The query read by hand: URLSearchParams' iterators are not iterable in Firefox content scripts.
  for (const pair of url.search.slice(1).split('&')) {
    const raw = pair.slice(pair.indexOf('=') + 1).replace(/\+/g, ' ');
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // A stray % : test the raw text.
    }
    if (/\.pdf$/i.test(value)) return true;
  }
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

export interface PdfLink {
  /** Absolute http(s) address of the PDF. */
  url: string;
  /** The link's own text (as text, never markup), for the button. */
  label: string;
}

const MAX_LINKS = 5;

/**
 * The PDF attachments an HTML page links (附件: "2022年年报.pdf", a download script naming a .pdf), in page
 * order, each address once, at most five. Word attachments are left out: only PDFs can be checked.
 * `base` resolves relative links (the page's address).
 */
export function pdfLinks(root: ParentNode, base: string): PdfLink[] {
  const links: PdfLink[] = [];
  const seen = new Set<string>();
  for (const a of root.querySelectorAll('a[href]')) {
    let url: URL;
    try {
      url = new URL(a.getAttribute('href') ?? '', base);
    } catch {
      continue;
    }
    url.hash = '';
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!looksLikePdfUrl(url.href) && !(/^https?:$/.test(url.protocol) && /\.pdf$/i.test(text))) continue;
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    links.push({
      url: url.href,
      label: text.length > 60 ? `${text.slice(0, 59)}…` : text || decodeURIComponent(url.pathname.split('/').pop() ?? ''),
    });
    if (links.length === MAX_LINKS) break;
  }
  return links;
}
