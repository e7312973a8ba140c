/** The panel drawn into the test document (happy-dom) from a small report's model (panelModel). */
import { render } from 'preact';
import { Panel, type PanelModel } from '../../../components/panel/Panel';
import type { PanelState } from '../../../utils/settings';

/** A small report's panel model, `over` replacing any of it. */
export function panelModel(over: Partial<PanelModel> = {}): PanelModel {
  return {
    title: '某县人民政府2022年政府信息公开工作年度报告',
    agency: '某县人民政府',
    year: 2022,
    era: '2021',
    figures: {
      activeDisclosed: 12,
      applicationsNew: 3,
      applicationsCarriedOver: 0,
      applicationsHandled: 3,
      applicationsCarriedForward: null,
      reviewTotal: null,
      litigationTotal: null,
    },
    findings: [],
    reviews: {},
    locale: 'zh-Hans',
    saved: null,
    saving: false,
    isReport: true,
    ...over,
  };
}

export function drawPanel(
  over: Partial<PanelModel>,
  state: PanelState = 'expanded',
  onCheckPdf: (url: string) => void = () => undefined,
): HTMLElement {
  const model = panelModel(over);
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <Panel
      model={model}
      state={state}
      onState={() => undefined}
      onSelect={() => true}
      onSave={() => undefined}
      onOpenLibrary={() => undefined}
      onReview={async () => null}
      onCheckPdf={onCheckPdf}
    />,
    root,
  );
  return root;
}
