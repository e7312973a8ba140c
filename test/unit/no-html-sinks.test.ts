/** Page text must never become HTML: none of our sources may use an HTML sink. */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const SINKS =
  /\binnerHTML\b|\bouterHTML\b|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write\b|\beval\(|new Function\(|createContextualFragment/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('no HTML sinks in our code', () => {
  it('entrypoints, components and utils never use innerHTML and friends', () => {
    const files = ['entrypoints', 'components', 'utils'].flatMap((d) => sources(join(root, d)));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => SINKS.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
