import type { Section } from './types';

/**
 * The one way to find a section by its path of numbers (parser anchors, rule engine ordering, schema
 * validation). Numbers can repeat among siblings (that is what section-numbering reports), so every match
 * is followed; among several, the one whose heading text starts with `quote` wins, otherwise the first.
 */
export function findSection(sections: Section[], path: number[], quote = '', text = ''): Section | null {
  let candidates: Section[] = [{ children: sections } as Section];
  for (const n of path) candidates = candidates.flatMap((c) => c.children.filter((s) => s.number === n));
  if (candidates.length > 1 && quote && text) {
    const byQuote = candidates.find((s) => {
      const heading = text.slice(s.heading.start, s.heading.end);
      return heading.startsWith(quote) || quote.startsWith(heading);
    });
    if (byQuote) return byQuote;
  }
  return path.length ? (candidates[0] ?? null) : null;
}

/** The path of numbers of the innermost section containing `pos` ([] before the first heading). */
export function sectionPathAt(sections: Section[], pos: number): number[] {
  const path: number[] = [];
  let level = sections;
  for (;;) {
    const hit = level.find((s) => pos >= s.body.start && pos < s.body.end);
    if (!hit) return path;
    path.push(hit.number);
    level = hit.children;
  }
}
