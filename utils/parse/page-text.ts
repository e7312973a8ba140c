import { cleanString } from '../text/clean';
import { toSimplified } from '../text/convert';
import { findArticleRoot } from './article';
import { buildTextView, type TextView } from './text-view';

/** The first stage of the parse: the article, its text view, and the normalisation every later stage shares. */
export interface PageText {
  doc: Document;
  root: Element;
  view: TextView;
  /** Cleaning, then Traditional → Simplified on a Traditional page: for strings read outside the text view. */
  normalise(s: string): string;
  /** Cleaning without script conversion: the as-printed form shown to the user. */
  clean(s: string): string;
}

export function readPageText(doc: Document): PageText {
  const root = findArticleRoot(doc);
  const view = buildTextView(root);
  const clean = memo(cleanString);
  const normalise = view.script === 'hant' ? memo((s: string) => toSimplified(clean(s))) : clean;
  return { doc, root, view, normalise, clean };
}

/**
 * A pure string function remembered for one page: table cells repeat ("0", "/", 总计 …) and each
 * went through cleaning and conversion anew. The map lives as long as the page's parse result.
 */
function memo(f: (s: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let out = seen.get(s);
    if (out === undefined) {
      out = f(s);
      seen.set(s, out);
    }
    return out;
  };
}
