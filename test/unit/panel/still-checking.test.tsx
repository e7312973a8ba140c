// @vitest-environment happy-dom
/**
 * Issue 19: the panel's first paint shows the page's own check before the other rules and the library's
 * answer; until they are in, it says it is still checking (from the catalogue, in the reader's locale) and
 * never looks final: no "no problems found" before the rest has run.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../utils/report/types';
import { drawPanel } from './draw';

afterEach(() => render(null, document.body));

const finding: Finding = {
  rule: 'applications-balance',
  messageId: 'mismatch',
  data: { label: '总计', left: 5, right: 4, difference: 1, blanks: '' },
  severity: 'error',
  location: { kind: 'report' },
};

const draw = drawPanel;

describe('the first paint says it is still checking', () => {
  it('says so in each locale while the stage is "page", and not once the check is complete', () => {
    const said = {
      'zh-Hans': '仍在检查其余项目，结果会随后补充…',
      'zh-Hant': '仍在檢查其餘項目，結果會隨後補充…',
      en: 'Still checking the rest; more results may follow…',
    } as const;
    for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) {
      const first = draw({ stage: 'page', locale, findings: [finding] });
      expect(first.querySelector('.rl-checking')?.textContent).toBe(said[locale]);
      expect(first.querySelector('.rl-checking')?.getAttribute('role')).toBe('status');
      render(null, document.body);
      const done = draw({ stage: 'complete', locale, findings: [finding] });
      expect(done.querySelector('.rl-checking')).toBeNull();
      expect(done.textContent).not.toContain(said[locale]);
      render(null, document.body);
    }
  });

  it('never says "no problems found" before the rest has run', () => {
    const first = draw({ stage: 'page', findings: [] });
    expect(first.textContent).not.toContain('未发现问题');
    expect(first.querySelector('.rl-checking')).not.toBeNull();
    render(null, document.body);
    const done = draw({ stage: 'complete', findings: [] });
    expect(done.textContent).toContain('未发现问题');
  });

  it('shows the findings found so far while it checks', () => {
    const first = draw({ stage: 'page', findings: [finding] });
    expect(first.querySelector('[data-rule="applications-balance"]')).not.toBeNull();
  });

  it('the folded tab carries the same word while checking, and drops it once complete', () => {
    const first = draw({ stage: 'page', findings: [finding] }, 'collapsed');
    const pill = first.querySelector('.rl-pill')!;
    expect(pill.getAttribute('aria-label')).toContain('仍在检查其余项目');
    expect(first.querySelector('.rl-pill-checking')?.getAttribute('title')).toBe('仍在检查其余项目，结果会随后补充…');
    render(null, document.body);
    const done = draw({ stage: 'complete', findings: [finding] }, 'collapsed');
    expect(done.querySelector('.rl-pill')!.getAttribute('aria-label')).not.toContain('仍在检查');
    expect(done.querySelector('.rl-pill-checking')).toBeNull();
  });

  it('a page that only links its PDF (no report) never says it is checking', () => {
    const page = draw({ stage: 'page', isReport: false, attachments: [{ url: 'https://x.gov.cn/a.pdf', label: 'a.pdf' }] });
    expect(page.querySelector('.rl-checking')).toBeNull();
  });
});
