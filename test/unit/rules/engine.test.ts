import { describe, expect, it } from 'vitest';
import { ALL_RULES, fillTemplate, renderFinding, runRules } from '../../../utils/rules';
import type { Rule } from '../../../utils/rules/types';
import { addReviewTable, baseReport, withText } from './build-report';

const boom: Rule = {
  id: 'boom',
  meta: {
    severity: 'error',
    category: 'tables',
    docs: { 'zh-Hans': '', en: '', why: { 'zh-Hans': '', en: '' }, fix: { 'zh-Hans': '', en: '' }, example: '' },
    messages: {},
  },
  check() {
    throw new Error('kaput');
  },
};

const emits: Rule<'m'> = {
  id: 'emits',
  meta: {
    severity: 'warning',
    category: 'prose',
    docs: { 'zh-Hans': '', en: '', why: { 'zh-Hans': '', en: '' }, fix: { 'zh-Hans': '', en: '' }, example: '' },
    messages: { m: { 'zh-Hans': '数 {n}，{l}', 'zh-Hant': '數 {n}，{l}', en: 'n {n}, {l}' } },
  },
  check(report, _c, emit) {
    const l = { 'zh-Hans': '简', 'zh-Hant': '繁', en: 'en' };
    emit('m', { n: 2, l }, { kind: 'text', start: 5, end: 6, quote: report.text.slice(5, 6) });
    emit('m', { n: 1, l }, { kind: 'text', start: 1, end: 2, quote: report.text.slice(1, 2) }, [], 'error');
    emit('m', { n: 3, l }, { kind: 'report' }, [], 'info');
    emit('m', { n: 0, l }, { kind: 'text', start: 0, end: 1, quote: report.text.slice(0, 1) });
  },
};

describe('engine', () => {
  it('fills templates per locale', () => {
    expect(fillTemplate('{a} 和 {b}', { a: 1, b: { 'zh-Hans': '乙', 'zh-Hant': '乙', en: 'B' } }, 'en')).toBe('1 和 B');
    expect(fillTemplate('{missing}', {}, 'en')).toBe('{missing}');
  });

  it('a throwing rule becomes one info internal-error finding; the others still run', () => {
    const report = withText(baseReport(), '零一二三四五六');
    const findings = runRules(report, {}, [boom, emits]);
    const internal = findings.filter((f) => f.rule === 'internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ severity: 'info', location: { kind: 'report' } });
    expect(internal[0]).toMatchObject({ messageId: 'failed', data: { rule: 'boom' } });
    expect(renderFinding(internal[0]!, 'zh-Hans')).toContain('boom');
    expect(renderFinding(internal[0]!, 'en')).toContain('kaput');
    expect(findings.filter((f) => f.rule === 'emits')).toHaveLength(4);
  });

  it('sorts by severity, then by position', () => {
    const report = withText(baseReport(), '零一二三四五六');
    const findings = runRules(report, {}, [emits]);
    expect(findings.map((f) => `${f.severity}:${renderFinding(f, 'en', [emits])}`)).toEqual([
      'error:n 1, en',
      'warning:n 0, en',
      'warning:n 2, en',
      'info:n 3, en',
    ]);
    expect(findings[0]).toMatchObject({ rule: 'emits', messageId: 'm', data: { n: 1 } });
    expect(renderFinding(findings[0]!, 'zh-Hant', [emits])).toBe('數 1，繁');
    expect(renderFinding(findings[0]!, 'zh-Hans', [emits])).toBe('数 1，简');
  });

  it('cell locations sort in table order', () => {
    const report = addReviewTable(baseReport(), { review: [1, 0, 0, 0, 0], litigationDirect: [1, 0, 0, 0, 0] });
    const findings = runRules(report);
    const cells = findings.filter((f) => f.rule === 'review-litigation-sum').map((f) => f.location);
    expect(cells).toEqual([expect.objectContaining({ row: 1 }), expect.objectContaining({ row: 2 })]);
  });

  it('runs all rules by default, on an empty report without internal errors', () => {
    expect(runRules(baseReport()).filter((f) => f.rule === 'internal-error')).toEqual([]);
    expect(runRules(baseReport({ year: null, format: null, agencyKind: null, agency: null }))).toEqual([]);
  });

  it('registry: unique kebab-case ids, one file each, messages in three locales', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.meta.docs['zh-Hans'].length).toBeGreaterThan(10);
      expect(rule.meta.docs.en.length).toBeGreaterThan(10);
      expect(rule.meta.docs.why.en.length).toBeGreaterThan(10);
      expect(rule.meta.docs.fix['zh-Hans'].length).toBeGreaterThan(10);
      expect(rule.meta.docs.fix.en.length).toBeGreaterThan(10);
      expect(rule.meta.docs.example.length).toBeGreaterThan(3);
      for (const t of Object.values(rule.meta.messages)) {
        const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders(t['zh-Hant'])).toEqual(placeholders(t['zh-Hans']));
      }
    }
  });
});
