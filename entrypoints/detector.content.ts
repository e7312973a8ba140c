/**
 * The every-page detector (every gov.cn page, all frames): fires on a report or a 年报 listing. It must
 * stay tiny: it imports only the cheap keyword tests, talks to the background through the plain extension global (no polyfill, no
 * messaging library: wxt.config.ts builds this entrypoint with `wxt/browser` aliased to the bare
 * global, and without WXT's start-up wrapper), and sends at most one message per document.
 *
 * At document_idle it reads only the title, which names nearly every report. What else may name a report or a
 * listing (the head's metas, the first h1/h2: on a page without them a walk of the whole page each; the listing
 * test) runs in a task of its own right after, outside document_idle's evaluation; so does setting up the watch.
 *
 * Report bodies that arrive after load (AJAX portals): watch mutations, debounced with a maximum
 * wait, re-test a dozen times at most, and give up quietly after 20 s (limits below).
 */

import { DETECTED_MESSAGE, type DetectedMessage, HANT_TITLE } from '@/utils/detect/detected-message';
import { looksLikeListing } from '@/utils/detect/looks-like-listing';
import { isReportTitleCandidate, looksLikeReport } from '@/utils/detect/looks-like-report';

// Limits written in place (the minifier keeps a named constant as a variable, and this script is at its byte
// budget): re-test 400 ms after the last mutation (DEBOUNCE), at most 2 s after the first (MAX_WAIT), at most 12
// times (MAX_CHECKS), and give up on the first mutation 20 s after the watch starts (GIVE_UP: no timer of its own).

interface MinimalApi {
  runtime?: { id?: string; sendMessage(message: unknown): unknown };
}
// The script's state and steps at its top level, not inside main(): main() is then a few tokens, and what runs only
// in the later task is compiled there, not with main() at document_idle. Nothing here runs on import.
const g = globalThis as unknown as { browser?: MinimalApi; chrome?: MinimalApi; __reportLensDetector?: boolean };
let done = false;
let checks = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let pendingSince = 0;
let observer: MutationObserver | undefined;

const stop = () => {
  done = true;
  observer?.disconnect();
  clearTimeout(timer);
};
const fire = () => {
  stop();
  // The extension API is touched only on a hit: its bindings are built lazily on first use,
  // which costs more than the whole keyword test on a non-report page.
  const api = g.browser?.runtime?.id ? g.browser : g.chrome;
  const runtime = api?.runtime;
  if (!runtime?.id) return;
  // Promise in Firefox, callback-less call in Chrome; either way ignore the answer.
  try {
    const sent = runtime.sendMessage({
      reportLens: DETECTED_MESSAGE,
      hant: HANT_TITLE.test(document.title),
    } satisfies DetectedMessage);
    (sent as Promise<unknown> | undefined)?.catch?.(() => undefined);
  } catch {
    // Extension reloaded or context invalidated: nothing to do.
  }
};
const test = () => {
  timer = undefined;
  pendingSince = 0;
  if (done) return;
  // A 年报 listing fires too: the report script reads it (readListing) and shows no panel there.
  if (looksLikeReport(document) || looksLikeListing(document)) fire();
  else if (++checks >= 12) stop();
};
/** The later task: the whole test, then the watch for report bodies that arrive later. */
const watch = () => {
  test();
  if (done) return;
  const start = Date.now();
  observer = new MutationObserver(() => {
    const now = Date.now();
    if (now - start > 20_000) return stop();
    pendingSince ||= now;
    clearTimeout(timer);
    timer = setTimeout(test, Math.max(0, Math.min(400, pendingSince + 2000 - now)));
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
};

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  allFrames: true,
  runAt: 'document_idle',
  main() {
    // Registered both statically (gov.cn) and dynamically (all sites): run once per document.
    if (g.__reportLensDetector) return;
    g.__reportLensDetector = true;
    if (isReportTitleCandidate(document.title)) return fire();
    // A timer, not requestIdleCallback: its first call in a page cost 0.07 ms more (BENCHMARKS.md, sprint 13),
    // and what it runs (0.4-0.6 ms on a 1 MB page) is too short to hold back a frame.
    setTimeout(watch);
  },
});
