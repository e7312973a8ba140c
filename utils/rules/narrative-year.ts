import type { FactKind } from '../report/types';
import { otherYearFigure } from './lib/prose';
import { textLocation } from './lib/report';
import { formatNumber } from './lib/tables';
import { defineRule } from './types';

/** Figures a report states for its own year; 'other' breakdowns and fees are left out (they name no year's count). */
const YEARLY: ReadonlySet<FactKind> = new Set<FactKind>([
  'activeDisclosed',
  'applicationsNew',
  'applicationsCarriedOver',
  'applicationsHandled',
  'applicationsCarriedForward',
  'reviewTotal',
  'litigationTotal',
  'applicationsGrantedOrPartial',
  'applicationsGranted',
  'applicationsPartial',
  'applicationsRefused',
  'applicationsUnable',
  'applicationsNotProcessed',
]);

export default defineRule({
  id: 'narrative-year',
  meta: {
    severity: 'warning',
    category: 'prose',
    docs: {
      'zh-Hans':
        '正文给出某项年度数字时写的是另一年（如 2023 年度报告中“2022年收到政府信息公开申请5件”），且全文没有该项本年的数字、句中也不是同比比较：很可能是沿用了往年报告的文字。这个数字不作为本年数字与表格比较。',
      en: 'The prose gives a yearly figure for another year (a 2023 report saying "2022年收到政府信息公开申请5件"), with no figure of that kind for the report’s own year and no comparison in the sentence: most likely text carried over from an earlier report. The figure is not compared with the tables as this year’s.',
      why: {
        'zh-Hans': '照抄往年报告是评估中常见的问题；读者会把往年的数字当成本年的。',
        en: 'Copying last year’s report is a defect evaluators often find; readers take last year’s figure for this year’s.',
      },
      fix: {
        'zh-Hans': '把正文中的年份和数字改成本报告年度的；确实是同比的，写明“与上年相比”。',
        en: 'Change the year and the figure in the text to the report\'s own year; when it is a comparison, say "compared with last year".',
      },
      example: '2023 年度报告：“2022年，我局共收到政府信息公开申请5件。”',
      severity: {
        'zh-Hans':
          '只作警告：句中写明另一年份的数字可能是有意回顾往年，细心的读者只能怀疑是照抄往年文字；比较句（较、同比、增长…）和全文另有本年数字的情形不提示。',
        en: 'A warning: a figure given for another year may be a deliberate look back, so a careful reader can only suspect copied text; comparisons (较, 同比, 增长…) and reports that also give this year’s figure are left alone.',
      },
    },
    messages: {
      otherYear: {
        'zh-Hans': '正文中的“{quote}”是 {year} 年的数字（{stated}），而本报告是 {reportYear} 年度，且没有给出本年的该项数字',
        'zh-Hant': '正文中的「{quote}」是 {year} 年的數字（{stated}），而本報告是 {reportYear} 年度，且沒有給出本年的該項數字',
        en: 'The text gives {stated} for {year} ("{quote}") in a report on {reportYear}, and no figure of this kind for {reportYear}',
      },
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    const reportYear = report.meta.year;
    if (reportYear === null) return;
    const thisYear = new Set(report.facts.filter((f) => !otherYearFigure(report, f)).map((f) => f.kind));
    for (const fact of report.facts) {
      if (!YEARLY.has(fact.kind) || thisYear.has(fact.kind)) continue;
      const other = otherYearFigure(report, fact);
      if (!other || other.comparing) continue;
      // Quote from the year to the number's unit: "2022年，我局共收到政府信息公开申请5件".
      const yearAt = report.text.lastIndexOf(`${other.year}`, fact.at.start);
      const quote = report.text.slice(yearAt, Math.min(fact.at.end + 1, yearAt + 60));
      emit('otherYear', { quote, year: other.year, stated: formatNumber(fact.value), reportYear }, textLocation(report, fact.at));
    }
  },
});
