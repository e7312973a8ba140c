/**
 * Two hand-written clean reports, one per table era, written from domain.md with numbers that hold.
 */
import type { Report } from '../../../utils/report/types';
import { addActiveTable, addApplicationsTable, addReviewTable, baseReport, rangeOf, row7, withText } from './build-report';

function sixSections(year: number, agency: string): string {
  return [
    `${agency}${year}年政府信息公开工作年度报告`,
    `本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限为${year}年1月1日至${year}年12月31日。`,
    '一、总体情况',
    `${year}年，本局主动公开政府信息120条，其中政策文件30条、工作动态90条。全年共收到政府信息公开申请12件，上年结转1件，办结11件，结转下年度2件。`,
    '（一）主动公开。本局通过门户网站及时发布各类信息。',
    '（二）依申请公开。本局依法答复每一件申请。',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    `全年发生政府信息公开行政复议6件，行政诉讼6件。`,
    '五、存在的主要问题及改进情况',
    '主要问题是公开内容还不够丰富。下一步将加强培训，提高公开质量。',
    '六、其他需要报告的事项',
    `本年度未收取信息处理费。`,
    agency,
    `${year + 1}年1月20日`,
  ].join('\n');
}

function withTables(report: Report, format: '2019' | '2021'): Report {
  const text = report.text;
  const sec = (title: string) => report.sections.find((s) => s.title.includes(title))!;
  if (format === '2021') {
    addActiveTable(report, '2021', {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 5, repealed: 2, inForce: 43 },
      licensing: { decisions: 1552 },
      penalty: { decisions: 68 },
      enforcement: { decisions: 0 },
      fees: { feeAmount: 0 },
    });
  } else {
    addActiveTable(report, '2019', {
      regulations: { made: 0, published: 0, totalPublished: 0 },
      normativeDocuments: { made: 3, published: 3, totalPublished: 34 },
      licensing: { previousCount: 8, change: '增5', decisions: 1552 },
      penalty: { previousCount: 203, change: 0, decisions: 68 },
      fees: { previousCount: 0, change: 0 },
      procurement: { procurementCount: 2, procurementAmount: 12.5 },
    });
  }
  const other: Record<string, number[]> =
    format === '2021'
      ? { 'other.1': row7(0, 0, 0, 0, 0, 0), 'other.2': row7(0, 0, 0, 0, 0, 0), 'other.3': row7(1, 0, 0, 0, 0, 0) }
      : { other: row7(1, 0, 0, 0, 0, 0) };
  addApplicationsTable(report, format, {
    new: row7(10, 1, 0, 0, 1, 0),
    carriedOver: row7(1, 0, 0, 0, 0, 0),
    granted: row7(5, 1, 0, 0, 0, 0),
    partial: row7(1, 0, 0, 0, 0, 0),
    'refused.1': row7(0, 0, 0, 0, 0, 0),
    'refused.2': row7(0, 0, 0, 0, 0, 0),
    'refused.3': row7(0, 0, 0, 0, 0, 0),
    'refused.4': row7(1, 0, 0, 0, 0, 0),
    'refused.5': row7(0, 0, 0, 0, 0, 0),
    'refused.6': row7(0, 0, 0, 0, 0, 0),
    'refused.7': row7(0, 0, 0, 0, 0, 0),
    'refused.8': row7(0, 0, 0, 0, 0, 0),
    'unable.1': row7(1, 0, 0, 0, 0, 0),
    'unable.2': row7(0, 0, 0, 0, 0, 0),
    'unable.3': row7(0, 0, 0, 0, 1, 0),
    'notProcessed.1': row7(0, 0, 0, 0, 0, 0),
    'notProcessed.2': row7(0, 0, 0, 0, 0, 0),
    'notProcessed.3': row7(0, 0, 0, 0, 0, 0),
    'notProcessed.4': row7(0, 0, 0, 0, 0, 0),
    'notProcessed.5': row7(0, 0, 0, 0, 0, 0),
    ...other,
    total: row7(9, 1, 0, 0, 1, 0),
    carriedForward: row7(2, 0, 0, 0, 0, 0),
  });
  addReviewTable(report, {
    review: [3, 1, 0, 2, 6],
    litigationDirect: [2, 0, 1, 1, 4],
    litigationAfterReview: [1, 1, 0, 0, 2],
  });
  sec('主动公开').tables.push(0);
  sec('收到和处理').tables.push(1);
  sec('行政复议').tables.push(2);
  report.tables[0]!.section = [2];
  report.tables[1]!.section = [3];
  report.tables[2]!.section = [4];

  report.facts = [
    {
      kind: 'activeDisclosed',
      value: 120,
      unit: '条',
      label: '主动公开政府信息',
      at: rangeOf(report, '120'),
      parts: [
        { label: '政策文件', value: 30, at: rangeOf(report, '30条') },
        { label: '工作动态', value: 90, at: rangeOf(report, '90条') },
      ],
    },
    { kind: 'applicationsNew', value: 12, unit: '件', label: '收到政府信息公开申请', at: rangeOf(report, '12件') },
    { kind: 'applicationsCarriedOver', value: 1, unit: '件', label: '上年结转', at: rangeOf(report, '1件') },
    { kind: 'applicationsHandled', value: 11, unit: '件', label: '办结', at: rangeOf(report, '11件') },
    { kind: 'applicationsCarriedForward', value: 2, unit: '件', label: '结转下年度', at: rangeOf(report, '2件') },
    { kind: 'reviewTotal', value: 6, unit: '件', label: '行政复议', at: rangeOf(report, '6件') },
    { kind: 'litigationTotal', value: 6, unit: '件', label: '行政诉讼', at: rangeOf(report, '6件。') },
  ];
  const period = rangeOf(report, `统计期限为${report.meta.year}年1月1日至${report.meta.year}年12月31日`);
  report.meta.statisticsPeriod = {
    text: text.slice(period.start, period.end),
    at: period,
    start: `${report.meta.year}-01-01`,
    end: `${report.meta.year}-12-31`,
  };
  return report;
}

export function clean2021(): Report {
  const r = baseReport({ year: 2022, publishedAt: '2023-01-20', signedAt: '2023-01-20', agency: '某县卫生健康局' });
  withText(r, sixSections(2022, '某县卫生健康局'));
  return withTables(r, '2021');
}

export function clean2019(): Report {
  const r = baseReport({
    year: 2019,
    format: '2019',
    publishedAt: '2020-01-20',
    signedAt: '2020-01-20',
    agency: '某市卫生健康委员会',
  });
  withText(r, sixSections(2019, '某市卫生健康委员会'));
  return withTables(r, '2019');
}
