/**
 * Re-check when the article changes (AJAX portals, tabbed pages). Debounced, with a maximum wait so a
 * page that never stops mutating still gets checked, and a hard cap on re-checks, after which we stop
 * observing: a page flooding the DOM with mutations cannot keep the content script busy.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

export const ARTICLE_DEBOUNCE_MS = 800;
export const ARTICLE_MAX_WAIT_MS = 4000;
export const ARTICLE_MAX_RECHECKS = 8;

export function watchArticle(ctx: ContentScriptContext, ownHost: () => Element | null, recheck: () => Promise<unknown>): void {
  let rechecks = 0;
  let timer: number | undefined;
  let firstPending = 0;

  const fire = async () => {
    timer = undefined;
    firstPending = 0;
    rechecks++;
    if (rechecks >= ARTICLE_MAX_RECHECKS) observer.disconnect();
    await recheck();
  };

  const observer = new MutationObserver((records) => {
    const host = ownHost();
    // Our own host being (re)attached, or highlight attributes: not an article change.
    const relevant = records.some((r) => {
      if (host && (r.target === host || host.contains(r.target))) return false;
      if (r.type === 'childList') {
        const nodes = [...r.addedNodes, ...r.removedNodes];
        // …nor our marks' layer (utils/anchor/highlight.ts) coming and going, nor the box that outlines a cell on a table
        // picture (utils/anchor/picture.ts).
        if (
          nodes.length > 0 &&
          nodes.every(
            (n) =>
              n === host ||
              n.nodeName === 'STYLE' ||
              n.nodeName === 'REPORT-LENS-MARKS' ||
              (n as Element).hasAttribute?.('data-report-lens-box'),
          )
        )
          return false;
      }
      return true;
    });
    if (!relevant) return;
    const now = Date.now();
    if (!firstPending) firstPending = now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(0, Math.min(ARTICLE_DEBOUNCE_MS, firstPending + ARTICLE_MAX_WAIT_MS - now));
    timer = ctx.setTimeout(() => void fire(), wait);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  ctx.onInvalidated(() => observer.disconnect());
}
