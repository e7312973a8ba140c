/** What the in-page tests need from a browser, implemented for Chromium (playwright-core) and Firefox (puppeteer-core). */
export interface TestPage {
  /** Run a function in the page's main world (the page can see our open shadow root, not our code). */
  evaluate<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Wait until fn returns a truthy value. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  /** Screenshot of the element matching selector (light DOM). */
  screenshotElement(selector: string, path: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** A real (trusted) mouse click at the centre of an element inside <report-lens>'s shadow root. */
  clickInPanel(selector: string): Promise<void>;
  /** A real click on a light-DOM element (for extension pages). */
  click(selector: string): Promise<void>;
  press(key: string): Promise<void>;
  /** A real mouse click at a point of the viewport (CSS pixels). */
  clickAt(x: number, y: number): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
  /** The tab id the extension sees for this page. */
  tabId: number;
  url: string;
}

export interface Driver {
  name: 'chromium' | 'firefox';
  /** Open a URL in a new tab and wait for its load. */
  open(url: string): Promise<TestPage>;
  /** Open the extension's popup.html?tab=<tabId> in a tab of its own. */
  openPopup(tabId: number): Promise<TestPage>;
  /** Open an extension page (path with query, e.g. /pdf.html?src=…) in a tab and wait for its app to render. */
  openExtensionPage(path: string): Promise<TestPage>;
  /** Evaluate an expression (async function body) in an extension context: the service worker or an extension page. */
  extEval<T>(body: string): Promise<T>;
  badgeText(tabId: number): Promise<string>;
  extensionOrigin: string;
  close(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
