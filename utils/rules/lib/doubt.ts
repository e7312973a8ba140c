/**
 * Prose rules against table cells read with doubt (issue 17): a figure compared with a cell whose column was
 * guessed is never an error, and the finding says why the reading is doubtful.
 */
import type { CellValue, DoubtReason, LocalizedText, Report } from '../../report/types';
import { isCertain } from '../../report/read';
import { localized } from './labels';
import { guessedRows } from './tables';

const GUESSED_ROW = localized('该行的数字由文本表格按位置推定列', '該行的數字由文字表格按位置推定欄', 'the row’s columns were guessed from a text table');

const REASONS: Record<DoubtReason, LocalizedText> = {
  'generic-header': localized('表头为“数据1…数据6”之类，列按顺序推定', '表頭為「數據1…數據6」之類，欄按順序推定', 'the header names no columns (数据1…数据6): columns guessed by order'),
  'spurious-header': localized('表格中间夹有多余的表头行，列按位置推定', '表格中間夾有多餘的表頭行，欄按位置推定', 'a spurious header row mid-table: columns guessed by position'),
  'split-rows': localized('表格被拆成每行一张小表，列按位置推定', '表格被拆成每行一張小表，欄按位置推定', 'the table was split into one small table per row: columns guessed by position'),
  'short-row': localized('该行的单元格少于列数，列按位置推定', '該行的儲存格少於欄數，欄按位置推定', 'the row has fewer cells than columns: columns guessed by position'),
  'glued-label': localized('行名与数字粘连，列按位置推定', '行名與數字粘連，欄按位置推定', 'a row label glued to a number: columns guessed by position'),
  'shifted-cells': localized('行名被拆开，单元格错位，列按位置推定', '行名被拆開，儲存格錯位，欄按位置推定', 'a split row label shifted the cells: columns guessed by position'),
  'merged-note': localized('单元格的注释与相邻数字合并，读数存疑', '儲存格的註釋與相鄰數字合併，讀數存疑', 'a cell note merged with a neighbouring number'),
};

/** Why one cell's reading is doubtful, in three locales; null for a certain cell. */
export function doubtReason(cell: CellValue | undefined): LocalizedText | null {
  if (!cell || isCertain(cell)) return null;
  const read = cell.read!;
  if (read.placed === 'picture') {
    const pct = read.confidence === undefined ? '?' : String(Math.round(read.confidence * 100));
    return localized(`从图片识别，置信度 ${pct}%`, `從圖片識別，置信度 ${pct}%`, `read from a picture at ${pct}% confidence`);
  }
  if (read.placed === 'unplaced') return localized('数字在表格中没有确定的位置', '數字在表格中沒有確定的位置', 'the number has no certain place in the table');
  return read.reason ? REASONS[read.reason] : localized('列按位置推定', '欄按位置推定', 'column guessed by position');
}

/**
 * The doubtful cells among `cells`, each with what it is, as one sentence part: "一、本年新收·总计：…；…".
 * With the report, a cell in a row the text-table reader placed by a guess (guessedRows) is doubtful too.
 */
export function doubtNote(cells: Array<{ cell: CellValue | undefined; label: LocalizedText }>, report?: Report): LocalizedText | null {
  const seen = new Set<string>();
  const guessed = report ? guessedRows(report) : new Set<string>();
  const parts: Array<{ label: LocalizedText; why: LocalizedText }> = [];
  for (const { cell, label } of cells) {
    const why = doubtReason(cell) ?? (cell && guessed.has(`${cell.at.table}:${cell.at.row}`) ? GUESSED_ROW : null);
    if (!why || !cell) continue;
    const key = `${cell.at.table}:${cell.at.row}:${cell.at.col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    parts.push({ label, why });
  }
  if (parts.length === 0) return null;
  const shown = parts.slice(0, 3);
  const more = parts.length - shown.length;
  const join = (l: keyof LocalizedText, sep: string, colon: string) =>
    shown.map((p) => `${p.label[l]}${colon}${p.why[l]}`).join(sep) +
    (more > 0 ? (l === 'en' ? `; ${more} more` : l === 'zh-Hant' ? `；另 ${more} 格` : `；另 ${more} 格`) : '');
  return localized(join('zh-Hans', '；', '：'), join('zh-Hant', '；', '：'), join('en', '; ', ': '));
}

/**
 * What a doubtful finding adds to its message, after the claim: the reading is doubtful, so it is no error.
 * Each rule's `…Doubtful` template is its plain template followed by this.
 */
export const DOUBT_SUFFIX: LocalizedText = {
  'zh-Hans': '；但表格中这一读数存疑（{doubt}），不能据此判定为错误',
  'zh-Hant': '；但表格中這一讀數存疑（{doubt}），不能據此判定為錯誤',
  en: '; but the table’s reading is doubtful ({doubt}), so this is not called an error',
};

/** A template followed by DOUBT_SUFFIX. */
export function withDoubt(template: LocalizedText): LocalizedText {
  return localized(template['zh-Hans'] + DOUBT_SUFFIX['zh-Hans'], template['zh-Hant'] + DOUBT_SUFFIX['zh-Hant'], template.en + DOUBT_SUFFIX.en);
}
