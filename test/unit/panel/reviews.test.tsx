// @vitest-environment happy-dom
/**
 * Finding reviews in the panel and popup: dismissed findings are listed apart and left out of every count
 * (groups, total, pill, badge); the inline control confirms or dismisses with a note, keyboard first.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel, type PanelModel } from '../../../components/panel/Panel';
import { FindingList } from '../../../components/shared/FindingList';
import { strings } from '../../../utils/i18n';
import type { Finding } from '../../../utils/report/types';
import { badgeFor, countActive, findingKey, type ReviewMap, toReviewMap } from '../../../utils/reviews';
import { makeFinding } from '../library/builder';

const cell = (row: number) => ({ kind: 'cell' as const, quote: String(row), table: 0, row, col: 1 });
const findings: Finding[] = [
  makeFinding('applications-balance', 'error', cell(1)),
  makeFinding('applications-outcome-sum', 'error', cell(2)),
  makeFinding('narrative-vs-table', 'warning', cell(3)),
  makeFinding('outdated-format', 'info'),
];
const dismissFirst: ReviewMap = { [findingKey(findings[0])]: { status: 'dismissed', note: '<img src=x onerror=alert(1)> 已核实' } };

afterEach(() => render(null, document.body));

describe('review counts and badge', () => {
  it('dismissed findings are not counted; confirmed ones are', () => {
    expect(countActive(findings)).toEqual({ error: 2, warning: 1, info: 1, dismissed: 0 });
    expect(countActive(findings, dismissFirst)).toEqual({ error: 1, warning: 1, info: 1, dismissed: 1 });
    const confirmed: ReviewMap = { [findingKey(findings[0])]: { status: 'confirmed', note: '' } };
    expect(countActive(findings, confirmed).error).toBe(2);
  });

  it('the badge drops by one per dismissed error, falls back to warnings, then to nothing', () => {
    expect(badgeFor(findings).text).toBe('2');
    expect(badgeFor(findings, dismissFirst).text).toBe('1');
    const allErrors = toReviewMap(findings.slice(0, 2).map((f) => ({ findingKey: findingKey(f), status: 'dismissed' as const, note: '' })));
    expect(badgeFor(findings, allErrors)).toEqual({ text: '1', color: '#B86E00' });
    expect(badgeFor(findings.slice(0, 2), allErrors).text).toBe('');
    expect(badgeFor(null).text).toBe('');
  });

  it('a review map keyed by a prototype name is no review', () => {
    expect(countActive([makeFinding('x', 'error', cell(1))], JSON.parse('{"__proto__": {"status": "dismissed"}}')).error).toBe(1);
  });
});

describe('FindingList (popup form: no controls)', () => {
  it('marks reviewed findings with data-review and shows the note as text', () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(<FindingList findings={findings} locale="zh-Hans" t={strings('zh-Hans')} reviews={dismissFirst} />, root);
    const rules = [...root.querySelectorAll<HTMLElement>('[data-rule]')];
    expect(rules.map((e) => e.dataset.rule).sort()).toEqual(findings.map((f) => f.rule).sort());
    const dismissed = root.querySelector<HTMLElement>('[data-rule="applications-balance"]')!;
    expect(dismissed.dataset.review).toBe('dismissed');
    expect(dismissed.closest('[data-review-group="dismissed"]')).not.toBeNull();
    expect(dismissed.textContent).toContain('已忽略');
    expect(dismissed.textContent).toContain('<img src=x onerror=alert(1)> 已核实');
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.querySelector<HTMLElement>('[data-severity="error"] [data-count]')!.dataset.count).toBe('1');
    expect(root.querySelector<HTMLElement>('[data-rule="narrative-vs-table"]')!.dataset.review).toBeUndefined();
  });
});

function model(reviews: ReviewMap): PanelModel {
  return {
    title: '懷化市衛生計生委2018年政務公開工作年度報告',
    agency: '懷化市衛生計生委',
    year: 2018,
    era: '2008',
    figures: {
      activeDisclosed: 1,
      applicationsNew: 2,
      applicationsCarriedOver: null,
      applicationsHandled: null,
      applicationsCarriedForward: null,
      reviewTotal: null,
      litigationTotal: null,
    },
    findings,
    reviews,
    locale: 'zh-Hant',
    saved: null,
    saving: false,
  };
}

describe('Panel review control', () => {
  it('opens from the small control, dismisses with a note, keeps focus on the control, and counts drop', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    let reviews: ReviewMap = {};
    const calls: unknown[] = [];
    const draw = () =>
      render(
        <Panel
          model={model(reviews)}
          state="expanded"
          onState={() => undefined}
          onSelect={() => true}
          onSave={() => undefined}
          onOpenLibrary={() => undefined}
          onReview={async (finding, review) => {
            calls.push([finding.rule, review]);
            reviews = review ? { ...reviews, [findingKey(finding)]: { status: review.status, note: review.note } } : {};
            draw();
            return null;
          }}
        />,
        root,
      );
    await act(() => draw());
    expect(root.textContent).toContain('懷化市衛生計生委');
    expect(root.querySelector<HTMLElement>('[data-total]')!.dataset.total).toBe('4');

    const toggle = () => root.querySelector<HTMLButtonElement>('[data-index="0"] .rl-review-toggle')!;
    expect(toggle().textContent).toBe('審核');
    expect(toggle().getAttribute('aria-expanded')).toBe('false');
    await act(() => toggle().click());
    expect(toggle().getAttribute('aria-expanded')).toBe('true');
    const input = root.querySelector<HTMLInputElement>('.rl-review-input')!;
    expect(root.ownerDocument.activeElement).toBe(input);
    input.value = '  表格為圖片，人工核對無誤 ';
    await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
    await act(async () => root.querySelector<HTMLButtonElement>('[data-review-action="dismissed"]')!.click());
    await act(async () => undefined);

    expect(calls).toEqual([['applications-balance', { status: 'dismissed', note: '表格為圖片，人工核對無誤' }]]);
    expect(root.querySelector('.rl-review-form')).toBeNull();
    const item = root.querySelector<HTMLElement>('button[data-rule="applications-balance"]')!;
    expect(item.dataset.review).toBe('dismissed');
    expect(item.textContent).toContain('已忽略');
    expect(item.textContent).toContain('表格為圖片，人工核對無誤');
    expect(root.querySelector<HTMLElement>('[data-total]')!.dataset.total).toBe('3');
    expect(root.querySelector<HTMLElement>('[data-severity="error"] [data-count]')!.dataset.count).toBe('1');
    // The control moved with its finding (into the dismissed group) and keeps the focus.
    expect(root.ownerDocument.activeElement).toBe(toggle());
    expect(toggle().closest('[data-review-group="dismissed"]')).not.toBeNull();

    // Esc in the form closes the form, not the panel.
    await act(() => toggle().click());
    const form = root.querySelector<HTMLElement>('.rl-review-form')!;
    await act(() => void form.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(root.querySelector('.rl-review-form')).toBeNull();
    expect(root.querySelector('.rl-panel')).not.toBeNull();

    // Clearing the review brings it back into its group.
    await act(() => toggle().click());
    await act(async () => root.querySelector<HTMLButtonElement>('[data-review-action="clear"]')!.click());
    await act(async () => undefined);
    expect(root.querySelector<HTMLElement>('button[data-rule="applications-balance"]')!.dataset.review).toBeUndefined();
    expect(root.querySelector<HTMLElement>('[data-total]')!.dataset.total).toBe('4');
  });

  it('a failed review keeps the form open and says why', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(() =>
      render(
        <Panel
          model={model({})}
          state="expanded"
          onState={() => undefined}
          onSelect={() => true}
          onSave={() => undefined}
          onOpenLibrary={() => undefined}
          onReview={async () => '数据库不可用'}
        />,
        root,
      ),
    );
    await act(() => root.querySelector<HTMLButtonElement>('.rl-review-toggle')!.click());
    await act(async () => root.querySelector<HTMLButtonElement>('[data-review-action="confirmed"]')!.click());
    await act(async () => undefined);
    expect(root.querySelector('.rl-review-form')).not.toBeNull();
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('数据库不可用');
  });
});
