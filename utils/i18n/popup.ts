/**
 * UI text of the popup and the toolbar badge (part of the one catalogue, utils/i18n): kept apart from STRINGS so the
 * report script, which shows the panel only, does not carry it (report.js budget, test/unit/bundle-size.test.ts).
 */
import type { Locale } from '../report/types';

export interface PopupStrings {
  remove: string;
  checkPage: string;
  /** Opens the tab's PDF in the extension's PDF page. */
  checkPdf: string;
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
  hideOnSite: (host: string) => string;
  hideOnSiteHint: string;
  /** The toolbar badge's tooltip: what it counts. */
  badgeTitle: (error: number, warning: number, info: number) => string;
  /** The badge's tooltip on a PDF tab not yet checked, and on a 年报 listing tab. */
  badgePdfTitle: string;
  badgeListingTitle: (count: number) => string;
  /** The language choices' names, each in its own language (the same in every locale). */
  languageNames: Record<Locale, string>;
}

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-Hans': '简体中文', 'zh-Hant': '繁體中文', en: 'English' };

export const POPUP_STRINGS: Record<Locale, PopupStrings> = {
  'zh-Hans': {
    remove: '从年报库移除',
    checkPage: '检查此页',
    checkPdf: '检查此 PDF',
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
    hideOnSite: (host) => `在本网站不再显示面板（${host}）`,
    hideOnSiteHint: '仍会检查并在图标上计数；取消勾选即恢复。',
    badgeTitle: (error, warning, info) =>
      `年报体检：错误 ${error} · 警告 ${warning} · 提示 ${info}（图标数字为${error ? '错误' : '警告'}数）`,
    badgePdfTitle: '年报体检：此标签页是 PDF，点击检查',
    badgeListingTitle: (n) => `年报体检：此页列出 ${n} 份年报，点击批量检查`,
    languageNames: LANGUAGE_NAMES,
  },
  'zh-Hant': {
    remove: '從年報庫移除',
    checkPage: '檢查此頁',
    checkPdf: '檢查此 PDF',
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
    hideOnSite: (host) => `在本網站不再顯示面板（${host}）`,
    hideOnSiteHint: '仍會檢查並在圖示上計數；取消勾選即恢復。',
    badgeTitle: (error, warning, info) =>
      `年報體檢：錯誤 ${error} · 警告 ${warning} · 提示 ${info}（圖示數字為${error ? '錯誤' : '警告'}數）`,
    badgePdfTitle: '年報體檢：此分頁是 PDF，點擊檢查',
    badgeListingTitle: (n) => `年報體檢：此頁列出 ${n} 份年報，點擊批量檢查`,
    languageNames: LANGUAGE_NAMES,
  },
  en: {
    remove: 'Remove from the library',
    checkPage: 'Check this page',
    checkPdf: 'Check this PDF',
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
    hideOnSite: (host) => `Don't show the panel on this site (${host})`,
    hideOnSiteHint: 'Pages are still checked and counted on the icon; untick to undo.',
    badgeTitle: (error, warning, info) =>
      `Report Lens: ${error} error(s) · ${warning} warning(s) · ${info} note(s) (the icon counts ${error ? 'errors' : 'warnings'})`,
    badgePdfTitle: 'Report Lens: this tab is a PDF, click to check it',
    badgeListingTitle: (n) => `Report Lens: this page lists ${n} reports, click to check them all`,
    languageNames: LANGUAGE_NAMES,
  },
};
