import type { DeclaredParts, Fact, FactKind, FactPart, PercentFact, TextRange } from '../report/types';
import { parseChineseNumber } from '../text/numerals';

/**
 * Figures stated in the prose: what each number counts and where it is. Works sentence by
 * sentence on the normalised text, skipping data tables.
 */

interface Sentence {
  start: number;
  end: number;
  text: string;
}

export function sentences(text: string, skip: TextRange[]): Sentence[] {
  const out: Sentence[] = [];
  // A run of more than 1,000 characters without a sentence end is cut into pieces: the patterns below
  // are quadratic in the length of what they search (a 250,000-character run took a minute).
  const re = /[^。；！？\n]{1,1000}[。；！？]?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    if (skip.some((r) => start >= r.start && start < r.end)) continue;
    out.push({ start, end: start + m[0].length, text: m[0] });
  }
  return out;
}

const NUM = String.raw`(\d[\d,]*)\s*(余|多)?\s*`;
const toNumber = (s: string) => Number(s.replace(/,/g, ''));

interface Pattern {
  kind: FactKind;
  re: RegExp;
  label: string;
  /** Sentences stating zero without a digit: 未收到…申请. */
  zero?: RegExp;
}

const PATTERNS: Pattern[] = [
  {
    kind: 'activeDisclosed',
    label: '主动公开政府信息',
    re: new RegExp(String.raw`主动公开(?:政府)?(?:信息)?(?:数量?)?(?:共计|共|合计|总计)?\s*` + NUM + '(条|件|篇)'),
  },
  {
    // "在网站上公开各类信息813多条": the only count of disclosed information some reports give.
    kind: 'activeDisclosed',
    label: '公开信息',
    re: new RegExp(String.raw`(?:网站|平台)[^。；，,\d]{0,12}公开(?:各类)?(?:政府)?信息(?:共计|共|合计)?\s*` + NUM + '(条|篇)'),
  },
  {
    kind: 'applicationsNew',
    label: '收到政府信息公开申请',
    re: new RegExp(String.raw`(?:收到|新收|受理|接到|接收)[^。；，,\d]{0,16}?申请[^。；，,\d]{0,8}?` + NUM + '件'),
    zero: /(?:未|没有)(?:收到|接到|受理)[^。；，,\d]{0,12}申请/,
  },
  {
    kind: 'applicationsNew',
    label: '收到政府信息公开申请',
    re: new RegExp(String.raw`(?:收到|新收|受理|接到)\s*` + NUM + String.raw`件[^。；，,\d]{0,6}申请`),
  },
  {
    kind: 'applicationsCarriedOver',
    label: '上年结转',
    re: new RegExp(String.raw`上年(?:度)?结转[^。；，,\d]{0,10}?` + NUM + '件'),
  },
  {
    kind: 'applicationsHandled',
    label: '办结/答复',
    re: new RegExp(String.raw`(?:办结|答复|办理完毕)[^。；，,\d]{0,10}?` + NUM + '件'),
  },
  {
    kind: 'applicationsCarriedForward',
    label: '结转下年',
    re: new RegExp(String.raw`结转(?:至)?下(?:一)?年(?:度)?[^。；，,\d]{0,10}?` + NUM + '件'),
  },
  {
    kind: 'reviewTotal',
    label: '行政复议',
    re: new RegExp(String.raw`行政复议[^。；，,\d]{0,6}?` + NUM + '(?:件|起|宗)'),
    zero: /(?:未|没有|无)[^。；，,\d]{0,6}(?:被申请)?行政复议/,
  },
  {
    kind: 'litigationTotal',
    label: '行政诉讼',
    re: new RegExp(String.raw`行政诉讼[^。；，,\d]{0,6}?` + NUM + '(?:件|起|宗)'),
    zero: /(?:未|没有|无)[^。；，,\d]{0,6}(?:被提起)?行政诉讼/,
  },
];

/** Breakdowns: "共N…，其中a…b…" (parts after) and "a条，b条，c条，共计N条" (total after). */
const TOTAL_FIRST = new RegExp(NUM + String.raw`(条|件|篇|项|个|家|期|次|份)(?=[^。；\d]{0,12}?其中)`);

