import type { DeclaredParts, Fact, FactKind, FactPart, PercentFact, TextRange } from '../report/types';
import { parseChineseNumber } from '../text/numerals';

/**
 * Figures stated in the prose: what each number counts and where it is. Works sentence by
 * sentence on the normalised text, skipping data tables.
 */

interface Sentence {
  start: number;
  end: number;
  /** The sentence with blanks inside words removed ("全年主动 公开政府信 息 213 条" -> "全年主动公开政府信息213条"). */
  text: string;
  /** Offset in the document of each character of text (and of its end). */
  map: number[];
}

/** Document range of `len` characters of a sentence's text from `i`. */
function range(s: Sentence, i: number, len: number): TextRange {
  return { start: s.map[i]!, end: s.map[i + Math.max(len, 1) - 1]! + 1 };
}

/** What /\s/ matches, as a code-unit test: compact() looks at every character of the prose. */
export function isWhitespace(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
/** [A-Za-z0-9]; NaN (no character) is none. */
const isAsciiAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Laid-out text breaks words at line ends and pads them ("公开政府信 息", "主动\n公开"); phrases are read
 * without those blanks. A blank between two digits or Latin letters stays: it separates numbers.
 */
function compact(raw: string, start: number): { text: string; map: number[] } {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (isWhitespace(raw.charCodeAt(i))) {
      let j = i;
      while (j < raw.length && isWhitespace(raw.charCodeAt(j))) j++;
      const before = text.charCodeAt(text.length - 1);
      const after = raw.charCodeAt(j);
      if (isAsciiAlnum(before) && isAsciiAlnum(after)) {
        text += ' ';
        map.push(start + i);
      }
      i = j - 1;
      continue;
    }
    text += c;
    map.push(start + i);
  }
  map.push(start + raw.length);
  return { text, map };
}

/**
 * A sentence with no blank in it (most; isWhitespace is /\s/): its text is its own, its map the identity, built only
 * if read (a text and a map built a character at a time per sentence were the facts' garbage). A class: an object
 * literal with a getter is slow to build.
 */
class Verbatim implements Sentence {
  declare text: string;
  declare start: number;
  declare end: number;
  declare m?: number[];
  constructor(text: string, start: number) {
    this.text = text;
    this.start = start;
    this.end = start + text.length;
  }
  get map(): number[] {
    return (this.m ??= Array.from({ length: this.text.length + 1 }, (_, i) => this.start + i));
  }
}

/** A heading or list item starts its line: 一、 （一） (一) 1. 1、 第…条 */
const LINE_HEAD = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十\d]+)/;
/** A line that is a table row: pipes, or three numbers apart. */
const TABLE_LINE = /\||(?:\d+\s+){2,}\d+/;

/**
 * Laid-out text (PDF extraction, pdftotext -layout) wraps sentences at the page width: "现行有效行政规范性文件\n19 件".
 * A line break is a sentence break unless the line before is a long line of prose ending mid-sentence and the
 * line after is not a heading or a table row; such breaks become spaces (same length, so offsets hold).
 */
