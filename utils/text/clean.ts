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

// Character classes as code-point tests: this loop runs over every character of the article.
const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isZeroWidth = (c: number) =>
  (c >= 0x200b && c <= 0x200f) || c === 0x2028 || c === 0x2029 || c === 0x2060 || c === 0xfeff || c === 0xad || c === 13;
const isSpace = (c: number) =>
  c === 32 ||
  c === 9 ||
  c === 11 ||
  c === 12 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;
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
  if (open === 0 || !isCjk(input.charCodeAt(open - 1))) return -1;
  const close = input.indexOf(input[open] === '(' ? ')' : '）', open + 1);
  if (close < 0 || close - open > 9) return -1;
  const inner = input.slice(open + 1, close);
  if (!PINYIN.test(inner)) return -1;
  // Without a tone mark only accept lowercase (neutral-tone syllables); "(IPv6)" stays.
  if (!TONE.test(inner) && inner !== inner.toLowerCase()) return -1;
  if (!TONE.test(inner) && !/^(de|le|ma|ne|ba|zi|men|me|zhe|li|tou|shang|xia|guo)$/.test(inner)) return -1;
  return close + 1;
}

export function cleanText(input: string): MappedText {
  // One pass that copies unchanged runs of the input as slices (most characters pass through as they are)
  // and holds a space or a line break back until a visible character follows: trailing spaces and blank
  // lines are then never written, so nothing has to be taken back out.
  // Each output character comes from its own input character, so the map never outgrows the input: one typed
  // array, not a number[] grown by a push per character (the article's map was the parse's largest garbage).
  const map = new Int32Array(input.length + 1);
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
  const write = (c: string, at: number, verbatim: boolean) => {
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
    if (verbatim) {
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
  for (let i = 0; i < input.length; i++) {
    const raw = input[i]!;
    if (raw === '\n') {
      // Trailing spaces dropped; blank lines collapsed.
      pendingSpace = -1;
      if (pendingBreak < 0 && last !== '' && last !== '\n') pendingBreak = i;
      lineStart = true;
      continue;
    }
    const code = raw.charCodeAt(0);
    if (isZeroWidth(code)) continue;
    if (isSpace(code)) {
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
    if (raw === '?' || raw === '？') {
      // ASCII "?" in Chinese prose is a mis-decoded character; runs of them, or one at a line start
      // or next to a space/CJK character, are artefacts. A full-width "？" is a real question mark.
      const prev = (pendingSpace >= 0 ? ' ' : pendingBreak >= 0 || last === '' ? '\n' : last).charCodeAt(0);
      const next = (input[i + 1] ?? '\n').charCodeAt(0);
      if (raw === '?' && (lineStart || next === 63 || prev === 63 || isSpace(next) || isCjk(prev) || isCjk(next))) continue;
    }
    // Fold only full-width and small forms.
    if (code < 0xfe50) write(raw, i, true);
    else {
      const folded = foldChar(raw);
      write(folded, i, folded === raw);
    }
    lineStart = false;
  }
  flush();
  map[n] = input.length;
  return { text, map: map.subarray(0, n + 1) };
}
