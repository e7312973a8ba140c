import { textLocation } from './lib/report';
import { defineRule } from './types';

export default defineRule({
  id: 'statistics-period',
  meta: {
    severity: 'warning',
    category: 'dates',
    docs: {
      'zh-Hans': '“数据统计期限为……”必须是完整的日期，并且正好是报告年度的 1 月 1 日至 12 月 31 日。',
      en: 'The stated statistics period ("数据统计期限为…") must be well-formed dates covering exactly 1 January to 31 December of the report’s year.',
      why: {
        'zh-Hans': '统计期限写错（少字、年份不对）说明报告是从别的年份改写而来，数据口径存疑。',
        en: 'A garbled or wrong-year period suggests the report was edited from another year, so its data are in doubt.',
      },
      fix: {
        'zh-Hans': '把统计期限写为“本报告中所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止”，年份为报告年度。',
        en: "Write the statistics period as 1 January to 31 December of the report's year, in full.",
      },
      example: '“数据统计时间期限自20171月1日起至201712月31日”。',
      severity: {
        'zh-Hans': '只作警告：统计期限写错或写成别的年份，说明文字可能从别的年份改来，但数据本身未必有错。',
        en: 'A warning: a wrong or garbled period suggests text edited from another year, but the figures themselves may be right.',
      },
    },
    messages: {
      malformed: {
        'zh-Hans': '统计期限写法有误，无法读出完整日期：“{quote}”',
        'zh-Hant': '統計期限寫法有誤，無法讀出完整日期：「{quote}」',
        en: 'The statistics period is garbled; no complete dates can be read: "{quote}"',
      },
      wrongYear: {
        'zh-Hans': '统计期限为 {start} 至 {end}，而不是报告年度 {year} 年的 1 月 1 日至 12 月 31 日',
        'zh-Hant': '統計期限為 {start} 至 {end}，而不是報告年度 {year} 年的 1 月 1 日至 12 月 31 日',
        en: 'The statistics period is {start} to {end}, not 1 January to 31 December {year}',
      },
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    const period = report.meta.statisticsPeriod;
    if (!period) return;
    const at = textLocation(report, period.at);
    if (!period.start || !period.end) {
      emit('malformed', { quote: period.text }, at);
      return;
    }
    const year = report.meta.year;
    if (year === null) return;
    if (period.start !== `${year}-01-01` || period.end !== `${year}-12-31`) {
      emit('wrongYear', { start: period.start, end: period.end, year }, at);
    }
  },
});
