import { APPLICANT_COLUMNS, type LocalizedText, type Report } from '../report/types';
import { defineRule } from './types';
import { doubtNote, withDoubt } from './lib/doubt';
import { COLUMN_LABELS, localized, rowLabel } from './lib/labels';
import { cellLocation, formatNumber, numberOf } from './lib/tables';

const FROM_PREVIOUS = localized(
  '“{column}”列：本年上年结转为 {here}，而 {other} 的“结转下年度继续办理”为 {there}',
  '「{column}」列：本年上年結轉為 {here}，而 {other} 的「結轉下年度繼續辦理」為 {there}',
  'Column "{column}": carried over is {here} here, but {other} carried forward {there}',
);
const TO_NEXT = localized(
  '“{column}”列：本年结转下年度为 {here}，而 {other} 的“上年结转”为 {there}',
  '「{column}」列：本年結轉下年度為 {here}，而 {other} 的「上年結轉」為 {there}',
  'Column "{column}": carried forward is {here} here, but {other} says {there} were carried over',
);

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
      fix: {
        'zh-Hans': '核对两年的申请台账：本年“上年结转”应等于上年“结转下年度继续办理”；改正错的一年，或在正文中说明差异的原因。',
        en: 'Check both years\' registers: this year\'s carried over must equal last year\'s carried forward; correct the wrong year or explain the difference in the text.',
      },
      example: '2021 年报告“结转下年度继续办理”3 件，2022 年报告“上年结转”0 件。',
      severity: {
        'zh-Hans':
          '两年的对应格读取确定时为错误：同一批申请不会凭空增减，两年中必有一年数据有误。任一格读取存疑（列按位置推定、图片识别置信度低）时只作警告，并写明存疑原因。',
        en: 'An error when both years’ cells were read with certainty: the same applications cannot appear or vanish, so one year is wrong. A warning when either cell was read with doubt (column guessed by position, low-confidence picture read), the reason being given.',
      },
    },
    messages: {
      fromPrevious: FROM_PREVIOUS,
      fromPreviousDoubtful: withDoubt(FROM_PREVIOUS),
      toNext: TO_NEXT,
      toNextDoubtful: withDoubt(TO_NEXT),
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
        const data = { column: COLUMN_LABELS[col], here: formatNumber(x), there: formatNumber(y), other: label };
        const name = (row: typeof hereRow, prefix: LocalizedText) =>
          localized(
            `${prefix['zh-Hans']}${rowLabel(row)['zh-Hans']}·${COLUMN_LABELS[col]['zh-Hans']}`,
            `${prefix['zh-Hant']}${rowLabel(row)['zh-Hant']}·${COLUMN_LABELS[col]['zh-Hant']}`,
            `${prefix.en}${rowLabel(row).en} / ${COLUMN_LABELS[col].en}`,
          );
        const notes = [
          doubtNote([{ cell: a[col], label: name(hereRow, localized('本年 ', '本年 ', 'here: ')) }], here),
          doubtNote([{ cell: b[col], label: name(thereRow, localized(`${label} `, `${label} `, `${label}: `)) }], there),
        ].filter((n): n is LocalizedText => n !== null);
        const doubt = notes.length
          ? localized(notes.map((n) => n['zh-Hans']).join('；'), notes.map((n) => n['zh-Hant']).join('；'), notes.map((n) => n.en).join('; '))
          : null;
        // Either year's cell read with doubt: the break may be the reading's, not the reports'.
        if (doubt) emit(`${messageId}Doubtful`, { ...data, doubt }, cellLocation(here, a[col]!), undefined, 'warning');
        else emit(messageId, data, cellLocation(here, a[col]!));
      }
    }
  },
});
