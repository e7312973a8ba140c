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
  // One walk for all selectors (a querySelector per selector walks the page once per miss), then
  // the first selector in priority order whose element holds a real amount of text.
  const matches = doc.querySelectorAll(ARTICLE_SELECTORS.join(','));
  let best: Element | null = null;
  let bestRank = ARTICLE_SELECTORS.length;
  for (let i = 0; i < matches.length; i++) {
    const el = matches[i]!;
    const rank = ARTICLE_SELECTORS.findIndex((selector) => el.matches(selector));
    if (rank >= 0 && rank < bestRank && (el.textContent?.length ?? 0) >= MIN_ARTICLE_CHARS) {
      best = el;
      bestRank = rank;
    }
  }
  return best ?? doc.body ?? doc.documentElement;
}
