import type { CellValue, Report, StandardTables } from '../report/types';
import { TABLE_LABELS } from './lib/labels';
import { isModernEra, SECTION_NAMES, type SectionKey, sectionLocation, standardSections } from './lib/report';
import { cellLocation } from './lib/tables';
import { defineRule } from './types';

const REQUIRED: ReadonlyArray<[keyof StandardTables, SectionKey]> = [
  ['activeDisclosure', 'active'],
  ['applications', 'applications'],
  ['reviewLitigation', 'review'],
];

/** The first value of one standard table (rows or groups of cells, in order) read from a picture, if any. */
function pictureCell(table: NonNullable<StandardTables[keyof StandardTables]>): CellValue | undefined {
  const lines: Record<string, Record<string, CellValue | undefined> | undefined> = 'rows' in table ? table.rows : table.groups;
  for (const line of Object.values(lines)) for (const k in line) if (line[k] && fromPicture(line[k])) return line[k];
}

/** A value read from a picture by OCR: placed as a picture, or by position with the OCR's confidence kept. */
const fromPicture = (cell: CellValue) => cell.read?.placed === 'picture' || cell.read?.confidence !== undefined;

export default defineRule({
  id: 'table-as-picture',
  meta: {
    severity: 'warning',
    category: 'tables',
    docs: {
      'zh-Hans':
        '第二、三、四部分的统计表只以图片形式发布：图片中的表格不能被机器读取、检索或复制，读屏软件也无法读出。本工具能从图片识别读出表格时照常核对其数据，并提示数值来自图片识别；未能读出时说明该表为图片，而不是“缺少表格”。整份报告是扫描件时只给一条警告，说明全文为图片。',
      en: 'A statistics table of sections II, III or IV is published only as a picture: it cannot be read by machines, searched or copied, and screen readers cannot read it. When this tool reads the picture by OCR it checks the figures as usual and says they were read from a picture; when it cannot, it says the table is a picture rather than "table missing". When the whole report is a scan, one warning says so instead.',
      why: {
        'zh-Hans': '政府信息应当便于公众获取和利用；图片表格把数据锁在图片里，无障碍读者和数据使用者都无法利用。',
        en: 'Disclosed information should be easy to obtain and use; a table as a picture locks its data away from assistive technology and from anyone reusing the figures.',
      },
      fix: {
        'zh-Hans': '把统计表以文字表格（HTML 表格或可复制文本）重新发布，图片可以保留作为附件。',
        en: 'Republish the table as a text table (HTML or copyable text); the picture may stay as an attachment.',
      },
      example: '“三、收到和处理政府信息公开申请情况”标题下只有一张表格截图。',
      severity: {
        'zh-Hans':
          '警告（warning）：表格确实发布了，读者看得到数据，所以不是“缺少表格”的错误；但它不可被机器读取、不无障碍，是发布方式的问题。表格中的加总错误仍由各加总规则另行报告。',
        en: 'A warning: the table is published and a reader can see its figures, so it is not the error "table missing"; but it is neither machine-readable nor accessible, a flaw of how it was published. Sum errors in the table are still reported by the sum rules.',
      },
    },
    messages: {
      unread: {
        'zh-Hans':
          '第{numeral}部分（{section}）的{table}只以图片形式发布（{images} 张图片）：不能被机器读取，读屏软件也无法读出；本工具未能从图片读出数据，未做核对',
        'zh-Hant':
          '第{numeral}部分（{section}）的{table}只以圖片形式發佈（{images} 張圖片）：不能被機器讀取，讀屏軟體也無法讀出；本工具未能從圖片讀出資料，未做核對',
        en: 'Section {numeral} ({section}): {table} is published only as a picture ({images} picture(s)): not machine-readable, and screen readers cannot read it; this tool could not read its figures, so they were not checked',
      },
      scan: {
        'zh-Hans':
          '整份报告以扫描图片发布（{pages} 页由本工具识别读出）：不能被机器读取、检索或复制，读屏软件也无法读出；表格数据来自图片识别，请对照原件核对',
        'zh-Hant':
          '整份報告以掃描圖片發佈（{pages} 頁由本工具辨識讀出）：不能被機器讀取、檢索或複製，讀屏軟體也無法讀出；表格資料來自圖片辨識，請對照原件核對',
        en: 'The whole report is published as scanned pictures ({pages} page(s) read by this tool): not machine-readable, searchable or copyable, and screen readers cannot read it; the tables’ figures were read from the pictures, check them against the original',
      },
      read: {
        'zh-Hans': '{table}只以图片形式发布：不能被机器读取，读屏软件也无法读出；其数据由本工具从图片识别读出，请对照图片核对',
        'zh-Hant': '{table}只以圖片形式發佈：不能被機器讀取，讀屏軟體也無法讀出；其資料由本工具從圖片辨識讀出，請對照圖片核對',
        en: '{table} is published only as a picture: not machine-readable, and screen readers cannot read it; its figures were read from the picture by this tool, check them against it',
      },
    },
  },
  check(report: Report, _context, emit) {
    if (!isModernEra(report) || !report.isReport) return;
    // A scan read by OCR: every table is a picture because the whole report is one; saying so of each table
    // (three times, and "only as a picture" as if the rest were text) would misstate it. One finding says it.
    const ocrPages = report.source.ocrPages;
    if (ocrPages) {
      const first = REQUIRED.map(([key]) => report.standard[key]).find((t) => t && pictureCell(t));
      const cell = first ? pictureCell(first) : undefined;
      emit('scan', { pages: ocrPages }, cell ? cellLocation(report, cell) : { kind: 'report' });
      return;
    }
    const sections = standardSections(report);
    for (const [key, sectionKey] of REQUIRED) {
      const table = report.standard[key];
      if (table) {
        const cell = pictureCell(table);
        if (cell) emit('read', { table: TABLE_LABELS[key] }, cellLocation(report, cell));
        continue;
      }
      const section = sections[sectionKey];
      // A section with pictures and no table at all: its table is the picture (table-missing leaves it here).
      if (!section || section.images === 0 || section.tables.length > 0) continue;
      const names = SECTION_NAMES[sectionKey];
      emit(
        'unread',
        {
          table: TABLE_LABELS[key],
          section: section.title || names.name['zh-Hans'],
          numeral: section.label ?? names.numeral,
          images: section.images,
        },
        sectionLocation(report, [section.number], section),
      );
    }
  },
});