function joinWrappedLines(text: string): string {
  const lines = text.split('\n');
  let out = '';
  lines.forEach((line, i) => {
    out += line;
    if (i === lines.length - 1) return;
    const next = lines[i + 1]!;
    // The length first: trim() copies the line, and most lines (a table's cells) are short.
    const wrapped =
      line.length >= 20 &&
      line.trim().length >= 20 &&
      /[\p{Script=Han}\d，、“（(]$/u.test(line.trimEnd()) &&
      /^\s*[\p{Script=Han}\d“（(]/u.test(next) &&
      !LINE_HEAD.test(next) &&
      !TABLE_LINE.test(line) &&
      !TABLE_LINE.test(next);
    out += wrapped ? ' ' : '\n';
  });
  return out;
}

function sentences(text: string, skip: TextRange[]): Sentence[] {
  text = joinWrappedLines(text);
  const out: Sentence[] = [];
  // A run of more than 1,000 characters without a sentence end is cut into pieces: the patterns below
  // are quadratic in the length of what they search (a 250,000-character run took a minute).
  const re = /[^。；！？\n]{1,1000}[。；！？]?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    if (skip.some((r) => start >= r.start && start < r.end)) continue;
    out.push(/\s/.test(m[0]) ? { ...compact(m[0], start), start, end: start + m[0].length } : new Verbatim(m[0], start));
  }
  return out;
}

/** String.raw by a short name: its 33 uses below are patterns the report script ships (a saving of 274 B). */
const raw = String.raw;
const NUM = raw`(\d[\d,]*)\s*(余|多)?\s*`;
const toNumber = (s: string) => Number(s.replace(/,/g, ''));

interface Pattern {
  kind: FactKind;
  re: RegExp;
  label: string;
  /** Sentences stating zero without a digit: 未收到…申请. */
  zero?: RegExp;
  /** The kind is an applications figure (set below, once). */
  applications?: boolean;
}

/** Exported for the test of extractFacts' plain-search pre-tests (test/unit/parse/facts-pretests.test.ts). */
export const PATTERNS: Pattern[] = [
  {
    kind: 'activeDisclosed',
    label: '主动公开政府信息',
    // "主动公开我区各级单位政府信息2645条", "主动公开各类信息N条": who published may stand between.
    // 资讯: a Traditional mirror's Taiwan word for 信息 (資訊), which t2cn keeps.
    re: new RegExp(
      raw`主动公开(?:[^。；，,\d]{0,12}?(?:政府|各类)(?:信息|资讯)|(?:政府)?(?:信息|资讯)?)(?:数量?)?(?:共计|共|合计|总计)?\s*` +
        NUM +
        '(条|件|篇)',
    ),
  },
  {
    // "共公布政府信息2599条(其中…)": the total in all, without the word 主动.
    kind: 'activeDisclosed',
    label: '公开政府信息',
    re: new RegExp(raw`(?:共|共计|累计)(?:公布|发布|公开)(?:各类)?(?:政府)?信息(?:共计|共|合计)?\s*` + NUM + '(条|篇)'),
  },
  {
    // "在网站上公开各类信息813多条": the only count of disclosed information some reports give.
    kind: 'activeDisclosed',
    label: '公开信息',
    re: new RegExp(raw`(?:网站|平台)[^。；，,\d]{0,12}(?:公开|发布|公布)(?:各类)?(?:政府)?信息(?:共计|共|合计)?\s*` + NUM + '(条|篇)'),
  },
  {
    kind: 'applicationsNew',
    label: '收到政府信息公开申请',
    re: new RegExp(raw`(?:收到|新收|受理|接到|接收)[^。；，,\d]{0,16}?申请[^。；，,\d]{0,8}?` + NUM + '件'),
    zero: /(?:未|没有)(?:收到|接到|受理)[^。；，,\d]{0,12}申请/,
  },
  {
    kind: 'applicationsNew',
    label: '收到政府信息公开申请',
    re: new RegExp(raw`(?:收到|新收|受理|接到)\s*` + NUM + raw`件[^。；，,\d]{0,6}申请`),
  },
  {
    kind: 'applicationsCarriedOver',
    label: '上年结转',
    re: new RegExp(raw`上年(?:度)?结转[^。；，,\d]{0,10}?` + NUM + '件'),
  },
  {
    kind: 'applicationsHandled',
    label: '办结/答复',
    re: new RegExp(raw`(?:办结|答复|办理完毕)[^。；，,\d]{0,10}?` + NUM + '件'),
  },
  {
    kind: 'applicationsCarriedForward',
    label: '结转下年',
    re: new RegExp(raw`结转(?:至)?下(?:一)?年(?:度)?[^。；，,\d]{0,10}?` + NUM + '件'),
    zero: /(?:无|没有|未)(?:有)?结转(?:至)?下(?:一)?年/,
  },
  {
    // "截至12月31日，已答复45件…；另有2件正在办理中": the 2008-era way of saying carried forward.
    kind: 'applicationsCarriedForward',
    label: '正在办理',
    re: new RegExp(raw`(?:另有|尚有|仍有|还有)\s*` + NUM + raw`件[^。；，,\d]{0,6}?(?:正在|仍在|尚在|在)办理`),
  },
  {
    kind: 'reviewTotal',
    label: '行政复议',
    re: new RegExp(raw`行政复议[^。；，,\d]{0,6}?` + NUM + '(?:件|起|宗)'),
    zero: /(?:未|没有|无)[^。；，,\d]{0,16}?(?:被申请)?行政复议/,
  },
  {
    kind: 'litigationTotal',
    label: '行政诉讼',
    re: new RegExp(raw`行政诉讼[^。；，,\d]{0,6}?` + NUM + '(?:件|起|宗)'),
    zero: /(?:未|没有|无)[^。；，,\d]{0,24}?(?:被提起)?行政诉讼/,
  },
  // Groups of table 三 (sentences about applications only, see extractFacts).
  {
    kind: 'applicationsGrantedOrPartial',
    label: '予以公开及部分公开',
    re: new RegExp(
      raw`(?:予以公开|同意公开|全部公开)(?:及|和|与|、|或)(?:部分公开|部分同意公开|部分予以公开)[^。；，,\d]{0,6}?` + NUM + '件',
    ),
  },
  {
    kind: 'applicationsGranted',
    label: '予以公开',
    re: new RegExp(raw`(?<![不分])(?:予以公开|同意公开|全部公开)(?![及和与、或])[^。；，,\d]{0,6}?` + NUM + '件'),
  },
  {
    kind: 'applicationsPartial',
    label: '部分公开',
    re: new RegExp(raw`(?<![及和与、或])部分(?:予以|同意)?公开[^。；，,\d]{0,6}?` + NUM + '件'),
  },
  {
    kind: 'applicationsRefused',
    label: '不予公开',
    re: new RegExp(raw`不予(?:以)?公开[^。；，,\d]{0,6}?` + NUM + '件'),
  },
  {
    kind: 'applicationsUnable',
    label: '无法提供',
    re: new RegExp(raw`无法提供[^。；，,\d]{0,6}?` + NUM + '件'),
  },
  {
    kind: 'applicationsNotProcessed',
    label: '不予处理',
    re: new RegExp(raw`不予处理[^。；，,\d]{0,6}?` + NUM + '件'),
  },
  // Table 二 in the prose.
  {
    kind: 'normativeInForce',
    label: '现行有效规范性文件',
    re: new RegExp(
      raw`(?:现行有效(?:的)?(?:行政)?规范性文件|(?:行政)?规范性文件[^。；，,\d]{0,12}?现行有效(?:的)?)[^。；，,\d]{0,8}?` +
        NUM +
        '(件|个|份)',
    ),
  },
  {
    kind: 'regulationsInForce',
    label: '现行有效规章',
    re: new RegExp(raw`(?:现行有效(?:的)?(?:政府)?规章|规章[^。；，,\d]{0,12}?现行有效(?:的)?)[^。；，,\d]{0,8}?` + NUM + '(件|个|部|份)'),
  },
];

for (const p of PATTERNS) p.applications = p.kind.startsWith('applications');

/** Which review/litigation group a phrase at `at` of a sentence is about: the nearest mention before it. */
const GROUP_MENTION = /复议|诉讼|起诉|应诉/g;
function mentions(text: string): Array<{ at: number; group: 'review' | 'litigation' }> {
  const out: Array<{ at: number; group: 'review' | 'litigation' }> = [];
  for (const m of text.matchAll(GROUP_MENTION)) out.push({ at: m.index!, group: m[0] === '复议' ? 'review' : 'litigation' });
  // 复议后起诉 is litigation: the 复议 inside it names no review.
  return out.filter((m) => !(m.group === 'review' && /^复议后起诉/.test(text.slice(m.at))));
}

const COUNT = raw`(\d+)\s*(?:件|起|宗|次)`;
/**
 * Outcome counts: "纠正1件" (count after) is tried before "1件被纠正" (count before), so that in
 * "维持2件、结果纠正1件" the 2 is not read as corrected; a count before may not cross a 、 or a comma.
 */
const OUTCOMES: Array<{ outcome: 'Upheld' | 'Corrected' | 'Pending'; after: RegExp; before: RegExp; zero?: RegExp }> = [
  {
    outcome: 'Upheld',
    after: new RegExp(raw`维持(?:原(?:具体)?行政行为|原决定)?\s*` + COUNT),
    before: new RegExp(COUNT + raw`[^，,、。；\d]{0,6}?(?:被|获|予以)维持`),
  },
  {
    outcome: 'Corrected',
    after: new RegExp(raw`纠(?:错|正)\s*` + COUNT),
    before: new RegExp(COUNT + raw`[^，,、。；\d]{0,6}?被纠(?:错|正)`),
    zero: /(?:无|没有|未)(?:发生)?(?:被)?(?:纠错|纠正)|纠错率(?:为)?0(?![.\d])/,
  },
  {
    outcome: 'Pending',
    after: new RegExp(raw`尚未审结\s*` + COUNT),
    before: new RegExp(COUNT + raw`[^，,、。；\d]{0,6}?尚未审结`),
  },
];
/** The groups a claim covers: every group named before it in the sentence, else the first one named. */
function groupsBefore(ms: Array<{ at: number; group: 'review' | 'litigation' }>, pos: number): Set<'review' | 'litigation'> {
  const before = ms.filter((m) => m.at < pos);
  return new Set((before.length ? before : ms.slice(0, 1)).map((m) => m.group));
}

const ALL_UPHELD = /(?:均|全部|都)(?:已)?(?:获|被|予以|得到|为|是)?(?:法院|复议机关)?(?:判决|决定)?维持/;

/** Outcomes of reviews and lawsuits stated in a sentence about them. */
function reviewOutcomes(s: Sentence, facts: Fact[]): void {
  const sentence = s.text;
  const ms = mentions(sentence);
  if (ms.length === 0) return;
  const groupAt = (pos: number) => [...ms].reverse().find((m) => m.at < pos)?.group ?? ms.find((m) => m.at >= pos)!.group;
  for (const { outcome, after, before, zero } of OUTCOMES) {
    const m = after.exec(sentence) ?? before.exec(sentence);
    if (m) {
      const n = m[1]!;
      const group = groupAt(m.index);
      facts.push({
        kind: `${group}${outcome}`,
        value: Number(n),
        unit: '件',
        label: m[0],
        at: range(s, m.index + m[0].indexOf(n), n.length),
      });
    } else if (zero) {
      // "无被纠错" after several groups covers them all, like 均获维持.
      const z = zero.exec(sentence);
      if (z) {
        for (const group of groupsBefore(ms, z.index)) {
          facts.push({ kind: `${group}${outcome}`, value: 0, unit: '件', label: z[0], at: range(s, z.index, z[0].length) });
        }
      }
    }
  }
  const all = ALL_UPHELD.exec(sentence);
  if (all) {
    for (const group of groupsBefore(ms, all.index)) {
      // The count the claim covers: the last count between the group's last mention before the claim and the
      // next mention of the other group ("行政复议2件、行政诉讼1件，均获维持": 2 for review, 1 for litigation).
      const from = Math.max(...ms.filter((m) => m.group === group && m.at < all.index).map((m) => m.at), 0);
      const to = ms.find((m) => m.at > from && m.group !== group && m.at < all.index)?.at ?? all.index;
      const counts = [...sentence.slice(from, to).matchAll(/(\d+)\s*(?:件|起|宗)/g)];
      const last = counts[counts.length - 1];
      const at = last ? range(s, from + last.index!, last[1]!.length) : range(s, all.index, all[0].length);
      facts.push({ kind: `${group}AllUpheld`, value: last ? Number(last[1]) : 0, unit: '件', label: all[0], at });
    }
  }
}

// "已全部在规定期限内答复，…": a bare 答复 only with its deadline; "全部依法依规答复，其中12件已办结" counts no handled.
const ALL_HANDLED =
  /(?:全部|均已|均|已全部|都已)[^。；，,\d]{0,10}?(?:办结|答复完毕|予以答复|作出答复|(?:期限内|按期|按时)答复(?=[，,。；]))/;

/**
 * "收到申请6件，…。已全部在规定期限内办结": every application of the year was handled, so the count handled is
 * the count received (and carried over, when stated) earlier in the same paragraph.
 */
function allHandled(s: Sentence, facts: Fact[], from: number, aboutApplications: boolean): void {
  if (!aboutApplications) return;
  const own = facts.slice(from);
  if (own.some((f) => f.kind === 'applicationsHandled')) return;
  const m = ALL_HANDLED.exec(s.text);
  if (!m) return;
  const received = own.find((f) => f.kind === 'applicationsNew' && s.map[m.index]! > f.at.start);
  if (!received) return;
  const carried = own.find((f) => f.kind === 'applicationsCarriedOver' && s.map[m.index]! > f.at.start);
  // "共受理…N件" may already count the carried-over ones, and "收到N件（含上年结转K件）" says it does: then N alone.
  const at = (pos: number) => s.map.findIndex((p) => p >= pos);
  const included = carried && /含|包括|其中/.test(s.text.slice(at(received.at.end), at(carried.at.start)));
  const value = received.value + (carried && !included && received.label !== '共受理政府信息公开申请' ? carried.value : 0);
  facts.push({ kind: 'applicationsHandled', value, unit: '件', label: m[0], at: range(s, m.index, m[0].length) });
}

// "收取信息处理费，共计200元": the amount may follow a comma.
const FEE_AMOUNT = /(?:收取|收缴|收费|征收)[^。；\d]{0,24}?(\d+(?:\.\d+)?)\s*(万元|元)/;
const NO_FEE =
  /(?:未|没有|无|不)(?:收取|产生|发生|征收|涉及)[^。；，,]{0,16}?费|没有相关收费|未收费|无收费|费(?:用)?(?:为|共计)?\s*0(?:\.0+)?\s*(?:万元|元)/;

/** Fees stated in the prose: an amount collected, or that none was. */
function fees(s: Sentence, facts: Fact[]): void {
  const sentence = s.text;
  if (!/费/.test(sentence)) return;
  const label = /信息处理费|依申请/.test(sentence) ? '信息处理费' : /行政事业性收费/.test(sentence) ? '行政事业性收费' : '费用';
  const none = NO_FEE.exec(sentence);
  if (none) {
    facts.push({ kind: 'feeCollected', value: 0, unit: '元', label, at: range(s, none.index, none[0].length) });
    return;
  }
  const m = FEE_AMOUNT.exec(sentence);
  if (m) {
    facts.push({
      kind: 'feeCollected',
      value: Number(m[1]),
      unit: m[2]!,
      label,
      at: range(s, m.index + m[0].indexOf(m[1]!), m[1]!.length),
    });
  }
}

/** Breakdowns: "共N…，其中a…b…" (parts after) and "a条，b条，c条，共计N条" (total after). */
// A bracket between the total and 其中 is skipped: "20件（含上年结转2件），其中…" totals 20, not 2.
// Another clause between them takes the 其中 ("上年结转1件，全部办结，其中予以公开5件…": parts of 办结, not of 1).
const GAP_TO_QIZHONG = raw`(?:[（(][^）)]{0,40}[）)])?[^。；，,\d]{0,12}?[，,：:]?\s*([（(])?其中`;
const TOTAL_FIRST = new RegExp(NUM + raw`(条|件|篇|项|个|家|期|次|份)(?=` + GAP_TO_QIZHONG + ')');
const AFTER_TOTAL = new RegExp('^' + GAP_TO_QIZHONG + '[:：]?');

/** Where a clause opened by a bracket ends: at its closing bracket ("238件（其中225件，13件），办结212件"). */
function closingBracket(text: string): number {
  let depth = 1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(' || text[i] === '（') depth++;
    else if ((text[i] === ')' || text[i] === '）') && --depth === 0) return i;
  }
  return text.length;
}

/** "label N unit" of one part; built once per unit (the units are a handful of words). */
const partPatterns = new Map<string, RegExp>();
function partPattern(unit: string): RegExp {
  let re = partPatterns.get(unit);
  if (!re) partPatterns.set(unit, (re = new RegExp(raw`^(.*?)(\d[\d,]*)\s*(余|多)?\s*(` + unit + raw`)?\s*$`)));
  return re;
}

function partsOf(clause: string, pos: (i: number) => number, unit: string): FactPart[] {
  // Top-level parts only: a bracketed breakdown "(包括…)" belongs to the part before it.
  const parts: FactPart[] = [];
  let depth = 0;
  let segStart = 0;
  const flush = (end: number) => {
    const seg = clause.slice(segStart, end);
    const m = partPattern(unit).exec(seg.replace(/[(（][^)）]*[)）]/g, (x) => ' '.repeat(x.length)).trimEnd());
    if (m?.[2]) {
      const numStart = pos(segStart + m[1]!.length);
      const part: FactPart = {
        label: m[1]!.replace(/^[，,、：:\s]+|[：:\s]+$/g, ''),
        value: toNumber(m[2]),
        at: { start: numStart, end: numStart + m[2].length },
      };
      if (m[3]) part.approximate = true;
      parts.push(part);
    }
  };
  for (let i = 0; i < clause.length; i++) {
    const c = clause[i]!;
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[，,、；]/.test(c)) {
      flush(i);
      segStart = i + 1;
    }
  }
  flush(clause.length);
  return parts;
}

