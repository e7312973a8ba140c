/**
 * Tables printed as text without any cell markers, found among the lines of a text dump and rebuilt
 * as rows of cells (label first, then the values) for the ordinary grid → standard-table path.
 *
 * Two forms occur in text copied or extracted from PDFs (domain.md, "Forms real reports take"):
 * - laid out (pdftotext -layout and the like): columns aligned by runs of spaces; a row label
 *   wrapped over two or three lines with its numbers on the first, middle or last of them (or on a
 *   line of their own between them); the vertical label 三、本年度办理结果 one character per line at
 *   the left; a group label (（三）不予公开, （六）其他处理) beside its sub-rows; the header split over
 *   several lines (商业 / 企业); page breaks inside the table (page numbers, running headers, the
 *   header repeated);
 * - plain: every cell on its own line, a label followed by its run of numbers.
 *
 * What this module decides and what it leaves to recognition (standard-tables.ts, which reads the
 * schemas): it only needs to know where a row label starts (its numbering: 一、 （一） 1．, or a
 * label of the schemas on its own) and which chunks are values. Rows keep their values in column
 * slots: in laid-out text a row with blank cells is placed by the x positions of the numbers against
 * the columns of the full rows, so blanks stay blank instead of shifting the numbers left. Header
 * words are joined per column (商业 + 企业) and kept only when every column's header is read;
 * otherwise no header is emitted and recognition maps the values by count.
 *
 * A table whose values could not be placed reliably (plain text with blank cells dropped, or a
 * column count that matches no header) is reported in `uncertain` rather than guessed silently.
 */
import { APPLICANT_COLUMNS, REVIEW_GROUPS } from '../report/types';
import {
  APPLICANT_HEADERS,
  APPLICATION_GROUPS,
  APPLICATION_OUTCOME_BLOCK,
  APPLICATION_ROWS,
  DISCLOSURE_COLUMNS,
  DISCLOSURE_ROWS,
  findLabel,
  labelKey,
  matchesLabel,
  REVIEW_GROUP_HEADERS,
  REVIEW_OUTCOME_HEADERS,
  stripNumbering,
} from './table-schemas';
import { parseCellValue } from './values';

export interface TextTable {
  /** First and last line (inclusive) of the dump the table was read from. */
  start: number;
  end: number;
  rows: string[][];
  /** Why the column placement of some values is a guess; empty when it is not. */
  uncertain: string[];
  /** Indices in `rows` of the rows whose values were placed by a guess (blank cells dropped): read 'position', 'short-row'. */
  guessedRows: number[];
}

/** How many non-table lines may sit between two rows of one table (page break, repeated header). */
const MAX_GAP = 12;
/** How many lines above the first row may belong to the table (its header). */
const MAX_HEADER_LINES = 40;
/** A line of running text longer than this (with no column gaps) is prose, not a table line. */
const PROSE_MIN = 30;
/** Longer lines are never table lines. */
const MAX_LINE = 1000;

interface Chunk {
  text: string;
  /** Start/end in characters and in display columns (CJK counts 2). */
  c0: number;
  c1: number;
  d0: number;
  d1: number;
}

type Kind = 'blank' | 'noise' | 'prose' | 'heading' | 'line';

