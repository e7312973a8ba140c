import { textLocation } from './lib/report';
import { formatNumber } from './lib/tables';
import { defineRule } from './types';

export default defineRule({
  id: 'narrative-percent',
  meta: {
    severity: 'error',
    category: 'prose',
    docs: {
      'zh-Hans': '正文中给出分子、分母的百分比（如“办结48件，办结率96%”）必须与分子÷分母相符（按所写的小数位四舍五入或截断）。',
      en: 'A percentage stated with its numerator and denominator (e.g. "50件中办结48件，办结率96%") must equal numerator ÷ denominator at the printed precision (rounded or truncated).',
      why: {
        'zh-Hans': '百分比算错会让“按时答复率100%”之类的结论失去可信度。',
        en: 'A wrong percentage discredits claims like "100% answered on time".',
      },
      fix: {
        'zh-Hans': '用所写的分子除以分母重新计算百分比，改正百分比或所引用的数字。',
        en: 'Recompute the percentage from the numerator and denominator given, and correct the percentage or the figures.',
      },
      example: '“国抽388个任务已完成380个，完结率100%”。',
      severity: {
        'zh-Hans':
          '错误：分子、分母和百分比都写在同一句正文里，按所写的小数位四舍五入或截断都对不上时，这句话本身算错了，不涉及对表格的读取。',
        en: 'An error: numerator, denominator and percentage are all printed in the same sentence, and the check allows both rounding and truncation at the printed precision, so a mismatch is the sentence’s own arithmetic, not a reading of a table.',
      },
    },
    messages: {
      mismatch: {
        'zh-Hans': '百分比写作 {stated}%，但 {numerator} ÷ {denominator} = {computed}%',
        'zh-Hant': '百分比寫作 {stated}%，但 {numerator} ÷ {denominator} = {computed}%',
        en: 'The text says {stated}%, but {numerator} ÷ {denominator} = {computed}%',
      },
      overHundred: {
        'zh-Hans': '百分比 {stated}% 超过 100%，而分子 {numerator} 不大于分母 {denominator}',
        'zh-Hant': '百分比 {stated}% 超過 100%，而分子 {numerator} 不大於分母 {denominator}',
        en: '{stated}% exceeds 100% although {numerator} is not more than {denominator}',
      },
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    for (const p of report.percents) {
      if (p.numerator === undefined || p.denominator === undefined || p.denominator === 0) continue;
      emit.checked?.();
      const quoted = report.text.slice(p.at.start, p.at.end);
      const printed = /\d+(?:\.(\d+))?\s*[%％]/.exec(quoted);
      const decimals = printed ? (printed[1]?.length ?? 0) : decimalsOf(p.percent);
      const step = 10 ** -decimals;
      const computed = (p.numerator / p.denominator) * 100;
      const data = {
        stated: formatNumber(p.percent),
        numerator: formatNumber(p.numerator),
        denominator: formatNumber(p.denominator),
        computed: formatNumber(Math.round(computed * 100) / 100),
      };
      if (p.percent > 100 && p.numerator <= p.denominator) {
        emit('overHundred', data, textLocation(report, p.at));
        continue;
      }
      // Accept rounding (±half a step) and truncation (up to one step below).
      const ok = Math.abs(computed - p.percent) <= step / 2 + 1e-9 || (computed >= p.percent && computed - p.percent < step);
      if (!ok) emit('mismatch', data, textLocation(report, p.at));
    }
  },
});

function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
