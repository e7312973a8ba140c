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
  map: number[];
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
// Character classes as code-point tests: this loop runs over every character of the article.
const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
const isZeroWidth = (c: number) => (c >= 0x200b && c <= 0x200f) || c === 0x2028 || c === 0x2029 || c === 0x2060 || c === 0xfeff || c === 0xad || c === 13;
const isSpace = (c: number) =>
  c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
// Pinyin syllable letters, with tone marks; one syllable per annotated character.
const PINYIN = /^[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,7}$/;
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  // Full-width ASCII variants (！ to ～), except the CJK punctuation we keep as is.
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0); // ０-９
  if ((code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return String.fromCharCode(code - 0xfee0);
  switch (c) {
    case '（':
      return '(';
    case '）':
      return ')';
    case '﹝':
      return '〔';
    case '﹞':
      return '〕';
    case '．':
      return '.';
    case '％':
      return '%';
    case '－':
      return '-';
    case '／':
      return '/';
    case '｜':
      return '|';
    default:
      return c;
  }
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

export function cleanText(input: string): MappedText {
  const out: string[] = [];
  const map: number[] = [];
  const push = (c: string, at: number) => {
    out.push(c);
    map.push(at);
  };
  let lineStart = true;
  for (let i = 0; i < input.length; i++) {
    const raw = input[i]!;
    if (raw === '\n') {
      // Trim trailing spaces; collapse blank lines.
      while (out.length && out[out.length - 1] === ' ') {
        out.pop();
        map.pop();
      }
      if (out.length && out[out.length - 1] !== '\n') push('\n', i);
      lineStart = true;
      continue;
    }
    const code = raw.charCodeAt(0);
    if (isZeroWidth(code)) continue;
    if (isSpace(code)) {
      if (!lineStart && out.length && out[out.length - 1] !== ' ') push(' ', i);
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
      const prev = (out[out.length - 1] ?? '\n').charCodeAt(0);
      const next = (input[i + 1] ?? '\n').charCodeAt(0);
      if (raw === '?' && (lineStart || next === 63 || prev === 63 || isSpace(next) || isCjk(prev) || isCjk(next))) continue;
    }
    push(code < 0xfe50 ? raw : foldChar(raw), i); // fold only full-width and small forms
    lineStart = false;
  }
  while (out.length && (out[out.length - 1] === ' ' || out[out.length - 1] === '\n')) {
    out.pop();
    map.pop();
  }
  map.push(input.length);
  return { text: out.join(''), map };
}
