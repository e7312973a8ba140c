/**
 * The badge service, the one writer of the toolbar badge, on a recording fake of the action API: what a
 * tab is told to show (findings, a listing, a PDF mark, nothing) and the batch progress, exactly as the
 * browser receives them. A tab's own text is always written, even '' (that hides the global batch badge on
 * that tab); the global badge carries no tabId.
 */
import { describe, expect, it } from 'vitest';
import { type ActionApi, BadgeService } from '../../../entrypoints/background/badge';
import type { Finding, Locale } from '../../../utils/report/types';
import { findingKey } from '../../../utils/reviews';

type Call = [string, Record<string, unknown>];

function recorder(options: { failText?: boolean; locale?: Locale | null } = {}) {
  const calls: Call[] = [];
  const action: ActionApi = {
    setBadgeText: async (d) => {
      calls.push(['text', d]);
      if (options.failText) throw new Error('No tab with id: 9');
    },
    setBadgeBackgroundColor: async (d) => void calls.push(['color', d]),
    setTitle: async (d) => void calls.push(['title', d]),
  };
  // The language setting: 'auto' (null) unless the test chooses one.
  return {
    calls,
    service: new BadgeService(
      () => action,
      async () => options.locale ?? null,
    ),
  };
}

const finding = (rule: string, severity: Finding['severity']): Finding =>
  ({ rule, severity, messageId: 'm', data: {}, location: { kind: 'report' } }) as unknown as Finding;

describe('badge service: the tooltip speaks the chosen language', () => {
  it('Traditional chosen: every tooltip in Traditional only', async () => {
    const { calls, service } = recorder({ locale: 'zh-Hant' });
    await service.tab(3, { kind: 'findings', findings: [finding('a', 'error')] });
    await service.tab(6, { kind: 'listing', count: 14 });
    await service.tab(7, { kind: 'pdf' });
    expect(calls.filter(([k]) => k === 'title').map(([, d]) => d.title)).toEqual([
      '年報體檢：錯誤 1 · 警告 0 · 提示 0（圖示數字為錯誤數）',
      '年報體檢：此頁列出 14 份年報，點擊批量檢查',
      '年報體檢：此分頁是 PDF，點擊檢查',
    ]);
  });

  it('English chosen: every tooltip in English only', async () => {
    const { calls, service } = recorder({ locale: 'en' });
    await service.tab(6, { kind: 'listing', count: 3 });
    await service.tab(7, { kind: 'pdf' });
    expect(calls.filter(([k]) => k === 'title').map(([, d]) => d.title)).toEqual([
      'Report Lens: this page lists 3 reports, click to check them all',
      'Report Lens: this tab is a PDF, click to check it',
    ]);
  });
});

describe('badge service: a tab', () => {
  it('a report with errors shows the error count in red, titled with every count; warnings are not added to it', async () => {
    const { calls, service } = recorder();
    await service.tab(3, { kind: 'findings', findings: [finding('a', 'error'), finding('b', 'error'), finding('c', 'warning')] });
    expect(calls).toEqual([
      ['text', { tabId: 3, text: '2' }],
      ['color', { tabId: 3, color: '#B3261E' }],
      [
        'title',
        {
          tabId: 3,
          title:
            '年报体检：错误 2 · 警告 1 · 提示 0（图标数字为错误数） · Report Lens: 2 error(s) · 1 warning(s) · 0 note(s) (the icon counts errors)',
        },
      ],
    ]);
  });

  it('a report with warnings only shows their count in amber', async () => {
    const { calls, service } = recorder();
    await service.tab(3, { kind: 'findings', findings: [finding('c', 'warning')] });
    expect(calls).toEqual([
      ['text', { tabId: 3, text: '1' }],
      ['color', { tabId: 3, color: '#B86E00' }],
      [
        'title',
        {
          tabId: 3,
          title:
            '年报体检：错误 0 · 警告 1 · 提示 0（图标数字为警告数） · Report Lens: 0 error(s) · 1 warning(s) · 0 note(s) (the icon counts warnings)',
        },
      ],
    ]);
  });

  it('a dismissed error is left out: the other error is the count', async () => {
    const { calls, service } = recorder();
    const dismissed = finding('a', 'error');
    const reviews = { [findingKey(dismissed)]: { status: 'dismissed' as const, note: '' } };
    await service.tab(3, { kind: 'findings', findings: [dismissed, finding('b', 'error')], reviews });
    expect(calls[0]).toEqual(['text', { tabId: 3, text: '1' }]);
    // The tooltip counts as the number does: the dismissed error is not named.
    expect(String(calls[2]![1].title)).toMatch(/^年报体检：错误 1 · 警告 0 · 提示 0/);
  });

  it('a clean report gets its own empty text and a title saying what was counted; a tab with nothing gets empty text only', async () => {
    const { calls, service } = recorder();
    await service.tab(4, { kind: 'findings', findings: [finding('i', 'info')] });
    await service.tab(5, { kind: 'none' });
    expect(calls).toEqual([
      ['text', { tabId: 4, text: '' }],
      [
        'title',
        {
          tabId: 4,
          title:
            '年报体检：错误 0 · 警告 0 · 提示 1（图标数字为警告数） · Report Lens: 0 error(s) · 0 warning(s) · 1 note(s) (the icon counts warnings)',
        },
      ],
      ['text', { tabId: 5, text: '' }],
    ]);
  });

  it('a listing shows its count in grey, titled with what it counts', async () => {
    const { calls, service } = recorder();
    await service.tab(6, { kind: 'listing', count: 14 });
    expect(calls.slice(0, 2)).toEqual([
      ['text', { tabId: 6, text: '14' }],
      ['color', { tabId: 6, color: '#5f6368' }],
    ]);
    expect(calls[2]![0]).toBe('title');
    expect(String(calls[2]![1].title)).toContain('此页列出 14 份年报');
    expect(calls[2]![1].tabId).toBe(6);
  });

  it('a PDF tab is marked "PDF" in blue with its title', async () => {
    const { calls, service } = recorder();
    await service.tab(7, { kind: 'pdf' });
    expect(calls.map(([kind, d]) => [kind, d.tabId])).toEqual([
      ['text', 7],
      ['color', 7],
      ['title', 7],
    ]);
    expect(calls[0]![1].text).toBe('PDF');
    expect(calls[1]![1].color).toBe('#1565c0');
    expect(String(calls[2]![1].title)).toContain('PDF');
  });

  it('a tab that went away does not throw', async () => {
    const { calls, service } = recorder({ failText: true });
    await expect(service.tab(9, { kind: 'listing', count: 2 })).resolves.toBeUndefined();
    expect(calls).toHaveLength(1);
  });
});

describe('badge service: batch progress', () => {
  it('is the global badge (no tabId): "done/total" in blue, cleared with no colour when no run is active', async () => {
    const { calls, service } = recorder();
    await service.batch({ done: 3, total: 12 });
    await service.batch(null);
    expect(calls).toEqual([
      ['text', { text: '3/12' }],
      ['color', { color: '#3c6e9f' }],
      ['text', { text: '' }],
    ]);
  });

  it('a run with nothing left to count shows nothing', async () => {
    const { calls, service } = recorder();
    await service.batch({ done: 0, total: 0 });
    expect(calls).toEqual([['text', { text: '' }]]);
  });
});
