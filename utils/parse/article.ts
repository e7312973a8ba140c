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

/** Each selector's rank, by kind: every one above is a single class, id or tag name. */
const RANK = { class: new Map<string, number>(), id: new Map<string, number>(), tag: new Map<string, number>() };
ARTICLE_SELECTORS.forEach((selector, rank) => {
  const map = selector[0] === '.' ? RANK.class : selector[0] === '#' ? RANK.id : RANK.tag;
  map.set(selector[0] === '.' || selector[0] === '#' ? selector.slice(1) : selector, rank);
});

/** The best (lowest) rank of the selectors an element matches, in a standards-mode document. */
function simpleRank(el: Element): number {
  let rank = RANK.tag.get(el.localName) ?? -1;
  const better = (r: number | undefined) => {
    if (r !== undefined && (rank < 0 || r < rank)) rank = r;
  };
  better(RANK.id.get(el.id));
  // Class tokens are split on ASCII whitespace only (a no-break space belongs to the token).
  for (const c of (el.getAttribute('class') ?? '').split(/[ \t\n\f\r]+/)) if (c) better(RANK.class.get(c));
  return rank;
}

/** The article element, or the body when no known container holds a real amount of text. */
export function findArticleRoot(doc: Document): Element {
  let best: Element | null = null;
  let bestRank = ARTICLE_SELECTORS.length;
  const consider = (el: Element, rank: number) => {
    if (rank >= 0 && rank < bestRank && (el.textContent?.length ?? 0) >= MIN_ARTICLE_CHARS) {
      best = el;
      bestRank = rank;
    }
  };
  if (doc.compatMode === 'BackCompat') {
    // Quirks mode compares class and id selectors without case: leave matching to the DOM. One walk
    // for all selectors (a querySelector per selector walks the page once per miss), then the first
    // selector in priority order whose element holds a real amount of text.
    const matches = doc.querySelectorAll(ARTICLE_SELECTORS.join(','));
    for (let i = 0; i < matches.length; i++) {
      const el = matches[i]!;
      consider(el, ARTICLE_SELECTORS.findIndex((selector) => el.matches(selector)));
    }
  } else if (doc.documentElement) {
    // Otherwise they compare exactly, and each element's id, classes and tag give its rank in one walk
    // in document order (Node's DOM compiled and ran the selector list against every element). The walk
    // reads indexed children: some DOMs (happy-dom) find a sibling by searching the parent's list.
    const stack: Element[] = [doc.documentElement];
    while (stack.length) {
      const el = stack.pop()!;
      consider(el, simpleRank(el));
      const children = el.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return best ?? doc.body ?? doc.documentElement;
}
