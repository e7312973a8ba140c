import type { Location, Report } from '../report/types';
import { localized } from './lib/labels';
import { textLocation } from './lib/report';
import { defineRule } from './types';

export interface Deadline {
  date: string;
  basis: ReturnType<typeof localized>;
}

/** The publication deadline for a report of `year` (domain.md, "Eras and deadlines"). */
export function deadlineOf(report: Report): Deadline | null {
  return deadlineFor(report.meta.year, report.meta.agencyKind);
}

/** The deadline from the year and the kind of agency alone (what the library's score record keeps). */
export function deadlineFor(year: number | null, agencyKind: Report['meta']['agencyKind']): Deadline | null {
  if (year === null) return null;
  const next = year + 1;
  if (year <= 2018) {
    return {
      date: `${next}-03-31`,
      basis: localized('2007 年条例：次年 3 月 31 日前', '2007 年條例：次年 3 月 31 日前', '2007 Regulations: by 31 March'),
    };
  }
  if (agencyKind === 'department') {
    return {
      date: `${next}-01-31`,
      basis: localized('政府部门：次年 1 月 31 日前', '政府部門：次年 1 月 31 日前', 'government departments: by 31 January'),
    };
  }
  return {
    date: `${next}-03-31`,
    basis: localized('本级政府：次年 3 月 31 日前', '本級政府：次年 3 月 31 日前', 'governments: by 31 March'),
  };
}

/** Where the date is printed in the text, if it is. */
function dateLocation(report: Report, iso: string): Location {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const patterns = [
    iso,
    `${y}年${m}月${d}日`,
    `${y}年${String(m).padStart(2, '0')}月${String(d).padStart(2, '0')}日`,
    `${y}/${m}/${d}`,
    `${y}.${String(m).padStart(2, '0')}.${String(d).padStart(2, '0')}`,
  ];
  for (const p of patterns) {
    const i = report.text.indexOf(p);
    if (i >= 0) return textLocation(report, { start: i, end: i + p.length });
  }
  return { kind: 'report' };
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

export default defineRule({
  id: 'late-publication',
  meta: {
    severity: 'warning',
    category: 'dates',
    docs: {
      'zh-Hans':
        '年报必须按时发布：2018 年度及以前为次年 3 月 31 日前；2019 年度起，县级以上政府部门为次年 1 月 31 日前，本级政府（由其办公室发布）为次年 3 月 31 日前。以发布日期为准；没有发布日期时用落款日期。',
      en: 'Reports must be published on time: up to the 2018 report, by 31 March of the next year; from 2019, departments of governments at county level and above by 31 January, a government’s own report by 31 March. Uses the publication date, else the date under the signature.',
      why: {
        'zh-Hans': '按时发布是《条例》的法定要求，也是社科院透明度指数的评分项。',
        en: 'Publishing on time is required by the Regulations and scored by the CASS transparency index.',
      },
      fix: {
        'zh-Hans': '按期发布年报（县级以上政府部门次年 1 月 31 日前，本级政府次年 3 月 31 日前）；已经迟发的，在网站上注明实际发布日期。',
        en: 'Publish on time (departments by 31 January, governments by 31 March of the next year); when late, show the real publication date on the site.',
      },
      example: '某县卫生健康局 2023 年度报告，发布日期 2024-02-20（期限 2024-01-31）。',
      severity: {
        'zh-Hans':
          '只作警告：发布日期取自页面（元数据、发布时间或落款），可能是转载或更新的日期，而不是首次发布日期；是否属于本级政府（期限为 3 月 31 日）也是从名称推断的。',
        en: 'A warning: the date comes from the page (metadata, 发布时间 line or signature) and may be a repost or update date rather than the first publication; whether it is a government’s own report (31 March deadline) is inferred from its name.',
      },
    },
    messages: {
      late: {
        'zh-Hans': '{year}年度报告于 {date} 发布，晚于期限 {deadline}（{basis}）{days} 天',
        'zh-Hant': '{year}年度報告於 {date} 發佈，晚於期限 {deadline}（{basis}）{days} 天',
        en: 'The {year} report was published on {date}, {days} day(s) after the deadline {deadline} ({basis})',
      },
      lateSigned: {
        'zh-Hans': '{year}年度报告落款日期为 {date}，晚于发布期限 {deadline}（{basis}）{days} 天',
        'zh-Hant': '{year}年度報告落款日期為 {date}，晚於發佈期限 {deadline}（{basis}）{days} 天',
        en: 'The {year} report is signed {date}, {days} day(s) after the deadline {deadline} ({basis})',
      },
    },
  },
  check(report, _context, emit) {
    if (report.source.ocrPages) return; // read by OCR: read-from-scan says it, as not checkable
    const deadline = deadlineOf(report);
    if (!deadline) return;
    const published = report.meta.publishedAt;
    const date = published ?? report.meta.signedAt;
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    if (date <= deadline.date) return;
    emit(
      published ? 'late' : 'lateSigned',
      { year: report.meta.year!, date, deadline: deadline.date, basis: deadline.basis, days: daysBetween(deadline.date, date) },
      dateLocation(report, date),
    );
  },
});
