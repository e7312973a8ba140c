import type { Report, TextRange } from '../report/types';
import { defineRule } from './types';
import { textLocation } from './lib/report';

/** Sentences of at least MIN_LENGTH characters, with digits masked so that changed years still match. */
const MIN_LENGTH = 20;
const THRESHOLD = 0.6;

interface Sentence {
  key: string;
  at: TextRange;
}

export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。！？；\n]+[。！？；]?/g;
  for (const m of text.matchAll(re)) {
    const raw = m[0];
    const key = raw.replace(/\s+/g, '').replace(/[0-9０-９〇一二三四五六七八九十百千万]+(?=年|月|日|件|条|个|次|项|%)/g, '#').replace(/\d+/g, '#');
    if (key.length < MIN_LENGTH) continue;
    const start = m.index ?? 0;
    out.push({ key, at: { start, end: start + raw.length } });
  }
  return out;
}

/** Share of `report`'s sentence characters that also occur, verbatim (digits masked), in `other`. */
export function copiedShare(report: Report, other: Report): { share: number; copied: Sentence[] } {
  const mine = sentences(report.text);
  const theirs = new Set(sentences(other.text).map((s) => s.key));
  const total = mine.reduce((a, s) => a + s.key.length, 0);
  const copied = mine.filter((s) => theirs.has(s.key));
  const same = copied.reduce((a, s) => a + s.key.length, 0);
  return { share: total === 0 ? 0 : same / total, copied };
}

export default defineRule({
  id: 'copied-text',
  meta: {
    severity: 'warning',
    category: 'cross-year',
    docs: {
      'zh-Hans': `同一机关相邻年份的报告正文大量雷同：本报告 ${THRESHOLD * 100}% 以上的句子（数字除外）与另一年的报告逐字相同。`,
      en: `Consecutive reports of one agency that are largely the same: more than ${THRESHOLD * 100}% of this report’s sentences (ignoring numbers) appear word for word in the other year’s report.`,
      why: {
        'zh-Hans': '照抄往年报告（只改年份和数字）是评估中常见的问题，说明年报没有反映当年工作。',
        en: 'Copying last year’s report with only the years and numbers changed is a common defect; the report says nothing about the year.',
      },
      example: '某局 2020、2021、2022 年三份报告正文除年份外逐字相同。',
    },
    messages: {
      copied: {
        'zh-Hans': '本报告 {percent}% 的文字与 {other} 逐字相同（数字除外），共 {sentences} 句',
        'zh-Hant': '本報告 {percent}% 的文字與 {other} 逐字相同（數字除外），共 {sentences} 句',
        en: '{percent}% of this report’s text is word for word the same as {other} (numbers aside): {sentences} sentences',
      },
    },
  },
  check(report, context, emit) {
    for (const neighbour of [context.neighbours?.previous, context.neighbours?.next]) {
      if (!neighbour) continue;
      const { share, copied } = copiedShare(report, neighbour.report);
      if (share < THRESHOLD || copied.length === 0) continue;
      const [first, ...rest] = copied;
      emit(
        'copied',
        { percent: Math.round(share * 100), other: neighbour.label, sentences: copied.length },
        textLocation(report, first!.at),
        rest.slice(0, 20).map((s) => textLocation(report, s.at)),
      );
    }
  },
});
