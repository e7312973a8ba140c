import type { Report, StandardTables } from '../report/types';
import { TABLE_LABELS } from './lib/labels';
import { isModernEra, SECTION_NAMES, type SectionKey, sectionLocation, standardSections } from './lib/report';
import { defineRule } from './types';

const REQUIRED: ReadonlyArray<[keyof StandardTables, SectionKey]> = [
  ['activeDisclosure', 'active'],
  ['applications', 'applications'],
  ['reviewLitigation', 'review'],
];

export default defineRule({
  id: 'table-missing',
  meta: {
    severity: 'error',
    category: 'tables',
    docs: {
      'zh-Hans':
        '2019 年以后的年报必须在第二、三、四部分各附一张统计表。本规则报告缺少的表格，并说明原因：该部分为空、有表格但不是规定格式，或整个部分缺失。表格只以图片发布时不算缺少，由 table-as-picture 另行提示。',
      en: 'Reports from 2019 on must carry a statistics table in sections II, III and IV. Reports each missing table and why: the section is empty, a table is present but not in the standard format, or the section itself is absent. A table published only as a picture is not missing: table-as-picture says so instead.',
      why: {
        'zh-Hans': '三张表是年报的核心数据；图片表格无法检索、无法核对，也无法被读屏软件读出。',
        en: 'The three tables are the core data of the report; a table pasted as an image cannot be searched, checked or read aloud.',
      },
      fix: {
        'zh-Hans': '按国办规定的格式在该部分补上统计表，表格用文字（HTML 表格或可复制文本）发布。',
        en: 'Add the statistical table to the part in the format the State Council General Office prescribes, published as text (an HTML table or copyable text).',
      },
      example: '“三、收到和处理政府信息公开申请情况”标题下没有任何内容。',
      severity: {
        'zh-Hans':
          '该部分没有任何表格时为错误：读者确实看不到这部分数据。该部分有表格但无法识别为规定格式时只作警告：可能是格式不规范，也可能是本工具没能读懂。扫描件经本机识别后该部分找不到表格、或找不到该部分的标题时，也只作警告（无法核对）：可能只是没能识别出来。整个部分缺失时也为错误。',
        en: 'An error when the section holds no table at all: the reader really cannot see that part. A warning when a table is there but not recognised as the standard one: the format may be off, or this tool may have failed to read it. A warning (not checkable) too when a scan read by OCR shows no table there, or not the section’s heading: it may only have gone unread. A missing section with its table is an error too.',
      },
    },
    messages: {
      empty: {
        'zh-Hans': '第{numeral}部分（{section}）缺少{table}：该部分没有表格',
        'zh-Hant': '第{numeral}部分（{section}）缺少{table}：該部分沒有表格',
        en: 'Section {numeral} ({section}) lacks {table}: the section holds no table',
      },
      // Findings saved before table-as-picture (issue 18); no longer emitted.
      image: {
        'zh-Hans': '第{numeral}部分（{section}）的{table}以图片形式发布（{images} 张图片），无法核对',
        'zh-Hant': '第{numeral}部分（{section}）的{table}以圖片形式發佈（{images} 張圖片），無法核對',
        en: 'Section {numeral} ({section}): {table} is published as an image ({images} image(s)) and cannot be checked',
      },
      unrecognised: {
        'zh-Hans': '第{numeral}部分（{section}）有表格，但不是规定格式的{table}',
        'zh-Hant': '第{numeral}部分（{section}）有表格，但不是規定格式的{table}',
        en: 'Section {numeral} ({section}) holds a table, but not {table} in the standard format',
      },
      // A scan read by OCR: no grid was found there, which says nothing sure about the page (issue 18).
      unreadScan: {
        'zh-Hans': '第{numeral}部分的{table}未能从扫描页识别，无法核对',
        'zh-Hant': '第{numeral}部分的{table}未能從掃描頁識別，無法核對',
        en: 'Section {numeral}: {table} not read from the scan, not checkable',
      },
      noSection: {
        'zh-Hans': '缺少{table}，也找不到“{section}”部分',
        'zh-Hant': '缺少{table}，也找不到「{section}」部分',
        en: '{table} is missing, and so is the section "{section}"',
      },
    },
  },
  check(report: Report, _context, emit) {
    if (!isModernEra(report) || !report.isReport) return;
    const sections = standardSections(report);
    // A scan read by OCR: a heading or table not found may only have gone unread (issue 18), never an error.
    const scan = report.source.ocrPages ? 'warning' : undefined;
    for (const [key, sectionKey] of REQUIRED) {
      if (report.standard[key]) continue;
      const section = sections[sectionKey];
      const names = SECTION_NAMES[sectionKey];
      const data = { table: TABLE_LABELS[key], section: names.name, numeral: section?.label ?? names.numeral };
      if (!section) {
        // Still worth saying when some table was recognised elsewhere, or the report has sections at all.
        if (report.sections.length > 0) emit(scan ? 'unreadScan' : 'noSection', data, { kind: 'report' }, [], scan);
        continue;
      }
      const at = sectionLocation(report, [section.number], section);
      const data2 = { ...data, section: section.title || names.name['zh-Hans'] };
      // Pictures and no table: the table is published as a picture (table-as-picture), not missing.
      if (section.images > 0 && section.tables.length === 0) continue;
      if (section.tables.length > 0) emit('unrecognised', data2, at, [], 'warning');
      else emit(scan ? 'unreadScan' : 'empty', data2, at, [], scan);
    }
  },
});
