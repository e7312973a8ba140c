import { APPLICANT_COLUMNS, type LocalizedText } from '../report/types';
import { doubtNote, withDoubt } from './lib/doubt';
import { COLUMN_LABELS, localized, rowLabel } from './lib/labels';
import { cellLocation, formatNumber, numberOf } from './lib/tables';
import { defineRule, type MessageData } from './types';

const FROM_PREVIOUS = localized(
  '“{column}”列：本年上年结转为 {here}，而 {other} 的“结转下年度继续办理”为 {there}',
  '「{column}」列：本年上年結轉為 {here}，而 {other} 的「結轉下年度繼續辦理」為 {there}',
  'Column "{column}": carried over is {here} here, but {other} carried forward {there}',
);
/**
 * The gap with its arithmetic, when last year's own terms give the figure it carried forward (relation 1 of
 * table 三: 一 + 二 = （七） + 四, so 四 = 新收 + 上年结转 − 办结): the reader sees where last year's figure came from.
 */
const FROM_PREVIOUS_SUM = localized(
  '“{column}”列：上年结转应为 {other} 的 新收 + 上年结转 − 办结：{new} + {old} − {done} = {there} ≠ {here}（本年上年结转）',
  '「{column}」列：上年結轉應為 {other} 的 新收 + 上年結轉 − 辦結：{new} + {old} − {done} = {there} ≠ {here}（本年上年結轉）',
  'Column "{column}": carried over should be {other}’s new + carried over − handled: {new} + {old} − {done} = {there} ≠ {here} (carried over here)',
);

export default defineRule({
  id: 'carry-over',
  meta: {
    severity: 'error',
    category: 'cross-year',
    docs: {
      'zh-Hans':
        '同一机关相邻两年：本年“二、上年结转政府信息公开申请数量”必须等于上年“四、结转下年度继续办理”，逐列比较。两年对不上只在后一年的报告中报告一次，写出上年的算式（新收 + 上年结转 − 办结 = 结转下年度），并链接上年的报告。',
      en: 'Same agency, consecutive years: this year’s "II. carried over" must equal last year’s "IV. carried forward", column by column. A gap is reported once, on the later year, with last year’s arithmetic (new + carried over − handled = carried forward) and a link to last year’s report.',
      why: {
        'zh-Hans': '结转的申请不会凭空增减；两年对不上说明其中一年的数据有误。',
        en: 'Carried-over applications cannot appear or vanish between years; a mismatch means one year’s data are wrong.',
      },
      fix: {
        'zh-Hans': '核对两年的申请台账：本年“上年结转”应等于上年“结转下年度继续办理”；改正错的一年，或在正文中说明差异的原因。',
        en: "Check both years' registers: this year's carried over must equal last year's carried forward; correct the wrong year or explain the difference in the text.",
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
      fromPreviousSum: FROM_PREVIOUS_SUM,
      fromPreviousSumDoubtful: withDoubt(FROM_PREVIOUS_SUM),
    },
  },
  check(report, context, emit) {
    // A gap between two years is one fault: it is reported on the later year only (issue 21), which names the
    // earlier one and links to it (data.otherUrl). The earlier year's own check stays silent about it.
    const previous = context.neighbours?.previous;
    if (!previous) return;
    const here = report;
    const there = previous.report;
    const a = here.standard.applications?.rows.carriedOver;
    const b = there.standard.applications?.rows.carriedForward;
    if (!a || !b) return;
    const label = previous.label;
    const before = there.standard.applications?.rows;
    for (const col of APPLICANT_COLUMNS) {
      const x = numberOf(a[col]);
      const y = numberOf(b[col]);
      if (x === null || y === null || x === y) continue;
      const data: MessageData = { column: COLUMN_LABELS[col], here: formatNumber(x), there: formatNumber(y), other: label };
      if (previous.url) data.otherUrl = previous.url;
      const name = (row: 'carriedOver' | 'carriedForward', prefix: LocalizedText) =>
        localized(
          `${prefix['zh-Hans']}${rowLabel(row)['zh-Hans']}·${COLUMN_LABELS[col]['zh-Hans']}`,
          `${prefix['zh-Hant']}${rowLabel(row)['zh-Hant']}·${COLUMN_LABELS[col]['zh-Hant']}`,
          `${prefix.en}${rowLabel(row).en} / ${COLUMN_LABELS[col].en}`,
        );
      const notes = [
        doubtNote([{ cell: a[col], label: name('carriedOver', localized('本年 ', '本年 ', 'here: ')) }], here),
        doubtNote([{ cell: b[col], label: name('carriedForward', localized(`${label} `, `${label} `, `${label}: `)) }], there),
      ].filter((n): n is LocalizedText => n !== null);
      const doubt = notes.length
        ? localized(notes.map((n) => n['zh-Hans']).join('；'), notes.map((n) => n['zh-Hant']).join('；'), notes.map((n) => n.en).join('; '))
        : null;
      // Last year's new + carried over − handled, only when it gives the figure it carried forward: a table
      // that fails its own balance has its own finding, and a formula that does not reach {there} would mislead.
      const n = numberOf(before?.new?.[col]);
      const o = numberOf(before?.carriedOver?.[col]);
      const d = numberOf(before?.total?.[col]);
      const sum = n !== null && o !== null && d !== null && n + o - d === y;
      if (sum) Object.assign(data, { new: formatNumber(n), old: formatNumber(o), done: formatNumber(d) });
      const id = sum ? 'fromPreviousSum' : 'fromPrevious';
      // Either year's cell read with doubt: the break may be the reading's, not the reports'.
      if (doubt) emit(`${id}Doubtful`, { ...data, doubt }, cellLocation(here, a[col]!), undefined, 'warning');
      else emit(id, data, cellLocation(here, a[col]!));
    }
  },
});