function partsOf(clause: string, offset: number, unit: string): FactPart[] {
  // Top-level parts only: a bracketed breakdown "(包括…)" belongs to the part before it.
  const parts: FactPart[] = [];
  let depth = 0;
  let segStart = 0;
  const flush = (end: number) => {
    const seg = clause.slice(segStart, end);
    const m = new RegExp(String.raw`^(.*?)(\d[\d,]*)\s*(余|多)?\s*(` + unit + String.raw`)?\s*$`).exec(seg.replace(/[(（][^)）]*[)）]/g, (x) => ' '.repeat(x.length)).trimEnd());
    if (m && m[2]) {
      const numStart = offset + segStart + m[1]!.length;
      const part: FactPart = { label: m[1]!.replace(/^[，,、：:\s]+|[：:\s]+$/g, ''), value: toNumber(m[2]), at: { start: numStart, end: numStart + m[2].length } };
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

function breakdowns(s: Sentence, facts: Fact[]): void {
  // Total first, then 其中.
  const m = TOTAL_FIRST.exec(s.text);
  if (m) {
    const unit = m[3]!;
    const rest = s.text.slice(m.index + m[0].length);
    const q = /^[^。；\d]{0,12}?其中[:：]?/.exec(rest);
    if (q) {
      const clauseStart = m.index + m[0].length + q[0].length;
      const parts = partsOf(s.text.slice(clauseStart).replace(/[。；]$/, ''), s.start + clauseStart, unit);
      if (parts.length >= 2) {
        const numAt = s.start + m.index + m[0].indexOf(m[1]!);
        facts.push({
          kind: 'other',
          value: toNumber(m[1]!),
          unit,
          label: s.text.slice(0, m.index + m[0].length).slice(-24),
          at: { start: numAt, end: numAt + m[1]!.length },
          parts,
          ...(m[2] ? { approximate: true } : {}),
        });
      }
    }
  }
  // Parts first, then 共计N.
  const after = new RegExp(String.raw`((?:[^。；，,、\d]{0,24}?\d+\s*(条|件|篇|项|个)[，,、]\s*){2,})(?:共计|合计|总计|共)\s*(\d+)\s*(条|件|篇|项|个)`).exec(s.text);
  if (after && after[2] === after[4]) {
    const clauseStart = after.index;
    const parts = partsOf(after[1]!.replace(/[，,、]\s*$/, ''), s.start + clauseStart, after[2]!);
    const numAt = s.start + after.index + after[0].lastIndexOf(after[3]!);
    if (parts.length >= 2) facts.push({ kind: 'other', value: Number(after[3]), unit: after[4]!, label: '共计', at: { start: numAt, end: numAt + after[3]!.length }, parts });
  }
  // Bracketed sub-breakdowns "1264条(包括a条,b条…)".
  const sub = /(\d+)\s*(条|件|篇|项|个)\s*[(（](?:包括|其中|含)?[:：]?([^)）]+)[)）]/g;
  let b: RegExpExecArray | null;
  while ((b = sub.exec(s.text))) {
    const innerStart = b.index + b[0].indexOf(b[3]!);
    const parts = partsOf(b[3]!, s.start + innerStart, b[2]!);
    if (parts.length >= 2) {
      const numAt = s.start + b.index;
      facts.push({ kind: 'other', value: Number(b[1]), unit: b[2]!, label: '其中', at: { start: numAt, end: numAt + b[1]!.length }, parts });
    }
  }
}

export function extractFacts(text: string, skip: TextRange[]): { facts: Fact[]; percents: PercentFact[]; declaredParts: DeclaredParts[] } {
  const facts: Fact[] = [];
  const percents: PercentFact[] = [];
  for (const s of sentences(text, skip)) {
    for (const p of PATTERNS) {
      // Applications figures live in sentences about applications, never about 复议/诉讼 or 建议/信箱.
      const aboutApplications = p.kind.startsWith('applications');
      if (aboutApplications && p.kind !== 'applicationsNew' && !/申请/.test(s.text)) continue;
      const m = p.re.exec(s.text);
      if (m && aboutApplications && /复议|诉讼/.test(m[0])) continue;
      if (m) {
        const numIndex = m.index + m[0].search(/\d/);
        const at = s.start + numIndex;
        facts.push({
          kind: p.kind,
          value: toNumber(m[1]!),
          unit: m[m.length - 1] && /[条件篇起宗]/.test(m[m.length - 1]!) ? m[m.length - 1]! : '件',
          label: p.label,
          at: { start: at, end: at + m[1]!.length },
          ...(m[2] ? { approximate: true } : {}),
        });
      } else if (p.zero) {
        const z = p.zero.exec(s.text);
        if (z && !(aboutApplications && /复议|诉讼/.test(s.text))) facts.push({ kind: p.kind, value: 0, unit: '件', label: p.label, at: { start: s.start + z.index, end: s.start + z.index + z[0].length } });
      }
    }
    breakdowns(s, facts);
    const pr = /(\d+(?:\.\d+)?)\s*%/g;
    let m: RegExpExecArray | null;
    while ((m = pr.exec(s.text))) {
      const at = { start: s.start + m.index, end: s.start + m.index + m[0].length };
      const percent: PercentFact = { percent: Number(m[1]), at };
      // "N个任务已完成M个，完结率P%": denominator, then numerator, then the rate.
      const before = s.text.slice(Math.max(0, m.index - 40), m.index);
      const ratio = /(\d+)\s*(个|件|项|条|家)[^，,。\d]{0,12}?(?:已)?(?:完成|办结|答复|按时办结|回复)\s*(\d+)\s*(个|件|项|条|家)?[，,]?[^，,。\d]{0,8}率\s*$/.exec(before);
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
export function extractDeclaredParts(text: string): DeclaredParts[] {
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
