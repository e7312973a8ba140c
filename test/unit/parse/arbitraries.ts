/** fast-check arbitraries shared by the fuzz tests. */
import fc from 'fast-check';

/** Characters the cleaner and the parser treat specially, plus CJK and astral characters. */
export const SPECIAL_CHARS = [
  ' ',
  '\n',
  '\r',
  '\t',
  '\u00a0',
  '\u3000',
  '\u200b',
  '\ufeff',
  '\u00ad',
  '\u2028',
  '?',
  '？',
  '(',
  ')',
  '（',
  '）',
  '*',
  '**',
  '，',
  ',',
  '。',
  '；',
  '、',
  ':',
  '：',
  '%',
  '％',
  '|',
  '｜',
  '-',
  '－',
  '—',
  '/',
  '０',
  '９',
  'Ａ',
  'ｚ',
  '﹝',
  '﹞',
  '〔',
  '〕',
  '务',
  '務',
  '國',
  '办',
  'wù',
  'de',
  '\ud83d\ude00',
  '\ud800',
  '\udc00',
  'ǚ',
  '〇',
  '零',
];

/** Random Unicode (full code point range, lone surrogates included) mixed with the special characters. */
export const unicodeText = (maxLength = 200) =>
  fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
        { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
        {
          weight: 2,
          arbitrary: fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), maxLength: 6 }),
        },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));

/** Numbers as reports print them, and as they should not: huge, signed, grouped, decimal, full-width. */
export const numberText = fc.oneof(
  fc.nat({ max: 100_000 }).map(String),
  fc.constantFrom(
    '0',
    '00',
    '1,552',
    '1,,,,2',
    '12.50',
    '-3',
    '+2',
    '１２３',
    '9'.repeat(30),
    '9'.repeat(400),
    '1e309',
    '0.0001',
    '3,000.5',
    '-0',
  ),
);

/** Tokens of report prose: headings, figures, breakdowns, declared parts, dates, percentages. */
const proseToken = fc.oneof(
  fc.constantFrom(
    '一、',
    '二、',
    '三、',
    '四、',
    '五、',
    '六、',
    '七、',
    '十一、',
    '二十、',
    '九十九、',
    '(一)',
    '（二）',
    '(三十)',
    '1.',
    '2、',
    '3.',
    '12.',
    '\n',
    '\n\n',
    '。',
    '；',
    '，',
    '、',
    '其中',
    '共',
    '共计',
    '合计',
    '个部分',
    '共六个部分',
    '本报告由总体情况、主动公开',
    '条',
    '件',
    '篇',
    '项',
    '余',
    '多',
    '%',
    '万元',
    '主动公开政府信息',
    '在网站上公开各类信息',
    '收到政府信息公开申请',
    '新收',
    '上年结转',
    '办结',
    '答复',
    '结转下年',
    '行政复议',
    '行政诉讼',
    '未收到申请',
    '没有行政复议',
    '无行政诉讼',
    '数据统计期限为',
    '2021年1月1日至2021年12月31日',
    '2022年13月45日',
    '至',
    '年',
    '月',
    '日',
    '2023年3月1日',
    '某某县人民政府',
    '总体情况',
    '主动公开政府信息情况',
    '(包括',
    ')',
    '完成',
    '完结率',
    '个任务已完成',
    ' ',
    '|',
    '〔2021〕30号',
    '〔2019〕60号',
    '政府信息公开工作年度报告',
  ),
  numberText,
  unicodeText(8),
);

export const proseText = (maxLength = 120) => fc.array(proseToken, { maxLength }).map((t) => t.join(''));

/** Attribute values for rowspan/colspan: absent, absurd, negative, huge, junk. */
export const spanValue = fc.oneof(
  fc.constant<string | null>(null),
  fc.constantFrom('0', '1', '2', '3', '-1', '-5000', 'abc', '', ' 4px', '+2', '1e3', '99999999999', '65535', '1001', '2.5', '\u0663'),
  fc.integer({ min: 0, max: 70_000 }).map(String),
);

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Deterministic by default so CI is reproducible: FUZZ_SEED=<n> replays a seed, FUZZ_SEED=random explores
 * (a failure prints its seed and path). FUZZ_RUNS=<factor> scales every numRuns (e.g. 10 for a long soak).
 */
const envSeed = process.env.FUZZ_SEED;
fc.configureGlobal({
  seed: envSeed === 'random' ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : Number(envSeed ?? 20_240_601),
});
export const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FUZZ_RUNS ?? 1)));
