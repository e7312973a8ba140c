/**
 * The scorecard of one saved report: what evaluators of these reports score (the CASS transparency index;
 * the 2021 format notice) — on time, complete, data logic, not copied from last year, and two ratios
 * (纠错率, 公开率) against user-settable thresholds. Every point is explained: each item says its criterion,
 * points, maximum and the reason (messageId + data, worded by SCORE_MESSAGES in utils/i18n/score.ts). What cannot be judged
 * (no date, no year, no previous report, no cases) scores 0 of 0 and says why, so it neither helps nor hurts.
 * The weights are this project's, not an official scale. Pure: the report and counts come in as parameters.
 */

import { SCORE_WORDS, type ScoreMessageId } from '../i18n/score';
import { isCertain } from '../report/read';
import type { CellValue, Finding, LocalizedText, Report } from '../report/types';
import { copiedShare } from '../rules/copied-text';
import { deadlineFor } from '../rules/late-publication';
import { TABLE_LABELS } from '../rules/lib/labels';
import { isModernEra, SECTION_KEYS, SECTION_NAMES, type SectionKey, standardSections } from '../rules/lib/report';
import { numberOf } from '../rules/lib/tables';
import type { MessageData } from '../rules/types';
import { DEFAULT_THRESHOLDS, type ScoreThresholds } from './thresholds';

export type Criterion = 'onTime' | 'sections' | 'tables' | 'dataLogic' | 'copied' | 'correctionRate' | 'disclosureRate';

export interface ScoreItem {
  criterion: Criterion;
  points: number;
  max: number;
  reason: { messageId: ScoreMessageId; data: MessageData };
}

export type { ScoreThresholds } from './thresholds';
export { DEFAULT_THRESHOLDS, normaliseThresholds } from './thresholds';

/** Points per criterion. */
export const WEIGHTS = { onTime: 20, section: 3, table: 4, dataLogic: 30, perError: 10, perWarning: 3, copied: 10, ratio: 5 } as const;

export interface ScoreInput {
  report: Report;
  /** The report's findings, dismissed ones excluded. */
  findings: { errors: number; warnings: number };
  /** Last year's report of the same agency, if saved. */
  previous?: Report | null;
  thresholds?: Partial<ScoreThresholds>;
}

export interface Scorecard {
  points: number;
  max: number;
  items: ScoreItem[];
  ratios: { correctionRate: number | null; disclosureRate: number | null };
}

const percent = (x: number) => Math.round(x * 1000) / 10;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/**
 * What the scorecard needs of a report once it is saved, without its body, kept small and flat (the library
 * page loads 10,000 of them): the facts each item is judged on — the year, kind of agency and publication
 * date (on time), the missing sections and tables, the error and warning counts (dismissed ones excluded),
 * the share copied from last year, the counts behind 纠错率 and 公开率. applyThresholds turns it into the
 * scorecard, items and reasons, under the user's current thresholds.
 */
export interface ScoreRecord {
  year: number | null;
  agencyKind: Report['meta']['agencyKind'];
  /** Publication (else signing) date, ISO yyyy-mm-dd; null when none was found. */
  date: string | null;
  /** 'listing' when the date is the one beside the report's link on its column page (the report gives none). */
  dateSource?: 'listing';
  /** Missing standard sections (2019+); null before 2019, which had no fixed format (not scored). */
  missingSections: SectionKey[] | null;
  missingTables: TableKey[] | null;
  errors: number;
  warnings: number;
  /** Share of the text word for word last year's (0..1); null without last year's report. */
  copiedShare: number | null;
  copiedYear: number | null;
  /** 纠错率: Σ 结果纠正 and Σ 总计 of 表四; null when no group states a total above zero. */
  corrected: number | null;
  cases: number | null;
  /** 公开率: 予以公开 + 部分公开, and 办结; null without a positive 办结. */
  disclosed: number | null;
  handled: number | null;
  /**
   * Tables this tool could not read (issue 21): published as a picture, or every value read with doubt (column
   * guessed, low-confidence picture read). Not the report's fault: neither counted present nor missing, and the
   * data logic is "not checkable" (0 of 0) when no table could be read. Absent on records saved before it existed.
   */
  unreadableTables?: UnreadableTable[];
  /**
   * Standard sections not found on a scan read by OCR (issue 18): their headings may only have been misread
   * (read-from-scan says so), so they are neither counted present nor missing. Absent on records saved before it.
   */
  unreadSections?: SectionKey[];
  /** The whole report could not be read (a scanned PDF with no text): nothing is scored, the row still shows. */
  unreadable?: 'scanned';
}

