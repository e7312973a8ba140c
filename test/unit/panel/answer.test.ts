/** The answer line (issue 21.7): plain categories of findings, counts that leave out notes and dismissed findings. */
import { describe, expect, it } from 'vitest';
import { answerOf, answerText, categoryOf } from '../../../components/shared/answer';
import type { Finding, Severity } from '../../../utils/report/types';
import { findingKey } from '../../../utils/reviews';
import { ALL_RULES } from '../../../utils/rules';
import { notCheckable } from '../../../utils/score/scorecard';

const finding = (rule: string, severity: Severity, messageId = 'm', start = 0): Finding => ({
  rule,
  messageId,
  data: {},
  severity,
  location: { kind: 'text', start, end: start + 1, quote: 'x' },
});

describe('categoryOf', () => {
  it('names the plain category of each kind of finding', () => {
    expect(categoryOf({ rule: 'applications-balance', messageId: 'sum' })).toBe('sums');
    expect(categoryOf({ rule: 'narrative-percent', messageId: 'mismatch' })).toBe('sums');
    expect(categoryOf({ rule: 'narrative-vs-table', messageId: 'mismatch' })).toBe('proseTable');
    expect(categoryOf({ rule: 'section-missing', messageId: 'missing' })).toBe('missing');
    expect(categoryOf({ rule: 'late-publication', messageId: 'late' })).toBe('form');
    expect(categoryOf({ rule: 'copied-text', messageId: 'copied' })).toBe('copied');
    expect(categoryOf({ rule: 'guessed-rows', messageId: 'guessed' })).toBe('unchecked');
    expect(categoryOf({ rule: 'blank-cells', messageId: 'notCheckable' })).toBe('unchecked');
    expect(categoryOf({ rule: 'blank-cells', messageId: 'tableNotCheckable' })).toBe('unchecked');
    expect(categoryOf({ rule: 'blank-cells', messageId: 'blank' })).toBe('missing');
  });

  it('what the score leaves out as not checkable is 无法核对 here too', () => {
    for (const f of [
      { rule: 'table-as-picture', messageId: 'unread' },
      { rule: 'table-as-picture', messageId: 'read' },
      { rule: 'table-missing', messageId: 'image' },
    ]) {
      expect(notCheckable(f)).toBe(true);
      expect(categoryOf(f)).toBe('unchecked');
    }
    expect(categoryOf({ rule: 'table-missing', messageId: 'absent' })).toBe('missing');
  });

  it('every rule of the catalogue, read one by one', () => {
    // Written from each rule's docs (docs/rules.md): what a reader would call its findings.
    const expected: Record<string, string> = {
      'applications-balance': 'sums',
      'applications-outcome-sum': 'sums',
      'applications-row-sum': 'sums',
      'review-litigation-sum': 'sums',
      'invalid-value': 'sums',
      'table-missing': 'missing',
      'table-as-picture': 'unchecked',
      'outdated-format': 'form',
      'implausible-regulations': 'sums',
      'section-numbering': 'form',
      'section-missing': 'missing',
      'blank-cells': 'missing',
      'guessed-rows': 'unchecked',
      'problems-section': 'missing',
      'declared-parts': 'missing',
      'narrative-sum': 'sums',
      'narrative-percent': 'sums',
      'narrative-vs-table': 'proseTable',
      'narrative-review-outcome': 'proseTable',
      'narrative-vs-disclosure': 'proseTable',
      'narrative-year': 'copied',
      'narrative-fee': 'proseTable',
      'truncated-sentence': 'missing',
      'late-publication': 'form',
      'statistics-period': 'form',
      'carry-over': 'sums',
      'regulations-continuity': 'sums',
      'copied-text': 'copied',
      'hierarchy-sum': 'sums',
      // What rests on text read from a scan by OCR is not checkable, never the report's fault (issue 18).
      'read-from-scan': 'unchecked',
    };
    expect(Object.fromEntries(ALL_RULES.map((r) => [r.id, categoryOf({ rule: r.id, messageId: 'x' })]))).toEqual(expected);
    expect(categoryOf({ rule: 'internal-error', messageId: 'failed' })).toBe('unchecked');
    // A standard table not read from a scan: not checkable; the same table missing from a typed page: missing.
    expect(categoryOf({ rule: 'table-missing', messageId: 'unreadScan' })).toBe('unchecked');
    expect(categoryOf({ rule: 'table-missing', messageId: 'empty' })).toBe('missing');
  });
});

describe('answer line', () => {
  it('"2 处数字对不上 · 已核对 37 项": notes are not problems', () => {
    const findings = [
      finding('applications-balance', 'error', 'sum', 1),
      finding('narrative-sum', 'warning', 'short', 2),
      finding('blank-cells', 'info', 'blank', 3),
    ];
    const answer = answerOf(findings, {}, 37);
    expect(answer).toEqual({ problems: [{ category: 'sums', count: 2 }], unchecked: 0, checked: 37 });
    expect(answerText(answer, 'zh-Hans')).toBe('2 处数字对不上 · 已核对 37 项');
  });

  it('several categories, most first; 无法核对 last', () => {
    const findings = [
      finding('section-missing', 'warning', 'missing', 1),
      finding('narrative-vs-table', 'error', 'mismatch', 2),
      finding('narrative-vs-table', 'warning', 'withCarriedOver', 3),
      finding('table-as-picture', 'warning', 'unread', 4),
    ];
    const answer = answerOf(findings, null, 12);
    expect(answerText(answer, 'zh-Hans')).toBe('2 处表格与正文不一致、1 处缺少内容、1 处无法核对 · 已核对 12 项');
    expect(answerText(answer, 'zh-Hant')).toBe('2 處表格與正文不一致、1 處缺少內容、1 處無法核對 · 已核對 12 項');
    expect(answerText(answer, 'en')).toBe('Text and table disagree: 2 · Missing content: 1 · Could not be checked: 1 · 12 checked');
  });

  it('a clean report says what was checked; a dismissed finding is not counted', () => {
    const dismissed = finding('applications-row-sum', 'error', 'sum', 5);
    const answer = answerOf(
      [dismissed],
      { [findingKey(dismissed)]: { status: 'dismissed', note: '', at: '2026-01-01T00:00:00Z' } } as never,
      37,
    );
    expect(answerText(answer, 'zh-Hans')).toBe('未发现数字问题 · 已核对 37 项');
    expect(answerText(answerOf([finding('table-as-picture', 'warning', 'unread')], {}, 0), 'zh-Hans')).toBe(
      '未发现数字问题、1 处无法核对 · 已核对 0 项',
    );
    // A check that did not count what it compared (a saved state from before) claims nothing about it.
    expect(answerText(answerOf([finding('narrative-sum', 'warning', 'short')], {}, undefined), 'zh-Hans')).toBe('1 处数字对不上');
  });
});
