/**
 * The column heads and fixed cells of the CSV files the library exports (reports, scores): part of the one
 * catalogue. A CSV is a file format, not a page: its heads are the same whatever language the page speaks,
 * Chinese first for the reader in Excel, then the English key a script can rely on ("机构 agency").
 */
import type { CountKey } from '../library/types';
import type { FigureKey } from '../report/types';

export const REPORTS_CSV = {
  id: '编号 id',
  agency: '机构 agency',
  region: '地区 region',
  year: '年度 year',
  era: '格式 era',
  title: '标题 title',
  url: '网址 url',
  publishedAt: '发布日期 publishedAt',
  savedAt: '保存时间 savedAt',
  latest: '最新版本 latest',
  contentHash: '内容指纹 contentHash',
  figures: {
    activeDisclosed: '主动公开 activeDisclosed',
    applicationsNew: '新收申请 applicationsNew',
    applicationsCarriedOver: '上年结转 applicationsCarriedOver',
    applicationsHandled: '办结 applicationsHandled',
    applicationsCarriedForward: '结转下年 applicationsCarriedForward',
    reviewTotal: '行政复议 reviewTotal',
    litigationTotal: '行政诉讼 litigationTotal',
  } satisfies Record<FigureKey, string>,
  counts: {
    error: '错误 errors',
    warning: '警告 warnings',
    info: '提示 infos',
    total: '问题合计 findings',
    dismissed: '已忽略 dismissed',
    confirmed: '已确认 confirmed',
  } satisfies Record<CountKey, string>,
  /** One column per rule: its head is this and the rule's id. */
  rule: (id: string) => `规则 rule:${id}`,
};

export const SCORES_CSV = {
  id: '编号 id',
  agency: '机构 agency',
  region: '地区 region',
  year: '年度 year',
  score: '得分 score',
  max: '满分 max',
  percent: '得分率 percent',
  timely: '按时 timely',
  errors: '错误 errors',
  warnings: '警告 warnings',
  correctionRate: '纠错率 correctionRate',
  disclosureRate: '公开率 disclosureRate',
  criteria: {
    onTime: '按时发布 onTime',
    sections: '六个部分 sections',
    tables: '三张统计表 tables',
    dataLogic: '数据逻辑 dataLogic',
    copied: '未照抄上年 copied',
    correctionRate: '纠错率得分 correctionRate',
    disclosureRate: '公开率得分 disclosureRate',
  } as Record<string, string>,
  points: (criterion: string) => `${criterion} (points/max)`,
  notCheckable: '无法核对 notCheckable',
  url: '网址 url',
  note: '说明 note',
  // Cells.
  onTime: '按时 on time',
  late: '逾期 late',
  scanned: '扫描件 scanned',
  /** A standard table by its numeral and number: 表三 table 3. */
  table: (n: 2 | 3 | 4) => `表${'二三四'[n - 2]} table ${n}`,
};
