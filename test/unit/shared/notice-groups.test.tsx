// @vitest-environment happy-dom
/**
 * Issue 21.8, no floods: notices (info) of one rule behind one line that opens on demand, with "ignore all
 * like this" going through the one review path; errors and warnings are never grouped.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingList, groupNotices, noticeGroupText, type ReviewHandler } from '../../../components/shared/FindingList';
import { strings } from '../../../utils/i18n';
import type { Finding } from '../../../utils/report/types';
import { findingKey, type ReviewMap } from '../../../utils/reviews';
import { makeFinding } from '../library/builder';

const cell = (row: number, col = 1) => ({ kind: 'cell' as const, quote: '', table: 1, row, col });
/** 19 blank-cell notices (one per cell), one other notice, two warnings of one rule, one error. */
const blanks: Finding[] = Array.from({ length: 19 }, (_, i) =>
  makeFinding('blank-cells', 'info', cell(1 + (i % 10), 1 + Math.floor(i / 10))),
);
const findings: Finding[] = [
  makeFinding('applications-balance', 'error', cell(20)),
  blanks[0]!,
  makeFinding('outdated-format', 'info'),
  ...blanks.slice(1),
  makeFinding('narrative-vs-table', 'warning', cell(21)),
  makeFinding('narrative-vs-table', 'warning', cell(22)),
];

/** Let the handler's awaits (all resolved at once) run out. */
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => render(null, document.body));

function mount(ui: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(ui, root);
  return root;
}

describe('groupNotices', () => {
  it('puts the 19 notices of one rule on one row at the place of the first; a lone notice and the warnings stay one by one', () => {
    const rows = groupNotices(findings.map((finding) => ({ finding })));
    expect(rows.map((r) => (r.kind === 'group' ? `group:${r.rule}:${r.entries.length}` : r.entry.finding.rule))).toEqual([
      'applications-balance',
      'group:blank-cells:19',
      'outdated-format',
      'narrative-vs-table',
      'narrative-vs-table',
    ]);
  });

  it('a single notice of a rule is not a group', () => {
    const rows = groupNotices([{ finding: blanks[0]! }]);
    expect(rows).toEqual([{ kind: 'one', entry: { finding: blanks[0] } }]);
  });

  it('the line names the count and what it counts, in each locale', () => {
    expect(noticeGroupText('blank-cells', blanks, strings('zh-Hans'))).toBe('19 条空白单元格提示');
    expect(noticeGroupText('blank-cells', blanks, strings('zh-Hant'))).toBe('19 條空白儲存格提示');
    expect(noticeGroupText('blank-cells', blanks, strings('en'))).toBe('19 blank-cell notes');
    // A rule without a catalogue label is still named (by its id), never left blank.
    expect(noticeGroupText('some-rule', blanks.slice(0, 3), strings('zh-Hans'))).toBe('3 条提示（some-rule）');
  });

  it('blank-cell notices (one per block) are counted by the cells they name: 7 + 5 + 4 + 3 = 19 cells in 4 notices', () => {
    const block = (count: number, row: number): Finding => ({
      ...makeFinding('blank-cells', 'info', cell(row)),
      messageId: 'blank',
      data: { count },
    });
    const four = [block(7, 1), block(5, 2), block(4, 3), block(3, 4)];
    expect(noticeGroupText('blank-cells', four, strings('zh-Hans'))).toBe('19 处空白单元格（4 条提示）');
    expect(noticeGroupText('blank-cells', four, strings('en'))).toBe('19 blank cells (4 notes)');
    // Mixed with another kind of blank-cell notice (a relation not checkable), the line counts notices instead.
    const mixed = [...four, { ...block(2, 5), messageId: 'notCheckable' }];
    expect(noticeGroupText('blank-cells', mixed, strings('zh-Hans'))).toBe('5 条空白单元格提示');
  });
});

describe('FindingList with a flood of notices', () => {
  it('shows one line for the 19 notices; opening it lists them; the counts still count each one', async () => {
    const root = mount(<FindingList findings={findings} locale="zh-Hans" t={strings('zh-Hans')} onSelect={() => undefined} />);
    const info = root.querySelector<HTMLElement>('[data-severity="info"]')!;
    expect(info.querySelector<HTMLElement>('[data-count]')!.dataset.count).toBe('20');
    const group = info.querySelector<HTMLElement>('[data-group-rule="blank-cells"]')!;
    expect(group.dataset.groupCount).toBe('19');
    const toggle = group.querySelector<HTMLButtonElement>('.rl-group-toggle')!;
    expect(toggle.textContent).toContain('19 条空白单元格提示');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelectorAll('button[data-rule="blank-cells"]').length).toBe(0);
    expect(root.querySelectorAll('button[data-rule="outdated-format"]').length).toBe(1);
    // Warnings are not grouped, however many.
    expect(root.querySelectorAll('button[data-rule="narrative-vs-table"]').length).toBe(2);
    // No review control in a list without onReview: no "ignore all" either.
    expect(group.querySelector('[data-action="ignore-all"]')).toBeNull();

    await act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelectorAll('button[data-rule="blank-cells"]').length).toBe(19);
    await act(() => toggle.click());
    expect(root.querySelectorAll('button[data-rule="blank-cells"]').length).toBe(0);
  });

  it('"ignore all" dismisses each of the 19 through the review handler; once dismissed they leave the notices', async () => {
    const calls: Array<[string, unknown]> = [];
    let reviews: ReviewMap = {};
    const onReview: ReviewHandler = async (finding, review) => {
      calls.push([findingKey(finding), review]);
      reviews = { ...reviews, [findingKey(finding)]: { status: 'dismissed', note: '' } };
      return null;
    };
    const ui = () => (
      <FindingList
        findings={findings}
        locale="zh-Hans"
        t={strings('zh-Hans')}
        onSelect={() => undefined}
        reviews={reviews}
        onReview={onReview}
      />
    );
    const root = mount(ui());
    const ignore = root.querySelector<HTMLButtonElement>('[data-group-rule="blank-cells"] [data-action="ignore-all"]')!;
    expect(ignore.textContent).toBe('全部忽略');
    expect(ignore.getAttribute('aria-label')).toBe('忽略全部 19 条空白单元格提示');
    await act(async () => {
      ignore.click();
      await settle();
    });
    expect(calls.length).toBe(19);
    expect(new Set(calls.map(([key]) => key))).toEqual(new Set(blanks.map(findingKey)));
    expect(calls.every(([, review]) => (review as { status: string }).status === 'dismissed')).toBe(true);
    // The page answers with the new reviews: the info group keeps only the other notice.
    await act(() => render(ui(), root));
    expect(root.querySelector('[data-group-rule="blank-cells"]')).toBeNull();
    expect(root.querySelector<HTMLElement>('[data-severity="info"] [data-count]')!.dataset.count).toBe('1');
    expect(root.querySelector<HTMLElement>('[data-review-group="dismissed"] .rl-count')!.textContent).toBe('19');
  });

  it('a failed save stops "ignore all" and says so', async () => {
    let n = 0;
    const onReview: ReviewHandler = async () => (++n === 3 ? 'quota exceeded' : null);
    const root = mount(
      <FindingList findings={findings} locale="zh-Hans" t={strings('zh-Hans')} onSelect={() => undefined} onReview={onReview} />,
    );
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-action="ignore-all"]')!.click();
      await settle();
    });
    expect(n).toBe(3);
    expect(root.querySelector('[data-group-rule="blank-cells"] [role="alert"]')!.textContent).toContain('quota exceeded');
  });
});
