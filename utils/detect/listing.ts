/**
 * A 年报 listing page (年报专栏): a column whose links name annual reports, one agency's by year or a region's
 * departments and towns for one year. It is never itself a report; what it gives is the reports' addresses
 * and the column's further pages (index_1.html …), the natural unit of an evaluator's work.
 * Pure: takes the document and the page's address, reads links, metas and inline script text, runs nothing.
 */

import { agencyAndYearFromTitle } from '../text/title';
import { REPORT_COLUMN, YEAR_DIGITS } from './looks-like-listing';
import { isReportTitle } from './looks-like-report';

export interface ListedReport {
  /** Absolute, resolved against the page (or its <base href>). */
  url: string;
  title: string;
  year: number | null;
  agency: string | null;
  /** The date printed beside the link (YYYY-MM-DD), in its list item or table row; null when none is. */
  date: string | null;
}

export interface Listing {
  isListing: boolean;
  reports: ListedReport[];
  /** The column's other pages, absolute, in page order (the page itself excluded). */
  nextPages: string[];
}

/** Elements that hold the breadcrumb ("当前位置：首页 > 政府信息公开 > 政府信息公开年报"). */
const BREADCRUMB_SELECTOR =
  '[class*="crumb"], [id*="crumb"], [class*="position"], [id*="position"], [class*="location"], [class*="dqwz"], [class*="weizhi"]';
const CRUMB_SEPARATOR = /[>＞»›]/;
/** Without a column signal, report links must be this share of the page's item links (a news column
 * that carries a few reports among its news is not a 年报 listing). */
