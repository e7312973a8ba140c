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
  collapse: string;
  expand: string;
  close: string;
  saved: string;
  savedRevised: string;
  notSaved: string;
  save: string;
  saving: string;
  remove: string;
  openLibrary: string;
  checkPage: string;
  /** Opens the tab's PDF in the extension's PDF page. */
  checkPdf: string;
  /** Heading of a page's PDF attachments (附件), each offered to pdf.html. */
  attachments: string;
  /** Button beside one attachment: open it in the extension's PDF page. */
  checkAttachment: string;
  /** A 年报 listing tab: what the page is, and the batch check of the reports it lists. */
  listingFound: (n: number) => string;
  batchCheck: (n: number) => string;
  followPages: (n: number) => string;
  batchStarting: string;
  batchFailed: string;
  checking: string;
  notChecked: string;
  notReport: string;
  checkFailed: string;
  settings: string;
  language: string;
  languageAuto: string;
  autoSave: string;
  autoDetectAll: string;
  autoDetectAllHint: string;
  permissionDenied: string;
  showPanel: string;
  locate: string;
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
  hideOnSite: (host: string) => string;
  hideOnSiteHint: string;
  /** Popup findings: a click finds the place in the page. */
  findInPage: (finding: string) => string;
  /** Notices of one rule behind one line (issue 21.8). */
  noticeGroup: (n: number, label: string) => string;
  noticeGroupLabels: Record<string, string>;
  /** Blank-cell notices counted by the cells they name: "19 处空白单元格（4 条提示）". */
  blankCellsGroup: (cells: number, notices: number) => string;
  ignoreAllLike: string;
  ignoreAllLikeLabel: (n: number, label: string) => string;
  /** The toolbar badge's tooltip: what it counts. */
  badgeTitle: (error: number, warning: number, info: number) => string;
  count: (n: number) => string;
  figureLabels: Record<FigureKey, string>;
  /** The mark beside a key figure read from a table cell whose column is a guess, and its tooltip. */
  figureDoubtfulMark: string;
  figureDoubtful: string;
  severityLabels: Record<Severity, string>;
  eraLabels: Record<Era, string>;
  yearValue: (y: number) => string;
  /** Issue 21.7, the answer first: a finding's plain category, and the line that opens the panel. */
  categories: Record<FindingCategory, string>;
  categoryCount: (n: number, label: string) => string;
  listSeparator: string;
  answerClean: string;
  answerChecked: (n: number) => string;
  /** A card's help (rule meta docs: why it matters, how to fix it) and its rule id. */
  whyFix: string;
  why: string;
  fix: string;
  ruleId: (id: string) => string;
  /** A prose-vs-table finding: its two places, each one click away. */
  goProse: string;
  goTable: string;
  goProseLabel: string;
  goTableLabel: string;
}

