import type { Finding, Locale, LocalizedText, Location, Report, Severity } from '../report/types';
import type { MessageData, Rule, RuleContext } from './types';
import { ALL_RULES } from './registry';
import { findSection } from '../report/sections';

const LOCALES: readonly Locale[] = ['zh-Hans', 'zh-Hant', 'en'];
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Fills {placeholders} of one template; an unknown placeholder is left as written. */
export function fillTemplate(template: string, data: MessageData, locale: Locale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = data[name];
    if (value === undefined) return whole;
    if (typeof value === 'object') return value[locale];
    return String(value);
  });
}

export function fillMessages(templates: LocalizedText, data: MessageData): LocalizedText {
  const out = {} as LocalizedText;
  for (const locale of LOCALES) out[locale] = fillTemplate(templates[locale], data, locale);
  return out;
}

const INTERNAL_ERROR: LocalizedText = {
  'zh-Hans': '规则 {rule} 运行出错，未能完成检查：{error}',
  'zh-Hant': '規則 {rule} 執行出錯，未能完成檢查：{error}',
  en: 'Rule {rule} failed and could not finish its check: {error}',
};

/**
 * Runs the rules over a report. A rule that throws yields one 'info' finding of rule
 * 'internal-error' (the others still run). Findings are sorted by severity, then by where they are.
 */
export function runRules(
  report: Report,
  context: RuleContext = {},
  rules: readonly Rule[] = ALL_RULES,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const mine: Finding[] = [];
    try {
      rule.check(report, context, (messageId, data, location, related, severity) => {
        const templates = rule.meta.messages[messageId];
        if (!templates) throw new Error(`unknown messageId "${messageId}"`);
        const messages = fillMessages(templates, data);
        const finding: Finding = {
          rule: rule.id,
          severity: severity ?? rule.meta.severity,
          message: messages['zh-Hans'],
          messages,
          location,
        };
        if (related && related.length > 0) finding.related = related;
        mine.push(finding);
      });
      findings.push(...mine);
    } catch (error) {
      const messages = fillMessages(INTERNAL_ERROR, {
        rule: rule.id,
        error: error instanceof Error ? error.message : String(error),
      });
      findings.push({
        rule: 'internal-error',
        severity: 'info',
        message: messages['zh-Hans'],
        messages,
        location: { kind: 'report' },
      });
    }
  }
  return sortFindings(report, findings);
}

export function sortFindings(report: Report, findings: Finding[]): Finding[] {
  const keyed = findings.map((finding, index) => ({ finding, index, key: locationKey(report, finding.location) }));
  keyed.sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      compareKeys(a.key, b.key) ||
      a.index - b.index,
  );
  return keyed.map((k) => k.finding);
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Reading order of a location: [position in text, table, row, col]. Report-level locations come first. */
export function locationKey(report: Report, location: Location): number[] {
  switch (location.kind) {
    case 'report':
      return [-1];
    case 'text':
      return [location.start, -1, -1, -1];
    case 'section':
      return [sectionStart(report, location.path, location.quote), -1, -1, -1];
    case 'cell': {
      const table = report.tables[location.table];
      let pos = Number.MAX_SAFE_INTEGER;
      if (table) {
        const slot = table.slots[location.row]?.[location.col];
        const cell = slot !== undefined && slot >= 0 ? table.cells[slot] : undefined;
        pos = cell?.range?.start ?? table.range?.start ?? tableStart(report, location.table, table.section);
      }
      return [pos, location.table, location.row, location.col];
    }
  }
}

function tableStart(report: Report, _table: number, path: number[]): number {
  if (path.length === 0) return 0;
  return sectionStart(report, path);
}

/** Where a section path starts (the quote, the heading text, picks among repeated numbers). */
function sectionStart(report: Report, path: number[], quote?: string): number {
  return findSection(report.sections, path, quote, report.text)?.heading.start ?? 0;
}