export interface UnreadableTable {
  table: TableKey;
  /** 'scan': not found on a scan read by OCR (table-missing 'unreadScan'): perhaps only unread. */
  why: 'picture' | 'doubtful' | 'scan';
}

export type TableKey = 'activeDisclosure' | 'applications' | 'reviewLitigation';
const TABLE_KEYS: readonly TableKey[] = ['activeDisclosure', 'applications', 'reviewLitigation'];

function onTime(record: ScoreRecord): ScoreItem {
  const max = WEIGHTS.onTime;
  const deadline = deadlineFor(record.year, record.agencyKind);
  if (!deadline) return { criterion: 'onTime', points: 0, max: 0, reason: { messageId: 'onTimeNoYear', data: {} } };
  const date = record.date;
  if (!date) return { criterion: 'onTime', points: 0, max: 0, reason: { messageId: 'onTimeNoDate', data: { deadline: deadline.date } } };
  const data = { date, deadline: deadline.date, basis: deadline.basis };
  // A date taken from the column page is said to be so: the reader may want the report's own.
  const listed = record.dateSource === 'listing';
  if (date <= deadline.date)
    return { criterion: 'onTime', points: max, max, reason: { messageId: listed ? 'onTimeListing' : 'onTime', data } };
  return {
    criterion: 'onTime',
    points: 0,
    max,
    reason: { messageId: listed ? 'lateListing' : 'late', data: { ...data, days: daysBetween(deadline.date, date) } },
  };
}

const NONE: LocalizedText = SCORE_WORDS.none;

function completeness(record: ScoreRecord, why = true): ScoreItem[] {
  if (!record.missingSections) {
    return [{ criterion: 'sections', points: 0, max: 0, reason: { messageId: 'completeBefore2019', data: {} } }];
  }
  // A section not found on a scan may only have gone unread: neither present nor missing (0 of 0 for it).
  const unreadSections = record.unreadSections ?? [];
  const missingSections = record.missingSections.filter((k) => !unreadSections.includes(k));
  const judgedSections = SECTION_KEYS.length - unreadSections.length;
  // A table published as a picture, or not found on a scan, cannot be judged: 0 of 0 for it, never "missing".
  const unjudged = (record.unreadableTables ?? []).filter((u) => u.why === 'picture' || u.why === 'scan');
  const pictures = unjudged.map((u) => u.table);
  const fromScan = unjudged.some((u) => u.why === 'scan');
  const missingTables = (record.missingTables ?? []).filter((k) => !pictures.includes(k));
  const judged = TABLE_KEYS.length - pictures.length;
  const present = judgedSections - missingSections.length;
  // One list per locale, so each language names the missing parts in its own words.
  const names = (list: LocalizedText[]): LocalizedText => ({
    'zh-Hans': list.map((t) => t['zh-Hans']).join('、'),
    'zh-Hant': list.map((t) => t['zh-Hant']).join('、'),
    en: list.map((t) => t.en).join(', '),
  });
  return [
    {
      criterion: 'sections',
      points: present * WEIGHTS.section,
      max: judgedSections * WEIGHTS.section,
      reason: !why
        ? NO_REASON
        : unreadSections.length
          ? {
              messageId: 'sectionsUnreadScan',
              data: {
                unread: names(unreadSections.map((k) => SECTION_NAMES[k].name)),
                present,
                judged: judgedSections,
                missing: names(missingSections.length ? missingSections.map((k) => SECTION_NAMES[k].name) : [NONE]),
              },
            }
          : missingSections.length
            ? { messageId: 'sectionsMissing', data: { present, missing: names(missingSections.map((k) => SECTION_NAMES[k].name)) } }
            : { messageId: 'sectionsAll', data: { present } },
    },
    {
      criterion: 'tables',
      points: (judged - missingTables.length) * WEIGHTS.table,
      max: judged * WEIGHTS.table,
      reason: !why
        ? NO_REASON
        : pictures.length
          ? {
              messageId: fromScan ? 'tablesUnreadScan' : 'tablesPicture',
              data: {
                pictures: names(pictures.map((k) => TABLE_LABELS[k])),
                present: judged - missingTables.length,
                judged,
                missing: names(missingTables.length ? missingTables.map((k) => TABLE_LABELS[k]) : [NONE]),
              },
            }
          : missingTables.length
            ? {
                messageId: 'tablesMissing',
                data: { present: TABLE_KEYS.length - missingTables.length, missing: names(missingTables.map((k) => TABLE_LABELS[k])) },
              }
            : { messageId: 'tablesAll', data: { present: TABLE_KEYS.length } },
    },
  ];
}

