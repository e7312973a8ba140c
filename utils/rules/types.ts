/**
 * The rule API, in the manner of ESLint / textlint: one file per rule under utils/rules/, a stable id,
 * metadata (default severity, category, docs in Chinese and English, message templates) and a check()
 * that reports problems through a callback. The engine (engine.ts) turns reports into Findings.
 */
import type { CellRef, LocalizedText, Location, Report, Severity } from '../report/types';

export type RuleCategory = 'tables' | 'structure' | 'prose' | 'dates' | 'cross-year' | 'cross-report';

/** Another year's report of the same agency, given to cross-year rules. */
export interface NeighbourReport {
  report: Report;
  /** How to name it in a message, e.g. "2021年 平邑县卫生健康局". */
  label: string;
  url?: string;
}

export interface RuleContext {
  neighbours?: { previous?: NeighbourReport; next?: NeighbourReport };
  /** Reports the user marked as this one's children (departments, towns) for the same year. */
  children?: NeighbourReport[];
  /** Children the user marked that have no report of this year in the library (their names): sums are not checkable. */
  missingChildren?: string[];
}

/**
 * Placeholder values. Strings and numbers are used as-is in every locale; a LocalizedText gives the
 * value per locale (row and column names, section names, "blank cells read as 0" notes).
 */
type MessageValue = string | number | LocalizedText | TermData[];

/**
 * One term of an arithmetic finding (data.terms): what it is, the number read (null when the cell is blank
 * or a placeholder, which sums read as 0), the text as printed, and its cell so a view can highlight it.
 * Templates never print a term list; they print the rendered {expression} instead.
 */
export interface TermData {
  label: LocalizedText;
  value: number | null;
  text: string;
  cell: CellRef;
  /** Which side of the relation the term is on (the stated total is on the left of a sum). */
  side: 'left' | 'right';
}
export type MessageData = Record<string, MessageValue>;

interface RuleDocs {
  /** What the rule checks, one or two sentences. */
  'zh-Hans': string;
  en: string;
  /** Why it matters. */
  why: { 'zh-Hans': string; en: string };
  /** How the report's author fixes it, one or two sentences (the panel's 怎么改). */
  fix: { 'zh-Hans': string; en: string };
  /** A short example of a report that triggers the rule (Chinese, as printed in reports). */
  example: string;
  /**
   * Why its findings are errors, warnings or notes: when a careful reader would call it wrong and when only
   * doubtful (issue 17). Optional so a rule without it still compiles; docs/rules.md prints it when present.
   */
  severity?: { 'zh-Hans': string; en: string };
}

interface RuleMeta<M extends string = string> {
  /** Default severity of the rule's findings; a report() call may override it. */
  severity: Severity;
  category: RuleCategory;
  docs: RuleDocs;
  /** Message templates with {placeholders}, per locale. */
  messages: Record<M, LocalizedText>;
}

export type ReportFunction<M extends string = string> = ((
  messageId: M,
  data: MessageData,
  location: Location,
  related?: Location[],
  severity?: Severity,
) => void) & {
  /**
   * Count relations or figures the rule actually compared, whether they held or not (the panel's
   * "已核对 N 项"). The engine's emit has it; a hand-made emit in a test may not.
   */
  checked?: (n?: number) => void;
};

export interface Rule<M extends string = string> {
  /** Stable kebab-case id; the file is utils/rules/<id>.ts. */
  id: string;
  meta: RuleMeta<M>;
  check(report: Report, context: RuleContext, emit: ReportFunction<M>): void;
}

/** Helper so each rule file gets its messageIds checked by the compiler. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}