const PARTS_THEN_TOTAL = /((?:[^。；，,、\d]{0,24}?\d+\s*(条|件|篇|项|个)[，,、]\s*){2,})(?:共计|合计|总计|共)\s*(\d+)\s*(条|件|篇|项|个)/;

function breakdowns(s: Sentence, facts: Fact[]): void {
  const sentence = s.text;
  // Each pattern needs a word that a plain search finds far faster (most sentences have none): 其中; 共 or 计
  // before a number; a bracket. Total first, then 其中.
  const m = sentence.includes('其中') && TOTAL_FIRST.exec(sentence);
  if (m) {
    const unit = m[3]!;
    const rest = sentence.slice(m.index + m[0].length);
    const q = AFTER_TOTAL.exec(rest);
    if (q) {
      const clauseStart = m.index + m[0].length + q[0].length;
      let clause = sentence.slice(clauseStart).replace(/[。；]$/, '');
      if (q[1]) clause = clause.slice(0, closingBracket(clause));
      const parts = partsOf(clause, (i) => s.map[clauseStart + i]!, unit);
      if (parts.length >= 2) {
        const numAt = s.map[m.index + m[0].indexOf(m[1]!)]!;
        facts.push({
          kind: 'other',
          value: toNumber(m[1]!),
          unit,
          label: sentence.slice(0, m.index + m[0].length).slice(-24),
          at: { start: numAt, end: numAt + m[1]!.length },
          parts,
          ...(m[2] ? { approximate: true } : {}),
        });
      }
    }
  }
  // Parts first, then 共计N.
  const after = /[共计]\s*\d/.test(sentence) && PARTS_THEN_TOTAL.exec(sentence);
  if (after && after[2] === after[4]) {
    const clauseStart = after.index;
    const parts = partsOf(after[1]!.replace(/[，,、]\s*$/, ''), (i) => s.map[clauseStart + i]!, after[2]!);
    const numAt = s.map[after.index + after[0].lastIndexOf(after[3]!)]!;
    if (parts.length >= 2)
      facts.push({
        kind: 'other',
        value: Number(after[3]),
        unit: after[4]!,
        label: '共计',
        at: { start: numAt, end: numAt + after[3]!.length },
        parts,
      });
  }
  // Bracketed sub-breakdowns "1264条(包括a条,b条…)".
  const sub = /(\d+)\s*(条|件|篇|项|个)\s*[(（](?:包括|其中|含)?[:：]?([^)）]+)[)）]/g;
  let b: RegExpExecArray | null;
  while (/[(（]/.test(sentence) && (b = sub.exec(sentence))) {
    const innerStart = b.index + b[0].indexOf(b[3]!);
    const parts = partsOf(b[3]!, (i) => s.map[innerStart + i]!, b[2]!);
    if (parts.length >= 2) {
      const numAt = s.map[b.index]!;
      // "238件（其中225件，13件）" was read above already as total first, then 其中.
      if (facts.some((f) => f.parts && f.at.start === numAt)) continue;
      facts.push({
        kind: 'other',
        value: Number(b[1]),
        unit: b[2]!,
        label: '其中',
        at: { start: numAt, end: numAt + b[1]!.length },
        parts,
      });
    }
  }
}

