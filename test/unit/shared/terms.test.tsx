// @vitest-environment happy-dom
/**
 * Issue 11 item 4: an arithmetic finding shows its terms (label = value, blank as 空白) as buttons, and a click on
 * a term highlights that term's cell through the same path as the finding (onSelect with the term's cell).
 * Terms written by hand: column 总计 of an applications table where (七)总计 reads 0 but the outcomes add to 1.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel, type PanelModel } from '../../../components/panel/Panel';
import { FindingList } from '../../../components/shared/FindingList';
import { strings } from '../../../utils/i18n';
import type { Finding, Location } from '../../../utils/report/types';

const text = (zh: string, hant: string, en: string) => ({ 'zh-Hans': zh, 'zh-Hant': hant, en });
const sumFinding: Finding = {
  rule: 'applications-outcome-sum',
  messageId: 'legacy-text',
  data: {
    text: text(
      '（七）总计为 0，而各项办理结果之和为 1',
      '（七）總計為 0，而各項辦理結果之和為 1',
      '(7) total is 0 but the outcomes add up to 1',
    ),
    terms: [
      { label: text('（七）总计', '（七）總計', '(7) Total'), value: 0, text: '0', cell: { table: 1, row: 23, col: 9 }, side: 'left' },
      {
        label: text('（一）予以公开', '（一）予以公開', '(1) Disclosed'),
        value: 0,
        text: '0',
        cell: { table: 1, row: 4, col: 9 },
        side: 'right',
      },
      {
        label: text('（三）2. 其他法律行政法规禁止公开', '（三）2. 其他法律行政法規禁止公開', '(3) 2. Other laws'),
        value: 1,
        text: '1',
        cell: { table: 1, row: 7, col: 9 },
        side: 'right',
      },
      {
        label: text('（六）其他处理', '（六）其他處理', '(6) Other'),
        value: null,
        text: '',
        cell: { table: 1, row: 22, col: 9 },
        side: 'right',
      },
    ],
  },
  severity: 'error',
  location: { kind: 'cell', table: 1, row: 23, col: 9, quote: '0' },
};
const other: Finding = {
  rule: 'late-publication',
  messageId: 'legacy-text',
  data: { text: text('发布晚了', '發布晚了', 'late') },
  severity: 'warning',
  location: { kind: 'report' },
};

afterEach(() => render(null, document.body));

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

describe('FindingTerms in the finding list (panel and pdf.html form)', () => {
  it('lists each term with its value, the stated total marked, blank as 空白; other findings have no terms', () => {
    const calls: [Finding, number][] = [];
    const root = mount(
      <FindingList findings={[other, sumFinding]} locale="zh-Hans" t={strings('zh-Hans')} onSelect={(f, i) => calls.push([f, i])} />,
    );
    const lists = root.querySelectorAll('.rl-terms');
    expect(lists).toHaveLength(1);
    expect(lists[0].closest('li[data-index]')!.getAttribute('data-index')).toBe('1');
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.rl-term')];
    expect(buttons.map((b) => [b.querySelector('.rl-term-label')!.textContent, b.querySelector('.rl-term-value')!.textContent])).toEqual([
      ['（七）总计（所填总计）', '0'],
      ['（一）予以公开', '0'],
      ['（三）2. 其他法律行政法规禁止公开', '1'],
      ['（六）其他处理', '空白'],
    ]);
    // Real buttons (keyboard reachable), named by label and value.
    for (const b of buttons) expect(b.type).toBe('button');
    expect(buttons[2].getAttribute('aria-label')).toBe('在页面中标出：（三）2. 其他法律行政法规禁止公开 = 1');
    expect(buttons[3].getAttribute('aria-label')).toBe('在页面中标出：（六）其他处理 = 空白');
    expect(root.querySelector('[data-stated="true"] .rl-term')).toBe(buttons[0]);
    expect(calls).toEqual([]);
  });

  it('a click on a term selects the finding with that term cell as its place', () => {
    const calls: [Finding, number][] = [];
    const root = mount(
      <FindingList findings={[other, sumFinding]} locale="en" t={strings('en')} onSelect={(f, i) => calls.push([f, i])} />,
    );
    const buttons = root.querySelectorAll<HTMLButtonElement>('.rl-term');
    expect(buttons[3].textContent).toBe('(6) Otherblank');
    buttons[2].click();
    buttons[0].click();
    expect(calls.map(([f, i]) => [f.rule, i, f.location])).toEqual([
      ['applications-outcome-sum', 1, { kind: 'cell', table: 1, row: 7, col: 9, quote: '1' }],
      ['applications-outcome-sum', 1, { kind: 'cell', table: 1, row: 23, col: 9, quote: '0' }],
    ]);
    // The finding itself is untouched.
    expect(sumFinding.location).toEqual({ kind: 'cell', table: 1, row: 23, col: 9, quote: '0' });
  });

  it('the popup form (no selection) shows no term buttons; hostile labels stay text', () => {
    const hostile: Finding = {
      ...sumFinding,
      data: {
        ...sumFinding.data,
        terms: [
          {
            label: text('<img src=x onerror=alert(1)>', '<b>x</b>', '<i>x</i>'),
            value: 2,
            text: '2',
            cell: { table: 0, row: 1, col: 1 },
            side: 'right',
          },
        ],
      },
    };
    const popup = mount(<FindingList findings={[hostile]} locale="zh-Hans" t={strings('zh-Hans')} />);
    expect(popup.querySelectorAll('.rl-term')).toHaveLength(0);
    const panel = mount(<FindingList findings={[hostile]} locale="zh-Hans" t={strings('zh-Hans')} onSelect={() => undefined} />);
    expect(panel.querySelector('.rl-term-label')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(panel.querySelectorAll('img, b')).toHaveLength(0);
  });

  it('malformed term data is left out rather than rendered', () => {
    const bad: Finding = { ...sumFinding, data: { ...sumFinding.data, terms: [{ label: 'x', value: '1', cell: { table: 0 } }] as never } };
    const root = mount(<FindingList findings={[bad]} locale="zh-Hans" t={strings('zh-Hans')} onSelect={() => undefined} />);
    expect(root.querySelectorAll('.rl-terms')).toHaveLength(0);
  });
});

describe('FindingTerms in the panel', () => {
  it('clicking a term hands its cell to the page highlighter and marks the finding selected', async () => {
    const located: Location[] = [];
    const model: PanelModel = {
      title: '张家港市卫健委2020年政府信息公开工作年度报告',
      agency: '张家港市卫健委',
      year: 2020,
      era: '2019',
      figures: {
        activeDisclosed: null,
        applicationsNew: 1,
        applicationsCarriedOver: 0,
        applicationsHandled: 0,
        applicationsCarriedForward: 0,
        reviewTotal: null,
        litigationTotal: null,
      },
      findings: [sumFinding],
      reviews: {},
      locale: 'zh-Hant',
      saved: null,
      saving: false,
    };
    const root = document.createElement('div');
    document.body.append(root);
    await act(() =>
      render(
        <Panel
          model={model}
          state="expanded"
          onState={() => undefined}
          onSelect={(f) => {
            located.push(f.location);
            return f.location.kind === 'cell' && f.location.row !== 22;
          }}
          onSave={() => undefined}
          onOpenLibrary={() => undefined}
          onReview={async () => null}
        />,
        root,
      ),
    );
    const term = (i: number) => root.querySelectorAll<HTMLButtonElement>('.rl-term')[i];
    expect(term(2).getAttribute('aria-label')).toBe('在頁面中標出：（三）2. 其他法律行政法規禁止公開 = 1');
    await act(() => term(2).click());
    expect(located).toEqual([{ kind: 'cell', table: 1, row: 7, col: 9, quote: '1' }]);
    expect(root.querySelector('button[data-rule="applications-outcome-sum"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('.rl-notfound')).toBeNull();
    // A term whose cell cannot be found says so, like a finding.
    await act(() => term(3).click());
    expect(located[1]).toEqual({ kind: 'cell', table: 1, row: 22, col: 9, quote: '' });
    expect(root.querySelector('.rl-notfound')).not.toBeNull();
  });
});
