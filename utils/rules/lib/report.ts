import type { Era, LocalizedText, Location, Report, Section, TextRange } from '../../report/types';
import { localized } from './labels';

/** The report's format era: meta.format, else guessed from the year. */
function eraOf(report: Report): Era | null {
  if (report.meta.format) return report.meta.format;
  const y = report.meta.year;
  if (y === null) return null;
  return y >= 2021 ? '2021' : y >= 2019 ? '2019' : '2008';
}

/** True for reports under the 2019 条例 (six fixed sections, three fixed tables). */
export function isModernEra(report: Report): boolean {
  const y = report.meta.year;
  if (y !== null) return y >= 2019;
  const era = eraOf(report);
  return era === '2019' || era === '2021';
}

export type SectionKey = 'overview' | 'active' | 'applications' | 'review' | 'problems' | 'other';

export const SECTION_KEYS: readonly SectionKey[] = ['overview', 'active', 'applications', 'review', 'problems', 'other'];

/** Matching order matters: 复议/诉讼 headings often mention 申请 too. */
const MATCH_ORDER: ReadonlyArray<[SectionKey, RegExp]> = [
  ['review', /复议|诉讼/],
  ['applications', /收到和处理|依申请|公开申请|申请公开|申请/],
  ['active', /主动公开/],
  ['problems', /问题|改进|不足/],
  ['other', /其他/],
  ['overview', /总体情况|概述|总体|基本情况/],
];

export const SECTION_NAMES: Record<SectionKey, { numeral: string; name: LocalizedText }> = {
  overview: { numeral: '一', name: localized('总体情况', '總體情況', 'overview') },
  active: { numeral: '二', name: localized('主动公开政府信息情况', '主動公開政府信息情況', 'proactive disclosure') },
  applications: {
    numeral: '三',
    name: localized('收到和处理政府信息公开申请情况', '收到和處理政府信息公開申請情況', 'applications received and handled'),
  },
  review: {
    numeral: '四',
    name: localized('政府信息公开行政复议、行政诉讼情况', '政府信息公開行政復議、行政訴訟情況', 'administrative review and litigation'),
  },
  problems: {
    numeral: '五',
    name: localized('存在的主要问题及改进情况', '存在的主要問題及改進情況', 'main problems and improvements'),
  },
  other: { numeral: '六', name: localized('其他需要报告的事项', '其他需要報告的事項', 'other matters') },
};

/** Top-level sections matched to the six standard sections, by title (fuzzy), each section used once. */
export function standardSections(report: Report): Partial<Record<SectionKey, Section>> {
  const out: Partial<Record<SectionKey, Section>> = {};
  const used = new Set<Section>();
  for (const [key, re] of MATCH_ORDER) {
    const found = report.sections.find((s) => !used.has(s) && re.test(s.title));
    if (found) {
      out[key] = found;
      used.add(found);
    }
  }
  return out;
}

function headingText(report: Report, section: Section): string {
  return report.text.slice(section.heading.start, section.heading.end) || `${section.label}、${section.title}`;
}

export function sectionLocation(report: Report, path: number[], section: Section): Location {
  return { kind: 'section', path, quote: headingText(report, section) };
}

export function textLocation(report: Report, range: TextRange): Location {
  return { kind: 'text', start: range.start, end: range.end, quote: report.text.slice(range.start, range.end) };
}

/** Every section with its path (numbers), depth first, in document order. */
export function walkSections(report: Report): Array<{ section: Section; path: number[]; siblings: Section[] }> {
  const out: Array<{ section: Section; path: number[]; siblings: Section[] }> = [];
  const walk = (list: Section[], prefix: number[]) => {
    for (const s of list) {
      const path = [...prefix, s.number];
      out.push({ section: s, path, siblings: list });
      walk(s.children, path);
    }
  };
  walk(report.sections, []);
  return out;
}