export function extractFacts(text: string, skip: TextRange[]): { facts: Fact[]; percents: PercentFact[]; declaredParts: DeclaredParts[] } {
  const facts: Fact[] = [];
  const percents: PercentFact[] = [];
  let prev: Sentence | undefined;
  let prevOnApplications = false;
  let paragraphFrom = 0;
  for (const s of sentences(text, skip)) {
    const sentence = s.text;
    // A sentence goes on the paragraph of the one before when nothing (no line break) lies between them:
    // "收到申请9件，…。已答复8件，…" — the second is about applications too.
    // The flag runs on through the paragraph: "…已答复45件…；另有2件正在办理中" is still about applications.
    const paragraphOnApplications: boolean =
      /申请/.test(sentence) ||
      (prev !== undefined && prev.end === s.start && prevOnApplications && !/复议|诉讼|建议|信箱|留言/.test(sentence));
    prevOnApplications = paragraphOnApplications;
    if (prev === undefined || prev.end !== s.start) paragraphFrom = facts.length;
    // Every figure pattern, breakdown and percentage holds an ASCII digit: most sentences have none.
    const digits = /\d/.test(sentence);
    // Every applications pattern holds 件, every zero pattern 未, 没 or 无: a plain search skips most of their runs.
    const jian = digits && sentence.includes('件');
    const denies = /[未没无]/.test(sentence);
    for (const p of PATTERNS) {
      // Applications figures live in sentences about applications, never about 复议/诉讼 or 建议/信箱.
      const aboutApplications = p.applications;
      if (aboutApplications && p.kind !== 'applicationsNew' && !paragraphOnApplications) continue;
      const m = (aboutApplications ? jian : digits) ? p.re.exec(sentence) : null;
      if (m && aboutApplications && /复议|诉讼/.test(m[0])) continue;
      if (m) {
        const numIndex = m.index + m[0].search(/\d/);
        const at = s.map[numIndex]!;
        // "共受理…N件" may count the carried-over applications too: keep the wording for the rules.
        const label =
          p.kind === 'applicationsNew' && /受理|共|合计|总计/.test(sentence.slice(Math.max(0, m.index - 4), m.index) + m[0])
            ? '共受理政府信息公开申请'
            : p.label;
        facts.push({
          kind: p.kind,
          value: toNumber(m[1]!),
          unit: m[m.length - 1] && /[条件篇起宗]/.test(m[m.length - 1]!) ? m[m.length - 1]! : '件',
          label,
          at: { start: at, end: at + m[1]!.length },
          ...(m[2] ? { approximate: true } : {}),
        });
      } else if (p.zero && denies) {
        const z = p.zero.exec(sentence);
        if (z && !(aboutApplications && /复议|诉讼/.test(sentence)))
          facts.push({ kind: p.kind, value: 0, unit: '件', label: p.label, at: range(s, z.index, z[0].length) });
      }
    }
    allHandled(s, facts, paragraphFrom, paragraphOnApplications);
    prev = s;
    if (/复议|诉讼/.test(sentence)) reviewOutcomes(s, facts);
    fees(s, facts);
    if (!digits) continue;
    breakdowns(s, facts);
    const pr = /(\d+(?:\.\d+)?)\s*%/g;
    let m: RegExpExecArray | null;
    while ((m = pr.exec(sentence))) {
      const at = range(s, m.index, m[0].length);
      const percent: PercentFact = { percent: Number(m[1]), at };
      // "N个任务已完成M个，完结率P%": denominator, then numerator, then the rate.
      const before = sentence.slice(Math.max(0, m.index - 40), m.index);
      const ratio =
        /(\d+)\s*(个|件|项|条|家)[^，,。\d]{0,12}?(?:已)?(?:完成|办结|答复|按时办结|回复)\s*(\d+)\s*(个|件|项|条|家)?[，,]?[^，,。\d]{0,8}率\s*$/.exec(
          before,
        );
      if (ratio) {
        percent.denominator = Number(ratio[1]);
        percent.numerator = Number(ratio[3]);
      }
      percents.push(percent);
    }
  }
  // A digit run too long for a double ("9" × 400) reads as Infinity, which JSON turns into null: drop it.
  const finite = (...ns: (number | undefined)[]) => ns.every((n) => n === undefined || Number.isFinite(n));
  return {
    facts: facts.filter((f) => finite(f.value, ...(f.parts ?? []).map((p) => p.value))),
    percents: percents.filter((p) => finite(p.percent, p.numerator, p.denominator)),
    declaredParts: extractDeclaredParts(text),
  };
}

/** "本报告由A、B…共N个部分组成": the declared count and the list before it (may span a paragraph break). */
function extractDeclaredParts(text: string): DeclaredParts[] {
  const out: DeclaredParts[] = [];
  const re = /共\s*([一二三四五六七八九十\d]{1,3})\s*个?部分/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const count = parseChineseNumber(m[1]!);
    if (count === null) continue;
    const back = text.slice(Math.max(0, m.index - 400), m.index);
    const from = Math.max(back.lastIndexOf('由'), back.lastIndexOf('包括'), back.lastIndexOf('分为'));
    const list = from >= 0 ? back.slice(from + 1).replace(/^括/, '') : '';
    const listed = list
      .replace(/\s+/g, '')
      .split(/[、，,；]/)
      .map((x) => x.trim())
      .filter(Boolean);
    const start = from >= 0 ? m.index - back.length + from : m.index;
    out.push({ count, listed, at: { start, end: m.index + m[0].length } });
  }
  return out;
}
