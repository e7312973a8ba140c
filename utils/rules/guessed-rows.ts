import type { CellValue, DoubtReason, LocalizedText, Location } from '../report/types';
import { listOf, localized, TABLE_LABELS } from './lib/labels';
import {
  allApplicationRelations,
  allReviewRelations,
  cellLocation,
  certainRelation,
  dedupeLocations,
  evaluate,
  type Relation,
  type Term,
  termCertain,
  uncertainTerms,
} from './lib/tables';
import { defineRule } from './types';

/** Why a value could not be placed, as a reader is told it. */
const REASONS: Record<DoubtReason | 'unplaced' | 'picture', LocalizedText> = {
  'generic-header': localized(
    '表头只有“数据1…数据6”等通用列名',
    '表頭只有「數據1…數據6」等通用欄名',
    'the header names its columns only generically (数据1…数据6)',
  ),
  'spurious-header': localized(
    '表格中间出现重复或错误的表头',
    '表格中間出現重複或錯誤的表頭',
    'a header row repeated or spurious mid-table',
  ),
  'split-rows': localized('每行被拆成单独的表格', '每行被拆成單獨的表格', 'rows split one per table'),
  'short-row': localized(
    '行内单元格少于列数（空白格未保留）',
    '行內儲存格少於欄數（空白格未保留）',
    'rows with fewer cells than columns (blank cells dropped)',
  ),
  'glued-label': localized('行标题与数字粘连', '行標題與數字黏連', 'a label glued to a number'),
  'shifted-cells': localized('行标题被拆开，单元格错位', '行標題被拆開，儲存格錯位', 'cells shifted by a split label'),
  'merged-note': localized('数字与备注合并在一格', '數字與備註合併在一格', 'a number merged with its note'),
  unplaced: localized('数字在文本中无法定位', '數字在文字中無法定位', 'numbers in text with no place'),
  picture: localized('图片识别把握不足', '圖片辨識把握不足', 'read from a picture with low confidence'),
};

function reasonOf(cell: CellValue): keyof typeof REASONS {
  const read = cell.read;
  if (!read) return 'short-row'; // a report saved before reads: its guessedRows lost their blank cells
  if (read.placed === 'unplaced' || read.placed === 'picture') return read.placed;
  return read.reason ?? 'short-row';
}

/**
 * A cell read from a picture, as a reader checks it against the picture: "…读作 6，也可能是 8" (the
 * recogniser's other readings), or its confidence when it gave none.
 */
function pictureRead(cell: CellValue, label: LocalizedText): LocalizedText {
  const text = cell.value.kind === 'missing' ? null : cell.value.text;
  const alternatives = cell.read?.alternatives ?? [];
  const pct = Math.round((cell.read?.confidence ?? 0) * 100);
  const read = localized(
    text === null ? '读作空白' : `读作 ${text}`,
    text === null ? '讀作空白' : `讀作 ${text}`,
    text === null ? ' read as blank' : ` read as ${text}`,
  );
  const tail = alternatives.length
    ? localized(
        `，也可能是 ${alternatives.join(' 或 ')}`,
        `，也可能是 ${alternatives.join(' 或 ')}`,
        `, possibly ${alternatives.join(' or ')}`,
      )
    : localized(`（识别把握 ${pct}%）`, `（辨識把握 ${pct}%）`, ` (${pct}% confidence)`);
  return localized(
    label['zh-Hans'] + read['zh-Hans'] + tail['zh-Hans'],
    label['zh-Hant'] + read['zh-Hant'] + tail['zh-Hant'],
    label.en + read.en + tail.en,
  );
}

/** "a；b；c等 N 项" in three locales (items that hold commas of their own). */
function semicolonList(items: LocalizedText[], max = 4): LocalizedText {
  const shown = items.slice(0, max);
  const more = items.length > max;
  return localized(
    shown.map((i) => i['zh-Hans']).join('；') + (more ? `等 ${items.length} 格` : ''),
    shown.map((i) => i['zh-Hant']).join('；') + (more ? `等 ${items.length} 格` : ''),
    shown.map((i) => i.en).join('; ') + (more ? `; ${items.length} cells in all` : ''),
  );
}