interface LineInfo {
  kind: Kind;
  labels: Chunk[];
  values: Chunk[];
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

const PAGE_NOISE = [/^[-—–－]\s*\d+\s*[-—–－]$/, /^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$/, /^\d+\s*\/\s*\d+$/];

/** The characters of 三、本年度办理结果 printed one (or two) per line beside the rows. */
const VERTICAL_LABEL = '三、本年度办理结果';

/** A value cell: a number or placeholder, or a number with a note ("31（其中修订9件）"). */
function isValueChunk(text: string): boolean {
  return parseCellValue(text).kind !== 'text' || /^[+-]?\d[\d,.]*\s*[（(]/.test(text);
}

/** Splits a line into chunks at runs of two or more spaces, tabs or ideographic spaces. */
function chunkLine(raw: string): Chunk[] {
  const disp: number[] = [0];
  for (const ch of raw) {
    const w = WIDE.test(ch) ? 2 : 1;
    for (let k = 0; k < ch.length; k++) disp.push(disp[disp.length - 1] + (k === 0 ? w : 0));
  }
  const out: Chunk[] = [];
  const push = (s: number, e: number) => {
    const text = raw.slice(s, e);
    if (text.trim()) out.push({ text: text.trim(), c0: s, c1: e, d0: disp[s], d1: disp[e] });
  };
  // pieces between separators; a piece "label 1 0 3" (single spaces) is split off its trailing values
  const sep = /[ \u00a0]{2,}|\t+|\u3000+|\f+/g;
  let last = 0;
  const pieces: [number, number][] = [];
  for (let m = sep.exec(raw); m; m = sep.exec(raw)) {
    if (m.index > last) pieces.push([last, m.index]);
    last = m.index + m[0].length;
  }
  if (last < raw.length) pieces.push([last, raw.length]);
  for (const [s0, e0] of pieces) {
    let s = s0;
    while (s < e0 && /\s/.test(raw[s])) s++;
    let e = e0;
    while (e > s && /\s/.test(raw[e - 1])) e--;
    if (s >= e) continue;
    const tokens: [number, number][] = [];
    const re = /\S+/g;
    const piece = raw.slice(s, e);
    for (let m = re.exec(piece); m; m = re.exec(piece)) tokens.push([s + m.index, s + m.index + m[0].length]);
    let k = tokens.length;
    while (k > 0 && isValueChunk(raw.slice(tokens[k - 1][0], tokens[k - 1][1]))) k--;
    if (tokens.length > 1 && k < tokens.length) {
      if (k > 0) push(s, tokens[k - 1][1]);
      for (let j = k; j < tokens.length; j++) push(tokens[j][0], tokens[j][1]);
    } else {
      // "（三）不予公开 5.属于三类内部事务信息": a group label run into the sub-row label beside it
      let from = s;
      for (const [t0] of tokens.slice(1)) {
        if (/^(?:\d+[.．、]|[（(][一二三四五六七八九十]+[）)])\S/.test(raw.slice(t0, e))) {
          push(from, t0);
          from = t0;
        }
      }
      push(from, e);
    }
  }
  return out;
}

type Normalise = (s: string) => string;

function isStandardRowLabel(text: string, n: Normalise): boolean {
  const t = n(text);
  return (
    APPLICATION_ROWS.some((r) => r.match.length > 0 && matchesLabel(r, t)) ||
    !!findLabel(DISCLOSURE_ROWS, t) ||
    !!findLabel(APPLICATION_OUTCOME_BLOCK, t)
  );
}

/** Header words of the standard tables (never row labels): 自然人, 商业企业, 行政复议, 结果维持, 本年制发件数 … */
function isHeaderText(text: string, n: Normalise): boolean {
  const t = n(text);
  const a = findLabel(APPLICANT_HEADERS, t)?.key;
  if (a && a !== 'total' && a !== 'otherOrg' && a !== 'subtotal') return true;
  if (findLabel(REVIEW_GROUP_HEADERS, t)) return true;
  const o = findLabel(REVIEW_OUTCOME_HEADERS, t)?.key;
  if (o && o !== 'total') return true;
  if (findLabel(DISCLOSURE_COLUMNS, t)) return true;
  const k = labelKey(t);
  return k.includes('勾稽') || k.includes('信息内容') || /^第二十条/.test(k);
}

function numbered(text: string): boolean {
  return stripNumbering(text) !== labelKey(text);
}

function classifyLine(raw: string, n: Normalise): LineInfo {
  const t = raw.trim();
  if (!t) return { kind: 'blank', labels: [], values: [] };
  // no table line is this long; prose dumps may hold megabyte lines (bounded cost)
  if (t.length > MAX_LINE) return { kind: 'prose', labels: [], values: [] };
  if (PAGE_NOISE.some((re) => re.test(t))) return { kind: 'noise', labels: [], values: [] };
  const chunks = chunkLine(raw.replace(/\f/g, ' '));
  let v = chunks.length;
  while (v > 0 && isValueChunk(chunks[v - 1].text)) v--;
  const labels = chunks.slice(0, v);
  const values = chunks.slice(v);
  if (!values.length && labels.length === 1) {
    const text = labels[0].text;
    const headerish = isHeaderText(text, n);
    const rowLabel = numbered(text) && isStandardRowLabel(text, n) && text.length <= 2 * PROSE_MIN;
    if (!headerish && !rowLabel && (text.length > PROSE_MIN || /[。；;]$/.test(text))) return { kind: 'prose', labels, values };
    if (/^[一二三四五六七八九十]+、/.test(labelKey(text)) && !isStandardRowLabel(text, n) && !headerish) {
      return { kind: 'heading', labels, values };
    }
  }
  return { kind: 'line', labels, values };
}

function isAnchor(l: LineInfo, n: Normalise): boolean {
  if (l.kind !== 'line') return false;
  if (l.values.length >= 3) return true;
  return l.labels.some((c) => isStandardRowLabel(c.text, n));
}

interface Unit {
  line: number;
  labels: Chunk[];
  values: Chunk[];
  /** Values gathered one per line (plain form): positions mean nothing. */
  plain: boolean;
}

interface HeaderLine {
  line: number;
  chunks: Chunk[];
  /** Met after the first row (a block header of table 二, or a header repeated after a page break). */
  afterValues: boolean;
}

/** Finds the text tables among the lines (only lines for which `eligible` is true). */
export function findTextTables(lines: string[], eligible: (i: number) => boolean, normalise: Normalise = (s) => s): TextTable[] {
  const info = lines.map((l, i) => (eligible(i) ? classifyLine(l, normalise) : ({ kind: 'prose', labels: [], values: [] } as LineInfo)));
  // the plain form of a row of numbers alone (table 四): five or more lines of one number each
  const single = (l: LineInfo) => l.kind === 'line' && !l.labels.length && l.values.length === 1;
  const run: number[] = new Array(lines.length + 1).fill(0);
  for (let j = lines.length - 1; j >= 0; j--) run[j] = single(info[j]) ? run[j + 1] + 1 : 0;
  const anchor = (j: number) => isAnchor(info[j], normalise) || run[j] >= 5;
  const tables: TextTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!anchor(i)) {
      i++;
      continue;
    }
    let end = i;
    let gap = 0;
    for (let j = i + 1; j < lines.length; j++) {
      const k = info[j].kind;
      if (k === 'prose' || k === 'heading') break;
      const l = info[j];
      if (anchor(j) || l.values.length) {
        end = j;
        gap = 0;
      } else if (l.kind === 'blank' || (l.kind === 'line' && l.labels.every((c) => c.text.length <= 2))) {
      } else if (++gap > MAX_GAP) break;
    }
    // a wrapped label's last lines after the last row
    for (let j = end + 1, taken = 0; j < lines.length && taken < 2; j++) {
      const l = info[j];
      if (l.kind === 'blank') continue;
      if (l.kind !== 'line' || l.values.length || l.labels.length !== 1 || l.labels[0].text.length > 20 || numbered(l.labels[0].text))
        break;
      end = j;
      taken++;
    }
    let start = i;
    const floor = tables.length ? tables[tables.length - 1].end + 1 : 0;
    for (let j = i - 1; j >= floor && i - j <= MAX_HEADER_LINES; j--) {
      const k = info[j].kind;
      if (k === 'prose' || k === 'heading') break;
      if (k === 'line') start = j;
    }
    const table = buildTable(lines, info, start, end, normalise);
    if (table) tables.push(table);
    i = end + 1;
  }
  return tables;
}

function buildTable(_lines: string[], info: LineInfo[], start: number, end: number, n: Normalise): TextTable | null {
  const units: Unit[] = [];
  const header: HeaderLine[] = [];
  /** Header lines met after the first row: a repeated header or the 勾稽 note; not read again. */
  let seenValues = false;
  let valueLines = 0;
  let maxValues = 0;
  /** Where the leftmost value seen so far starts (characters). */
  let valueX = Infinity;
  const recent = (): Unit[] => units.slice(-4);
  // one number a line: a row of table 三 holds at most its 7 columns (8 with a 小计 column); what
  // follows is another row (or a bare page number) — never an eighth value of this one
  const words = (from: number, to: number) => info.slice(from, to + 1).flatMap((l) => l.labels.map((c) => n(c.text)));
  const all = words(start, end);
  const applications = all.some((w) => APPLICATION_ROWS.some((r) => r.match.length > 0 && matchesLabel(r, w)));
  const plainCap = applications
    ? APPLICANT_COLUMNS.length + (all.some((w) => findLabel(APPLICANT_HEADERS, w)?.key === 'subtotal') ? 1 : 0)
    : Infinity;

  for (let li = start; li <= end; li++) {
    const l = info[li];
    if (l.kind !== 'line') continue;
    let labels = l.labels;
    const labelOnly = !l.values.length;
    if (labelOnly && labels.every((c) => !isStandardRowLabel(c.text, n)) && (!seenValues || labels.some((c) => isHeaderText(c.text, n)))) {
      header.push({ line: li, chunks: labels, afterValues: seenValues });
      continue;
    }
    // among the rows: the vertical 三、本年度办理结果 (a leading chunk of one or two of its characters),
    // and words over the value columns (a repeated header's 企业 / 机构 after a page break)
    if (seenValues && labels.length && labels[0].text.length <= 2 && VERTICAL_LABEL.includes(labels[0].text)) {
      labels = labels.slice(1);
    }
    // (only where the values stand apart from the labels: in the plain form everything starts at 0)
    if (seenValues && labelOnly && valueX >= 4) labels = labels.filter((c) => c.c0 < valueX - 1);
    if (!labels.length && !l.values.length) continue;
    if (
      labelOnly &&
      seenValues &&
      labels.length === 1 &&
      /年度报告|工作报告/.test(n(labels[0].text)) &&
      !isStandardRowLabel(labels[0].text, n)
    ) {
      continue; // a running header at a page break
    }
    let target: Unit | null = null;
    labels.forEach((c, idx) => {
      const takesValues = idx === labels.length - 1 && l.values.length > 0;
      const closest =
        recent()
          .filter((u) => u.labels.length)
          .sort((a, b) => Math.abs(a.labels[0].c0 - c.c0) - Math.abs(b.labels[0].c0 - c.c0) || b.line - a.line)[0] ?? null;
      const fresh =
        numbered(c.text) ||
        !closest ||
        (takesValues && closest.values.length > 0) ||
        (closest.values.length > 0 && isStandardRowLabel(c.text, n) && closest.labels.some((x) => isStandardRowLabel(x.text, n)));
      if (fresh) {
        target = { line: li, labels: [c], values: [], plain: false };
        units.push(target);
      } else {
        closest.labels.push(c);
        target = closest;
      }
    });
    if (!l.values.length) continue;
    seenValues = true;
    valueX = Math.min(valueX, l.values[0].c0);
    valueLines++;
    if (labels.length && target) {
      const u = target as Unit;
      u.values = l.values;
      maxValues = Math.max(maxValues, u.values.length);
      continue;
    }
    // numbers alone on their line: the nearest row above still waiting for its numbers, or the
    // plain form's run of one number per line, or a row of its own (table 四's numbers)
    const waiting = [...units]
      .reverse()
      .slice(0, 3)
      .find((u) => !u.values.length && !isGroupOnly(u, n));
    const last = units[units.length - 1];
    if (last?.plain && l.values.length === 1 && last.values.length < plainCap) {
      last.values = [...last.values, ...l.values];
    } else if (waiting) {
      waiting.values = l.values;
      waiting.plain = l.values.length === 1;
    } else {
      units.push({ line: li, labels: [], values: l.values, plain: l.values.length === 1 });
    }
    maxValues = Math.max(maxValues, ...units.map((u) => u.values.length));
  }

  if (valueLines < 2 && maxValues < 5) return null;
  return emit(units, header, start, end, n);
}

