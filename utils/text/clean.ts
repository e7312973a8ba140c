/**
 * Cleaning of extracted report text, keeping a map from every output character back to its
 * input offset so findings can point into the page.
 *
 * - full-width digits/letters → ASCII; full-width and ASCII round brackets → ASCII ( ); ﹝﹞ → 〔〕
 * - &nbsp;, ideographic and other spaces → ' ', runs collapsed; zero-width characters dropped
 * - ruby pinyin in its extracted form `務(wù)` dropped (the `<rt>` form is dropped by the text view)
 * - stray markdown `**` and `?` scraping artefacts dropped
 */

export interface MappedText {
  text: string;
  /** map[i] = offset in the input of output character i; map[text.length] = input length. */
  map: Int32Array;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// Tested only on the characters CHANGES finds (a few in a hundred): as patterns, in fewer bytes than code tests.
const ZERO_WIDTH = /[\u200b-\u200f\u2028\u2029\u2060\ufeff\xad\r]/;
/** \s without the line break and the characters ZERO_WIDTH drops. */
const SPACE = /[^\S\n\r\u2028\u2029\ufeff]/;
// Pinyin syllable letters, with tone marks; one syllable per annotated character.
const PINYIN = /^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}$/;
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;

/** Full-width and small forms folded, each followed by its fold (a string: report.js is near its byte budget). */
const FOLDS = '（(）)﹝〔﹞〕．.％%－-／/｜|';

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  // Full-width digits and letters (０-９, Ａ-Ｚ, ａ-ｚ) to ASCII; other full-width punctuation is kept as is.
  if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a))
    return String.fromCharCode(code - 0xfee0);
  // Only called at U+FE50 and above: no fold (at odd places) can be met, so a hit is always a form.
  const at = FOLDS.indexOf(c);
  return at < 0 ? c : FOLDS[at + 1]!;
}

function isPinyinAnnotation(input: string, open: number): number {
  // `務(wù)`: a CJK character, then "(" + one pinyin syllable + ")"; returns the index after ")" or -1.
  if (open === 0 || !CJK.test(input[open - 1]!)) return -1;
  const close = input.indexOf(input[open] === '(' ? ')' : '）', open + 1);
  if (close < 0 || close - open > 9) return -1;
  const inner = input.slice(open + 1, close);
  if (!PINYIN.test(inner)) return -1;
  // Without a tone mark only accept lowercase (neutral-tone syllables); "(IPv6)" stays.
  if (!TONE.test(inner) && inner !== inner.toLowerCase()) return -1;
  if (!TONE.test(inner) && !/^(de|le|ma|ne|ba|zi|men|me|zhe|li|tou|shang|xia|guo)$/.test(inner)) return -1;
  return close + 1;
}

// Every character cleaning may change or drop (\s covers the spaces, line breaks, U+FEFF and U+2028/9).
const CHANGES = /[\s\u200b-\u200f\u2060\xad(（*?\ufe50-\uffff]/g;

export function cleanText(input: string): MappedText {
  const map = new Int32Array(input.length + 1);
  const text = clean(input, map);
  return { text, map: map.subarray(0, written + 1) };
}

/** Map entries the last clean() wrote, less one. */
let written = 0;
/** The map of cleanString's short strings, reused: a typed array of its own per table cell was a backing store each. */
let scratch = new Int32Array(64);

/** The cleaned text alone (table cells, titles): the same text as cleanText's, without a map to hand out. */
export function cleanString(input: string): string {
  if (input.length >= scratch.length) {
    // A long string gets a map of its own, not kept after it.
    if (input.length > 4096) return clean(input, new Int32Array(input.length + 1));
    scratch = new Int32Array(input.length * 2);
  }
  return clean(input, scratch);
}

function clean(input: string, map: Int32Array): string {
  // One pass that copies unchanged runs of the input as slices (most characters pass through as they are)
  // and holds a space or a line break back until a visible character follows: trailing spaces and blank
  // lines are then never written, so nothing has to be taken back out.
  // Each output character comes from its own input character, so the map never outgrows the input: one typed
  // array, not a number[] grown by a push per character (the article's map was the parse's largest garbage).
  let n = 0;
  let text = '';
  let runStart = 0;
  let runEnd = 0;
  /** Last character written ('' before the first). */
  let last = '';
  let pendingBreak = -1;
  let pendingSpace = -1;
  const flush = () => {
    if (runEnd > runStart) text += input.slice(runStart, runEnd);
    runStart = runEnd;
  };
  /** Writes `c` for input[at]: as part of a run of the input when it is that character. */
  const write = (at: number, c: string) => {
    if (pendingBreak >= 0) {
      flush();
      text += '\n';
      map[n++] = pendingBreak;
      pendingBreak = -1;
    }
    if (pendingSpace >= 0) {
      flush();
      text += ' ';
      map[n++] = pendingSpace;
      pendingSpace = -1;
    }
    if (c === input[at]) {
      if (runEnd !== at) {
        flush();
        runStart = at;
      }
      runEnd = at + 1;
    } else {
      flush();
      text += c;
    }
    map[n++] = at;
    last = c;
  };
  let lineStart = true;
  // Runs of characters cleaning keeps as they are are found by the pattern, natively, and written in one step:
  // the first call of a report's parse meets this loop cold, over the whole article. A one-character string of a
  // CJK character is a new string per read, so only the characters the pattern finds are read as strings.
  for (let i = 0; i < input.length; i++) {
    CHANGES.lastIndex = i;
    // test(), not exec(): no match array per character found (each match is one code unit).
    const at = CHANGES.test(input) ? CHANGES.lastIndex - 1 : input.length;
    if (at > i) {
      write(i, input[i]!);
      runEnd = at;
      for (let k = i + 1; k < at; k++) map[n++] = k;
      last = input[at - 1]!;
      lineStart = false;
      i = at;
      if (at === input.length) break;
    }
    const raw = input[i]!;
    if (raw === '\n') {
      // Trailing spaces dropped; blank lines collapsed.
      pendingSpace = -1;
      if (pendingBreak < 0 && last !== '' && last !== '\n') pendingBreak = i;
      lineStart = true;
      continue;
    }
    if (ZERO_WIDTH.test(raw)) continue;
    if (SPACE.test(raw)) {
      if (!lineStart && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if ((raw === '(' || raw === '（') && i > 0) {
      const after = isPinyinAnnotation(input, i);
      if (after > 0) {
        i = after - 1;
        continue;
      }
    }
    if (raw === '*' && input[i + 1] === '*') {
      i++;
      continue;
    }
    if (raw === '?') {
      // ASCII "?" in Chinese prose is a mis-decoded character; runs of them, or one at a line start
      // or next to a space/CJK character, are artefacts. A full-width "？" is a real question mark.
      const prev = pendingSpace >= 0 ? ' ' : pendingBreak >= 0 || last === '' ? '\n' : last;
      const next = input[i + 1] ?? '\n';
      if (lineStart || next === '?' || prev === '?' || SPACE.test(next) || CJK.test(prev) || CJK.test(next)) continue;
    }
    // Fold only full-width and small forms.
    write(i, raw < '\ufe50' ? raw : foldChar(raw));
    lineStart = false;
  }
  flush();
  map[n] = input.length;
  written = n;
  return text;
}

// Run once, before any page text, on a few characters that take every path that calls something: V8 optimizes
// clean's loop while it runs over a page's whole text (on-stack replacement), and a path that had not run by then had
// no type feedback, so the optimized code deoptimized there, and again in every later call (each table cell is
// cleaned: about a hundred a check on seed-003).
cleanString(' a\n（１**?');
