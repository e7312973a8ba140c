/** UI strings, written out per locale (no run-time conversion: the panel must not need opencc). */
import type { Era, FigureKey, Locale, Severity } from '../report/types';

export interface Strings {
  appName: string;
  panelLabel: string;
  agency: string;
  year: string;
  era: string;
  unknown: string;
  figures: string;
  findings: string;
  noFindings: string;
  /** The panel's first paint: the page's own check is shown, the other rules and the library's answer are still to come. */
  stillChecking: string;
  collapse: string;
  expand: string;
  saved: string;
  savedRevised: string;
  notSaved: string;
  save: string;
  saving: string;
  openLibrary: string;
  /** Heading of a page's PDF attachments (附件), each offered to pdf.html. */
  attachments: string;
  /** Button beside one attachment: open it in the extension's PDF page. */
  checkAttachment: string;
  notFoundInPage: string;
  /** Finding reviews (confirm / dismiss with a note). */
  review: string;
  reviewOf: (finding: string) => string;
  confirm: string;
  dismiss: string;
  clearReview: string;
  confirmed: string;
  dismissed: string;
  note: string;
  reviewFailed: string;
  /** × closes the panel on this page only; the site-wide choice lives in the popup. */
  closeThisPage: string;
  /** Notices of one rule behind one line (issue 21.8). */
  noticeGroup: (n: number, label: string) => string;
  noticeGroupLabels: Record<string, string>;
  /** Blank-cell notices counted by the cells they name: "19 处空白单元格（4 条提示）". */
  blankCellsGroup: (cells: number, notices: number) => string;
  ignoreAllLike: string;
  ignoreAllLikeLabel: (n: number, label: string) => string;
  figureLabels: Record<FigureKey, string>;
  /** The mark beside a key figure read from a table cell whose column is a guess, and its tooltip. */
  figureDoubtfulMark: string;
  figureDoubtful: string;
  severityLabels: Record<Severity, string>;
  eraLabels: Record<Era, string>;
  yearValue: (y: number) => string;
  /** A card's help (rule meta docs: why it matters, how to fix it). */
  whyFix: string;
  why: string;
  fix: string;
  /** A prose-vs-table finding: its two places, each one click away. */
  goProse: string;
  goTable: string;
  /** A cross-year finding's link to the earlier year's report (its address as saved in the library). */
  earlierReport: string;
  /** A sum finding's terms (FindingTerms): the heading, a blank cell, the stated total, a term's button title. */
  sumTerms: { terms: string; blank: string; stated: (label: string) => string; show: (label: string, value: string) => string };
}

const zhHans: Strings = {
  appName: '年报体检',
  panelLabel: '年报体检：本页年度报告的核对结果',
  agency: '机关',
  year: '年度',
  era: '格式',
  unknown: '未识别',
  figures: '主要数字',
  findings: '发现的问题',
  noFindings: '未发现问题',
  stillChecking: '仍在检查其余项目，结果会随后补充…',
  collapse: '收起',
  expand: '展开年报体检',
  saved: '已保存到年报库',
  savedRevised: '已保存新版本',
  notSaved: '未保存',
  save: '保存',
  saving: '正在保存…',
  openLibrary: '打开年报库',
  attachments: '附件 PDF',
  checkAttachment: '检查附件 PDF',
  notFoundInPage: '在页面中找不到此处',
  review: '审核',
  reviewOf: (finding) => `审核：${finding}`,
  confirm: '确认',
  dismiss: '忽略',
  clearReview: '撤销审核',
  confirmed: '已确认',
  dismissed: '已忽略',
  note: '备注（可选）',
  reviewFailed: '审核未保存',
  closeThisPage: '关闭（仅此页面）',
  noticeGroup: (n, label) => `${n} 条${label}`,
  noticeGroupLabels: { 'blank-cells': '空白单元格提示' },
  blankCellsGroup: (cells, notices) => `${cells} 处空白单元格（${notices} 条提示）`,
  ignoreAllLike: '全部忽略',
  ignoreAllLikeLabel: (n, label) => `忽略全部 ${n} 条${label}`,
  figureLabels: {
    activeDisclosed: '主动公开',
    applicationsNew: '新收申请',
    applicationsCarriedOver: '上年结转',
    applicationsHandled: '办结申请',
    applicationsCarriedForward: '结转下年',
    reviewTotal: '行政复议',
    litigationTotal: '行政诉讼',
  },
  figureDoubtfulMark: '？',
  figureDoubtful: '存疑：此数字取自位置无法可靠确定的表格单元格，请对照原表核实',
  severityLabels: { error: '错误', warning: '警告', info: '提示' },
  eraLabels: { '2008': '2008 年格式', '2019': '2019 年格式', '2021': '2021 年格式' },
  yearValue: (y) => `${y} 年`,
  whyFix: '为什么 / 怎么改',
  why: '为什么',
  fix: '怎么改',
  goProse: '正文',
  goTable: '表格',
  earlierReport: '打开上一年度报告',
  sumTerms: { terms: '算式各项', blank: '空白', stated: (l) => `${l}（所填总计）`, show: (l, v) => `在页面中标出：${l} = ${v}` },
};

