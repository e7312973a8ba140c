/**
 * Keep the panel's host in the page and visible against hostile or careless page code:
 * - the host's own box is protected by :host !important rules inside the shadow root (panel.css);
 * - an ancestor hidden by page CSS (`* { display: none !important }` hides <html>) is forced visible
 *   with an inline !important declaration, which beats any stylesheet rule;
 * - a page that removes the host gets it back, at most MAX_REATTACH times, then we stay quiet.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const MAX_REATTACH = 20;
const MAX_REPAIRS = 20;

export function guardHost(ctx: ContentScriptContext, host: HTMLElement): void {
  let reattached = 0;
  let repairs = 0;
  host.style.setProperty('display', 'block', 'important');
  host.style.setProperty('visibility', 'visible', 'important');

  const repairAncestors = () => {
    if (repairs >= MAX_REPAIRS) return;
    for (let el = host.parentElement; el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.display === 'none') {
        el.style.setProperty('display', 'block', 'important');
        repairs++;
      }
    }
  };

  const observer = new MutationObserver(() => {
    if (host.isConnected) return;
    if (reattached >= MAX_REATTACH) {
      observer.disconnect();
      return;
    }
    reattached++;
    document.documentElement.append(host);
    repairAncestors();
  });
  observer.observe(document.documentElement, { childList: true });
  // A page script may remove <body> children or our host by replacing documentElement content.
  if (document.body) observer.observe(document.body, { childList: true });
  ctx.onInvalidated(() => observer.disconnect());

  repairAncestors();
  // Page styles that arrive later (stylesheets loading, scripts adding <style>): look again a few times.
  for (const delay of [300, 1500, 5000]) ctx.setTimeout(repairAncestors, delay);
}
