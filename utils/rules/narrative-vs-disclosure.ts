import type { CellValue, DisclosureColumn, DisclosureRow, LocalizedText } from '../report/types';
import { doubtNote, withDoubt } from './lib/doubt';
import { DISCLOSURE_COLUMN_LABELS, DISCLOSURE_ROW_LABELS, localized } from './lib/labels';
import { otherYearFigure } from './lib/prose';
import { textLocation } from './lib/report';
import { cellLocation, formatNumber, numberOf } from './lib/tables';
import { defineRule } from './types';

const ROWS: Partial<Record<string, DisclosureRow>> = {
  normativeInForce: 'normativeDocuments',
  regulationsInForce: 'regulations',
};

const IN_FORCE = localized(
  '正文称现行有效{row} {stated} 件，而表二“现行有效件数”为 {table} 件（正文可能只计文件库所收范围，请核对口径）',
  '正文稱現行有效{row} {stated} 件，而表二「現行有效件數」為 {table} 件（正文可能只計文件庫所收範圍，請核對口徑）',
  'The text gives {stated} {row} in force, table 二 (in force) {table} (the text may count only what a library holds: check the scope)',
);
const ABOVE_TOTAL = localized(
  '正文称现行有效{row} {stated} 件，多于表二“对外公开总数量” {table} 件',
  '正文稱現行有效{row} {stated} 件，多於表二「對外公開總數量」 {table} 件',
  'The text gives {stated} {row} in force, more than all ever published in table 二 ({table})',
);

export default defineRule({
  id: 'narrative-vs-disclosure',
  meta: {
    severity: 'warning',
    category: 'prose',
    docs: {
      'zh-Hans':
        '正文中“现行有效规范性文件/规章N件”与表二比较。2021 版表二有“现行有效件数”，两者不同时提示。2019 版表二只有“对外公开总数量”（历年累计公开数，含已废止的），不等于现行有效数，因此只在正文数字超过它时提示（现行有效的不可能多于公开过的）。',
      en: 'Prose "现行有效规范性文件/规章 N 件" (N in force) is compared with table 二. The 2021 table has 现行有效件数 (in force): a difference is flagged. The 2019 table only has 对外公开总数量 (all ever published, repealed ones included), which is not an in-force count, so only a prose figure above it is flagged.',
      why: {
        'zh-Hans': '现行有效文件数是公众查找依据的基础数据，正文和表格不一致时读者无所适从。',
        en: 'The number of documents in force is what the public relies on; prose and table disagreeing leaves readers unsure.',
      },
      fix: {
        'zh-Hans': '核对现行有效规范性文件、规章的件数，使正文与表二一致；两者统计口径不同的，在正文中写明。',
        en: 'Check the count of documents in force so that the text and table 二 agree; where they count differently, say so in the text.',
      },
      severity: {
        'zh-Hans':
          '只作警告，不作错误：正文的现行有效数常常取自公开的规范性文件库，而文件库往往只收录部分范围（如只收本机关制发、不含部门联合发文或已清理待废止的文件），与表二的统计口径不同，细心的读者会先核对口径，而不会断定为错误。2019 版只能与历年公开总数比较，更不能断定。表二这一格读取存疑时，警告中写明存疑原因。',
        en: 'A warning, never an error: a prose in-force count is often taken from the published library of normative documents, which often covers a narrower scope (only the agency’s own documents, not joint ones, or not those pending repeal) than table 二, so a careful reader checks the scope before calling it wrong. Against the 2019 table’s all-ever-published count even less can be concluded. When the table cell was read with doubt, the warning gives the reason.',
      },
      example: '正文“现行有效规范性文件665件”，表二“行政规范性文件 现行有效件数”为 656。',
    },
    messages: {
      inForce: IN_FORCE,
      inForceDoubtful: withDoubt(IN_FORCE),
      aboveTotal: ABOVE_TOTAL,
      aboveTotalDoubtful: withDoubt(ABOVE_TOTAL),
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
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
      // A cell read with doubt: the finding says so (every finding of this rule is a warning).
      const emitAgainst = (id: 'inForce' | 'aboveTotal', col: DisclosureColumn, cell: CellValue, n: number) => {
        const doubt = doubtNote(
          [
            {
              cell,
              label: localized(
                `${DISCLOSURE_ROW_LABELS[row]['zh-Hans']}·${DISCLOSURE_COLUMN_LABELS[col]['zh-Hans']}`,
                `${DISCLOSURE_ROW_LABELS[row]['zh-Hant']}·${DISCLOSURE_COLUMN_LABELS[col]['zh-Hant']}`,
                `${DISCLOSURE_ROW_LABELS[row].en} / ${DISCLOSURE_COLUMN_LABELS[col].en}`,
              ),
            },
          ],
          report,
        );
        if (doubt)
          emit(
            id === 'inForce' ? 'inForceDoubtful' : 'aboveTotalDoubtful',
            { ...data(n), doubt },
            textLocation(report, fact.at),
            [cellLocation(report, cell)],
            'warning',
          );
        else emit(id, data(n), textLocation(report, fact.at), [cellLocation(report, cell)], 'warning');
      };
      const inForce = numberOf(cells?.inForce);
      if (inForce !== null) {
        emit.checked?.();
        if (Math.abs(inForce - fact.value) > 1e-9) emitAgainst('inForce', 'inForce', cells!.inForce!, inForce);
        continue;
      }
      const published = numberOf(cells?.totalPublished);
      if (published !== null) emit.checked?.();
      if (published !== null && fact.value > published + 1e-9)
        emitAgainst('aboveTotal', 'totalPublished', cells!.totalPublished!, published);
    }
  },
});