function isGroupOnly(u: Unit, n: Normalise): boolean {
  const text = u.labels.map((c) => c.text).join('');
  const g = findLabel(APPLICATION_GROUPS, n(text));
  return !!g && g.key !== 'other';
}

const labelText = (u: Unit) => u.labels.map((c) => c.text).join('');
/** A row's cells: its label (none for a row of numbers alone, so no blank is read as a value), then its values. */
const rowCells = (u: Unit, values: string[]) => (u.labels.length ? [labelText(u), ...values] : values);

function emit(units: Unit[], header: HeaderLine[], start: number, end: number, n: Normalise): TextTable {
  const uncertain: string[] = [];
  const k = Math.max(0, ...units.map((u) => u.values.length));
  const full = units.filter((u) => u.values.length === k && !u.plain);
  const laidOut = k >= 5 && full.length > 0 && new Set(full[0].values.map((c) => c.c0)).size === k;
  const rows: { line: number; cells: string[]; guessed?: boolean }[] = [];

  if (laidOut) {
    // the metric (characters or display columns) under which the full rows line up best
    const spread = (m: 'c' | 'd') => {
      let s = 0;
      for (let j = 0; j < k; j++) {
        const xs = full.map((u) => centre(u.values[j], m));
        s += Math.max(...xs) - Math.min(...xs);
      }
      return s;
    };
    const centresBy = (m: 'c' | 'd') => Array.from({ length: k }, (_, j) => median(full.map((u) => centre(u.values[j], m))));
    const top = header.filter((h) => !h.afterValues);
    const byChars = readHeader(top, centresBy('c'), 'c', n);
    const byDisplay = readHeader(top, centresBy('d'), 'd', n);
    // the metric under which the header reads; else the one under which the full rows line up best
    const m: 'c' | 'd' =
      byChars.length && !byDisplay.length ? 'c' : byDisplay.length && !byChars.length ? 'd' : spread('d') < spread('c') ? 'd' : 'c';
    const centres = centresBy(m);
    let headerRows = m === 'c' ? byChars : byDisplay;
    if (!headerRows.length) headerRows = headerByCount(k, top, n, uncertain);
    for (const h of headerRows) rows.push({ line: start, cells: h });
    for (const u of units) {
      const slots = u.values.length === k ? u.values.map((c) => c.text) : place(u.values, centres, m);
      const guessed = u.plain && u.labels.length > 0 && u.values.length > 0 && u.values.length < k;
      if (guessed) uncertain.push(`${labelText(u) || '?'}: ${u.values.length}/${k}`);
      rows.push({ line: u.line, cells: rowCells(u, u.values.length ? slots : []), guessed });
    }
  } else {
    // header lines in place, consecutive ones joined into one row (plain form: one header cell a line)
    let group: HeaderLine[] = [];
    const flush = () => {
      if (group.length)
        rows.push({
          line: group[0].line,
          cells: joinHeaderWords(
            group.flatMap((h) => h.chunks.map((c) => c.text)),
            n,
          ),
        });
      group = [];
    };
    for (const h of header) {
      if (group.length && h.line !== group[group.length - 1].line + 1) flush();
      group.push(h);
    }
    flush();
    for (const u of units) {
      const guessed = k >= 5 && u.labels.length > 0 && u.values.length > 0 && u.values.length < k;
      rows.push({
        line: u.line,
        cells: rowCells(
          u,
          u.values.map((c) => c.text),
        ),
        guessed,
      });
      if (guessed) uncertain.push(`${labelText(u) || '?'}: ${u.values.length}/${k}`);
    }
  }
  rows.sort((a, b) => a.line - b.line);
  const guessedRows = rows.flatMap((r, i) => (r.guessed ? [i] : []));
  return { start, end, rows: rows.map((r) => r.cells), uncertain, guessedRows };
}

