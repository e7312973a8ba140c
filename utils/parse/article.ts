import { bySiblingLinks, pushChildren, someNodeBelow } from './walk';

/** Where the article body sits in the CMSs gov.cn sites use (domain.md "Pages in the wild"). */
const ARTICLE_SELECTORS =
  '.TRS_Editor .trs_editor_view #zoom #Zoom #ivs_content .Custom_UnionStyle .xxgk_content .zfxxgk_zw_content .article-content #printArea .bt_content article'.split(
    ' ',
  );

const MIN_ARTICLE_CHARS = 200;

/** Each selector's rank, by kind: every one above is a single class, id or tag name. */
const RANK = { class: new Map<string, number>(), id: new Map<string, number>(), tag: new Map<string, number>() };
ARTICLE_SELECTORS.forEach((selector, rank) => {
  const map = selector[0] === '.' ? RANK.class : selector[0] === '#' ? RANK.id : RANK.tag;
  map.set(selector[0] === '.' || selector[0] === '#' ? selector.slice(1) : selector, rank);
});

const ASCII_WHITESPACE = /[ \t\n\f\r]+/;
const HAS_ASCII_WHITESPACE = /[ \t\n\f\r]/;

/**
 * The best (lowest) rank of the selectors an element matches in a standards-mode document, or -1.
 * Most elements have no id and no class: they cost a map lookup of their tag and two attribute reads.
 * `attributeNode`: read the class as an attribute node (linkedom answers getAttribute('class') through a
 * token list it builds for the element).
 */
function simpleRank(el: Element, attributeNode: boolean): number {
  let rank = RANK.tag.get(el.localName) ?? -1;
  const id = el.getAttribute('id');
  if (id) {
    const r = RANK.id.get(id);
    if (r !== undefined && (rank < 0 || r < rank)) rank = r;
  }
  const cls = attributeNode ? el.getAttributeNode('class')?.value : el.getAttribute('class');
  if (!cls) return rank;
  // Class tokens are split on ASCII whitespace only (a no-break space belongs to the token).
  if (!HAS_ASCII_WHITESPACE.test(cls)) {
    const r = RANK.class.get(cls);
    return r !== undefined && (rank < 0 || r < rank) ? r : rank;
  }
  for (const c of cls.split(ASCII_WHITESPACE)) {
    const r = c ? RANK.class.get(c) : undefined;
    if (r !== undefined && (rank < 0 || r < rank)) rank = r;
  }
  return rank;
}

/**
 * Whether an element's text (as textContent counts it: every Text and CDATA node below it) reaches
 * `min` characters, read only as far as needed: a page-wide container's textContent built the whole
 * page's text as a string to read its length.
 */
export function hasTextLength(el: Element, min: number): boolean {
  let chars = 0;
  return (
    min <= 0 ||
    someNodeBelow(
      el,
      () => false,
      (t) => (chars += t.data.length) >= min,
    )
  );
}

/** The article element, or the body when no known container holds a real amount of text. */
export function findArticleRoot(doc: Document): Element {
  let best: Element | null = null;
  let bestRank = ARTICLE_SELECTORS.length;
  const consider = (el: Element, rank: number) => {
    if (rank >= 0 && rank < bestRank && hasTextLength(el, MIN_ARTICLE_CHARS)) {
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
      consider(
        el,
        ARTICLE_SELECTORS.findIndex((selector) => el.matches(selector)),
      );
    }
  } else if (doc.documentElement) {
    // Otherwise they compare exactly, and each element's id, classes and tag give its rank: one pass over
    // the document's elements in document order, stopping once the first-ranked selector has its element.
    // A browser lists them natively (getElementsByTagName('*')). Node's DOM (linkedom) lists none that way
    // (after walking the whole page to find so) and builds an array per read of children: there the walk
    // follows sibling links.
    const siblings = bySiblingLinks(doc);
    const all = siblings ? null : doc.getElementsByTagName('*');
    if (all && all.length > 0) {
      for (let i = 0, n = all.length; i < n && bestRank > 0; i++) {
        const el = all[i]!;
        const rank = simpleRank(el, false);
        if (rank >= 0 && rank < bestRank) consider(el, rank);
      }
    } else {
      const stack: Node[] = [doc.documentElement];
      while (stack.length && bestRank > 0) {
        const el = stack.pop() as Element;
        if (el.nodeType !== 1) continue;
        const rank = simpleRank(el, siblings);
        if (rank >= 0 && rank < bestRank) consider(el, rank);
        pushChildren(stack, el, siblings);
      }
    }
  }
  return best ?? doc.body ?? doc.documentElement;
}
