import type { Section, TextRange } from '../report/types';
import { parseChineseNumber } from '../text/numerals';

/**
 * The tree of numbered headings: 一、 (level 1), (一) (level 2), 1. / 1、 (level 3).
 * Works on the normalised text (brackets already ASCII). Headings are found at line starts and,
 * in reports run together as one long block (seed 004), after a sentence end inside the line.
 */

const LEVEL1 = /^([一二三四五六七八九十]{1,3})\s*[、,，.]\s*/;
const LEVEL2 = /^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*/;
const LEVEL3 = /^(\d{1,2})\s*[.、](?!\d)\s*/;
/** A line longer than this is a run-together block: look for headings inside it too. */
const LONG_LINE = 400;
const MAX_TITLE = 40;

interface Heading {
  level: number;
  number: number;
  label: string;
  title: string;
  start: number;
  end: number;
}

function inRanges(pos: number, ranges: TextRange[]): boolean {
  return ranges.some((r) => pos >= r.start && pos < r.end);
}

function titleAfter(text: string, from: number, lineEnd: number): { title: string; end: number } {
  let rest = text.slice(from, lineEnd);
  // In a run-together block the next heading may follow after a space: the title stops there.
  const next = rest.search(/\s(?=\(?[一二三四五六七八九十]{1,3}[、)])/);
  if (next >= 0) rest = rest.slice(0, next);
  if (rest.length <= MAX_TITLE && !/[。；]/.test(rest)) return { title: rest.replace(/[:：]\s*$/, '').trim(), end: from + rest.length };
  const cut = rest.slice(0, MAX_TITLE + 1).search(/[。：:；;]|\s/);
  if (cut > 0) return { title: rest.slice(0, cut).trim(), end: from + cut };
  // A long heading line with no sentence in it is still a heading (titles with odd suffixes).
  if (rest.length <= 2 * MAX_TITLE + 20 && !/[。；，,]/.test(rest)) return { title: rest.trim(), end: from + rest.length };
  return { title: '', end: from };
}

/** Built once: matchHeading runs at every line start. */
const LEVELS = [
  [1, LEVEL1],
  [2, LEVEL2],
  [3, LEVEL3],
] as const;

function matchHeading(text: string, pos: number, lineEnd: number): Heading | null {
  const slice = text.slice(pos, Math.min(lineEnd, pos + 12));
  for (const [level, re] of LEVELS) {
    const m = re.exec(slice);
    if (!m) continue;
    const number = parseChineseNumber(m[1]!);
    if (number === null || number < 1 || number > 30) continue;
    const titleStart = pos + m[0].length;
    let { title, end } = titleAfter(text, titleStart, lineEnd);
    if (!title && titleStart >= lineEnd) {
      // Heading split across lines: "一、" then the title on the next line.
      const nextEnd = text.indexOf('\n', lineEnd + 1);
      const next = text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd).trim();
      if (next && next.length <= MAX_TITLE && !LEVEL1.test(next) && !LEVEL2.test(next)) {
        title = next;
        end = nextEnd < 0 ? text.length : nextEnd;
      }
    }
    // A bare number with prose after it is a list item inside a sentence, not a heading; level-1
    // headings need a title.
    if (!title && level === 1) return null;
    return { level, number, label: m[1]!, title, start: pos, end };
  }
  return null;
}

/** All headings in text order. `skip` are spans (data tables) never searched. */
export function findHeadings(text: string, skip: TextRange[] = []): Heading[] {
  const headings: Heading[] = [];
  const last = [0, 0, 0, 0];
  const accept = (h: Heading) => {
    headings.push(h);
    last[h.level] = h.number;
    for (let l = h.level + 1; l < last.length; l++) last[l] = 0;
  };
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (!inRanges(lineStart, skip)) {
      const first = matchHeading(text, lineStart, lineEnd);
      // "1." items count only in sequence: notes under a table ("注:1.… 2.… 3.…") are not headings.
      if (first && (first.level < 3 || first.number === last[3]! + 1)) accept(first);
      if (lineEnd - lineStart > LONG_LINE) {
        // Inline headings in a run-together block: after a sentence end, or after a space when the
        // number is the next one expected at its level (tables pasted as images leave "情况 三、…").
        const re = /([。；！？”]\s?|\s)(?=\(?[一二三四五六七八九十])/g;
        re.lastIndex = lineStart;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) && m.index < lineEnd) {
          const pos = m.index + m[0].length;
          if (inRanges(pos, skip)) continue;
          const h = matchHeading(text, pos, lineEnd);
          if (!h || h.level > 2) continue;
          const afterSentence = /[。；！？”]/.test(m[1]!);
          if (afterSentence || h.number === last[h.level]! + 1) accept(h);
        }
      }
    }
    lineStart = lineEnd + 1;
  }
  return headings;
}

export function buildSections(text: string, skip: TextRange[], tables: TextRange[], images: number[]): Section[] {
  const headings = findHeadings(text, skip);
  const firstTop = headings.findIndex((h) => h.level === 1);
  // Sub-headings before the first 一、 belong to a preamble, not to the tree.
  const used = firstTop < 0 ? [] : headings.slice(firstTop);
  const roots: Section[] = [];
  const stack: Section[] = [];
  const nodes: Section[] = [];
  for (const h of used) {
    const node: Section = {
      number: h.number,
      label: h.label,
      level: h.level,
      title: h.title,
      heading: { start: h.start, end: h.end },
      body: { start: h.start, end: text.length },
      tables: [],
      images: 0,
      children: [],
    };
    while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
    // A level-3 item directly under a level-1 section is its child too.
    if (stack.length) stack[stack.length - 1]!.children.push(node);
    else roots.push(node);
    stack.push(node);
    nodes.push(node);
  }
  // Body ends where the next heading of the same or a higher level starts.
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    for (let j = i + 1; j < nodes.length; j++) {
      if (nodes[j]!.level <= node.level) {
        node.body.end = nodes[j]!.heading.start;
        break;
      }
    }
    tables.forEach((t, index) => {
      if (t.start >= node.body.start && t.start < node.body.end) node.tables.push(index);
    });
    node.images = images.filter((p) => p >= node.body.start && p < node.body.end).length;
  }
  return roots;
}