/**
 * No header could be read: the columns are mapped by their count, as the templates print them. 15
 * numbers under words of table 四 are its three groups of five (the schemas' labels are emitted so the
 * table is recognised and ordered); 7 numbers are table 三's columns, which recognition maps by count
 * itself. Any other count is a guess and is said so.
 */
function headerByCount(k: number, header: HeaderLine[], n: Normalise, uncertain: string[]): string[][] {
  const words = header.flatMap((h) => h.chunks.map((c) => n(c.text)));
  const review = words.some((w) => !!findLabel(REVIEW_GROUP_HEADERS, w));
  if (review && (k === 15 || k === 5)) {
    const outcomes = REVIEW_OUTCOME_HEADERS.map((o) => o.label);
    if (k === 5) return [outcomes];
    const groups = REVIEW_GROUPS.map((g) => REVIEW_GROUP_HEADERS.find((h) => h.key === g)!.label);
    return [groups, [...outcomes, ...outcomes, ...outcomes]];
  }
  if (k !== APPLICANT_COLUMNS.length) uncertain.push(`${k} columns, header not read`);
  return [];
}

/** Every header word of the schemas as printed (labels and keywords), by comparison key. */
const HEADER_WORDS = new Set(
  [APPLICANT_HEADERS, REVIEW_OUTCOME_HEADERS, REVIEW_GROUP_HEADERS, DISCLOSURE_COLUMNS].flatMap((list) =>
    (list as readonly { label: string; match: readonly string[]; exact?: readonly string[] }[]).flatMap((sc) =>
      [sc.label, ...sc.match, ...(sc.exact ?? [])].map(labelKey),
    ),
  ),
);

