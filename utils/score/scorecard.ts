/**
 * The scorecard of one saved report: what evaluators of these reports score (the CASS transparency index;
 * the 2021 format notice) — on time, complete, data logic, not copied from last year, and two ratios
 * (纠错率, 公开率) against user-settable thresholds. Every point is explained: each item says its criterion,
 * points, maximum and the reason (messageId + data, messages in SCORE_MESSAGES). What cannot be judged
 * (no date, no year, no previous report, no cases) scores 0 of 0 and says why, so it neither helps nor hurts.
 * The weights are this project's, not an official scale. Pure: the report and counts come in as parameters.
 */
import type { LocalizedText, Report } from '../report/types';
import { deadlineOf } from '../rules/late-publication';
import { copiedShare } from '../rules/copied-text';
import { DEFAULT_THRESHOLDS, type ScoreThresholds } from './thresholds';
import { SECTION_KEYS, SECTION_NAMES, isModernEra, standardSections } from '../rules/lib/report';
import { numberOf } from '../rules/lib/tables';
import { TABLE_LABELS } from '../rules/lib/labels';
import type { MessageData } from '../rules/types';
import type { ScoreMessageId } from './messages';

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

function onTime(report: Report): ScoreItem {
  const max = WEIGHTS.onTime;
  const deadline = deadlineOf(report);
  if (!deadline) return { criterion: 'onTime', points: 0, max: 0, reason: { messageId: 'onTimeNoYear', data: {} } };
  const date = report.meta.publishedAt ?? report.meta.signedAt;
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return { criterion: 'onTime', points: 0, max: 0, reason: { messageId: 'onTimeNoDate', data: { deadline: deadline.date } } };
  const data = { date, deadline: deadline.date, basis: deadline.basis };
  if (date <= deadline.date) return { criterion: 'onTime', points: max, max, reason: { messageId: 'onTime', data } };
  return { criterion: 'onTime', points: 0, max, reason: { messageId: 'late', data: { ...data, days: daysBetween(deadline.date, date) } } };
}

function completeness(report: Report): ScoreItem[] {
  if (!isModernEra(report)) {
    return [{ criterion: 'sections', points: 0, max: 0, reason: { messageId: 'completeBefore2019', data: {} } }];
  }
  const found = standardSections(report);
  const missingSections = SECTION_KEYS.filter((k) => !found[k]);
  const present = SECTION_KEYS.length - missingSections.length;
  const tables = [
    ['activeDisclosure', report.standard.activeDisclosure],
    ['applications', report.standard.applications],
    ['reviewLitigation', report.standard.reviewLitigation],
  ] as const;
  const missingTables = tables.filter(([, t]) => !t).map(([k]) => k);
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
      max: SECTION_KEYS.length * WEIGHTS.section,
      reason: missingSections.length
        ? { messageId: 'sectionsMissing', data: { present, missing: names(missingSections.map((k) => SECTION_NAMES[k].name)) } }
        : { messageId: 'sectionsAll', data: { present } },
    },
    {
      criterion: 'tables',
      points: (tables.length - missingTables.length) * WEIGHTS.table,
      max: tables.length * WEIGHTS.table,
      reason: missingTables.length
        ? { messageId: 'tablesMissing', data: { present: tables.length - missingTables.length, missing: names(missingTables.map((k) => TABLE_LABELS[k])) } }
        : { messageId: 'tablesAll', data: { present: tables.length } },
    },
  ];
}

function dataLogic(findings: ScoreInput['findings']): ScoreItem {
  const { errors, warnings } = findings;
  const points = Math.max(0, WEIGHTS.dataLogic - WEIGHTS.perError * errors - WEIGHTS.perWarning * warnings);
  return { criterion: 'dataLogic', points, max: WEIGHTS.dataLogic, reason: { messageId: errors || warnings ? 'dataLogicFindings' : 'dataLogicClean', data: { errors, warnings } } };
}