function dataLogic(record: ScoreRecord, why = true): ScoreItem {
  const { errors, warnings } = record;
  const unreadable = record.unreadableTables ?? [];
  // Tables there to check: the ones present plus the ones published as pictures (present too, but unread).
  const tables = TABLE_KEYS.filter((k) => !(record.missingTables ?? []).includes(k) || unreadable.some((u) => u.table === k));
  const names = (keys: TableKey[]): LocalizedText => ({
    'zh-Hans': keys.map((k) => TABLE_LABELS[k]['zh-Hans']).join('、'),
    'zh-Hant': keys.map((k) => TABLE_LABELS[k]['zh-Hant']).join('、'),
    en: keys.map((k) => TABLE_LABELS[k].en).join(', '),
  });
  if (unreadable.length && tables.every((k) => unreadable.some((u) => u.table === k))) {
    // Nothing the tool could read: what it cannot check is not the report's error (0 of 0, not a loss).
    return {
      criterion: 'dataLogic',
      points: 0,
      max: 0,
      reason: why ? { messageId: 'dataLogicNotCheckable', data: { tables: names(unreadable.map((u) => u.table)) } } : NO_REASON,
    };
  }
  const points = Math.max(0, WEIGHTS.dataLogic - WEIGHTS.perError * errors - WEIGHTS.perWarning * warnings);
  const data = { errors, warnings };
  if (unreadable.length) {
    return {
      criterion: 'dataLogic',
      points,
      max: WEIGHTS.dataLogic,
      reason: why ? { messageId: 'dataLogicPartly', data: { ...data, tables: names(unreadable.map((u) => u.table)) } } : NO_REASON,
    };
  }
  return {
    criterion: 'dataLogic',
    points,
    max: WEIGHTS.dataLogic,
    reason: { messageId: errors || warnings ? 'dataLogicFindings' : 'dataLogicClean', data },
  };
}

/**
 * Findings about a table published as a picture, left out of the counts the data logic is scored on: that this
 * tool could not read it is never the report's error, and how a table is published is not a question of its
 * numbers adding up (the sum rules still report the sums of a table read from its picture). table-as-picture
 * (issue 18) says it now; table-missing's 'image' is what findings saved before it say. On a scan read by OCR,
 * a table not found ('unreadScan') and what rests on text read from the scan (read-from-scan) are likewise the
 * reading's limits: the panel files them under 无法核对 too (components/shared/answer.ts).
 */
export function notCheckable(finding: Pick<Finding, 'rule' | 'messageId'>): boolean {
  const { rule, messageId } = finding;
  return (
    rule === 'table-as-picture' ||
    rule === 'read-from-scan' ||
    (rule === 'table-missing' && (messageId === 'image' || messageId === 'unreadScan'))
  );
}

/** Every table value (a CellValue leaf) of a standard table, however deeply its rows and groups nest. */
function cellsOf(node: unknown, out: CellValue[] = []): CellValue[] {
  if (!node || typeof node !== 'object') return out;
  if ('value' in node && 'at' in node) {
    out.push(node as CellValue);
    return out;
  }
  for (const v of Object.values(node)) cellsOf(v, out);
  return out;
}

/**
 * The standard tables this tool could not read: a section whose table is only pictures (as table-missing
 * says), a table not found on a scan read by OCR (table-missing's 'unreadScan'), or a table every number of
 * which was read with doubt (issue 17's isCertain).
 */
export function unreadableTables(report: Report): UnreadableTable[] {
  if (!isModernEra(report)) return [];
  const sections = standardSections(report);
  const sectionOf: Record<TableKey, SectionKey> = { activeDisclosure: 'active', applications: 'applications', reviewLitigation: 'review' };
  const out: UnreadableTable[] = [];
  for (const table of TABLE_KEYS) {
    const t = report.standard[table];
    if (!t) {
      const section = sections[sectionOf[table]];
      if (section && section.images > 0 && section.tables.length === 0) out.push({ table, why: 'picture' });
      else if (report.source.ocrPages) out.push({ table, why: 'scan' });
      continue;
    }
    const numbers = cellsOf(t).filter((c) => numberOf(c) !== null);
    if (numbers.length > 0 && numbers.every((c) => !isCertain(c))) out.push({ table, why: 'doubtful' });
  }
  return out;
}

