import type { Fact, Report } from '../report/types';
import { textLocation } from './lib/report';
import { formatNumber } from './lib/tables';
import { defineRule, type ReportFunction } from './types';

const APPROX_AFTER = /^\s*(余|多|以上|左右)/;
const APPROX_BEFORE = /(约|近|超过|逾)\s*$/;

function partIsApproximate(report: Report, at: { start: number; end: number }): boolean {
  const inside = report.text.slice(at.start, at.end);
  if (/余|多|约|以上/.test(inside)) return true;
  return (
    APPROX_AFTER.test(report.text.slice(at.end, at.end + 3)) || APPROX_BEFORE.test(report.text.slice(Math.max(0, at.start - 2), at.start))
  );
}

export default defineRule({
  id: 'narrative-sum',
  meta: {
    severity: 'error',
    category: 'prose',
    docs: {
      'zh-Hans':
        '正文“共N……，其中a……、b……”：列出的各项之和不得超过 N；列出三项以上却小于 N 时提示（可能漏列）；只列两项而小于 N 时仅作说明（“其中”常只举部分项目，不计为问题）。含“余”“多”“约”的近似数不作精确比较。',
      en: 'Prose "共N…，其中a…、b…" (N in all, of which a, b…): the parts may not add up to more than N; three or more parts adding up to less than N are a warning (a part may be missing); two parts short of N are only noted (info), since a 其中 list of two often names some parts only. Approximate numbers (余, 多, 约) are not compared exactly.',
      why: {
        'zh-Hans': '正文里的合计与分项对不上，读者无法判断哪个数字是真的。',
        en: 'When a total and its breakdown disagree, readers cannot tell which figure is true.',
      },
      fix: {
        'zh-Hans': '核对正文中“其中”列出的各项：各项之和不应超过总数；漏列的项目补上，或改正总数。',
        en: 'Check the items listed after 其中: they must not add up to more than the total; add the missing item or correct the total.',
      },
      example: '“共受理申请12件，其中予以公开5件、不予公开4件、无法提供4件”（5+4+4=13）。',
      severity: {
        'zh-Hans':
          '正文的合计大于分项之和为错误：分项不可能多于总数，与表格读取无关，只比较正文自己的数字。分项之和小于合计时，列出三项以上的只作警告（可能漏列了一项），只列两项的只作提示（“其中”常只举部分项目）。含“余”“多”“约”的近似数不比较。',
        en: 'An error when the parts add up to more than the stated total: parts cannot exceed their whole, and only the prose’s own numbers are compared, so no table reading is involved. Parts short of the total are a warning with three or more parts (one may be missing) and only a note with two (a 其中 list often names some parts only). Approximate numbers (余, 多, 约) are not compared.',
      },
    },
    messages: {
      exceeds: {
        'zh-Hans': '“共{total}”的分项之和为 {sum}，超过了总数 {total}（{parts}）',
        'zh-Hant': '「共{total}」的分項之和為 {sum}，超過了總數 {total}（{parts}）',
        en: 'The parts of "共{total}" add up to {sum}, more than the total {total} ({parts})',
      },
      short: {
        'zh-Hans': '“共{total}”的分项之和为 {sum}，比总数少 {difference}（{parts}）',
        'zh-Hant': '「共{total}」的分項之和為 {sum}，比總數少 {difference}（{parts}）',
        en: 'The parts of "共{total}" add up to {sum}, {difference} short of the total ({parts}; the 其中 list may name only some parts)',
      },
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    for (const fact of report.facts) check(report, fact, emit);
  },
});

function check(report: Report, fact: Fact, emit: ReportFunction<'exceeds' | 'short'>) {
  const parts = fact.parts ?? [];
  if (parts.length === 0 || fact.approximate) return;
  if (parts.some((p) => partIsApproximate(report, p.at))) return;
  const sum = parts.reduce((a, p) => a + p.value, 0);
  emit.checked?.();
  const data = {
    total: formatNumber(fact.value),
    sum: formatNumber(sum),
    difference: formatNumber(Math.abs(fact.value - sum)),
    parts: parts.map((p) => `${p.label}${formatNumber(p.value)}`).join(' + '),
  };
  const related = parts.map((p) => textLocation(report, p.at));
  if (sum > fact.value + 1e-9) emit('exceeds', data, textLocation(report, fact.at), related);
  // Two parts short of the total are often a pick (予以公开及部分公开…、无法提供… of all handled): only noted.
  // Three or more read as the whole breakdown (平潭 2019: eleven parts, 2533 of 2599): a warning.
  else if (parts.length >= 2 && sum < fact.value - 1e-9)
    emit('short', data, textLocation(report, fact.at), related, parts.length >= 3 ? 'warning' : 'info');
}
