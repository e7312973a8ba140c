import type { CellValue, Location } from '../report/types';
import { textLocation } from './lib/report';
import { cellLocation } from './lib/tables';
import { defineRule } from './types';

const CITATION = /(?:国办公开办函)?[〔[［(（【]\s*2019\s*[〕\]］)）】]\s*60\s*号/g;

export default defineRule({
  id: 'outdated-format',
  meta: {
    severity: 'warning',
    category: 'tables',
    docs: {
      'zh-Hans':
        '2021 年度起应使用国办公开办函〔2021〕30号规定的格式。仍使用 2019 版表格（本年新制作数量、第二十条第（九）项、单行的（六）其他处理）或引用〔2019〕60号的年报已经过时。',
      en: 'From the 2021 report on, the format of 国办公开办函〔2021〕30号 applies. A report still using the 2019 table columns (本年新制作数量, item (9) procurement, a single-row (6)) or citing 〔2019〕60号 is out of date.',
      why: {
        'zh-Hans': '过时的格式缺少新增的统计项（如（六）其他处理的三个细项），数据无法与其他机关比较。',
        en: 'The old format lacks the new statistics (e.g. the three kinds of (6) other handling), so the data cannot be compared with other agencies.',
      },
      fix: {
        'zh-Hans': '按国办公开办函〔2021〕30号的格式重新制作表格和标题，并改正所引用的文件文号。',
        en: 'Redo the tables and headings in the format of 国办公开办函〔2021〕30号 and correct the document number cited.',
      },
      example: '2022年度报告的主动公开表仍有“本年新制作数量”“第二十条第（九）项 政府集中采购”。',
      severity: {
        'zh-Hans': '只作警告：沿用旧格式是规范问题，数据本身未必有错；引用旧文号也可能只是文字上的疏漏。',
        en: 'A warning: an old format is a matter of form and does not make the figures wrong; citing the old notice may be a slip of wording.',
      },
    },
    messages: {
      activeTable: {
        'zh-Hans': '{year}年度报告的主动公开情况表仍使用 2019 版格式（如“{quote}”），应改用〔2021〕30号格式',
        'zh-Hant': '{year}年度報告的主動公開情況表仍使用 2019 版格式（如「{quote}」），應改用〔2021〕30號格式',
        en: 'The {year} report still uses the 2019 proactive-disclosure table (e.g. "{quote}"); the 〔2021〕30号 format applies',
      },
      applicationsTable: {
        'zh-Hans': '{year}年度报告的申请情况表仍使用 2019 版格式（“（六）其他处理”只有一行），应分为三个细项',
        'zh-Hant': '{year}年度報告的申請情況表仍使用 2019 版格式（「（六）其他處理」只有一行），應分為三個細項',
        en: 'The {year} report still uses the 2019 applications table ((6) other handling in a single row instead of three)',
      },
      citation: {
        'zh-Hans': '{year}年度报告引用了已被取代的格式文件“{quote}”',
        'zh-Hant': '{year}年度報告引用了已被取代的格式文件「{quote}」',
        en: 'The {year} report cites the superseded format notice "{quote}"',
      },
    },
  },
  check(report, _context, emit) {
    const year = report.meta.year;
    // Read by OCR: its headers and citations may be misread; read-from-scan says it, as not checkable.
    if (year === null || year < 2021 || report.source.ocrPages) return;
    const active = report.standard.activeDisclosure;
    if (active) {
      let first: CellValue | undefined;
      for (const row of Object.values(active.rows)) {
        for (const col of ['made', 'published', 'totalPublished', 'procurementCount', 'procurementAmount'] as const) {
          first ??= row?.[col];
        }
      }
      if (active.format === '2019' || first) {
        const loc: Location = first ? cellLocation(report, first) : { kind: 'report' };
        emit('activeTable', { year, quote: first ? (loc as { quote: string }).quote || '本年新制作数量' : '本年新制作数量' }, loc);
      }
    }
    const apps = report.standard.applications;
    if (apps) {
      const single = apps.rows.other && !apps.rows['other.1'] && !apps.rows['other.2'] && !apps.rows['other.3'];
      if (apps.format === '2019' || single) {
        const cell = apps.rows.other?.total ?? Object.values(apps.rows.other ?? {})[0];
        emit('applicationsTable', { year }, cell ? cellLocation(report, cell) : { kind: 'report' });
      }
    }
    for (const m of report.text.matchAll(CITATION)) {
      const start = m.index ?? 0;
      emit('citation', { year, quote: m[0] }, textLocation(report, { start, end: start + m[0].length }));
    }
  },
});
