/**
 * The every-page test: does this page's title or a heading name an annual disclosure report?
 * It runs on every gov.cn page, so it imports nothing, reads only short strings (title, a few
 * headings, CMS title metas) and never walks the body text.
 */

// Both scripts, written out rather than converted: opencc is far too big for this path.
const SUBJECT = /(政府信息|政府資訊|政府資信|政务|政務)(公开|公開)/;
const KIND = /年度(报告|報告)|年(报|報)|工作(报告|報告)/;
const YEAR = /(19|20)\d\d\s*年|年度/;
const NOT_A_REPORT = /(公开|公開)(指南|目录|目錄)|(召开|召開|培训|培訓|会议|會議|部署|通知|印发|印發|关于做好|關於做好|編制發布|编制发布|报送|報送|统计表|統計表)/;

const MAX_CANDIDATES = 12;
const MAX_LENGTH = 160;

export function isReportTitle(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t.length > 0 && t.length <= MAX_LENGTH && SUBJECT.test(t) && KIND.test(t) && YEAR.test(t) && !NOT_A_REPORT.test(t);
}

/** Short strings that name the page: <title>, CMS title metas, the first few headings. */
export function titleCandidates(doc: Document): string[] {
  const out: string[] = [];
  if (doc.title) out.push(doc.title);
  for (const name of ['ArticleTitle', 'title', 'og:title']) {
    const meta = doc.querySelector(`meta[name="${name}"],meta[property="${name}"]`);
    const content = meta?.getAttribute('content');
    if (content) out.push(content);
  }
  const headings = doc.querySelectorAll('h1,h2,h3,.title,.article-title,.bt');
  for (let i = 0; i < headings.length && out.length < MAX_CANDIDATES; i++) {
    const text = headings[i]!.textContent;
    if (text && text.length <= MAX_LENGTH * 2) out.push(text);
  }
  return out;
}

export function looksLikeReport(doc: Document): boolean {
  return titleCandidates(doc).some(isReportTitleCandidate);
}

/** Portal titles often append the site name ("…年度报告_某某县人民政府"): test the whole and each part. */
export function isReportTitleCandidate(candidate: string): boolean {
  return isReportTitle(candidate) || candidate.split(/[_|｜—–]+/).some(isReportTitle);
}
