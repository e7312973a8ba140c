/**
 * The scorecard's words (part of the one catalogue, utils/i18n): its reasons by id, with {placeholders}
 * filled from the item's data when shown (as rule messages are). The score code (utils/score) keeps the
 * ids and data only.
 */
import type { LocalizedText } from '../report/types';

export const SCORE_MESSAGES = {
  onTime: {
    'zh-Hans': '{date} 发布，未晚于期限 {deadline}（{basis}）',
    'zh-Hant': '{date} 發佈，未晚於期限 {deadline}（{basis}）',
    en: 'Published on {date}, by the deadline {deadline} ({basis})',
  },
  late: {
    'zh-Hans': '{date} 发布，晚于期限 {deadline}（{basis}）{days} 天',
    'zh-Hant': '{date} 發佈，晚於期限 {deadline}（{basis}）{days} 天',
    en: 'Published on {date}, {days} day(s) after the deadline {deadline} ({basis})',
  },
  onTimeListing: {
    'zh-Hans': '{date} 发布（栏目列表所列日期，报告本身未写发布日期），未晚于期限 {deadline}（{basis}）',
    'zh-Hant': '{date} 發佈（欄目列表所列日期，報告本身未寫發佈日期），未晚於期限 {deadline}（{basis}）',
    en: 'Published on {date} (the date on the column’s list; the report gives none), by the deadline {deadline} ({basis})',
  },
  lateListing: {
    'zh-Hans': '{date} 发布（栏目列表所列日期，报告本身未写发布日期），晚于期限 {deadline}（{basis}）{days} 天',
    'zh-Hant': '{date} 發佈（欄目列表所列日期，報告本身未寫發佈日期），晚於期限 {deadline}（{basis}）{days} 天',
    en: 'Published on {date} (the date on the column’s list; the report gives none), {days} day(s) after the deadline {deadline} ({basis})',
  },
  onTimeNoYear: {
    'zh-Hans': '报告年度不明，无法判断是否按时发布（不计分）',
    'zh-Hant': '報告年度不明，無法判斷是否按時發佈（不計分）',
    en: 'The report’s year is unknown, so timeliness cannot be judged (not scored)',
  },
  onTimeNoDate: {
    'zh-Hans': '未找到发布日期，无法判断是否在 {deadline} 前发布（不计分）',
    'zh-Hant': '未找到發佈日期，無法判斷是否在 {deadline} 前發佈（不計分）',
    en: 'No publication date found, so publication by {deadline} cannot be judged (not scored)',
  },
  completeBefore2019: {
    'zh-Hans': '2019 年以前的报告没有统一的六部分、三表格式（不计分）',
    'zh-Hant': '2019 年以前的報告沒有統一的六部分、三表格式（不計分）',
    en: 'Reports before 2019 had no fixed six sections and three tables (not scored)',
  },
  sectionsAll: {
    'zh-Hans': '六个部分齐全',
    'zh-Hant': '六個部分齊全',
    en: 'All six sections are present',
  },
  sectionsMissing: {
    'zh-Hans': '六个部分中有 {present} 个；缺少：{missing}',
    'zh-Hant': '六個部分中有 {present} 個；缺少：{missing}',
    en: '{present} of the six sections are present; missing: {missing}',
  },
  tablesAll: {
    'zh-Hans': '三张统计表齐全',
    'zh-Hant': '三張統計表齊全',
    en: 'All three tables are present',
  },
  tablesMissing: {
    'zh-Hans': '三张统计表中有 {present} 张；缺少：{missing}',
    'zh-Hant': '三張統計表中有 {present} 張；缺少：{missing}',
    en: '{present} of the three tables are present; missing: {missing}',
  },
  sectionsUnreadScan: {
    'zh-Hans': '扫描件中未能识别出{unread}，无法核对（不计分）；其余 {judged} 个部分中有 {present} 个，缺少：{missing}',
    'zh-Hant': '掃描件中未能辨識出{unread}，無法核對（不計分）；其餘 {judged} 個部分中有 {present} 個，缺少：{missing}',
    en: '{unread}: not found in the text read from the scan, so not checkable (not scored); {present} of the other {judged} present, missing: {missing}',
  },
  tablesUnreadScan: {
    'zh-Hans': '扫描件中未能识别出{pictures}，无法核对（不计分）；其余 {judged} 张中有 {present} 张，缺少：{missing}',
    'zh-Hant': '掃描件中未能辨識出{pictures}，無法核對（不計分）；其餘 {judged} 張中有 {present} 張，缺少：{missing}',
    en: '{pictures}: not found in the text read from the scan, so not checkable (not scored); {present} of the other {judged} present, missing: {missing}',
  },
  tablesPicture: {
    'zh-Hans': '{pictures}以图片发布，本工具无法核对（不计分）；其余 {judged} 张中有 {present} 张，缺少：{missing}',
    'zh-Hant': '{pictures}以圖片發佈，本工具無法核對（不計分）；其餘 {judged} 張中有 {present} 張，缺少：{missing}',
    en: '{pictures}: published as a picture, which this tool cannot check (not scored); {present} of the other {judged} present, missing: {missing}',
  },
  dataLogicNotCheckable: {
    'zh-Hans': '无法核对：{tables}的数字本工具未能可靠读取（图片或列位置无法确定），不是报告的错误（不计分）',
    'zh-Hant': '無法核對：{tables}的數字本工具未能可靠讀取（圖片或欄位置無法確定），不是報告的錯誤（不計分）',
    en: 'Not checkable: this tool could not read the figures of {tables} with certainty (a picture, or columns it could only guess); not the report’s error (not scored)',
  },
  dataLogicPartly: {
    'zh-Hans': '数据核对发现错误 {errors} 个、警告 {warnings} 个（已忽略的不计）；{tables}无法核对，不扣分',
    'zh-Hant': '數據核對發現錯誤 {errors} 個、警告 {warnings} 個（已忽略的不計）；{tables}無法核對，不扣分',
    en: 'The data checks found {errors} error(s) and {warnings} warning(s) (dismissed ones not counted); {tables} could not be checked and cost nothing',
  },
  unreadableScanned: {
    'zh-Hans': '无法核对：扫描版 PDF，没有可读取的文字（不计分）',
    'zh-Hant': '無法核對：掃描版 PDF，沒有可讀取的文字（不計分）',
    en: 'Not checkable: a scanned PDF with no text to read (not scored)',
  },
  dataLogicClean: {
    'zh-Hans': '数据核对没有发现错误或警告',
    'zh-Hant': '數據核對沒有發現錯誤或警告',
    en: 'The data checks found no errors or warnings',
  },
  dataLogicFindings: {
    'zh-Hans': '数据核对发现错误 {errors} 个、警告 {warnings} 个（已忽略的不计）',
    'zh-Hant': '數據核對發現錯誤 {errors} 個、警告 {warnings} 個（已忽略的不計）',
    en: 'The data checks found {errors} error(s) and {warnings} warning(s) (dismissed ones not counted)',
  },
  copiedNoPrevious: {
    'zh-Hans': '资料库中没有该机关上一年度的报告，无法比较（不计分）',
    'zh-Hant': '資料庫中沒有該機關上一年度的報告，無法比較（不計分）',
    en: 'No report of the previous year by this agency is saved, so nothing to compare (not scored)',
  },
  copied: {
    'zh-Hans': '正文 {share}% 与 {year} 年度报告逐字相同（达到 {threshold}%）',
    'zh-Hant': '正文 {share}% 與 {year} 年度報告逐字相同（達到 {threshold}%）',
    en: '{share}% of the text is word for word the {year} report’s (threshold {threshold}%)',
  },
  notCopied: {
    'zh-Hans': '正文与 {year} 年度报告逐字相同的部分为 {share}%（低于 {threshold}%）',
    'zh-Hant': '正文與 {year} 年度報告逐字相同的部分為 {share}%（低於 {threshold}%）',
    en: '{share}% of the text is word for word the {year} report’s (below {threshold}%)',
  },
  correctionNoCases: {
    'zh-Hans': '没有行政复议或行政诉讼案件（或未填写总计），无法计算纠错率（不计分）',
    'zh-Hant': '沒有行政復議或行政訴訟案件（或未填寫總計），無法計算糾錯率（不計分）',
    en: 'No administrative review or litigation cases (or no totals), so no correction rate (not scored)',
  },
  correctionLow: {
    'zh-Hans': '纠错率 {rate}%（结果纠正 {corrected} / 总计 {total}），不高于 {threshold}%',
    'zh-Hant': '糾錯率 {rate}%（結果糾正 {corrected} / 總計 {total}），不高於 {threshold}%',
    en: 'Correction rate {rate}% ({corrected} corrected of {total}), at or below {threshold}%',
  },
  correctionHigh: {
    'zh-Hans': '纠错率 {rate}%（结果纠正 {corrected} / 总计 {total}），高于 {threshold}%',
    'zh-Hant': '糾錯率 {rate}%（結果糾正 {corrected} / 總計 {total}），高於 {threshold}%',
    en: 'Correction rate {rate}% ({corrected} corrected of {total}), above {threshold}%',
  },
  disclosureNoCases: {
    'zh-Hans': '没有办结的公开申请（或未填写总计），无法计算公开率（不计分）',
    'zh-Hant': '沒有辦結的公開申請（或未填寫總計），無法計算公開率（不計分）',
    en: 'No applications handled (or no total), so no disclosure rate (not scored)',
  },
  disclosureHigh: {
    'zh-Hans': '公开率 {rate}%（予以公开及部分公开 {disclosed} / 办结 {handled}），不低于 {threshold}%',
    'zh-Hant': '公開率 {rate}%（予以公開及部分公開 {disclosed} / 辦結 {handled}），不低於 {threshold}%',
    en: 'Disclosure rate {rate}% ({disclosed} granted in full or in part of {handled} handled), at or above {threshold}%',
  },
  disclosureLow: {
    'zh-Hans': '公开率 {rate}%（予以公开及部分公开 {disclosed} / 办结 {handled}），低于 {threshold}%',
    'zh-Hant': '公開率 {rate}%（予以公開及部分公開 {disclosed} / 辦結 {handled}），低於 {threshold}%',
    en: 'Disclosure rate {rate}% ({disclosed} granted in full or in part of {handled} handled), below {threshold}%',
  },
} satisfies Record<string, LocalizedText>;

export type ScoreMessageId = keyof typeof SCORE_MESSAGES;

/** Words the scorecard puts into a reason's data (a list of what is missing when nothing is). */
export const SCORE_WORDS = {
  none: { 'zh-Hans': '无', 'zh-Hant': '無', en: 'none' },
} satisfies Record<string, LocalizedText>;
