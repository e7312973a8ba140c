import type { ApplicationRow, CellValue, Fact, FactKind, LocalizedText, Report } from '../report/types';
import { defineRule } from './types';
import { localized } from './lib/labels';
import { otherYearFigure } from './lib/prose';
import { textLocation } from './lib/report';
import { cellLocation, formatNumber, inFailingRelation, numberOf } from './lib/tables';

/** One reading of a prose figure: the table cells whose sum it should equal. */
interface Reading {
  name: LocalizedText;
  cells: Array<CellValue | undefined>;
}

const apps = (r: Report) => r.standard.applications?.rows;
const total = (r: Report, row: ApplicationRow) => apps(r)?.[row]?.total;
/** The 总计 cells of every numbered item of a group (（三）1–8, （四）1–3, （五）1–5). */
const items = (r: Report, head: string) =>
  Object.entries(apps(r) ?? {})
    .filter(([row]) => row.startsWith(`${head}.`))
    .map(([, cols]) => cols?.total);

const t = localized;
/**
 * What each prose figure is compared with. A figure with several readings is consistent with any of them
 * ("无法提供N件" may be （四）1 or all of （四）; "共受理N件" may include the carried-over): an error only
 * when it matches none.
 */
const QUANTITIES: Partial<Record<FactKind, { label: LocalizedText; readings: (r: Report, f: Fact) => Reading[] }>> = {
  applicationsNew: {
    label: t('本年新收申请', '本年新收申請', 'new applications'),
    readings: (r, f) => [
      { name: t('一、本年新收', '一、本年新收', 'I. new'), cells: [total(r, 'new')] },
      ...(f.label.startsWith('共受理')
        ? [{ name: t('一+二（含上年结转）', '一+二（含上年結轉）', 'I + II (with carried over)'), cells: [total(r, 'new'), total(r, 'carriedOver')] }]
        : []),
    ],
  },
  applicationsCarriedOver: {
    label: t('上年结转申请', '上年結轉申請', 'applications carried over'),
    readings: (r) => [{ name: t('二、上年结转', '二、上年結轉', 'II. carried over'), cells: [total(r, 'carriedOver')] }],
  },
  applicationsHandled: {
    label: t('办结申请', '辦結申請', 'applications handled'),
    readings: (r) => [{ name: t('（七）总计', '（七）總計', '(7) total'), cells: [total(r, 'total')] }],
  },
  applicationsCarriedForward: {
    label: t('结转下年申请', '結轉下年申請', 'applications carried forward'),
    readings: (r) => [{ name: t('四、结转下年度', '四、結轉下年度', 'IV. carried forward'), cells: [total(r, 'carriedForward')] }],
  },
  applicationsGrantedOrPartial: {
    label: t('予以公开及部分公开', '予以公開及部分公開', 'disclosed in full or in part'),
    readings: (r) => [
      { name: t('（一）+（二）', '（一）+（二）', '(1) + (2)'), cells: [total(r, 'granted'), total(r, 'partial')] },
    ],
  },
  applicationsGranted: {
    label: t('予以公开', '予以公開', 'disclosed'),
    readings: (r) => [
      { name: t('（一）予以公开', '（一）予以公開', '(1) disclosed'), cells: [total(r, 'granted')] },
      { name: t('（一）+（二）', '（一）+（二）', '(1) + (2)'), cells: [total(r, 'granted'), total(r, 'partial')] },
    ],
  },
  applicationsPartial: {
    label: t('部分公开', '部分公開', 'disclosed in part'),
    readings: (r) => [{ name: t('（二）部分公开', '（二）部分公開', '(2) in part'), cells: [total(r, 'partial')] }],
  },
  applicationsRefused: {
    label: t('不予公开', '不予公開', 'refused'),
    readings: (r) => [{ name: t('（三）不予公开合计', '（三）不予公開合計', '(3) refused, all items'), cells: items(r, 'refused') }],
  },
  applicationsUnable: {
    label: t('无法提供', '無法提供', 'unable to provide'),
    readings: (r) => [
      { name: t('（四）1 本机关不掌握', '（四）1 本機關不掌握', '(4) item 1'), cells: [total(r, 'unable.1')] },
      { name: t('（四）无法提供合计', '（四）無法提供合計', '(4) all items'), cells: items(r, 'unable') },
    ],
  },
  applicationsNotProcessed: {
    label: t('不予处理', '不予處理', 'not processed'),
    readings: (r) => [{ name: t('（五）不予处理合计', '（五）不予處理合計', '(5) all items'), cells: items(r, 'notProcessed') }],
  },
  reviewTotal: {
    label: t('行政复议', '行政復議', 'administrative reviews'),
    readings: (r) => [{ name: t('行政复议总计', '行政復議總計', 'review total'), cells: [r.standard.reviewLitigation?.groups.review?.total] }],
  },
  litigationTotal: {
    label: t('行政诉讼', '行政訴訟', 'lawsuits'),
    readings: (r) => [
      {
        name: t('两类行政诉讼总计之和', '兩類行政訴訟總計之和', 'both litigation totals'),
        cells: [r.standard.reviewLitigation?.groups.litigationDirect?.total, r.standard.reviewLitigation?.groups.litigationAfterReview?.total],
      },
    ],
  },
};

