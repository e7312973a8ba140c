/**
 * Prose rules against table cells read with doubt (issue 17): a figure compared with a cell whose column was
 * guessed is never an error, and the finding says why the reading is doubtful. Kept short: it ships in the
 * report script.
 */

import { isCertain } from '../../report/read';
import type { CellValue, DoubtReason, LocalizedText, Report } from '../../report/types';
import { localized as t } from './labels';
import { termCertain } from './tables';

const REASONS: Record<DoubtReason | 'unplaced' | 'guessed', LocalizedText> = {
  'generic-header': t('表头无列名，列按顺序推定', '表頭無欄名，欄按順序推定', 'no column names, columns guessed by order'),
  'spurious-header': t('表中夹有多余表头，列按位置推定', '表中夾有多餘表頭，欄按位置推定', 'a stray header row, columns guessed'),
  'split-rows': t('表格按行拆开，列按位置推定', '表格按行拆開，欄按位置推定', 'rows split into tables, columns guessed'),
  'short-row': t('该行单元格少于列数，列按位置推定', '該行儲存格少於欄數，欄按位置推定', 'fewer cells than columns, columns guessed'),
  'glued-label': t('行名与数字粘连，列按位置推定', '行名與數字粘連，欄按位置推定', 'a label glued to a number, columns guessed'),
  'shifted-cells': t('行名拆开致单元格错位', '行名拆開致儲存格錯位', 'cells shifted by a split label'),
  'merged-note': t('注释与数字合并', '註釋與數字合併', 'a note merged with the number'),
  unplaced: t('数字没有确定的位置', '數字沒有確定的位置', 'the number has no certain place'),
  guessed: t('该行按位置推定列', '該行按位置推定欄', 'the row’s columns were guessed'),
};

/** Why one cell's reading is doubtful, or null when it is certain (with the report, a legacy guessed row is doubtful too). */
function reasonOf(cell: CellValue, report: Report | undefined): LocalizedText | null {
  if (isCertain(cell)) return report && !termCertain(report, cell) ? REASONS.guessed : null;
  const read = cell.read!;
  if (read.placed === 'picture') {
    const pct = Math.round((read.confidence ?? 0) * 100);
    return t(`图片识别置信度 ${pct}%`, `圖片識別置信度 ${pct}%`, `read from a picture at ${pct}% confidence`);
  }
  return REASONS[read.placed === 'unplaced' ? 'unplaced' : (read.reason ?? 'guessed')];
}

/**
 * The doubtful cells among `cells`, each with what it is: "一、本年新收申请·总计：…；…", or null when all are
 * certain. With the report, a cell in a row the text-table reader placed by a guess (guessedRows) is doubtful.
 */
export function doubtNote(cells: Array<{ cell: CellValue | undefined; label: LocalizedText }>, report?: Report): LocalizedText | null {
  const seen = new Set<CellValue>();
  const parts: LocalizedText[] = [];
  for (const { cell, label } of cells) {
    if (!cell || seen.has(cell)) continue;
    seen.add(cell);
    const why = reasonOf(cell, report);
    if (why) parts.push(t(`${label['zh-Hans']}：${why['zh-Hans']}`, `${label['zh-Hant']}：${why['zh-Hant']}`, `${label.en}: ${why.en}`));
  }
  if (parts.length === 0) return null;
  return t(parts.map((p) => p['zh-Hans']).join('；'), parts.map((p) => p['zh-Hant']).join('；'), parts.map((p) => p.en).join('; '));
}

/** A `…Doubtful` template: the plain one, then that the reading is doubtful, so it is no error. */
export function withDoubt(template: LocalizedText): LocalizedText {
  return t(
    `${template['zh-Hans']}；但表格中这一读数存疑（{doubt}），不能据此判定为错误`,
    `${template['zh-Hant']}；但表格中這一讀數存疑（{doubt}），不能據此判定為錯誤`,
    `${template.en}; but the table’s reading is doubtful ({doubt}), so this is not called an error`,
  );
}
