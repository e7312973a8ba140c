/** One import style throughout, and the product never reaches into cli/ or test/ (scaffolding stays out). */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mts|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every module specifier of a file's static and dynamic imports and re-exports. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

const offenders = (dirs: string[], bad: (spec: string) => boolean) =>
  dirs
    .flatMap((d) => sources(join(root, d)))
    .flatMap((f) =>
      specifiers(f)
        .filter(bad)
        .map((s) => `${relative(root, f)}: ${s}`),
    );

describe('imports', () => {
  it('utils/, cli/ and test/ use relative paths, never the bundler alias', () => {
    // The scan sees imports at all (static, type-only and dynamic).
    expect(specifiers(join(root, 'utils/pipeline.ts'))).toEqual(expect.arrayContaining(['./parse', './report/types']));
    expect(specifiers(join(root, 'entrypoints/library/main.tsx'))).toEqual(expect.arrayContaining(['preact', './style.css']));
    expect(offenders(['utils', 'cli', 'test'], (s) => s.startsWith('@/') || s.startsWith('~/'))).toEqual([]);
  });

  it('components/ and entrypoints/ use ./ for siblings and @/ for anything else', () => {
    expect(offenders(['components', 'entrypoints'], (s) => s.startsWith('../') || s.startsWith('~/'))).toEqual([]);
  });

  it('the product (utils, components, entrypoints) imports nothing from cli/ or test/', () => {
    expect(offenders(['utils', 'components', 'entrypoints'], (s) => /(^|\/)(cli|test)\//.test(s) && !s.startsWith('node:'))).toEqual([]);
  });
});
