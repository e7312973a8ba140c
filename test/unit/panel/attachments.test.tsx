// @vitest-environment happy-dom
/**
 * 附件 in the panel: a report page's PDF attachments are offered beside its findings; a page named like a
 * report that only links its PDF shows the offer and nothing else (no figures, findings or save); labels
 * stay text.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { PanelModel } from '../../../components/panel/Panel';
import { makeFinding } from '../library/builder';
import { drawPanel, panelModel } from './draw';

afterEach(() => render(null, document.body));

const PDF = 'http://www.example.gov.cn/art/2023/1/30/P020230130123456.pdf';

function model(over: Partial<PanelModel>): PanelModel {
  const figures = { ...panelModel().figures, applicationsCarriedOver: null, applicationsHandled: null };
  return panelModel({ figures, findings: [makeFinding('applications-balance', 'error')], isReport: undefined, ...over });
}

const draw = (m: PanelModel, opened: string[]): HTMLElement => drawPanel(m, 'expanded', (u) => opened.push(u));

describe('Panel attachments', () => {
  it('a report page: figures and findings, and each attached PDF offered; a click asks for that PDF', () => {
    const opened: string[] = [];
    const root = draw(model({ isReport: true, attachments: [{ url: PDF, label: '<b>年报</b>.pdf' }] }), opened);
    expect(root.querySelector('[data-figure]')).not.toBeNull();
    expect(root.querySelector('[data-rule="applications-balance"]')).not.toBeNull();
    const button = root.querySelector<HTMLButtonElement>('[data-action="check-attachment"]')!;
    expect(button.textContent).toBe('检查附件 PDF');
    expect(root.querySelector('.rl-attachment-name')!.textContent).toBe('<b>年报</b>.pdf');
    expect(root.querySelector('b')).toBeNull();
    button.click();
    expect(opened).toEqual([PDF]);
  });

  it('a page that only links the PDF: the offer alone, no figures, findings or save', () => {
    const root = draw(model({ isReport: false, findings: [], attachments: [{ url: PDF, label: '2022年年报.pdf' }] }), []);
    expect(root.querySelectorAll('[data-action="check-attachment"]')).toHaveLength(1);
    expect(root.querySelector('[data-figure]')).toBeNull();
    expect(root.querySelector('.rl-footer')).toBeNull();
  });

  it('no attachments: no offer', () => {
    const root = draw(model({ isReport: true, attachments: [] }), []);
    expect(root.querySelector('[data-action="check-attachment"]')).toBeNull();
  });
});