export default defineRule({
  id: 'guessed-rows',
  meta: {
    severity: 'info',
    category: 'tables',
    docs: {
      'zh-Hans':
        '表格中位置只能推测的数值（通用列名“数据1…”、表格中间的错误表头、单元格少于列数、行标题与数字粘连或被拆开、图片识别把握不足）参与的加总不成立时，不报错误，而对每张表提示一次：哪些单元格无法可靠定位、原因，以及这些加总未能确认。',
      en: 'When a sum fails that rests on values whose column could only be guessed (generic column names such as 数据1…, a spurious header mid-table, rows with fewer cells than columns, a label glued to a number or split across cells, a low-confidence picture read), it is not an error: each table gets one note saying which cells could not be placed, why, and that those sums were not confirmed.',
      why: {
        'zh-Hans':
          '按推测的列去核算，得出的“错误”可能只是读取的错误，而不是报告的错误；一次误报比一次漏报更损害信任，所以只作提示（info），并说明原因，留给读者判断。',
        en: 'A sum over guessed columns may report an error of the reading, not of the report, and a false error costs more trust than a miss: so it is only a note (info) that says why, for the reader to judge.',
      },
      fix: {
        'zh-Hans': '对照原表核对提示中列出的数值；原表本身如果错位（表头重复、单元格缺失），请改正表格的排版后重新发布。',
        en: 'Check the listed values against the original table; if the table itself is misaligned (a repeated header, missing cells), fix its layout and republish.',
      },
      example: '表三“（三）不予公开”行只剩 2 个数，无法判断属于哪两列；该列的加总不成立，但不报错误。',
    },
    messages: {
      // Findings saved before per-cell reads (issue 17): guessed rows were said whether or not a sum failed.
      guessed: {
        'zh-Hans': '{table}有 {count} 行的数值位置无法可靠读取（空白格未保留），这些行未做核对',
        'zh-Hant': '{table}有 {count} 行的數值位置無法可靠讀取（空白格未保留），這些行未做核對',
        en: '{table}: the values of {count} row(s) could not be placed reliably (blank cells were dropped); those rows were not checked',
      },
      // Every doubtful term was read from a picture with low confidence (issue 18): each cell's reading and the others it may be.
      picture: {
        'zh-Hans': '{table}图片表格识别不确定：{reads}；涉及这些格的 {count} 项加总不成立，未能确认，不作为错误',
        'zh-Hant': '{table}圖片表格辨識不確定：{reads}；涉及這些格的 {count} 項加總不成立，未能確認，不作為錯誤',
        en: '{table}: the table, a picture, was not read with certainty: {reads}; {count} sum(s) resting on those cells do not hold and are not reported as errors',
      },
      unconfirmed: {
        'zh-Hans': '{table}有 {count} 项加总不成立，但涉及位置无法可靠读取的单元格（{reasons}：{cells}），这些加总未能确认，不作为错误',
        'zh-Hant': '{table}有 {count} 項加總不成立，但涉及位置無法可靠讀取的儲存格（{reasons}：{cells}），這些加總未能確認，不作為錯誤',
        en: '{table}: {count} sum(s) do not hold, but they rest on cells that could not be placed reliably ({reasons}: {cells}); those sums were not confirmed and are not reported as errors',
      },
    },
  },
  check(report, _context, emit) {
    const tables: Array<[keyof typeof TABLE_LABELS, Relation[]]> = [
      ['applications', allApplicationRelations(report)],
      ['reviewLitigation', allReviewRelations(report)],
    ];
    for (const [key, relations] of tables) {
      const failed = relations.filter((r) => {
        if (certainRelation(report, r)) return false;
        const ev = evaluate(r);
        return ev.checkable && !ev.anchorMissing && !ev.holds;
      });
      if (failed.length === 0) continue;
      // The guessed cells of the failed sums, each once, in table order.
      // A term absent from a guessed row is shown by that row's cell (the guess may have put its value there).
      const terms = new Map<string, Term & { cell: CellValue }>();
      for (const r of failed) {
        for (const t of uncertainTerms(report, r)) {
          const cell = (t.cell ?? t.guessedRow)!;
          const k = `${cell.at.table}:${cell.at.row}:${cell.at.col}`;
          // Not a spread: a term's label is a getter of its class.
          if (!terms.has(k)) terms.set(k, { cell, label: t.label });
        }
      }
      const cells = [...terms.values()].sort(
        (a, b) => a.cell.at.table - b.cell.at.table || a.cell.at.row - b.cell.at.row || a.cell.at.col - b.cell.at.col,
      );
      const reasons = [...new Set(cells.map((t) => reasonOf(t.cell)))];
      const [first, ...rest] = cells.map((t) => cellLocation(report, t.cell));
      // The failed sums' totals read with certainty are shown too: they are what a reader would compare.
      const anchors: Location[] = failed
        .map((r) => r.anchor.cell)
        .filter((c): c is CellValue => !!c && termCertain(report, c))
        .map((c) => cellLocation(report, c));
      // Only picture reads in doubt: the reader is told what each was read as and what else it may be.
      if (reasons.length === 1 && reasons[0] === 'picture' && cells.every((t) => t.cell.read?.placed === 'picture')) {
        emit(
          'picture',
          { table: TABLE_LABELS[key], count: failed.length, reads: semicolonList(cells.map((t) => pictureRead(t.cell, t.label))) },
          first!,
          dedupeLocations([...rest, ...anchors], first!),
        );
        continue;
      }
      emit(
        'unconfirmed',
        {
          table: TABLE_LABELS[key],
          count: failed.length,
          reasons: listOf(
            reasons.map((r) => REASONS[r]),
            4,
          ),
          cells: listOf(cells.map((t) => t.label)),
        },
        first!,
        dedupeLocations([...rest, ...anchors], first!),
      );
    }
  },
});
