/** Where the article body sits in the CMSs gov.cn sites use (domain.md "Pages in the wild"). */
export const ARTICLE_SELECTORS = [
  '.TRS_Editor',
  '.trs_editor_view',
  '#zoom',
  '#Zoom',
  '#ivs_content',
  '.Custom_UnionStyle',
  '.xxgk_content',
  '.zfxxgk_zw_content',
  '.article-content',
  '#printArea',
  '.bt_content',
  'article',
];

const MIN_ARTICLE_CHARS = 200;

/** The article element, or the body when no known container holds a real amount of text. */
export function findArticleRoot(doc: Document): Element {
  for (const selector of ARTICLE_SELECTORS) {
    const el = doc.querySelector(selector);
    if (el && (el.textContent?.length ?? 0) >= MIN_ARTICLE_CHARS) return el;
  }
  return doc.body ?? doc.documentElement;
}
