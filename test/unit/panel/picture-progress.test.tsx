// @vitest-environment happy-dom
/**
 * The panel's line about tables published as pictures (components/panel/PictureProgress.tsx), in the
 * panel: "正在识别图片表格… n/N" with a cancel button while reading, the read button when asked or after a
 * cancel, what came of it; in the reader's locale; placed after the report's facts, before the figures.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Panel, type PanelModel } from '../../../components/panel/Panel';
import { PictureProgress, type PictureProgressState } from '../../../components/panel/PictureProgress';
import type { Locale } from '../../../utils/report/types';

afterEach(() => render(null, document.body));

const model: PanelModel = {
  title: '平邑县卫生健康局2023年政府信息公开工作年度报告',
  agency: '平邑县卫生健康局',
  year: 2023,
  era: '2021',
  figures: {
    activeDisclosed: 209,
    applicationsNew: 5,
    applicationsCarriedOver: null,
    applicationsHandled: null,
    applicationsCarriedForward: null,
    reviewTotal: 3,
    litigationTotal: 0,
  },
  findings: [],
  reviews: {},
  locale: 'zh-Hans',
  saved: null,
  saving: false,
};

function draw(state: PictureProgressState, locale: Locale = 'zh-Hans') {
  const clicks: string[] = [];
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <Panel
      model={{ ...model, locale }}
      state="expanded"
      onState={() => undefined}
      onSelect={() => true}
      onSave={() => undefined}
      onOpenLibrary={() => undefined}
      onReview={async () => null}
      pictures={<PictureProgress state={state} locale={locale} onRead={() => clicks.push('read')} onCancel={() => clicks.push('cancel')} />}
    />,
    root,
  );
  const line = root.querySelector<HTMLElement>('[data-pictures]')!;
  return { root, line, clicks };
}

describe('the picture line in the panel', () => {
  it('while reading: n/N, a progress bar and 取消, which cancels', () => {
    const { root, line, clicks } = draw({ phase: 'reading', done: 1, total: 3 });
    expect(line.dataset.pictures).toBe('reading');
    expect(line.querySelector('[role="status"]')!.textContent).toBe('正在识别图片表格… 1/3');
    expect(line.querySelector('progress')!.getAttribute('max')).toBe('3');
    expect(line.querySelector('[data-action="read-pictures"]')).toBeNull();
    line.querySelector<HTMLButtonElement>('[data-action="cancel-pictures"]')!.click();
    expect(clicks).toEqual(['cancel']);
    // After the facts, before the figures.
    const order = [...root.querySelectorAll('[data-pictures], .rl-figures')].map((e) =>
      e.hasAttribute('data-pictures') ? 'pictures' : 'figures',
    );
    expect(order).toEqual(['pictures', 'figures']);
  });

  it("'ask' and after a cancel: the button 识别图片表格 reads", () => {
    const asked = draw({ phase: 'ask' });
    expect(asked.line.textContent).toBe('本页的统计表格是图片。 识别图片表格');
    asked.line.querySelector<HTMLButtonElement>('[data-action="read-pictures"]')!.click();
    expect(asked.clicks).toEqual(['read']);
    render(null, document.body);
    const cancelled = draw({ phase: 'cancelled' });
    expect(cancelled.line.textContent).toBe('已取消识别图片表格。 识别图片表格');
  });

  it('what came of it, in each locale; a failure keeps its reason as a tooltip only', () => {
    expect(draw({ phase: 'read', tables: 3 }).line.textContent).toBe('已从图片识别出 3 张表格，图片中读出的数字可能有误，存疑处已标出。');
    render(null, document.body);
    expect(draw({ phase: 'saved', tables: 2 }, 'zh-Hant').line.textContent).toBe('2 張圖片表格取自資料庫中保存的識別結果。');
    render(null, document.body);
    expect(draw({ phase: 'reading', done: 0, total: 2 }, 'en').line.querySelector('[role="status"]')!.textContent).toBe(
      'Reading table pictures… 0/2',
    );
    render(null, document.body);
    const failed = draw({ phase: 'failed', error: 'picture too large (6000×4000)' });
    expect(failed.line.querySelector('[role="status"]')!.textContent).toBe('图片表格识别失败。');
    expect(failed.line.querySelector('[role="status"]')!.getAttribute('title')).toBe('picture too large (6000×4000)');
    render(null, document.body);
    expect(draw({ phase: 'none' }, 'en').line.textContent).toBe('No table was found in the pictures.');
  });

  it('a panel without pictures has no such line', () => {
    const root = document.createElement('div');
    document.body.append(root);
    render(
      <Panel
        model={model}
        state="expanded"
        onState={() => undefined}
        onSelect={() => true}
        onSave={() => undefined}
        onOpenLibrary={() => undefined}
        onReview={async () => null}
      />,
      root,
    );
    expect(root.querySelector('[data-pictures]')).toBeNull();
  });
});
