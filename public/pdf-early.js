/*
 * pdf.html's first script, a classic one: it runs while the page is parsed, before the main module (pdf.js's
 * display layer and the checker, about 0.5 MB to evaluate), and starts what the check waits for: the PDF's
 * download and pdf.js's worker (1.2 MB to load and compile on its own thread). entrypoints/pdf/main.tsx takes
 * both (globalThis.__reportLensEarly, typed there). Nothing here reads the file. Plain JavaScript in public/:
 * a module script would be bundled into the main module and run after its imports.
 */
globalThis.__reportLensEarly = (function () {
  var src = new URLSearchParams(location.search).get('src');
  if (!src || !/^https?:\/\//i.test(src)) return undefined;
  // As main.tsx's own download: no cookies, not from the cache.
  var response = fetch(src, { credentials: 'omit', cache: 'no-store' });
  // Settled now, awaited later: a failed fetch is met where main.tsx awaits it, never left unhandled.
  response.catch(function () {});
  var worker = null;
  try {
    worker = new Worker('/pdfjs/pdf.worker.min.mjs', { type: 'module' });
  } catch (error) {
    worker = null; // pdf.js starts its own
  }
  return { src: src, response: response, worker: worker };
})();
