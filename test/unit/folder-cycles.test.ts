/**
 * The folders of utils/ import each other one way only (issue 20: detect ⇄ parse and score ⇄ library were
 * cycles). A folder is a node; a file of utils/ imports another folder when one of its specifiers (static,
 * type-only or dynamic) resolves there. Top-level files (utils/pipeline.ts, utils/parts.ts …) are nodes of
 * their own. Any strongly connected group of more than one node is a cycle.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = join(__dirname, '../..');
const utils = join(root, 'utils');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function specifiers(text: string): string[] {
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** The node of a path under utils/: its first folder, or the file itself (without extension) at the top. */
function nodeOf(path: string): string | null {
  const rel = relative(utils, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.(ts|tsx)$/, '').replace(/^index$/, '(index)');
}

/** Folder graph: node → the nodes it imports (relative specifiers only; packages are outside). */
export function folderGraph(files: Map<string, string>): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [file, text] of files) {
    const from = nodeOf(file)!;
    const edges = graph.get(from) ?? graph.set(from, new Set()).get(from)!;
    for (const spec of specifiers(text)) {
      if (!spec.startsWith('.')) continue;
      const to = nodeOf(resolve(dirname(file), spec));
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Strongly connected groups of more than one node (Tarjan), each sorted, for a readable failure. */
export function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

/** Which files make each edge of a group: "detect/listing.ts → parse". */
function culprits(files: Map<string, string>, group: string[]): string[] {
  const inGroup = new Set(group);
  const lines: string[] = [];
  for (const [file, text] of files) {
    const from = nodeOf(file)!;
    if (!inGroup.has(from)) continue;
    for (const spec of specifiers(text)) {
      if (!spec.startsWith('.')) continue;
      const to = nodeOf(resolve(dirname(file), spec));
      if (to && to !== from && inGroup.has(to)) lines.push(`${relative(utils, file)} → ${to} (${spec})`);
    }
  }
  return lines;
}

describe('folder cycles in utils/', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const made = new Map([
      [join(utils, 'a/x.ts'), "import { y } from '../b/y';"],
      [join(utils, 'b/y.ts'), "import type { z } from '../c/z';\nexport const y = 1;"],
      [join(utils, 'c/z.ts'), "export const z = await import('../a/x');"],
      [join(utils, 'd/w.ts'), "import { x } from '../a/x';\nimport { q } from 'some-package';"],
    ]);
    expect(cycles(folderGraph(made))).toEqual([['a', 'b', 'c']]);
  });

  it('no two folders (or top-level modules) of utils/ import each other, directly or around a loop', () => {
    const files = new Map(sources(utils).map((f) => [f, readFileSync(f, 'utf8')]));
    const graph = folderGraph(files);
    // The scan sees the folders and the edge the parser has to the detector.
    expect(graph.get('parse')?.has('detect')).toBe(true);
    const found = cycles(graph).map((g) => ({ group: g, edges: culprits(files, g) }));
    // Known and not yet broken (issue 20 item 3, score ⇄ library and the loop through batch, i18n and pdf): a
    // group may shrink or vanish, never take in another folder; any other cycle fails.
    const known = new Set(['batch', 'i18n', 'library', 'pdf', 'pipeline', 'score']);
    expect(found.filter((f) => f.group.some((n) => !known.has(n)))).toEqual([]);
    expect(found.flatMap((f) => f.group)).not.toContain('parse');
    expect(found.flatMap((f) => f.group)).not.toContain('detect');
  });
});
