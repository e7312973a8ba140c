import { parseHTML } from 'linkedom';

/**
 * A DOM for Node. linkedom: it parses about 3× faster than happy-dom and keeps nothing between
 * documents (a shared happy-dom window retained every parsed document: ~3.8 MB per page), and it
 * never runs page scripts or loads resources. Tests that need a fuller DOM use happy-dom directly.
 * patches/linkedom+*.patch (applied on install by patch-package) makes its per-node listener table lazy: the
 * table and its WeakMap entry were more than half of a page's parse (test/unit/cli/dom.test.ts keeps it applied).
 */
export function htmlToDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function emptyDocument(): Document {
  return htmlToDocument('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
}
