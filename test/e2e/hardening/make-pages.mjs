// Writes test/fixtures/pages/hostile-{remover,flood,prototypes}.html: seed-003's page (a report with table
// errors) plus a hostile page script. Deterministic; re-run after seed-003.html changes:
//   node test/e2e/hardening/make-pages.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PAGES = resolve(import.meta.dirname, '../../fixtures/pages');
const seed = readFileSync(join(PAGES, 'seed-003.html'), 'utf8');
const pages = {
  remover: {
    note: 'removes <report-lens> every time it appears, for ever (a page fighting our panel)',
    head: '',
    body: `<script>
(function () {
  var removed = 0;
  new MutationObserver(function () {
    var host = document.querySelector('report-lens');
    if (!host) return;
    host.remove();
    removed++;
    document.documentElement.setAttribute('data-removed', String(removed));
    document.documentElement.setAttribute('data-last-removed-at', String(Date.now()));
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
</script>`,
  },
  flood: {
    note: 'mutates the article every 5 ms for ever: a counter inside the report body, plus nodes added and removed',
    head: '',
    body: `<script>
(function () {
  var n = 0;
  var zoom = document.getElementById('zoom');
  var p = document.createElement('p');
  p.id = 'flood';
  zoom.appendChild(p);
  setInterval(function () {
    n++;
    p.textContent = '访问次数：' + n;
    var span = document.createElement('span');
    zoom.appendChild(span);
    span.remove();
    document.documentElement.setAttribute('data-flood', String(n));
  }, 5);
})();
</script>`,
  },
  prototypes: {
    note:
      'overrides Array.prototype, Array, JSON, fetch, XHR, sendBeacon, String/RegExp/Promise/Object prototypes and DOM ' +
      'methods with wrong answers before anything else runs; every call is logged; the originals come back after ' +
      'RESTORE_MS so that test probes (which run in the page) work again',
    head: `<script>
(function () {
  var RESTORE_MS = 10000;
  var hits = [];
  var saved = [];
  var define = Object.defineProperty;
  var describe = Object.getOwnPropertyDescriptor;
  var later = setTimeout;
  function log(name) { hits[hits.length] = name; }
  function trap(owner, ownerName, name, answer) {
    var d = describe(owner, name);
    saved[saved.length] = [owner, name, d];
    define(owner, name, { configurable: true, writable: true, value: function () { log(ownerName + '.' + name); return answer; } });
  }
  var arrays = ['map', 'filter', 'forEach', 'reduce', 'reduceRight', 'push', 'pop', 'shift', 'unshift', 'splice', 'includes', 'indexOf',
    'join', 'slice', 'some', 'every', 'find', 'findIndex', 'sort', 'concat', 'flat', 'flatMap', 'fill', 'keys', 'values', 'entries', 'at'];
  for (var i = 0; i < arrays.length; i++) trap(Array.prototype, 'Array.prototype', arrays[i], 'pwned');
  trap(Array, 'Array', 'from', ['pwned']);
  trap(Array, 'Array', 'isArray', false);
  trap(Array, 'Array', 'of', ['pwned']);
  trap(JSON, 'JSON', 'parse', { pwned: true });
  trap(JSON, 'JSON', 'stringify', '{"pwned":true}');
  trap(window, 'window', 'fetch', Promise.resolve(new Response('{"pwned":true}')));
  trap(window, 'window', 'structuredClone', { pwned: true });
  trap(window, 'window', 'getComputedStyle', { display: 'none', visibility: 'hidden', getPropertyValue: function () { return 'none'; } });
  trap(window, 'window', 'postMessage', undefined);
  trap(XMLHttpRequest.prototype, 'XMLHttpRequest.prototype', 'open', undefined);
  trap(XMLHttpRequest.prototype, 'XMLHttpRequest.prototype', 'send', undefined);
  trap(Navigator.prototype, 'Navigator.prototype', 'sendBeacon', true);
  var strings = ['replace', 'replaceAll', 'trim', 'split', 'match', 'matchAll', 'normalize', 'slice', 'indexOf', 'includes', 'startsWith', 'codePointAt', 'charCodeAt'];
  for (var j = 0; j < strings.length; j++) trap(String.prototype, 'String.prototype', strings[j], 'pwned');
  trap(RegExp.prototype, 'RegExp.prototype', 'exec', null);
  trap(RegExp.prototype, 'RegExp.prototype', 'test', false);
  trap(Promise.prototype, 'Promise.prototype', 'then', undefined);
  trap(Object, 'Object', 'keys', ['pwned']);
  trap(Object, 'Object', 'entries', [['pwned', true]]);
  trap(Object, 'Object', 'assign', { pwned: true });
  trap(Map.prototype, 'Map.prototype', 'get', 'pwned');
  trap(Map.prototype, 'Map.prototype', 'set', undefined);
  trap(Set.prototype, 'Set.prototype', 'has', true);
  trap(Set.prototype, 'Set.prototype', 'add', undefined);
  trap(Node.prototype, 'Node.prototype', 'appendChild', null);
  trap(Node.prototype, 'Node.prototype', 'insertBefore', null);
  trap(Element.prototype, 'Element.prototype', 'attachShadow', null);
  trap(Element.prototype, 'Element.prototype', 'append', undefined);
  trap(Element.prototype, 'Element.prototype', 'querySelectorAll', []);
  trap(Element.prototype, 'Element.prototype', 'getBoundingClientRect', { width: 0, height: 0, top: 0, left: 0 });
  trap(Document.prototype, 'Document.prototype', 'createElement', null);
  trap(Document.prototype, 'Document.prototype', 'querySelectorAll', []);
  trap(Document.prototype, 'Document.prototype', 'querySelector', null);
  trap(EventTarget.prototype, 'EventTarget.prototype', 'addEventListener', undefined);
  trap(EventTarget.prototype, 'EventTarget.prototype', 'dispatchEvent', false);
  var polluted = ['isReport', 'findings', 'severity', 'ok', 'saved', 'error', 'url', 'report', 'figures', 'then'];
  for (var k = 0; k < polluted.length; k++) {
    (function (name) {
      saved[saved.length] = [Object.prototype, name, undefined];
      define(Object.prototype, name, { configurable: true, get: function () { log('Object.prototype.' + name); return 'pwned'; }, set: function () {} });
    })(polluted[k]);
  }
  document.documentElement.setAttribute('data-traps', String(saved.length));
  later(function () {
    for (var s = saved.length - 1; s >= 0; s--) {
      var owner = saved[s][0], name = saved[s][1], d = saved[s][2];
      if (d) define(owner, name, d);
      else delete owner[name];
    }
    window.__hostileHits = hits;
    document.documentElement.setAttribute('data-restored', 'true');
  }, RESTORE_MS);
})();
</script>`,
    body: '',
  },
};

for (const [name, { note, head, body }] of Object.entries(pages)) {
  const banner = `<!-- hostile-${name}.html: generated by test/e2e/hardening/make-pages.mjs from seed-003.html. This page ${note}. -->\n`;
  let html = seed.replace(/<head>/, `<head>\n${head}`).replace(/<\/body>/, `${body}\n</body>`);
  html = html.replace(/<!DOCTYPE html>\n?/i, (m) => m + banner);
  writeFileSync(join(PAGES, `hostile-${name}.html`), html);
}
