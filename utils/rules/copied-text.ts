import type { Report, TextRange } from '../report/types';
import { textLocation } from './lib/report';
import { defineRule } from './types';

/**
 * Sentences of at least MIN_LENGTH characters, with years masked (a report copied from last year with
 * only the year changed is still a copy) but other numbers kept (the same sentence with this year's
 * figures is not). Table cells are left out: row and column labels are the same template every year.
 */
const MIN_LENGTH = 20;
export const THRESHOLD = 0.6;

interface Sentence {
  key: string;
  at: TextRange;
}

function cellTexts(report: Report): Set<string> {
  const out = new Set<string>();
  for (const t of report.tables) for (const c of t.cells) out.add(c.text.replace(/\s+/g, ''));
  return out;
}

function sentences(report: Report): Sentence[] {
  const cells = cellTexts(report);
  const out: Sentence[] = [];
  const re = /[^。！？；\n]+[。！？；]?/g;
  for (const m of report.text.matchAll(re)) {
    const raw = m[0];
    const compact = raw.replace(/\s+/g, '');
    if (cells.has(compact) || cells.has(compact.replace(/[。！？；]$/, ''))) continue;
    // Table rows rendered into the text view ("a|b|c|").
    if (compact.includes('|')) continue;
    const key = compact.replace(/(?:19|20)\d{2}(?=年|[-/.])/g, '#');
    if (key.length < MIN_LENGTH) continue;
    const start = m.index ?? 0;
    out.push({ key, at: { start, end: start + raw.length } });
  }
  return out;
}

/** Share of `report`'s sentence characters that also occur verbatim (years masked) in `other`. */
export function copiedShare(report: Report, other: Report): { share: number; copied: Sentence[] } {
  const mine = sentences(report);
  const theirs = new Set(sentences(other).map((s) => s.key));
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
      'zh-Hans': `同一机关相邻年份的报告正文大量雷同：本报告 ${THRESHOLD * 100}% 以上的文字（年份除外，表格除外）与另一年的报告逐字相同。`,
      en: `Consecutive reports of one agency that are largely the same: more than ${THRESHOLD * 100}% of this report’s text (years and tables aside) appears word for word in the other year’s report.`,
      why: {
        'zh-Hans': '照抄往年报告（只改年份和数字）是评估中常见的问题，说明年报没有反映当年工作。',
        en: 'Copying last year’s report with only the years and numbers changed is a common defect; the report says nothing about the year.',
      },
      fix: {
        'zh-Hans': '按本年度的实际工作重写与往年雷同的段落，特别是工作情况、问题和改进措施。',
        en: "Rewrite the passages shared with the other year from this year's actual work, especially the work done, the problems and the measures.",
      },
      example: '某局 2020、2021、2022 年三份报告正文除年份外逐字相同。',
      severity: {
        'zh-Hans': '只作警告：相邻两年的固定表述（法规依据、格式说明）本来就相似，重复比例高说明可能照抄，但需要读者判断。',
        en: 'A warning: fixed wording (legal basis, format notes) is alike from year to year anyway; a high overlap suggests copying, which a reader must judge.',
      },
    },
    messages: {
      copied: {
        'zh-Hans': '本报告 {percent}% 的文字与 {other} 逐字相同（年份除外），共 {sentences} 句',
        'zh-Hant': '本報告 {percent}% 的文字與 {other} 逐字相同（數字除外），共 {sentences} 句',
        en: '{percent}% of this report’s text is word for word the same as {other} (years aside): {sentences} sentences',
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