/** The scorecard of a report that could not be read at all (a scanned PDF): every item 0 of 0, saying why. */
function unreadableItems(): ScoreItem[] {
  const criteria: Criterion[] = ['onTime', 'sections', 'tables', 'dataLogic', 'copied', 'correctionRate', 'disclosureRate'];
  return criteria.map((criterion) => ({ criterion, points: 0, max: 0, reason: { messageId: 'unreadableScanned', data: {} } }));
}

function copied(record: ScoreRecord, threshold: number, why = true): ScoreItem {
  if (record.copiedShare === null) return { criterion: 'copied', points: 0, max: 0, reason: { messageId: 'copiedNoPrevious', data: {} } };
  const data: MessageData = why
    ? { share: percent(record.copiedShare), threshold: percent(threshold), year: record.copiedYear ?? '?' }
    : {};
  return record.copiedShare >= threshold
    ? { criterion: 'copied', points: 0, max: WEIGHTS.copied, reason: why ? { messageId: 'copied', data } : NO_REASON }
    : { criterion: 'copied', points: WEIGHTS.copied, max: WEIGHTS.copied, reason: why ? { messageId: 'notCopied', data } : NO_REASON };
}

/** Σ over the three groups of 结果纠正 ÷ Σ of 总计; null when no group states a total above zero. */
export function correctionRate(report: Report): { corrected: number; total: number; rate: number } | null {
  const groups = Object.values(report.standard.reviewLitigation?.groups ?? {});
  let corrected = 0;
  let total = 0;
  for (const g of groups) {
    const t = numberOf(g?.total);
    if (t === null) continue;
    total += t;
    corrected += numberOf(g?.corrected) ?? 0;
  }
  return total > 0 ? { corrected, total, rate: corrected / total } : null;
}

/** (予以公开 + 部分公开) ÷ 办结 (（七）总计), from the 总计 column; null without a positive 办结. */
export function disclosureRate(report: Report): { disclosed: number; handled: number; rate: number } | null {
  const rows = report.standard.applications?.rows;
  const handled = numberOf(rows?.total?.total);
  if (!rows || handled === null || handled <= 0) return null;
  const disclosed = (numberOf(rows.granted?.total) ?? 0) + (numberOf(rows.partial?.total) ?? 0);
  return { disclosed, handled, rate: disclosed / handled };
}

function ratioItem(
  criterion: 'correctionRate' | 'disclosureRate',
  counts: Record<string, number> | null,
  rate: number | null,
  threshold: number,
  why = true,
): ScoreItem {
  if (!counts || rate === null)
    return {
      criterion,
      points: 0,
      max: 0,
      reason: { messageId: criterion === 'correctionRate' ? 'correctionNoCases' : 'disclosureNoCases', data: {} },
    };
  const good = criterion === 'correctionRate' ? rate <= threshold : rate >= threshold;
  if (!why) return { criterion, points: good ? WEIGHTS.ratio : 0, max: WEIGHTS.ratio, reason: NO_REASON };
  const data = { ...counts, rate: percent(rate), threshold: percent(threshold) };
  const messageId =
    criterion === 'correctionRate' ? (good ? 'correctionLow' : 'correctionHigh') : good ? 'disclosureHigh' : 'disclosureLow';
  return { criterion, points: good ? WEIGHTS.ratio : 0, max: WEIGHTS.ratio, reason: { messageId, data } };
}

export function scoreRecord(input: Omit<ScoreInput, 'thresholds'>): ScoreRecord {
  const { report } = input;
  if (report.source?.unreadable) return unreadableRecord(report.source.unreadable);
  const correction = correctionRate(report);
  const disclosure = disclosureRate(report);
  const date = report.meta.publishedAt ?? report.meta.signedAt;
  let missingSections: SectionKey[] | null = null;
  let missingTables: TableKey[] | null = null;
  const unreadable = unreadableTables(report);
  if (isModernEra(report)) {
    const found = standardSections(report);
    missingSections = SECTION_KEYS.filter((k) => !found[k]);
    missingTables = TABLE_KEYS.filter((k) => !report.standard[k]);
  }
  // On a scan read by OCR a heading not found may only be misread (read-from-scan): not judged.
  const unreadSections = report.source.ocrPages && missingSections?.length ? missingSections : null;
  return {
    year: report.meta.year,
    agencyKind: report.meta.agencyKind ?? null,
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
    ...(date && report.meta.publishedAt === date && report.meta.publishedAtSource === 'listing' ? { dateSource: 'listing' as const } : {}),
    missingSections,
    missingTables,
    errors: input.findings.errors,
    warnings: input.findings.warnings,
    copiedShare: input.previous ? copiedShare(report, input.previous).share : null,
    copiedYear: input.previous ? (input.previous.meta.year ?? null) : null,
    corrected: correction?.corrected ?? null,
    cases: correction?.total ?? null,
    disclosed: disclosure?.disclosed ?? null,
    handled: disclosure?.handled ?? null,
    ...(unreadable.length ? { unreadableTables: unreadable } : {}),
    ...(unreadSections ? { unreadSections } : {}),
  };
}

