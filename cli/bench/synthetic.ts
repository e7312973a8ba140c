/**
 * Synthetic libraries for the benchmark and for tests at scale: plausible reports (agency, year, era,
 * figures, a small applications table, a short text and a few findings), deterministic for a given seed.
 * Scaffolding: it lives beside the bench, never in the product build.
 */

import type { LibraryDB } from '../../utils/library/db';
import { toStorageError } from '../../utils/library/errors';
import { contentHash } from '../../utils/library/hash';
import { countFindings, reportColumns } from '../../utils/library/row';
import { scoreRecordOf } from '../../utils/library/store';
import type { ReportBody, ReportRow } from '../../utils/library/types';
import type { ApplicantColumn, ApplicationRow, CellValue, Era, Finding, Report, ReportTable, Severity } from '../../utils/report/types';
import { REPORT_SCHEMA_VERSION } from '../../utils/report/types';
import { summaryOf } from '../../utils/score/summary';

const REGIONS = [
  '张掖市',
  '平邑县',
  '成都市',
  '青岛市',
  '宁波市',
  '洛阳市',
  '赣州市',
  '柳州市',
  '昆明市',
  '大同市',
  '南通市',
  '襄阳市',
  '遵义市',
  '绵阳市',
  '泉州市',
  '湛江市',
  '岳阳市',
  '芜湖市',
  '包头市',
  '桂林市',
];
const BODIES = [
  '人民政府',
  '人民政府办公室',
  '卫生健康委员会',
  '教育局',
  '公安局',
  '民政局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '应急管理局',
  '市场监督管理局',
  '医疗保障局',
  '统计局',
  '司法局',
  '审计局',
  '林业和草原局',
  '退役军人事务局',
  '城市管理局',
  '体育局',
  '信访局',
  '税务局',
  '气象局',
  '档案局',
];
const RULES: [string, Severity][] = [
  ['applications-balance', 'error'],
  ['applications-total', 'error'],
  ['narrative-vs-table', 'warning'],
  ['late-publication', 'warning'],
  ['outdated-format', 'info'],
  ['carry-over', 'error'],
];

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function num(value: number, row: number, col: number): CellValue {
  return { value: { kind: 'number', value, text: String(value) }, at: { table: 0, row, col } };
}

export interface SyntheticSpec {
  agency: string;
  year: number;
  newApps: number;
  carriedOver: number;
  carriedForward: number;
  active: number;
  review: number;
  litigation: number;
  url?: string;
  extraText?: string;
}

