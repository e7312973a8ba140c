import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { htmlToDocument } from '../../../cli/dom';

const require = createRequire(import.meta.url);

describe('the CLI DOM (linkedom, patched)', () => {
  it('installs with the lazy listener table, in both of its builds', () => {
    // Without the patch every parsed node builds a Map and a WeakMap entry: the CLI ran 1.3-1.6x slower, silently.
    const root = require.resolve('linkedom/package.json').replace(/package\.json$/, '');
    for (const build of ['esm', 'cjs']) {
      const source = readFileSync(`${root}${build}/interface/event-target.js`, 'utf8');
      expect(source, build).not.toMatch(/constructor\(\)\s*\{\s*wm\.set/);
      expect(source, build).toMatch(/if \(!map\) wm\.set\(this, map = new Map\)/);
    }
  });

  it('still delivers events to listeners added after parsing, and removes them', () => {
    const doc = htmlToDocument('<!doctype html><html><body><div id="a"><p id="b">x</p></div></body></html>');
    const outer = doc.getElementById('a')!;
    const inner = doc.getElementById('b')!;
    const seen: string[] = [];
    const onOuter = () => seen.push('outer');
    outer.addEventListener('ping', onOuter);
    inner.addEventListener('ping', () => seen.push('inner'));
    inner.dispatchEvent(new doc.defaultView!.Event('ping', { bubbles: true }));
    expect(seen).toEqual(['inner', 'outer']);
    outer.removeEventListener('ping', onOuter);
    // A node that never had a listener: removing one and dispatching to it are no-ops, not errors.
    const bare = doc.createElement('span');
    expect(() => bare.removeEventListener('ping', onOuter)).not.toThrow();
    expect(bare.dispatchEvent(new doc.defaultView!.Event('ping'))).toBe(true);
    inner.dispatchEvent(new doc.defaultView!.Event('ping', { bubbles: true }));
    expect(seen).toEqual(['inner', 'outer', 'inner']);
  });
});
