// @vitest-environment happy-dom
/**
 * Issue 17: a key figure read from a table cell whose column is a guess is shown as doubtful — in the panel
 * (a mark with a tooltip, from the catalogue, in the reader's locale) and in the library's saved row.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { reportColumns } from '../../../utils/library/row';
import { baseReport } from '../rules/build-report';
import { drawPanel } from './draw';

afterEach(() => render(null, document.body));

const draw = drawPanel;

describe('doubtful key figures', () => {
  it('the panel marks only the doubtful figure, with a tooltip that says why', () => {
    const root = draw({ doubtfulFigures: ['applicationsNew'] });
    const marked = [...root.querySelectorAll('[data-figure][data-doubtful]')].map((e) => e.getAttribute('data-figure'));
    expect(marked).toEqual(['applicationsNew']);
    const mark = root.querySelector('[data-figure="applicationsNew"] .rl-doubtful')!;
    expect(mark.textContent).toBe('？');
    expect(mark.getAttribute('title')).toMatch(/^存疑：/);
    expect(root.querySelector('[data-figure="applicationsHandled"] .rl-doubtful')).toBeNull();
    // the number itself is still shown
    expect(root.querySelector('[data-figure="applicationsNew"] dd')!.textContent).toBe('3？');
  });

  it('in Traditional and English the tooltip is the catalogue’s', () => {
    expect(
      draw({ doubtfulFigures: ['applicationsHandled'], locale: 'zh-Hant' })
        .querySelector('.rl-doubtful')!
        .getAttribute('title'),
    ).toMatch(/^存疑：.*儲存格/);
    render(null, document.body);
    expect(
      draw({ doubtfulFigures: ['applicationsHandled'], locale: 'en' })
        .querySelector('.rl-doubtful')!
        .getAttribute('title'),
    ).toMatch(/^Doubtful/);
  });

  it('no doubtful figure, no mark (and reports saved before it existed have none)', () => {
    expect(draw({}).querySelector('[data-doubtful]')).toBeNull();
  });

  it('the library row keeps which figures are doubtful, and none when the report lists none', () => {
    const report = baseReport();
    expect(reportColumns(report).doubtfulFigures).toBeUndefined();
    report.doubtfulFigures = ['applicationsNew', 'reviewTotal'];
    expect(reportColumns(report).doubtfulFigures).toEqual(['applicationsNew', 'reviewTotal']);
  });
});
