import type { Finding, Report } from './report/types';
import { parseDocument, type PageAnchors } from './parse';
import { runRules } from './rules';
import type { RuleContext } from './rules/types';

export interface CheckResult {
  report: Report;
  findings: Finding[];
  anchors: PageAnchors;
}

/** Document → Report → findings: the same composition in the page, in the CLI and in tests. */
export function checkDocument(doc: Document, options: { url?: string | null; context?: RuleContext } = {}): CheckResult {
  const { report, anchors } = parseDocument(doc, { url: options.url ?? null });
  const findings = report.isReport ? runRules(report, options.context ?? {}) : [];
  return { report, findings, anchors };
}
