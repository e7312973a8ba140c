import type { Finding, Report } from './report/types';
import { parseDocument, parseReportText, timeStage, type PageAnchors, type ParseResult, type ParseStage, type StageHook } from './parse';
import { runRules } from './rules';
import type { RuleContext } from './rules/types';

export interface CheckResult {
  report: Report;
  findings: Finding[];
  anchors: PageAnchors;
}

/** The parser's stages, then the rules. */
export type CheckStage = ParseStage | 'rules';

export interface CheckOptions {
  url?: string | null;
  context?: RuleContext;
  /** Told each stage's wall time (parse stages, then 'rules'). */
  onStage?: StageHook<CheckStage>;
}

/** Document → Report → findings: the same composition in the page, in the CLI, in the bench and in tests. */
export function checkDocument(doc: Document, options: CheckOptions = {}): CheckResult {
  return withFindings(parseDocument(doc, { url: options.url ?? null, onStage: options.onStage }), options);
}

/** A text dump (copied or extracted text) → findings: the dump becomes a document in `doc`, then as above. */
export function checkText(text: string, doc: Document, options: CheckOptions = {}): CheckResult {
  return withFindings(parseReportText(text, doc, { url: options.url ?? null, onStage: options.onStage }), options);
}

/**
 * A PDF rebuilt as a document (utils/pdf) → findings. Like a text dump, a PDF has no <title> or CMS
 * metadata of its own: its first lines are read for the title too.
 */
export function checkPdfDocument(doc: Document, options: CheckOptions = {}): CheckResult {
  return withFindings(parseDocument(doc, { url: options.url ?? null, onStage: options.onStage, fromTextDump: true }), options);
}

function withFindings({ report, anchors }: ParseResult, options: CheckOptions): CheckResult {
  const findings = report.isReport ? timeStage(options.onStage, 'rules', () => runRules(report, options.context ?? {})) : [];
  return { report, findings, anchors };
}
