import type { ActiveDisclosureTable, CellValue, Report } from '../report/types';
import { DISCLOSURE_ROW_LABELS } from './lib/labels';
import { cellLocation, formatNumber, numberOf } from './lib/tables';
import { defineRule } from './types';

type Row = 'regulations' | 'normativeDocuments';

/** last year's stock + this year's additions − removals = this year's stock, per format. */
function expected(prev: ActiveDisclosureTable, cur: ActiveDisclosureTable, row: Row): { stock: CellValue; value: number } | null {
  const p = prev.rows[row];
  const c = cur.rows[row];
  if (!p || !c) return null;
  if (cur.format === '2021' && prev.format === '2021') {
    const before = numberOf(p.inForce);
    const issued = numberOf(c.issued);
    const repealed = numberOf(c.repealed);
    if (before === null || issued === null || !c.inForce || numberOf(c.inForce) === null) return null;
    return { stock: c.inForce, value: before + issued - (repealed ?? 0) };
  }
  if (cur.format === '2019' && prev.format === '2019') {
    const before = numberOf(p.totalPublished);
    const published = numberOf(c.published);
    if (before === null || published === null || !c.totalPublished || numberOf(c.totalPublished) === null) return null;
    return { stock: c.totalPublished, value: before + published };
  }
  return null;
}

export default defineRule({
  id: 'regulations-continuity',
  meta: {
    severity: 'warning',
    category: 'cross-year',
    docs: {
      'zh-Hans':
        '同一机关相邻两年（软规则）：上年“现行有效件数” + 本年“制发件数” − 本年“废止件数” = 本年“现行有效件数”（2019 版表格：上年“对外公开总数量” + 本年“新公开数量” = 本年“对外公开总数量”）。',
      en: 'Same agency, consecutive years (soft): last year’s in-force count + issued − repealed = this year’s in-force count (2019 tables: last year’s total published + published this year = this year’s total).',
      why: {
        'zh-Hans': '现行有效的规章和规范性文件数量是存量，逐年应当能接得上；接不上说明统计口径或填报有误。',
        en: 'The number of rules in force is a stock that should carry from year to year; a break suggests a filing error or a changed basis.',
      },
      fix: {
        'zh-Hans': '核对两年的文件台账：上年现行有效数加本年制发、减本年废止，应等于本年现行有效数；改正数字或在正文中说明。',
        en: "Check both years' document registers: last year's in force plus this year's issued minus repealed must equal this year's in force; correct the figures or explain in the text.",
      },
      example: '2021 年现行有效 40 件，2022 年制发 5 件、废止 2 件，2022 年现行有效却为 50 件。',
      severity: {
        'zh-Hans': '只作警告：现行有效件数跨年衔接是软关系，清理、统计口径调整或文件自然失效都可能使之合理地不衔接。',
        en: 'A warning: the year-to-year stock of documents in force is a soft relation; a clean-up, a changed basis or documents lapsing can break it legitimately.',
      },
    },
    messages: {
      previous: {
        'zh-Hans': '{row}：按 {other} 推算本年应为 {expected} 件，表中为 {actual} 件',
        'zh-Hant': '{row}：按 {other} 推算本年應為 {expected} 件，表中為 {actual} 件',
        en: '{row}: from {other} this year should read {expected}, the table says {actual}',
      },
      next: {
        'zh-Hans': '{row}：{other} 的数字按本年推算应为 {expected} 件，实为 {actual} 件',
        'zh-Hant': '{row}：{other} 的數字按本年推算應為 {expected} 件，實為 {actual} 件',
        en: '{row}: {other} should read {expected} going by this report, but reads {actual}',
      },
    },
  },
  check(report: Report, context, emit) {
    const cur = report.standard.activeDisclosure;
    if (!cur) return;
    const prev = context.neighbours?.previous;
    const next = context.neighbours?.next;
    for (const row of ['regulations', 'normativeDocuments'] as const) {
      const prevTable = prev?.report.standard.activeDisclosure;
      if (prev && prevTable) {
        const e = expected(prevTable, cur, row);
        const actual = e && numberOf(e.stock);
        if (e && actual !== null && actual !== e.value) {
          emit(
            'previous',
            { row: DISCLOSURE_ROW_LABELS[row], other: prev.label, expected: formatNumber(e.value), actual: formatNumber(actual) },
            cellLocation(report, e.stock),
          );
        }
      }
      const nextTable = next?.report.standard.activeDisclosure;
      if (next && nextTable) {
        const e = expected(cur, nextTable, row);
        const actual = e && numberOf(e.stock);
        const mine = cur.format === '2021' ? cur.rows[row]?.inForce : cur.rows[row]?.totalPublished;
        if (e && actual !== null && actual !== e.value && mine) {
          emit(
            'next',
            { row: DISCLOSURE_ROW_LABELS[row], other: next.label, expected: formatNumber(e.value), actual: formatNumber(actual) },
            cellLocation(report, mine),
          );
        }
      }
    }
  },
});