function copied(found: ScoreRecord['copied'], threshold: number): ScoreItem {
  if (!found) return { criterion: 'copied', points: 0, max: 0, reason: { messageId: 'copiedNoPrevious', data: {} } };
  const data = { share: percent(found.share), threshold: percent(threshold), year: found.year ?? '?' };
  return found.share >= threshold
    ? { criterion: 'copied', points: 0, max: WEIGHTS.copied, reason: { messageId: 'copied', data } }
    : { criterion: 'copied', points: WEIGHTS.copied, max: WEIGHTS.copied, reason: { messageId: 'notCopied', data } };
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

function ratioItem(criterion: 'correctionRate' | 'disclosureRate', counts: Record<string, number> | null, rate: number | null, threshold: number): ScoreItem {
  if (!counts || rate === null) return { criterion, points: 0, max: 0, reason: { messageId: criterion === 'correctionRate' ? 'correctionNoCases' : 'disclosureNoCases', data: {} } };
  const good = criterion === 'correctionRate' ? rate <= threshold : rate >= threshold;
  const data = { ...counts, rate: percent(rate), threshold: percent(threshold) };
  const messageId = criterion === 'correctionRate' ? (good ? 'correctionLow' : 'correctionHigh') : good ? 'disclosureHigh' : 'disclosureLow';
  return { criterion, points: good ? WEIGHTS.ratio : 0, max: WEIGHTS.ratio, reason: { messageId, data } };
}

/**
 * What the scorecard needs of a report once it is saved, without its body: the items no threshold changes
 * (on time, complete, data logic) and the raw figures the threshold items are judged on (the copied share,
 * the counts behind 纠错率 and 公开率). The library keeps one on every row; applyThresholds turns it into the
 * scorecard at view time, under the user's current thresholds.
 */
export interface ScoreRecord {
  /** onTime, sections (and tables for 2019+), dataLogic: in scorecard order. */
  fixed: ScoreItem[];
  /** Share of this report's text word for word in last year's (0..1) and that year; null without last year. */
  copied: { share: number; year: number | null } | null;
  correction: { corrected: number; total: number } | null;
  disclosure: { disclosed: number; handled: number } | null;
}

export function scoreRecord(input: Omit<ScoreInput, 'thresholds'>): ScoreRecord {
  const correction = correctionRate(input.report);
  const disclosure = disclosureRate(input.report);
  return {
    fixed: [onTime(input.report), ...completeness(input.report), dataLogic(input.findings)],
    copied: input.previous ? { share: copiedShare(input.report, input.previous).share, year: input.previous.meta.year ?? null } : null,
    correction: correction && { corrected: correction.corrected, total: correction.total },
    disclosure: disclosure && { disclosed: disclosure.disclosed, handled: disclosure.handled },
  };
}

/** The record with its data-logic item recounted (after a review dismissed or restored a finding). */
export function withFindings(record: ScoreRecord, findings: ScoreInput['findings']): ScoreRecord {
  return { ...record, fixed: record.fixed.map((i) => (i.criterion === 'dataLogic' ? dataLogic(findings) : i)) };
}

/** The scorecard of a stored record under the given thresholds (pure; no report body needed). */
export function applyThresholds(record: ScoreRecord, thresholds?: Partial<ScoreThresholds>): Scorecard {
  const t = { ...DEFAULT_THRESHOLDS, ...thresholds };
  const correctionRate = record.correction && record.correction.total > 0 ? record.correction.corrected / record.correction.total : null;
  const disclosureRate = record.disclosure && record.disclosure.handled > 0 ? record.disclosure.disclosed / record.disclosure.handled : null;
  const items = [
    ...record.fixed,
    copied(record.copied, t.copiedShare),
    ratioItem('correctionRate', record.correction, correctionRate, t.correctionRate),
    ratioItem('disclosureRate', record.disclosure, disclosureRate, t.disclosureRate),
  ];
  return {
    points: items.reduce((a, i) => a + i.points, 0),
    max: items.reduce((a, i) => a + i.max, 0),
    items,
    ratios: { correctionRate, disclosureRate },
  };
}

export function scoreReport(input: ScoreInput): Scorecard {
  return applyThresholds(scoreRecord(input), input.thresholds);
}