/** Plain categories of findings (components/shared/answer.ts maps rules to them). */
export type FindingCategory = 'sums' | 'proseTable' | 'missing' | 'form' | 'copied' | 'unchecked';

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
  collapse: '收起',
  expand: '展开年报体检',
  close: '关闭',
  saved: '已保存到年报库',
  savedRevised: '已保存新版本',
  notSaved: '未保存',
  save: '保存',
  saving: '正在保存…',
  remove: '从年报库移除',
  openLibrary: '打开年报库',
  checkPage: '检查此页',
  checkPdf: '检查此 PDF',
  attachments: '附件 PDF',
  checkAttachment: '检查附件 PDF',
  listingFound: (n) => `此页是年报栏目，列出 ${n} 份年度报告。`,
  batchCheck: (n) => `批量检查 ${n} 份年报`,
  followPages: (n) => `同时检查后续 ${n} 页`,
  batchStarting: '正在开始批量检查…',
  batchFailed: '批量检查未能开始',
  checking: '正在检查…',
  notChecked: '此页尚未检查。',
  notReport: '此页未识别为政府信息公开工作年度报告。',
  checkFailed: '无法检查此页',
  settings: '设置',
  language: '界面语言',
  languageAuto: '自动（随报告）',
  autoSave: '自动保存识别到的年报',
  autoDetectAll: '在所有网站上自动识别年报',
  autoDetectAllHint: '需要授予访问所有网站的权限；默认只在 gov.cn 上运行。',
  permissionDenied: '未获授权，仍只在 gov.cn 上自动识别。',
  showPanel: '显示面板',
  locate: '定位',
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
  hideOnSite: (host) => `在本网站不再显示面板（${host}）`,
  hideOnSiteHint: '仍会检查并在图标上计数；取消勾选即恢复。',
  findInPage: (finding) => `在页面中定位：${finding}`,
  noticeGroup: (n, label) => `${n} 条${label}`,
  noticeGroupLabels: { 'blank-cells': '空白单元格提示' },
  blankCellsGroup: (cells, notices) => `${cells} 处空白单元格（${notices} 条提示）`,
  ignoreAllLike: '全部忽略',
  ignoreAllLikeLabel: (n, label) => `忽略全部 ${n} 条${label}`,
  badgeTitle: (error, warning, info) => `年报体检：错误 ${error} · 警告 ${warning} · 提示 ${info}（图标数字为${error ? '错误' : '警告'}数）`,
  count: (n) => `${n} 项`,
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
  categories: { sums: '数字对不上', proseTable: '表格与正文不一致', missing: '缺少内容', form: '格式与期限', copied: '照搬往年', unchecked: '无法核对' },
  categoryCount: (n, label) => `${n} 处${label}`,
  listSeparator: '、',
  answerClean: '未发现数字问题',
  answerChecked: (n) => `已核对 ${n} 项`,
  whyFix: '为什么 / 怎么改',
  why: '为什么',
  fix: '怎么改',
  ruleId: (id) => `规则 ${id}`,
  goProse: '正文',
  goTable: '表格',
  goProseLabel: '在页面中标出正文中的这句话',
  goTableLabel: '在页面中标出表格中对应的单元格',
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
  collapse: '收起',
  expand: '展開年報體檢',
  close: '關閉',
  saved: '已保存到年報庫',
  savedRevised: '已保存新版本',
  notSaved: '未保存',
  save: '保存',
  saving: '正在保存…',
  remove: '從年報庫移除',
  openLibrary: '打開年報庫',
  checkPage: '檢查此頁',
  checkPdf: '檢查此 PDF',
  attachments: '附件 PDF',
  checkAttachment: '檢查附件 PDF',
  listingFound: (n) => `此頁是年報欄目，列出 ${n} 份年度報告。`,
  batchCheck: (n) => `批量檢查 ${n} 份年報`,
  followPages: (n) => `同時檢查後續 ${n} 頁`,
  batchStarting: '正在開始批量檢查…',
  batchFailed: '批量檢查未能開始',
  checking: '正在檢查…',
  notChecked: '此頁尚未檢查。',
  notReport: '此頁未識別為政府資訊公開工作年度報告。',
  checkFailed: '無法檢查此頁',
  settings: '設定',
  language: '介面語言',
  languageAuto: '自動（隨報告）',
  autoSave: '自動保存識別到的年報',
  autoDetectAll: '在所有網站上自動識別年報',
  autoDetectAllHint: '需要授予存取所有網站的權限；預設只在 gov.cn 上執行。',
  permissionDenied: '未獲授權，仍只在 gov.cn 上自動識別。',
  showPanel: '顯示面板',
  locate: '定位',
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
  hideOnSite: (host) => `在本網站不再顯示面板（${host}）`,
  hideOnSiteHint: '仍會檢查並在圖示上計數；取消勾選即恢復。',
  findInPage: (finding) => `在頁面中定位：${finding}`,
  noticeGroup: (n, label) => `${n} 條${label}`,
  noticeGroupLabels: { 'blank-cells': '空白儲存格提示' },
  blankCellsGroup: (cells, notices) => `${cells} 處空白儲存格（${notices} 條提示）`,
  ignoreAllLike: '全部忽略',
  ignoreAllLikeLabel: (n, label) => `忽略全部 ${n} 條${label}`,
  badgeTitle: (error, warning, info) => `年報體檢：錯誤 ${error} · 警告 ${warning} · 提示 ${info}（圖示數字為${error ? '錯誤' : '警告'}數）`,
  count: (n) => `${n} 項`,
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
  categories: { sums: '數字對不上', proseTable: '表格與正文不一致', missing: '缺少內容', form: '格式與期限', copied: '照搬往年', unchecked: '無法核對' },
  categoryCount: (n, label) => `${n} 處${label}`,
  listSeparator: '、',
  answerClean: '未發現數字問題',
  answerChecked: (n) => `已核對 ${n} 項`,
  whyFix: '為什麼 / 怎麼改',
  why: '為什麼',
  fix: '怎麼改',
  ruleId: (id) => `規則 ${id}`,
  goProse: '正文',
  goTable: '表格',
  goProseLabel: '在頁面中標出正文中的這句話',
  goTableLabel: '在頁面中標出表格中對應的儲存格',
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
  collapse: 'Collapse',
  expand: 'Expand Report Lens',
  close: 'Close',
  saved: 'Saved to the library',
  savedRevised: 'Saved as a new revision',
  notSaved: 'Not saved',
  save: 'Save',
  saving: 'Saving…',
  remove: 'Remove from the library',
  openLibrary: 'Open the library',
  checkPage: 'Check this page',
  checkPdf: 'Check this PDF',
  attachments: 'Attached PDFs',
  checkAttachment: 'Check the attached PDF',
  listingFound: (n) => `This page is an annual-report column listing ${n} ${n === 1 ? 'report' : 'reports'}.`,
  batchCheck: (n) => `Check all ${n} ${n === 1 ? 'report' : 'reports'}`,
  followPages: (n) => `Also check the next ${n} ${n === 1 ? 'page' : 'pages'} of the column`,
  batchStarting: 'Starting the batch check…',
  batchFailed: 'The batch check could not start',
  checking: 'Checking…',
  notChecked: 'This page has not been checked.',
  notReport: 'This page was not recognised as an annual information-disclosure report.',
  checkFailed: 'Could not check this page',
  settings: 'Settings',
  language: 'Language',
  languageAuto: 'Automatic (follow the report)',
  autoSave: 'Save detected reports automatically',
  autoDetectAll: 'Detect reports on all sites',
  autoDetectAllHint: 'Needs access to all sites; by default Report Lens runs on gov.cn only.',
  permissionDenied: 'Permission not granted; automatic detection stays on gov.cn only.',
  showPanel: 'Show the panel',
  locate: 'Locate',
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
  hideOnSite: (host) => `Don't show the panel on this site (${host})`,
  hideOnSiteHint: 'Pages are still checked and counted on the icon; untick to undo.',
  findInPage: (finding) => `Find in the page: ${finding}`,
  noticeGroup: (n, label) => `${n} ${label}`,
  noticeGroupLabels: { 'blank-cells': 'blank-cell notes' },
  blankCellsGroup: (cells, notices) => `${cells} blank cells (${notices} notes)`,
  ignoreAllLike: 'Ignore all',
  ignoreAllLikeLabel: (n, label) => `Ignore all ${n} ${label}`,
  badgeTitle: (error, warning, info) => `Report Lens: ${error} error(s) · ${warning} warning(s) · ${info} note(s) (the icon counts ${error ? 'errors' : 'warnings'})`,
  count: (n) => `${n}`,
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
  categories: { sums: 'Figures that do not add up', proseTable: 'Text and table disagree', missing: 'Missing content', form: 'Format and deadlines', copied: 'Copied from another year', unchecked: 'Could not be checked' },
  categoryCount: (n, label) => `${label}: ${n}`,
  listSeparator: ' · ',
  answerClean: 'No number problems found',
  answerChecked: (n) => `${n} checked`,
  whyFix: 'Why / how to fix',
  why: 'Why',
  fix: 'How to fix',
  ruleId: (id) => `Rule ${id}`,
  goProse: 'Text',
  goTable: 'Table',
  goProseLabel: 'Show the sentence in the page',
  goTableLabel: 'Show the table cell in the page',
};

export const STRINGS: Record<Locale, Strings> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, en };
