// @vitest-environment happy-dom
/**
 * Issue 21.6: a cross-year gap is reported on the later year, with a link to the other year's report. The
 * link is the address the library saved for the earlier report, and only a web address becomes a link.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingList } from '../../../components/shared/FindingList';
import { strings } from '../../../utils/i18n';
import type { Finding } from '../../../utils/report/types';
import { makeFinding } from '../library/builder';

afterEach(() => render(null, document.body));

function links(finding: Finding, locale: 'zh-Hans' | 'zh-Hant' | 'en' = 'zh-Hans'): HTMLAnchorElement[] {
  const root = document.createElement('div');
  document.body.append(root);
  render(<FindingList findings={[finding]} locale={locale} t={strings(locale)} onSelect={() => {}} />, root);
  return [...root.querySelectorAll<HTMLAnchorElement>('a[data-place="earlier-report"]')];
}

const gap = (otherUrl: unknown): Finding => {
  const f = makeFinding('carry-over', 'warning');
  return { ...f, data: { ...f.data, otherUrl } } as Finding;
};

describe('the earlier year’s report, one click from a carry-over finding', () => {
  it('links the saved address, in a new tab, without handing it the opener', () => {
    const [a, more] = links(gap('http://www.example.gov.cn/2022/nb.html'));
    expect(more).toBeUndefined();
    expect(a!.getAttribute('href')).toBe('http://www.example.gov.cn/2022/nb.html');
    expect(a!.getAttribute('target')).toBe('_blank');
    expect(a!.getAttribute('rel')).toContain('noopener');
    expect(a!.textContent).toBe('打开上一年度报告');
  });

  it('speaks the panel’s language', () => {
    expect(links(gap('https://a.gov.cn/x'), 'zh-Hant')[0]!.textContent).toBe('打開上一年度報告');
    expect(links(gap('https://a.gov.cn/x'), 'en')[0]!.textContent).toBe('Open the earlier year’s report');
  });

  it('links nothing that is not a web address, and nothing when the earlier report has no address', () => {
    expect(links(gap('javascript:alert(1)'))).toEqual([]);
    expect(links(gap('chrome-extension://abc/library.html'))).toEqual([]);
    expect(links(gap(undefined))).toEqual([]);
    expect(links(makeFinding('applications-balance', 'error'))).toEqual([]);
  });
});