/** A plausible Report (not parsed from anything): enough for storage, queries, compare and exports. */
export function syntheticReport(s: SyntheticSpec): Report {
  const era: Era = s.year >= 2021 ? '2021' : s.year >= 2019 ? '2019' : '2008';
  const handled = s.newApps + s.carriedOver - s.carriedForward;
  const title = `${s.agency}${s.year}年政府信息公开工作年度报告`;
  const text = [
    title,
    `一、总体情况 ${s.year}年，${s.agency}认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息${s.active}条。`,
    `二、主动公开政府信息情况`,
    `三、收到和处理政府信息公开申请情况 本年新收政府信息公开申请${s.newApps}件，上年结转${s.carriedOver}件，办结${handled}件，结转下年度继续办理${s.carriedForward}件。`,
    `四、政府信息公开行政复议、行政诉讼情况 行政复议${s.review}件，行政诉讼${s.litigation}件。`,
    `五、存在的主要问题及改进情况 ${s.extraText ?? ''}`,
    `六、其他需要报告的事项 本年度未收取信息处理费。`,
  ].join('\n');
  const labels: [ApplicationRow, number, string][] = [
    ['new', s.newApps, '一、本年新收政府信息公开申请数量'],
    ['carriedOver', s.carriedOver, '二、上年结转政府信息公开申请数量'],
    ['total', handled, '（七）总计'],
    ['carriedForward', s.carriedForward, '四、结转下年度继续办理'],
  ];
  const cells: ReportTable['cells'] = [];
  const slots: number[][] = [];
  const rows: Partial<Record<ApplicationRow, Partial<Record<ApplicantColumn, CellValue>>>> = {};
  labels.forEach(([row, value, label], r) => {
    cells.push({ row: r, col: 0, rowSpan: 1, colSpan: 1, text: label, header: true });
    cells.push({ row: r, col: 1, rowSpan: 1, colSpan: 1, text: String(value), header: false });
    slots.push([cells.length - 2, cells.length - 1]);
    rows[row] = { natural: num(value, r, 1), total: num(value, r, 1) };
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    source: { url: s.url ?? null, title },
    isReport: true,
    meta: {
      title,
      agency: s.agency,
      agencySource: 'title',
      publisher: s.agency,
      year: s.year,
      publishedAt: `${s.year + 1}-01-${String(10 + (s.newApps % 18)).padStart(2, '0')}`,
      publishedAtSource: 'metadata',
      signedAt: null,
      indexNumber: null,
      format: era,
      script: 'hans',
      agencyKind: s.agency.endsWith('人民政府') ? 'government' : 'department',
      statisticsPeriod: null,
    },
    text,
    sections: [],
    tables: [{ index: 0, source: 'html', kind: 'applications', rows: labels.length, cols: 2, cells, slots, section: [] }],
    standard: { applications: { table: 0, format: era === '2021' ? '2021' : '2019', rows } },
    facts: [],
    percents: [],
    declaredParts: [],
    figures: {
      activeDisclosed: s.active,
      applicationsNew: s.newApps,
      applicationsCarriedOver: s.carriedOver,
      applicationsHandled: handled,
      applicationsCarriedForward: s.carriedForward,
      reviewTotal: s.review,
      litigationTotal: s.litigation,
    },
  };
}

function syntheticFindings(rand: () => number): Finding[] {
  const n = Math.floor(rand() * rand() * 6);
  const out: Finding[] = [];
  for (let i = 0; i < n; i++) {
    const [rule, severity] = RULES[Math.floor(rand() * RULES.length)];
    const msg = `合成问题 ${rule} #${i}`;
    out.push({
      rule,
      messageId: 'legacy-text',
      data: { text: { 'zh-Hans': msg, 'zh-Hant': msg, en: `synthetic ${rule} #${i}` } },
      severity,
      location: { kind: 'cell', quote: String(i), table: 0, row: i % 4, col: 1 },
    });
  }
  return out;
}

export interface SeedResult {
  count: number;
  /** Wall time of the database writes only (building the objects excluded). */
  insertMs: number;
  /** Wall time including building the reports. */
  totalMs: number;
}

export interface SyntheticLibrary {
  rows: ReportRow[];
  /** bodies[i] belongs to rows[i] (its id is the row's, given on insert). */
  bodies: Omit<ReportBody, 'id'>[];
}

/**
 * n synthetic reports (20 regions × 30 bodies, consecutive years from 2014) as library rows and bodies.
 * Each is a distinct URL; the carried-forward of one year feeds the next year's carried-over.
 */
export function syntheticLibrary(n: number, options: { seed?: number; now?: Date } = {}): SyntheticLibrary {
  const rand = prng(options.seed ?? 42);
  const base = (options.now ?? new Date('2025-03-01T00:00:00Z')).getTime();
  const rows: ReportRow[] = [];
  const bodies: Omit<ReportBody, 'id'>[] = [];
  const agencies = REGIONS.flatMap((r) => BODIES.map((b) => r + b));
  const carry = new Map<string, number>();
  // Last year's report per agency: the score record's copied share reads it, as the library's save does.
  const last = new Map<string, Report>();
  for (let i = 0; i < n; i++) {
    const agency = agencies[i % agencies.length];
    const year = 2014 + (Math.floor(i / agencies.length) % 11);
    const carriedOver = carry.get(agency) ?? Math.floor(rand() * 10);
    const newApps = Math.floor(rand() * 400);
    const carriedForward = Math.floor(rand() * Math.min(20, newApps + 1));
    carry.set(agency, carriedForward);
    const url = `https://www.example.gov.cn/synthetic/${encodeURIComponent(agency)}/${year}/${i}.html`;
    const report = syntheticReport({
      agency,
      year,
      newApps,
      carriedOver,
      carriedForward,
      active: Math.floor(rand() * 5000),
      review: Math.floor(rand() * 8),
      litigation: Math.floor(rand() * 5),
      url,
      extraText: `第${i}号`,
    });
    const findings = syntheticFindings(rand);
    const { counts, ruleCounts } = countFindings(findings);
    const savedAt = new Date(base + i * 60_000).toISOString();
    const previous = last.get(agency);
    const score = scoreRecordOf(report, findings, new Map(), previous?.meta.year === year - 1 ? previous : null);
    last.set(agency, report);
    rows.push({
      url,
      contentHash: contentHash(report),
      savedAt,
      checkedAt: savedAt,
      latest: 1,
      ...reportColumns(report),
      counts,
      ruleCounts,
      score,
    });
    bodies.push({ report, findings });
  }
  return { rows, bodies };
}

/** Bulk-insert n synthetic reports (see syntheticLibrary) in one transaction. */
export async function seedSyntheticLibrary(db: LibraryDB, n: number, options: { seed?: number; now?: Date } = {}): Promise<SeedResult> {
  const t0 = performance.now();
  const { rows, bodies } = syntheticLibrary(n, options);
  const t1 = performance.now();
  try {
    await db.transaction('rw', db.reports, db.bodies, db.summaries, async () => {
      const ids = await db.reports.bulkAdd(rows, { allKeys: true });
      await db.bodies.bulkAdd(bodies.map((b, i) => ({ ...b, id: ids[i] })));
      // As the library's writes keep them (utils/library/summaries.ts).
      await db.summaries.bulkAdd(rows.map((r, i) => summaryOf({ ...r, id: ids[i] })));
    });
  } catch (e) {
    throw toStorageError(e);
  }
  const t2 = performance.now();
  return { count: n, insertMs: t2 - t1, totalMs: t2 - t0 };
}
