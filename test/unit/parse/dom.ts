import { Window } from 'happy-dom';

/**
 * Fuzz cases run on happy-dom (closer to the browsers the content script runs in than the CLI's
 * linkedom: Ranges, table row collections). A window retains every document it parsed, so it is
 * replaced every 40 documents.
 */
let window: Window | null = null;
let uses = 0;

function getWindow(): Window {
  if (!window || uses++ >= 40) {
    void window?.happyDOM.close();
    uses = 1;
    window = new Window({
      url: 'https://www.example.gov.cn/',
      settings: {
        disableJavaScriptEvaluation: true,
        disableJavaScriptFileLoading: true,
        disableCSSFileLoading: true,
        disableIframePageLoading: true,
        disableComputedStyleRendering: true,
        navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
      },
    });
  }
  return window;
}

export function htmlToDocument(html: string): Document {
  return new (getWindow().DOMParser)().parseFromString(html, 'text/html') as unknown as Document;
}
