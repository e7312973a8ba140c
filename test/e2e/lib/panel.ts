/** Page-side probes of the panel (run in the page's main world: the shadow root is open). */
import { sleep, type TestPage } from './driver';

export interface PanelSnapshot {
  lang: string | null;
  rules: string[];
  figures: string[];
  severityCounts: Record<string, number>;
  text: string;
  state: 'expanded' | 'collapsed' | 'none';
}

/**
 * The panel with the check complete: the first paint shows the page's own check (data-stage="page"); the
 * rules run after it and the background's answer arrive next (data-stage="complete"). Tests read findings
 * then. waitForFirstPaint waits for the first paint only.
 */
export async function waitForPanel(page: TestPage, timeoutMs = 30_000): Promise<void> {
  await page.waitFor(
    () => {
      const root = document.querySelector('report-lens')?.shadowRoot;
      return root?.querySelector('.rl-root[data-stage="complete"] :is(.rl-panel, .rl-pill)');
    },
    undefined,
    timeoutMs,
  );
}

export function panelSnapshot(page: TestPage): Promise<PanelSnapshot> {
  return page.evaluate(() => {
    const root = document.querySelector('report-lens')?.shadowRoot;
    const counts: Record<string, number> = {};
    root?.querySelectorAll<HTMLElement>('[data-severity]').forEach((g) => {
      counts[g.dataset.severity!] = Number(g.querySelector<HTMLElement>('[data-count]')?.dataset.count ?? -1);
    });
    return {
      lang: root?.querySelector('.rl-root')?.getAttribute('lang') ?? null,
      rules: [...(root?.querySelectorAll<HTMLElement>('[data-rule]') ?? [])].map((e) => e.dataset.rule!),
      figures: [...(root?.querySelectorAll<HTMLElement>('[data-figure]') ?? [])].map((e) => e.dataset.figure!),
      severityCounts: counts,
      text: root?.querySelector('.rl-root')?.textContent ?? '',
      state: root?.querySelector('.rl-panel') ? 'expanded' : root?.querySelector('.rl-pill') ? 'collapsed' : 'none',
    };
  });
}

export function countRules(rules: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rules) out[r] = (out[r] ?? 0) + 1;
  return out;
}

/** Popup page probe (an extension page: plain DOM). */
export function popupSnapshot(page: TestPage) {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    document.querySelectorAll<HTMLElement>('[data-severity]').forEach((g) => {
      counts[g.dataset.severity!] = Number(g.querySelector<HTMLElement>('[data-count]')?.dataset.count ?? -1);
    });
    return {
      rules: [...document.querySelectorAll<HTMLElement>('[data-rule]')].map((e) => e.dataset.rule!),
      figures: [...document.querySelectorAll<HTMLElement>('[data-figure]')].map((e) => e.dataset.figure!),
      severityCounts: counts,
      saveState: document.querySelector<HTMLElement>('[data-save-state]')?.dataset.saveState ?? null,
      report: document.querySelector<HTMLElement>('[data-report]')?.dataset.report ?? null,
      text: document.body.textContent ?? '',
    };
  });
}

/** The figures as the panel shows them (data-figure → its number, without the ？ mark). */
export const figuresOf = (page: TestPage) =>
  page.evaluate(() => {
    const root = document.querySelector('report-lens')!.shadowRoot!;
    return Object.fromEntries(
      [...root.querySelectorAll<HTMLElement>('[data-figure]')].map((e) => [
        e.dataset.figure!,
        e.querySelector('dd')?.firstChild?.textContent?.trim() ?? '',
      ]),
    );
  });

/** The panel's line on the reading of picture tables: its phase and words, null when there is none. */
export const picturesLine = (page: TestPage) =>
  page.evaluate(() => {
    const line = document.querySelector('report-lens')?.shadowRoot?.querySelector<HTMLElement>('[data-pictures]');
    return line ? { phase: line.dataset.pictures!, text: line.textContent ?? '' } : null;
  });

/** Wait until the window stops scrolling (the highlighter may scroll smoothly). */
export async function settled(page: TestPage): Promise<void> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    await sleep(150);
    const y = await page.evaluate(() => window.scrollY);
    if (y === last) return;
    last = y;
  }
}