/**
 * Header words printed one cell a line but broken over lines (商业 / 企业, 结果 / 维持, 尚未 / 审结) are
 * joined when the join is exactly a header word of the schemas (总计 + 商业企业 is not).
 */
function joinHeaderWords(words: string[], n: Normalise): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    let joined = false;
    if (!HEADER_WORDS.has(labelKey(n(words[i]))) || labelKey(n(words[i])) === labelKey('其他')) {
      for (const len of [2, 3]) {
        const parts = words.slice(i, i + len);
        if (parts.length < len) break;
        if (HEADER_WORDS.has(labelKey(n(parts.join(''))))) {
          out.push(parts.join(''));
          i += len - 1;
          joined = true;
          break;
        }
      }
    }
    if (!joined) out.push(words[i]);
  }
  return out;
}

function centre(c: Chunk, m: 'c' | 'd'): number {
  return m === 'c' ? (c.c0 + c.c1) / 2 : (c.d0 + c.d1) / 2;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Places a short row's values in the columns nearest to them, keeping their order. */
function place(values: Chunk[], centres: number[], m: 'c' | 'd'): string[] {
  const out = centres.map(() => '');
  let from = 0;
  values.forEach((c, i) => {
    const x = centre(c, m);
    const last = centres.length - (values.length - i);
    let best = from;
    for (let j = from; j <= last; j++) if (Math.abs(centres[j] - x) < Math.abs(centres[best] - x)) best = j;
    out[best] = c.text;
    from = best + 1;
  });
  return out;
}

/**
 * The header above laid-out columns: words joined per column from top to bottom (商业 + 企业); words
 * spanning several columns (法人或其他组织, 行政诉讼, 未经复议直接起诉) on rows of their own. Returned only
 * when every column's joined words name a header of the schemas, else nothing.
 */
function readHeader(header: HeaderLine[], centres: number[], m: 'c' | 'd', n: Normalise): string[][] {
  if (!header.length) return [];
  const k = centres.length;
  const pitch = k > 1 ? Math.min(...centres.slice(1).map((x, j) => x - centres[j])) : Infinity;
  const leaves: string[] = centres.map(() => '');
  const spans: { x: number; line: number; text: string }[] = [];
  for (const h of header) {
    for (const c of h.chunks) {
      const x0 = m === 'c' ? c.c0 : c.d0;
      const x1 = m === 'c' ? c.c1 : c.d1;
      const x = (x0 + x1) / 2;
      if (x1 < centres[0] - pitch / 2) continue; // the row-label zone (勾稽 note, 项目)
      const covered = centres.filter((cx) => cx >= x0 - 0.5 && cx <= x1 + 0.5).length;
      const t = n(c.text);
      // review groups are kept (they order table 四's columns); 法人或其他组织 is not (the leaves name
      // table 三's columns, and read first it would put the organisations before 自然人)
      const review = !!findLabel(REVIEW_GROUP_HEADERS, t);
      const parent = ['orgParent', 'applicantParent'].includes(findLabel(APPLICANT_HEADERS, t)?.key ?? '');
      if (review || parent || covered >= 2) {
        if (review) spans.push({ x, line: h.line, text: c.text });
        continue;
      }
      let j = 0;
      for (let q = 1; q < k; q++) if (Math.abs(centres[q] - x) < Math.abs(centres[j] - x)) j = q;
      if (Math.abs(centres[j] - x) > pitch * 0.75) continue;
      leaves[j] += c.text;
    }
  }
  const known = leaves.every(
    (t) =>
      !!t && (!!findLabel(APPLICANT_HEADERS, n(t)) || !!findLabel(REVIEW_OUTCOME_HEADERS, n(t)) || !!findLabel(DISCLOSURE_COLUMNS, n(t))),
  );
  if (!known) return [];
  const rows: string[][] = [];
  const byLine = new Map<number, { x: number; text: string }[]>();
  for (const s of spans) byLine.set(s.line, [...(byLine.get(s.line) ?? []), s]);
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
    rows.push(
      byLine
        .get(line)!
        .sort((a, b) => a.x - b.x)
        .map((s) => s.text),
    );
  }
  rows.push(leaves);
  return rows;
}
