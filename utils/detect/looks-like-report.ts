/**
 * The every-page test: does this page's title or a heading name an annual disclosure report?
 * It runs on every gov.cn page, so it imports nothing, reads only short strings (title, a few
 * headings, CMS title metas) and never walks the body text.
 */

// Both scripts, written out rather than converted: opencc is far too big for this path. Word lists and
// includes, not patterns: on the every-page path the first pattern compiled in a page cost about 0.1 ms in Chromium
// (each further one 0.02-0.06 ms), more than the rest of the test (0.005 ms to read the title).
const words = (list: string) => list.split(' ');
const OPEN = words('公开 公開');
/** (政府信息|政府資訊|政府資信|政务|政務)(公开|公開) */
const SUBJECTS = words('政府信息 政府資訊 政府資信 政务 政務');
/** 年度(报告|報告)|年(报|報)|工作(报告|報告) */
const KINDS = words('年度报告 年度報告 年报 年報 工作报告 工作報告');
/** (公开|公開)(指南|目录|目錄): a guide or a catalogue. */
const NOT_AFTER_OPEN = words('指南 目录 目錄');
/** News of a meeting, a notice about compiling the report, a statistics form. */
const NOT_A_REPORT = words('召开 召開 培训 培訓 会议 會議 部署 通知 印发 印發 关于做好 關於做好 編制發布 编制发布 报送 報送 统计表 統計表');
/** The year before 年, when the title does not say 年度. */
const YEAR = /(19|20)\d\d年/;

// Limits written in place (a title of at most 160 characters; the first 4 h1 and h2): the minifier keeps a
// named constant as a variable, and both scripts are at their byte budgets.

/** 年 and 报 or 報: every report title holds both, and so does every 年报 column name (looks-like-listing.ts). */
export const namesYearReport = (t: string) => t.includes('年') && (t.includes('报') || t.includes('報'));
/**
 * Characters every report title holds: 年 (YEAR), 公 (SUBJECT) and 报 or 報 (each KIND). Most strings of a page
 * lack one, and then no pattern runs: on the every-page path a pattern's first use (its compilation) costs more
 * than the rest. A news title about disclosure work (我县召开2023年政务公开工作推进会) has 年 and 公, not 报.
 */
const mayNameReport = (t: string) => namesYearReport(t) && t.includes('公');

export function isReportTitle(text: string): boolean {
  if (!mayNameReport(text)) return false;
  // Without its blanks (trim() drops exactly what \s matches).
  let t = '';
  for (const c of text) t += c.trim();
  const has = (w: string) => t.includes(w);
  /** A word of `firsts` right before one of `seconds`. */
  const pair = (firsts: string[], seconds: string[]) => firsts.some((f) => seconds.some((s) => has(f + s)));
  return (
    t.length <= 160 &&
    pair(SUBJECTS, OPEN) &&
    KINDS.some(has) &&
    (has('年度') || YEAR.test(t)) &&
    !pair(OPEN, NOT_AFTER_OPEN) &&
    !NOT_A_REPORT.some(has)
  );
}

const META_NAMES = ['articletitle', 'title', 'og:title'];

/**
 * Short strings that name the page: <title>, CMS title metas, the first few h1/h2. Uses the lazily
 * evaluated live collections (getElementsByTagName) and reads only their first items, so a long
 * page is walked only as far as its first headings.
 */
export function titleCandidates(doc: Document): string[] {
  const out: string[] = [];
  eachTitleCandidate(doc, (s) => void out.push(s));
  return out;
}

/**
 * The same candidates, one by one, until `visit` answers true (then true): the detector stops at the first
 * hit (usually <title>). A callback, not a generator: the every-page path pays for what it compiles first.
 */
export function eachTitleCandidate(doc: Document, visit: (candidate: string) => unknown): boolean {
  if (doc.title && visit(doc.title)) return true;
  const metas = doc.head?.getElementsByTagName('meta');
  for (let i = 0; metas && i < metas.length && i < 64; i++) {
    const meta = metas[i]!;
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').toLowerCase();
    const content = META_NAMES.includes(name) ? meta.getAttribute('content') : null;
    if (content && visit(content)) return true;
  }
  // Headings that can carry an article title. Each tag costs one walk of the page when the page has none (about
  // 0.1 ms per walk on a 1 MB listing page in Chromium); h3 and class-named titles (.title, .bt) were measured at
  // +0.4 ms there and dropped: report pages name themselves in <title>.
  for (const tag of ['h1', 'h2']) {
    const collection = doc.getElementsByTagName(tag);
    // item(i) on a live collection walks only as far as the i-th match.
    for (let i = 0; i < 4; i++) {
      const el = collection.item(i);
      if (!el) break;
      const text = el.textContent;
      if (text && text.length <= 320 && visit(text)) return true;
    }
  }
  return false;
}

export function looksLikeReport(doc: Document): boolean {
  return eachTitleCandidate(doc, isReportTitleCandidate);
}

/** Portal titles often append the site name ("…年度报告_某某县人民政府"): test the whole and each part. */
export function isReportTitleCandidate(candidate: string): boolean {
  // Without those characters no part of it can name a report either.
  return mayNameReport(candidate) && (isReportTitle(candidate) || candidate.split(/[_|｜—–]+/).some(isReportTitle));
}