const MIN_REPORT_SHARE = 0.3;
const ITEM_TITLE_MIN = 8;
/** Links that open by script: window.open('…'), location.href='…'. */
const SCRIPTED_URL = /(?:window\.open|location(?:\.href)?\s*=|openwin|openWin)\s*\(?\s*['"]([^'"]+)['"]/;
/** TRS and similar CMSs write their pager from script: createPageHTML(pages, current, "index", "html"), the
 * page count often in a variable set just before ("var countPage = 3"). */
const PAGER_SCRIPT = /createPageHTML\(\s*['"]?([\w$]+)['"]?\s*,\s*['"]?[\w$]+['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/;
const PAGER_FILE = /(?:^|\/)([\w-]+)_(\d+)\.(s?html?)$/;
const MAX_LINKS = 5000;
const MAX_PAGES = 200;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function absolute(href: string, base: string): string | null {
  const h = href.trim();
  if (!h || h.startsWith('#') || /^(javascript|mailto|tel|data):/i.test(h)) return null;
  try {
    const url = new URL(h, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Where a link goes: its href, or the address in its onclick when the href is a script or "#". */
function linkTarget(a: Element, base: string): string | null {
  const direct = absolute(a.getAttribute('href') ?? '', base);
  if (direct) return direct;
  const scripted = SCRIPTED_URL.exec(a.getAttribute('onclick') ?? a.getAttribute('href') ?? '');
  return scripted ? absolute(scripted[1]!, base) : null;
}

/** The link's own words: CMSs cut long titles ("…年度报告..."), keeping the full one in title="". */
function linkTitle(a: Element): string {
  const text = squash(a.textContent ?? '');
  const attr = squash(a.getAttribute('title') ?? '');
  if (attr && (text === '' || /(\.\.\.|…)$/.test(text) || attr.length > text.length)) return attr;
  return text;
}

function metaContent(doc: Document, name: string): string {
  for (const meta of Array.from(doc.getElementsByTagName('meta'))) {
    if ((meta.getAttribute('name') ?? '').toLowerCase() === name.toLowerCase()) return squash(meta.getAttribute('content') ?? '');
  }
  return '';
}

/** The page names one report itself (its title or ArticleTitle carries a year): it is a report, not a listing. */
function namesOneReport(doc: Document): boolean {
  const candidates = [metaContent(doc, 'ArticleTitle'), ...squash(doc.title).split(/[_|｜—–-]+/)];
  return candidates.some((c) => YEAR_DIGITS.test(c) && isReportTitle(c));
}

/** The column's own name: the breadcrumb's last step, or the first part of the page title. */
function columnNames(doc: Document): string[] {
  const names = [metaContent(doc, 'ColumnName'), metaContent(doc, 'ColumnType'), squash(doc.title).split(/\s*[_|｜—–-]\s*/)[0] ?? ''];
  for (const el of Array.from(doc.querySelectorAll(BREADCRUMB_SELECTOR)).slice(0, 10)) {
    const text = squash(el.textContent ?? '');
    if (text.length > 200 || !CRUMB_SEPARATOR.test(text)) continue;
    names.push(squash(text.split(CRUMB_SEPARATOR).pop() ?? ''));
    break;
  }
  return names.filter(Boolean);
}

function columnSignal(doc: Document): boolean {
  return columnNames(doc).some((name) => REPORT_COLUMN.test(name));
}

/** The pager's pages: from a createPageHTML script, else from links to name_N.html beside this page. */
function pagerPages(doc: Document, base: string, links: Element[]): string[] {
  const here = new URL(base);
  const dir = new URL('./', here).href;
  const out = new Set<string>();
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    const code = script.textContent ?? '';
    const m = PAGER_SCRIPT.exec(code);
    if (!m) continue;
    const [, countArg, name, ext] = m as unknown as [string, string, string, string];
    const count = /^\d+$/.test(countArg)
      ? Number(countArg)
      : Number(new RegExp(`\\b${countArg.replace(/\$/g, '\\$')}\\s*=\\s*['"]?(\\d+)`).exec(code)?.[1] ?? 0);
    // Page 0 is name.ext, page n is name_n.ext.
    for (let n = 0; n < Math.min(count, MAX_PAGES); n++) out.add(new URL(n === 0 ? `${name}.${ext}` : `${name}_${n}.${ext}`, dir).href);
  }
  for (const a of links) {
    const url = absolute(a.getAttribute('href') ?? '', base);
    if (!url?.startsWith(dir) || url.slice(dir.length).includes('/')) continue;
    if (PAGER_FILE.test(new URL(url).pathname)) out.add(url);
  }
  const self = new URL(here.pathname.endsWith('/') ? 'index.html' : here.pathname, here).href;
  out.delete(here.href);
  out.delete(self);
  const order = (u: string) => Number(PAGER_FILE.exec(new URL(u).pathname)?.[2] ?? 0);
  return [...out].sort((a, b) => order(a) - order(b)).slice(0, MAX_PAGES);
}

const LISTED_DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

/**
 * The date a column prints beside a report's link ("<li><a>…</a><span>2023-01-30</span></li>"): searched in
 * the link's list item or table row, outside the title (whose year is the report's, not the date's).
 */
function listedDate(a: Element, title: string): string | null {
  const item = a.closest('li, tr, dd, dt, p') ?? a.parentElement;
  if (!item) return null;
  const text = (item.textContent ?? '').replace(title, ' ').replace(/\s+/g, ' ');
  const m = LISTED_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads a page as a 年报 listing. `pageUrl` is the page's address (relative links resolve against it). */
export function readListing(doc: Document, pageUrl: string): Listing {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && absolute(baseHref, pageUrl)) || pageUrl;
  const links = Array.from(doc.getElementsByTagName('a')).slice(0, MAX_LINKS);
  const reports: ListedReport[] = [];
  const seen = new Set<string>();
  for (const a of links) {
    const title = linkTitle(a);
    // A report's own title always names its year; "关于做好…年度报告…的通知" is excluded by isReportTitle.
    if (!YEAR_DIGITS.test(title) || !isReportTitle(title)) continue;
    const url = linkTarget(a, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    const { agency, year } = agencyAndYearFromTitle(title);
    reports.push({ url, title, year, agency, date: listedDate(a, title) });
  }
  const items = links.filter((a) => linkTitle(a).length >= ITEM_TITLE_MIN && a.hasAttribute('href')).length;
  const isListing =
    reports.length > 0 &&
    !namesOneReport(doc) &&
    (columnSignal(doc) || (reports.length >= 3 && reports.length >= MIN_REPORT_SHARE * items));
  return { isListing, reports: isListing ? reports : [], nextPages: isListing ? pagerPages(doc, base, links) : [] };
}