/** The record of a report that could not be read at all (a scanned PDF): shown in the scores, never scored. */
export function unreadableRecord(reason: 'scanned'): ScoreRecord {
  return {
    year: null,
    agencyKind: null,
    date: null,
    missingSections: null,
    missingTables: null,
    errors: 0,
    warnings: 0,
    copiedShare: null,
    copiedYear: null,
    corrected: null,
    cases: null,
    disclosed: null,
    handled: null,
    unreadable: reason,
  };
}

/** The record with other error and warning counts (after a review dismissed or restored a finding). */
export function withFindings(record: ScoreRecord, findings: ScoreInput['findings']): ScoreRecord {
  return { ...record, errors: findings.errors, warnings: findings.warnings };
}

/** 纠错率 and 公开率 of a stored record (null: no cases, no applications handled). */
export function recordRates(record: ScoreRecord): { correctionRate: number | null; disclosureRate: number | null } {
  return {
    correctionRate: record.corrected !== null && record.cases !== null && record.cases > 0 ? record.corrected / record.cases : null,
    disclosureRate: record.disclosed !== null && record.handled !== null && record.handled > 0 ? record.disclosed / record.handled : null,
  };
}

/** The scorecard of a stored record under the given thresholds (pure; no report body needed). */
export function applyThresholds(record: ScoreRecord, thresholds?: Partial<ScoreThresholds>): Scorecard {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const { correctionRate, disclosureRate } = recordRates(record);
  if (record.unreadable) return { points: 0, max: 0, items: unreadableItems(), ratios: { correctionRate: null, disclosureRate: null } };
  const items = itemsOf(record, t, true);
  return {
    points: items.reduce((a, i) => a + i.points, 0),
    max: items.reduce((a, i) => a + i.max, 0),
    items,
    ratios: { correctionRate, disclosureRate },
  };
}

/**
 * applyThresholds' points and maximum, and its on-time item, without wording the other items' reasons: the
 * #scores list ranks 10,000 rows by their share and words only the rows it shows (the items are the same
 * functions, told not to build their reasons; test/unit/score/totals.test.ts holds the two equal).
 */
export function scoreTotals(
  record: ScoreRecord,
  thresholds?: Partial<ScoreThresholds>,
): { points: number; max: number; onTime?: ScoreItem } {
  if (record.unreadable) return { points: 0, max: 0 };
  const items = itemsOf(record, { ...DEFAULT_THRESHOLDS, ...thresholds }, false);
  let points = 0;
  let max = 0;
  for (const i of items) {
    points += i.points;
    max += i.max;
  }
  return { points, max, onTime: items[0] };
}

/**
 * A readable record's items under the thresholds, the on-time item first and worded, the others' reasons not
 * (their points and maxima are applyThresholds'): what a report's summary keeps the threshold-free points of.
 */
export function unwordedItems(record: ScoreRecord, thresholds?: Partial<ScoreThresholds>): ScoreItem[] {
  return itemsOf(record, { ...DEFAULT_THRESHOLDS, ...thresholds }, false);
}

/** What a reason is when it is not worded (scoreTotals, unwordedItems): never shown. */
const NO_REASON: ScoreItem['reason'] = { messageId: 'dataLogicClean', data: {} };

/** The items of a readable record, the on-time item first; `why` false leaves all but that one's reasons unworded. */
function itemsOf(record: ScoreRecord, t: ScoreThresholds, why: boolean): ScoreItem[] {
  const { correctionRate, disclosureRate } = recordRates(record);
  return [
    onTime(record),
    ...completeness(record, why),
    dataLogic(record, why),
    copied(record, t.copiedShare, why),
    ratioItem(
      'correctionRate',
      correctionRate === null ? null : { corrected: record.corrected!, total: record.cases! },
      correctionRate,
      t.correctionRate,
      why,
    ),
    ratioItem(
      'disclosureRate',
      disclosureRate === null ? null : { disclosed: record.disclosed!, handled: record.handled! },
      disclosureRate,
      t.disclosureRate,
      why,
    ),
  ];
}

export function scoreReport(input: ScoreInput): Scorecard {
  return applyThresholds(scoreRecord(input), input.thresholds);
}
