import type { DisclosureRow, LocalizedText } from '../report/types';
import { defineRule } from './types';
import { DISCLOSURE_ROW_LABELS } from './lib/labels';
import { otherYearFigure } from './lib/prose';
import { textLocation } from './lib/report';
import { cellLocation, formatNumber, numberOf } from './lib/tables';

const ROWS: Partial<Record<string, DisclosureRow>> = {
  normativeInForce: 'normativeDocuments',
  regulationsInForce: 'regulations',
};

export default defineRule({
  id: 'narrative-vs-disclosure',
  meta: {
    severity: 'error',
    category: 'prose',
    docs: {
      'zh-Hans':
        '正文中“现行有效规范性文件/规章N件”与表二比较。2021 版表二有“现行有效件数”，两者必须相等。2019 版表二只有“对外公开总数量”（历年累计公开数，含已废止的），不等于现行有效数，因此只在正文数字超过它时提示（现行有效的不可能多于公开过的）。',
      en: 'Prose "现行有效规范性文件/规章 N 件" (N in force) is compared with table 二. The 2021 table has 现行有效件数 (in force): they must be equal. The 2019 table only has 对外公开总数量 (all ever published, repealed ones included), which is not an in-force count, so only a prose figure above it is flagged, as a warning.',
      why: {
        'zh-Hans': '现行有效文件数是公众查找依据的基础数据，正文和表格不一致时读者无所适从。',
        en: 'The number of documents in force is what the public relies on; prose and table disagreeing leaves readers unsure.',
      },
      example: '正文“现行有效规范性文件665件”，表二“行政规范性文件 现行有效件数”为 656。',
    },
    messages: {
      inForce: {
        'zh-Hans': '正文称现行有效{row} {stated} 件，而表二“现行有效件数”为 {table} 件',
        'zh-Hant': '正文稱現行有效{row} {stated} 件，而表二「現行有效件數」為 {table} 件',
        en: 'The text gives {stated} {row} in force, table 二 (in force) {table}',
      },
      aboveTotal: {
        'zh-Hans': '正文称现行有效{row} {stated} 件，多于表二“对外公开总数量” {table} 件',
        'zh-Hant': '正文稱現行有效{row} {stated} 件，多於表二「對外公開總數量」 {table} 件',
        en: 'The text gives {stated} {row} in force, more than all ever published in table 二 ({table})',
      },
    },
  },
  check(report, _context, emit) {
    const table = report.standard.activeDisclosure;
    if (!table) return;
    for (const fact of report.facts) {
      const row = ROWS[fact.kind];
      if (!row || fact.approximate || otherYearFigure(report, fact)) continue;
      const cells = table.rows[row];
      const data = (n: number): Record<string, string | LocalizedText> => ({
        row: DISCLOSURE_ROW_LABELS[row],
        stated: formatNumber(fact.value),
        table: formatNumber(n),
      });
      const inForce = numberOf(cells?.inForce);
      if (inForce !== null) {
        if (Math.abs(inForce - fact.value) > 1e-9) emit('inForce', data(inForce), textLocation(report, fact.at), [cellLocation(report, cells!.inForce!)]);
        continue;
      }
      const published = numberOf(cells?.totalPublished);
      if (published !== null && fact.value > published + 1e-9) {
        emit('aboveTotal', data(published), textLocation(report, fact.at), [cellLocation(report, cells!.totalPublished!)], 'warning');
      }
    }
  },
});
