/**
 * The every-page test for a 年报 listing (年报专栏): the page names a 年报 column (ColumnName/ColumnType meta,
 * or a part of its <title>) and at least one of its links names an annual report with its year.
 * The column test reads only the title and the head's metas; links are walked only on the rare page whose
 * column says 年报, and the walk stops at the first report link. The full reading is readListing
 * (./listing.ts), run by the report script once the detector has fired.
 */
import { isReportTitle, namesYearReport } from './looks-like-report';

/** A column name that says 年报: 政府信息公开年报, 政府信息公开工作年度报告, 年报专栏, or just 年度报告. */
export const REPORT_COLUMN =
  /(公开|公開)(工作)?(年度)?(年报|年報|年度报告|年度報告)|年(报|報)专栏|年(报|報)專欄|^年度(报告|報告)$|^年(报|報)$/;
/** A listed report's title names its year; a column title ("政府信息公开年报") does not. */
export const YEAR_DIGITS = /(19|20)\d\d/;
const COLUMN_METAS = ['columnname', 'columntype'];
const MAX_TITLE = 160;

/** The title's parts and the column metas name a 年报 column. */
export function namesReportColumn(doc: Document): boolean {
  // Every alternative of REPORT_COLUMN holds 年 and 报 or 報: without them neither the split nor the pattern is
  // compiled (on the every-page path a pattern's first use costs more than the rest of the test).
  const title = doc.title;
  if (namesYearReport(title)) for (const part of title.split(/\s*[_|｜—–-]\s*/)) if (REPORT_COLUMN.test(part.trim())) return true;
  const metas = doc.head?.getElementsByTagName('meta');
  for (let i = 0; metas && i < metas.length && i < 64; i++) {
    const meta = metas[i]!;
    if (!COLUMN_METAS.includes((meta.getAttribute('name') ?? '').toLowerCase())) continue;
    const content = meta.getAttribute('content') ?? '';
    if (namesYearReport(content) && REPORT_COLUMN.test(content.trim())) return true;
  }
  return false;
}

/** A link's words name a report with its year (its text, or the full title="" a CMS keeps when it cuts the text). */
export function isReportLinkText(text: string | null): boolean {
  return !!text && text.length <= MAX_TITLE * 2 && YEAR_DIGITS.test(text) && isReportTitle(text);
}

export function looksLikeListing(doc: Document): boolean {
  if (!namesReportColumn(doc)) return false;
  const links = doc.getElementsByTagName('a');
  // At most 3,000 links, written in place (bytes): enough for any real column page (a 年报 column lists tens of
  // links after a few hundred of chrome).
  for (let i = 0; i < links.length && i < 3000; i++) {
    const a = links[i]!;
    if (isReportLinkText(a.getAttribute('title')) || isReportLinkText(a.textContent)) return true;
  }
  return false;
}
