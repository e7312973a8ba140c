import { defineRule } from './types';
import { TABLE_LABELS } from './lib/labels';
import { cellLocation } from './lib/tables';
import type { CellValue } from '../report/types';

export default defineRule({
  id: 'guessed-rows',
  meta: {
    severity: 'info',
    category: 'tables',
    docs: {
      'zh-Hans': '从纯文本读出的表格，若某行空白格未保留（一格一行、空格被丢弃），其数值归属哪一列只能推测：这些行不做加总核对，并对每张表提示一次。',
      en: 'A table read from plain text where a row lost its blank cells (one cell a line, blanks dropped) has values whose columns can only be guessed: those rows are left out of the sums, and this is said once per table.',
      why: {
        'zh-Hans': '按推测的列去核算，得出的“错误”可能只是读取的错误，而不是报告的错误。',
        en: 'Checking sums on guessed columns would report errors of the reading, not of the report.',
      },
      example: '表三“（三）不予公开”行只剩 2 个数，无法判断属于哪两列。',
    },
    messages: {
      guessed: {
        'zh-Hans': '{table}有 {count} 行的数值位置无法可靠读取（空白格未保留），这些行未做核对',
        'zh-Hant': '{table}有 {count} 行的數值位置無法可靠讀取（空白格未保留），這些行未做核對',
        en: '{table}: the values of {count} row(s) could not be placed reliably (blank cells were dropped); those rows were not checked',
      },
    },
  },
  check(report, _context, emit) {
    const { activeDisclosure, applications, reviewLitigation } = report.standard;
    const tables = [
      { key: 'activeDisclosure' as const, std: activeDisclosure, lines: activeDisclosure?.rows },
      { key: 'applications' as const, std: applications, lines: applications?.rows },
      { key: 'reviewLitigation' as const, std: reviewLitigation, lines: reviewLitigation?.groups },
    ];
    for (const { key, std, lines } of tables) {
      const guessed = std?.guessedRows ?? [];
      if (!std || guessed.length === 0) continue;
      const marked = new Set(guessed.map((g) => `${g.table}:${g.row}`));
      // The first cell of each guessed row, to point at.
      const cells = new Map<string, CellValue>();
      for (const line of Object.values(lines ?? {}) as Array<Record<string, CellValue | undefined> | undefined>) {
        for (const cell of Object.values(line ?? {})) {
          const k = cell ? `${cell.at.table}:${cell.at.row}` : '';
          if (cell && marked.has(k) && !cells.has(k)) cells.set(k, cell);
        }
      }
      const locations = [...cells.values()].map((c) => cellLocation(report, c));
      if (locations.length === 0) continue;
      emit('guessed', { table: TABLE_LABELS[key], count: String(locations.length) }, locations[0]!, locations.slice(1));
    }
  },
});
