import { APPLICANT_COLUMNS, type Report } from '../report/types';
import { defineRule } from './types';
import { COLUMN_LABELS } from './lib/labels';
import { cellLocation, formatNumber, numberOf, termCertain } from './lib/tables';

export default defineRule({
  id: 'carry-over',
  meta: {
    severity: 'error',
    category: 'cross-year',
    docs: {
      'zh-Hans': '同一机关相邻两年：本年“二、上年结转政府信息公开申请数量”必须等于上年“四、结转下年度继续办理”，逐列比较。',
      en: 'Same agency, consecutive years: this year’s "II. carried over" must equal last year’s "IV. carried forward", column by column.',
      why: {
        'zh-Hans': '结转的申请不会凭空增减；两年对不上说明其中一年的数据有误。',
        en: 'Carried-over applications cannot appear or vanish between years; a mismatch means one year’s data are wrong.',
      },
      example: '2021 年报告“结转下年度继续办理”3 件，2022 年报告“上年结转”0 件。',
    },
    messages: {
      fromPrevious: {
        'zh-Hans': '“{column}”列：本年上年结转为 {here}，而 {other} 的“结转下年度继续办理”为 {there}',
        'zh-Hant': '「{column}」列：本年上年結轉為 {here}，而 {other} 的「結轉下年度繼續辦理」為 {there}',
        en: 'Column "{column}": carried over is {here} here, but {other} carried forward {there}',
      },
      toNext: {
        'zh-Hans': '“{column}”列：本年结转下年度为 {here}，而 {other} 的“上年结转”为 {there}',
        'zh-Hant': '「{column}」列：本年結轉下年度為 {here}，而 {other} 的「上年結轉」為 {there}',
        en: 'Column "{column}": carried forward is {here} here, but {other} says {there} were carried over',
      },
    },
  },
  check(report, context, emit) {
    const previous = context.neighbours?.previous;
    const next = context.neighbours?.next;
    if (previous) compare(report, previous.report, previous.label, 'carriedOver', 'carriedForward', 'fromPrevious');
    if (next) compare(report, next.report, next.label, 'carriedForward', 'carriedOver', 'toNext');

    function compare(
      here: Report,
      there: Report,
      label: string,
      hereRow: 'carriedOver' | 'carriedForward',
      thereRow: 'carriedOver' | 'carriedForward',
      messageId: 'fromPrevious' | 'toNext',
    ) {
      const a = here.standard.applications?.rows[hereRow];
      const b = there.standard.applications?.rows[thereRow];
      if (!a || !b) return;
      for (const col of APPLICANT_COLUMNS) {
        const x = numberOf(a[col]);
        const y = numberOf(b[col]);
        if (x === null || y === null || x === y) continue;
        // A cell whose column is a guess (issue 17) may belong to another column: then a warning, never an error.
        const sure = termCertain(here, a[col]) && termCertain(there, b[col]);
        emit(
          messageId,
          { column: COLUMN_LABELS[col], here: formatNumber(x), there: formatNumber(y), other: label },
          cellLocation(here, a[col]!),
          [],
          sure ? undefined : 'warning',
        );
      }
    }
  },
});