const zhHant: Strings = {
  appName: '年報體檢',
  panelLabel: '年報體檢：本頁年度報告的核對結果',
  agency: '機關',
  year: '年度',
  era: '格式',
  unknown: '未識別',
  figures: '主要數字',
  findings: '發現的問題',
  noFindings: '未發現問題',
  stillChecking: '仍在檢查其餘項目，結果會隨後補充…',
  collapse: '收起',
  expand: '展開年報體檢',
  saved: '已保存到年報庫',
  savedRevised: '已保存新版本',
  notSaved: '未保存',
  save: '保存',
  saving: '正在保存…',
  openLibrary: '打開年報庫',
  attachments: '附件 PDF',
  checkAttachment: '檢查附件 PDF',
  notFoundInPage: '在頁面中找不到此處',
  review: '審核',
  reviewOf: (finding) => `審核：${finding}`,
  confirm: '確認',
  dismiss: '忽略',
  clearReview: '撤銷審核',
  confirmed: '已確認',
  dismissed: '已忽略',
  note: '備註（選填）',
  reviewFailed: '審核未保存',
  closeThisPage: '關閉（僅此頁面）',
  noticeGroup: (n, label) => `${n} 條${label}`,
  noticeGroupLabels: { 'blank-cells': '空白儲存格提示' },
  blankCellsGroup: (cells, notices) => `${cells} 處空白儲存格（${notices} 條提示）`,
  ignoreAllLike: '全部忽略',
  ignoreAllLikeLabel: (n, label) => `忽略全部 ${n} 條${label}`,
  figureLabels: {
    activeDisclosed: '主動公開',
    applicationsNew: '新收申請',
    applicationsCarriedOver: '上年結轉',
    applicationsHandled: '辦結申請',
    applicationsCarriedForward: '結轉下年',
    reviewTotal: '行政復議',
    litigationTotal: '行政訴訟',
  },
  figureDoubtfulMark: '？',
  figureDoubtful: '存疑：此數字取自位置無法可靠確定的表格儲存格，請對照原表核實',
  severityLabels: { error: '錯誤', warning: '警告', info: '提示' },
  eraLabels: { '2008': '2008 年格式', '2019': '2019 年格式', '2021': '2021 年格式' },
  yearValue: (y) => `${y} 年`,
  whyFix: '為什麼 / 怎麼改',
  why: '為什麼',
  fix: '怎麼改',
  goProse: '正文',
  goTable: '表格',
  earlierReport: '打開上一年度報告',
  sumTerms: { terms: '算式各項', blank: '空白', stated: (l) => `${l}（所填總計）`, show: (l, v) => `在頁面中標出：${l} = ${v}` },
};

const en: Strings = {
  appName: 'Report Lens',
  panelLabel: 'Report Lens: check results for this annual report',
  agency: 'Agency',
  year: 'Year',
  era: 'Format',
  unknown: 'not found',
  figures: 'Key figures',
  findings: 'Findings',
  noFindings: 'No problems found',
  stillChecking: 'Still checking the rest; more results may follow…',
  collapse: 'Collapse',
  expand: 'Expand Report Lens',
  saved: 'Saved to the library',
  savedRevised: 'Saved as a new revision',
  notSaved: 'Not saved',
  save: 'Save',
  saving: 'Saving…',
  openLibrary: 'Open the library',
  attachments: 'Attached PDFs',
  checkAttachment: 'Check the attached PDF',
  notFoundInPage: 'Could not find this place in the page',
  review: 'Review',
  reviewOf: (finding) => `Review: ${finding}`,
  confirm: 'Confirm',
  dismiss: 'Dismiss',
  clearReview: 'Clear review',
  confirmed: 'Confirmed',
  dismissed: 'Dismissed',
  note: 'Note (optional)',
  reviewFailed: 'The review was not saved',
  closeThisPage: 'Close (this page only)',
  noticeGroup: (n, label) => `${n} ${label}`,
  noticeGroupLabels: { 'blank-cells': 'blank-cell notes' },
  blankCellsGroup: (cells, notices) => `${cells} blank cells (${notices} notes)`,
  ignoreAllLike: 'Ignore all',
  ignoreAllLikeLabel: (n, label) => `Ignore all ${n} ${label}`,
  figureLabels: {
    activeDisclosed: 'Proactively disclosed',
    applicationsNew: 'New applications',
    applicationsCarriedOver: 'Carried over',
    applicationsHandled: 'Applications handled',
    applicationsCarriedForward: 'Carried forward',
    reviewTotal: 'Administrative reviews',
    litigationTotal: 'Lawsuits',
  },
  figureDoubtfulMark: '?',
  figureDoubtful: 'Doubtful: read from a table cell whose column could not be placed with certainty; check it against the table',
  severityLabels: { error: 'Errors', warning: 'Warnings', info: 'Notes' },
  eraLabels: { '2008': '2008 format', '2019': '2019 format', '2021': '2021 format' },
  yearValue: (y) => String(y),
  whyFix: 'Why / how to fix',
  why: 'Why',
  fix: 'How to fix',
  goProse: 'Text',
  goTable: 'Table',
  earlierReport: 'Open the earlier year’s report',
  sumTerms: {
    terms: 'Terms of the sum',
    blank: 'blank',
    stated: (l) => `${l} (stated total)`,
    show: (l, v) => `Show in the page: ${l} = ${v}`,
  },
};

export const STRINGS: Record<Locale, Strings> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };
