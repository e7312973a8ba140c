import { findSection } from '../report/sections';
import type { Finding, Location, Report, Severity } from '../report/types';
import { ALL_RULES } from './registry';
import type { ReportFunction, Rule, RuleContext } from './types';

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What the rules compared, per rule id (relations and figures, held or not): filled by runRules when given. */
export interface CheckTally {
  checked: Record<string, number>;
}

export const newTally = (): CheckTally => ({ checked: {} });

/** How many relations and figures were compared in all. */
export const checkedCount = (tally: CheckTally | null | undefined): number =>
  Object.values(tally?.checked ?? {}).reduce((a, b) => a + b, 0);

/**
 * Runs the rules over a report. A rule that throws yields one 'info' finding of rule
 * 'internal-error' (the others still run). Findings are sorted by severity, then by where they are.
 */
export function runRules(report: Report, context: RuleContext = {}, rules: readonly Rule[] = ALL_RULES, tally?: CheckTally): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const mine: Finding[] = [];
    let checked = 0;
    try {
      const emit: ReportFunction = (messageId, data, location, related, severity) => {
        if (!Object.hasOwn(rule.meta.messages, messageId)) throw new Error(`unknown messageId "${messageId}"`);
        const finding: Finding = {
          rule: rule.id,
          messageId,
          data: { ...data },
          severity: severity ?? rule.meta.severity,
          location,
        };
        if (related && related.length > 0) finding.related = related;
        mine.push(finding);
      };
      emit.checked = (n = 1) => {
        checked += n;
      };
      rule.check(report, context, emit);
      findings.push(...mine);
      if (tally && checked > 0) tally.checked[rule.id] = (tally.checked[rule.id] ?? 0) + checked;
    } catch (error) {
      // Text in ENGINE_MESSAGES (render.ts), like any rule's.
      findings.push({
        rule: 'internal-error',
        messageId: 'failed',
        data: { rule: rule.id, error: error instanceof Error ? error.message : String(error) },
        severity: 'info',
        location: { kind: 'report' },
      });
    }
  }
  return sortFindings(report, findings);
}

export function sortFindings(report: Report, findings: Finding[]): Finding[] {
  const keyed = findings.map((finding, index) => ({ finding, index, key: locationKey(report, finding.location) }));
  keyed.sort(
    (a, b) => SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] || compareKeys(a.key, b.key) || a.index - b.index,
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
function locationKey(report: Report, location: Location): number[] {
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
