/**
 * A RuleTester in the manner of ESLint's, on top of vitest:
 *   ruleTester.run(rule, { valid: [report | { report, context, name }], invalid: [{ report, errors: [...] }] })
 * Valid cases must produce no finding at all; invalid cases must produce exactly the listed errors, in the
 * engine's order (severity, then position). Each expected error matches by messageId, severity, location
 * (partial), related (each partial, same count) and message (string contained or RegExp), whichever are given.
 * Every finding must have its placeholders filled in all three locales.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, LocalizedText, Location, Report, Severity } from '../../../utils/report/types';
import { runRules } from '../../../utils/rules/engine';
import { renderAll } from '../../../utils/rules/render';
import type { Rule, RuleContext } from '../../../utils/rules/types';

export interface ValidCase {
  name?: string;
  report: Report;
  context?: RuleContext;
}

export interface ExpectedError {
  messageId?: string;
  severity?: Severity;
  location?: Partial<Location> & Record<string, unknown>;
  related?: Array<Partial<Location> & Record<string, unknown>>;
  /** A location (partial) that must be among related. */
  relatedIncludes?: Array<Partial<Location> & Record<string, unknown>>;
  message?: string | RegExp;
  en?: string | RegExp;
  /** Data the finding must carry (partial match). */
  data?: Record<string, unknown>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

/** A finding with its text rendered in the three locales, for matching. */
type Rendered = Finding & { message: string; messages: LocalizedText };

interface Emitted {
  messageId: string;
  finding: Rendered;
}

/** Runs one rule through the engine and renders each finding's message with that rule's templates. */
export function runRule(rule: Rule, report: Report, context: RuleContext = {}): Emitted[] {
  return runRules(report, context, [rule]).map((finding) => {
    const messages = renderAll(finding, [rule]);
    return { messageId: finding.messageId, finding: { ...finding, message: messages['zh-Hans'], messages } };
  });
}

function describeFinding(e: Emitted): string {
  const f = e.finding;
  return `${f.rule}/${e.messageId} [${f.severity}] ${JSON.stringify(f.location)} ${f.message}`;
}

function matches(text: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

function assertFilled(f: Rendered) {
  for (const text of Object.values(f.messages)) {
    expect(text, `unfilled placeholder in "${text}"`).not.toMatch(/\{\w+\}/);
  }
  expect(f.message).toBe(f.messages['zh-Hans']);
}

export const ruleTester = {
  run(rule: Rule, cases: { valid: Array<Report | ValidCase>; invalid: InvalidCase[] }) {
    describe(rule.id, () => {
      cases.valid.forEach((c, i) => {
        const vc: ValidCase = 'schemaVersion' in c ? { report: c } : c;
        it(`valid #${i + 1}${vc.name ? `: ${vc.name}` : ''}`, () => {
          const out = runRule(rule, vc.report, vc.context);
          expect(out.map(describeFinding)).toEqual([]);
        });
      });
      cases.invalid.forEach((c, i) => {
        it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
          const out = runRule(rule, c.report, c.context);
          if (out.length !== c.errors.length) {
            throw new Error(`expected ${c.errors.length} finding(s), got ${out.length}:\n${out.map(describeFinding).join('\n')}`);
          }
          c.errors.forEach((exp, k) => {
            const got = out[k]!;
            const where = `finding ${k + 1}: ${describeFinding(got)}`;
            expect(got.finding.rule, where).toBe(rule.id);
            assertFilled(got.finding);
            if (exp.messageId) expect(got.messageId, where).toBe(exp.messageId);
            if (exp.severity) expect(got.finding.severity, where).toBe(exp.severity);
            if (exp.location) expect(got.finding.location, where).toMatchObject(exp.location);
            if (exp.related) {
              expect(got.finding.related ?? [], where).toHaveLength(exp.related.length);
              exp.related.forEach((r, j) => {
                expect(got.finding.related![j], where).toMatchObject(r);
              });
            }
            for (const r of exp.relatedIncludes ?? []) {
              expect(got.finding.related ?? [], where).toEqual(expect.arrayContaining([expect.objectContaining(r)]));
            }
            if (exp.message) expect(matches(got.finding.message, exp.message), `${where}\nexpected ${exp.message}`).toBe(true);
            if (exp.data) expect(got.finding.data, where).toMatchObject(exp.data);
            if (exp.en) expect(matches(got.finding.messages.en, exp.en), `${where}\nexpected ${exp.en}`).toBe(true);
          });
        });
      });
    });
  },
};
