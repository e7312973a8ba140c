import type { CellValue, FactKind, Report } from '../report/types';
import { defineRule } from './types';
import { localized } from './lib/labels';
import { textLocation } from './lib/report';
import { cellLocation, formatNumber, numberOf } from './lib/tables';

const QUANTITIES: Partial<Record<FactKind, { label: ReturnType<typeof localized>; cells: (r: Report) => Array<CellValue | undefined> }>> = {
  applicationsNew: {
    label: localized('本年新收申请', '本年新收申請', 'new applications'),
    cells: (r) => [r.standard.applications?.rows.new?.total],
  },
  applicationsCarriedOver: {
    label: localized('上年结转申请', '上年結轉申請', 'applications carried over'),
    cells: (r) => [r.standard.applications?.rows.carriedOver?.total],
  },
  applicationsHandled: {
    label: localized('办结申请', '辦結申請', 'applications handled'),
    cells: (r) => [r.standard.applications?.rows.total?.total],
  },
  applicationsCarriedForward: {
    label: localized('结转下年申请', '結轉下年申請', 'applications carried forward'),
    cells: (r) => [r.standard.applications?.rows.carriedForward?.total],
  },
  reviewTotal: {
    label: localized('行政复议', '行政復議', 'administrative reviews'),
    cells: (r) => [r.standard.reviewLitigation?.groups.review?.total],
  },
  litigationTotal: {
    label: localized('行政诉讼', '行政訴訟', 'lawsuits'),
    cells: (r) => [
      r.standard.reviewLitigation?.groups.litigationDirect?.total,
      r.standard.reviewLitigation?.groups.litigationAfterReview?.total,
    ],
  },
};

export default defineRule({
  id: 'narrative-vs-table',
  meta: {
    severity: 'error',
    category: 'prose',
    docs: {
      'zh-Hans':
        '正文中的数字（新收申请、上年结转、办结、结转下年、行政复议、行政诉讼的件数）必须与统计表中对应的总计一致。',
      en: 'Counts stated in the prose (new applications, carried over, handled, carried forward, reviews, lawsuits) must equal the matching totals of the tables.',
      why: {
        'zh-Hans': '同一份报告里正文和表格数字打架，是年报最常见的数据质量问题之一。',
        en: 'Prose figures that contradict the report’s own tables are among the most common data-quality defects.',
      },
      example: '正文“全年共收到政府信息公开申请15件”，表三“一、本年新收”总计为 12。',
    },
    messages: {
      mismatch: {
        'zh-Hans': '正文称{quantity} {stated} 件，而表格中为 {table} 件',
        'zh-Hant': '正文稱{quantity} {stated} 件，而表格中為 {table} 件',
        en: 'The text gives {stated} {quantity}, the table {table}',
      },
    },
  },
  check(report, _context, emit) {
    for (const fact of report.facts) {
      const q = QUANTITIES[fact.kind];
      if (!q || fact.approximate) continue;
      const cells = q.cells(report).filter((c): c is CellValue => !!c);
      if (cells.length === 0 || cells.some((c) => numberOf(c) === null)) continue;
      const total = cells.reduce((a, c) => a + (numberOf(c) ?? 0), 0);
      if (Math.abs(total - fact.value) < 1e-9) continue;
      emit(
        'mismatch',
        { quantity: q.label, stated: formatNumber(fact.value), table: formatNumber(total) },
        textLocation(report, fact.at),
        cells.map((c) => cellLocation(report, c)),
      );
    }
  },
});
