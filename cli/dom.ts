import { Window } from 'happy-dom';

/**
 * A DOM for Node: happy-dom with script execution, CSS and network off. One window is reused:
 * parsing creates a fresh Document each time, and a window costs far more than a parse.
 */
let window: Window | null = null;

function getWindow(): Window {
  window ??= new Window({
    url: 'http://localhost/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  return window;
}

export function htmlToDocument(html: string): Document {
  const w = getWindow();
  return new w.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function emptyDocument(): Document {
  return htmlToDocument('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
}
