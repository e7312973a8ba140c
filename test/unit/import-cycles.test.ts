/**
 * No two folders of utils/ import each other, even through others (issue 20: score ⇄ library and
 * detect ⇄ parse). Imports between folders go one way, so a folder can be read, tested and bundled without
 * the ones that build on it. Type-only imports (`import type`, `export type`) are left out: they vanish from the
 * build and order nothing at load time (i18n names the batch states it words, for example).
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const utils = join(__dirname, '../../utils');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The top folder of utils/ a file is in ('' for a file directly in utils/). */
function folderOf(file: string): string {
  const parts = relative(utils, file).split(sep);
  return parts.length > 1 ? parts[0]! : '';
}

/** Folder → the folders its files import (relative imports only; utils/ uses no alias, see imports.test.ts). */
function folderGraph(files: readonly string[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = folderOf(file);
    const text = readFileSync(file, 'utf8');
    // Statements up to their specifier; a statement that starts `import type` / `export type` is skipped.
    for (const m of text.matchAll(
      /^\s*(import|export)(\s+type\b)?[^;'"]*?(?:\bfrom\s+)?['"](\.[^'"]*)['"]|\bimport\s*\(\s*['"](\.[^'"]*)['"]/gm,
    )) {
      if (m[2]) continue;
      const spec = m[3] ?? m[4]!;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(utils + sep)) continue;
      const to = folderOf(target + (statSafe(target) ? sep + 'index.ts' : ''));
      if (!from || !to || from === to) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)!.add(to);
    }
  }
  return graph;
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every cycle among folders, each named once from its alphabetically first folder ("a → b → a"). */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const out = new Set<string>();
  const walk = (start: string, at: string, path: string[]) => {
    for (const next of graph.get(at) ?? []) {
      if (next === start) out.add([...path, start].join(' → '));
      else if (!path.includes(next) && next > start) walk(start, next, [...path, next]);
    }
  };
  for (const start of [...graph.keys()].sort()) walk(start, start, [start]);
  return [...out].sort();
}

describe('import cycles between utils/ folders', () => {
  it('finds a cycle when there is one (the check itself can fail)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual(['a → b → c → a']);
    expect(
      cycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set<string>()],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads the real imports (library imports score: the direction kept)', () => {
    const graph = folderGraph(sources(utils));
    expect(graph.get('library')?.has('score')).toBe(true);
    expect(graph.get('score')?.has('library') ?? false).toBe(false);
  });

  it('has no cycle between utils/ folders', () => {
    expect(cycles(folderGraph(sources(utils)))).toEqual([]);
  });
});