/** The reading's sum, or null when a cell is absent or none is a number (blanks read as 0 beside numbers). */
function sumOf(reading: Reading): { value: number; cells: CellValue[] } | null {
  if (reading.cells.length === 0 || reading.cells.some((c) => !c)) return null;
  const cells = reading.cells as CellValue[];
  if (!cells.some((c) => numberOf(c) !== null)) return null;
  return { value: cells.reduce((a, c) => a + (numberOf(c) ?? 0), 0), cells };
}

export default defineRule({
  id: 'narrative-vs-table',
  meta: {
    severity: 'error',
    category: 'prose',
    docs: {
      'zh-Hans':
        '正文中的数字（新收、上年结转、办结、结转下年、予以公开及部分公开、不予公开、无法提供、不予处理、行政复议、行政诉讼的件数）必须与统计表中对应的总计一致。一个说法有两种读法时（“无法提供N件”可指（四）1 或（四）合计，“共受理N件”可含上年结转，“予以公开N件”可含部分公开），与任一读法相符即不报错。句中写明其他年份（“2022年收到…”）的数字不作本年数字比较。表格本身的勾稽关系不成立时（无法判断哪个数字错了，或表格被误读），只作警告。',
      en: 'Counts stated in the prose (new, carried over, handled, carried forward, disclosed in full or in part, refused, unable to provide, not processed, reviews, lawsuits) must equal the matching totals of the tables. A phrase with two readings ("无法提供N件": item 1 of (4) or all of (4); "共受理N件" may include the carried-over; "予以公开N件" may include partial disclosure) is consistent with either. A figure the sentence gives for another year ("2022年收到…") is not compared as this year’s. Against cells of a table whose own sums fail (which figure is wrong cannot be told, or the table was misread) the finding is a warning.',
      why: {
        'zh-Hans': '同一份报告里正文和表格数字打架，是年报最常见的数据质量问题之一。',
        en: 'Prose figures that contradict the report’s own tables are among the most common data-quality defects.',
      },
      example: '正文“全年共收到政府信息公开申请15件”，表三“一、本年新收”总计为 12、“二、上年结转”为 0。',
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
      // Another year's figure is not this year's (narrative-year says so when it stands in for it).
      if (otherYearFigure(report, fact)) continue;
      const sums = q.readings(report, fact).flatMap((reading) => {
        const sum = sumOf(reading);
        return sum ? [{ reading, ...sum }] : [];
      });
      if (sums.length === 0 || sums.some((s) => Math.abs(s.value - fact.value) < 1e-9)) continue;
      const single = sums.length === 1;
      const table = (l: keyof LocalizedText, or: string) =>
        single
          ? formatNumber(sums[0]!.value)
          : sums.map((s) => (l === 'en' ? `${formatNumber(s.value)} (${s.reading.name.en})` : `${formatNumber(s.value)}（${s.reading.name[l]}）`)).join(or);
      const related = sums.flatMap((s) => s.cells.map((c) => cellLocation(report, c)));
      emit(
        'mismatch',
        {
          quantity: q.label,
          stated: formatNumber(fact.value),
          table: localized(table('zh-Hans', ' 或 '), table('zh-Hant', ' 或 '), table('en', ' or ')),
        },
        textLocation(report, fact.at),
        related.filter((l, i) => related.findIndex((m) => JSON.stringify(m) === JSON.stringify(l)) === i),
        // A table that fails its own sums cannot say which figure is right: a warning, not an error.
        sums.some((s) => s.cells.some((c) => inFailingRelation(report, c.at))) ? 'warning' : undefined,
      );
    }
  },
});
