import type { CellValue, DisclosureColumn } from '../report/types';
import { cellLocation, termCertain } from './lib/tables';
import { defineRule } from './types';

/** Columns that are not plain counts: amounts in 万元 may be decimal, 本年增/减 may read "增5". */
const NON_COUNT_COLUMNS: ReadonlySet<DisclosureColumn> = new Set(['feeAmount', 'procurementAmount', 'change']);

export default defineRule({
  id: 'invalid-value',
  meta: {
    severity: 'error',
    category: 'tables',
    docs: {
      'zh-Hans': '标准表格的计数单元格必须是非负整数：负数、小数、文字（如“若干”）都是错误（收费、采购金额以万元计，可为小数）。',
      en: 'Count cells of the standard tables must be non-negative integers: negatives, fractions and text are wrong (amounts in 万元 may be decimal).',
      why: {
        'zh-Hans':
          '件数不可能为负或为小数；填文字的单元格无法参与核对。错误（error）：负数或小数放在确定的计数列里，本身就是错的；位置是推测的单元格只报警告（warning），因为它可能属于允许小数或负数的金额、增减列；填文字报警告。',
        en: 'A count cannot be negative or fractional, and a cell holding text cannot take part in any check. Error: a negative or fractional value in a count column read with certainty is wrong in itself; in a cell whose column is a guess it is a warning, as it may belong to an amount or 本年增/减 column; text is a warning.',
      },
      fix: {
        'zh-Hans': '计数格只填非负整数，没有发生的填 0；不要填“若干”、文字说明或小数，说明放到正文中。',
        en: 'Write only whole non-negative numbers in count cells, 0 when there were none; no "若干", words or decimals: explanations go in the text.',
      },
      example: '（一）予以公开 填 “-2” 或 “1.5” 或 “若干”。',
    },
    messages: {
      negative: {
        'zh-Hans': '计数单元格为负数：{value}',
        'zh-Hant': '計數儲存格為負數：{value}',
        en: 'Negative count: {value}',
      },
      fraction: {
        'zh-Hans': '计数单元格不是整数：{value}',
        'zh-Hant': '計數儲存格不是整數：{value}',
        en: 'Count is not a whole number: {value}',
      },
      text: {
        'zh-Hans': '计数单元格填的是文字“{value}”，不是数字',
        'zh-Hant': '計數儲存格填的是文字「{value}」，不是數字',
        en: 'Count cell holds text "{value}", not a number',
      },
      negativeAmount: {
        'zh-Hans': '金额为负数：{value}',
        'zh-Hant': '金額為負數：{value}',
        en: 'Negative amount: {value}',
      },
    },
  },
  check(report, _context, emit) {
    const amounts: CellValue[] = [];
    const { activeDisclosure, applications, reviewLitigation } = report.standard;
    const count = (cell: CellValue) => {
      const v = cell.value;
      // A value whose column is a guess may belong to a column where it is allowed (an amount, 本年增/减).
      const sure = termCertain(report, cell) ? undefined : 'warning';
      if (v.kind === 'text') emit('text', { value: v.text }, cellLocation(report, cell), [], 'warning');
      else if (v.kind === 'number' && v.value < 0) emit('negative', { value: v.text }, cellLocation(report, cell), [], sure);
      else if (v.kind === 'number' && !Number.isInteger(v.value)) emit('fraction', { value: v.text }, cellLocation(report, cell), [], sure);
    };
    // Every cell of a table, row by row, in place: no list of each row's values (this runs on every page).
    const each = (nested: Record<string, Record<string, CellValue>> | undefined, visit: (cell: CellValue, col: string) => unknown) => {
      for (const o in nested) for (const k in nested[o]) visit(nested[o]![k]!, k);
    };
    each(applications?.rows as never, count);
    each(reviewLitigation?.groups as never, count);
    each(
      activeDisclosure?.rows as never,
      (cell, col) => col !== 'change' && (NON_COUNT_COLUMNS.has(col as DisclosureColumn) ? amounts.push(cell) : count(cell)),
    );
    for (const cell of amounts) {
      const v = cell.value;
      if (v.kind === 'number' && v.value < 0) emit('negativeAmount', { value: v.text }, cellLocation(report, cell));
    }
  },
});
