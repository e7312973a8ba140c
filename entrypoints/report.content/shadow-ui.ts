/**
 * The panel's host: a `<report-lens>` element with an open shadow root holding html/head/body, the styles
 * in head, key events stopped at the body so page shortcuts never see typing in the panel. The same DOM
 * WXT's createShadowRootUi built (tests reach into it the same way), without its mount and CSS-splitting
 * machinery: ~8 KB less in the report script. Our CSS has no @font-face/@property to move into the page.
 */
export interface ShadowUi {
  shadowHost: HTMLElement;
  uiContainer: HTMLElement;
  /** Add styles that came later (a part's), once per name. */
  addStyle(name: string, css: string): void;
  remove(): void;
}

export function mountShadowUi(name: string, css: string, onRemove: () => void): ShadowUi {
  const shadowHost = document.createElement(name);
  const shadow = shadowHost.attachShadow({ mode: 'open' });
  const html = document.createElement('html');
  const head = document.createElement('head');
  const body = document.createElement('body');
  const style = document.createElement('style');
  // WXT's reset: page styles never reach into the host.
  style.textContent = `:host{all:initial !important;}\n${css}`;
  head.append(style);
  html.append(head, body);
  shadow.append(html);
  for (const type of ['keydown', 'keyup', 'keypress']) body.addEventListener(type, (e) => e.stopPropagation());
  document.documentElement.append(shadowHost);
  return {
    shadowHost,
    uiContainer: body,
    addStyle(name, css) {
      if (head.querySelector(`style[data-part="${name}"]`)) return;
      const later = document.createElement('style');
      later.dataset.part = name;
      later.textContent = css;
      head.append(later);
    },
    remove() {
      onRemove();
      shadowHost.remove();
      body.replaceChildren();
    },
  };
}
