/**
 * Highlight a finding's place in the page: the element (a table cell, or the element containing a
 * sentence) gets the data-report-lens-highlight attribute and an outline set inline with !important,
 * which does not change the layout. For a text Range, the CSS Custom Highlight API additionally marks
 * the exact characters where the browser has it. Only one highlight at a time.
 */
export const HIGHLIGHT_ATTRIBUTE = 'data-report-lens-highlight';
const HIGHLIGHT_NAME = 'report-lens';

interface Active {
  element: HTMLElement;
  previousOutline: string;
  previousOutlinePriority: string;
  previousOffset: string;
  previousOffsetPriority: string;
}

let active: Active | null = null;
let highlightSheetAdded = false;

/** The element to outline for a resolved location. */
export function targetElement(target: Element | Range, doc: Document = document): HTMLElement | null {
  if (!('commonAncestorContainer' in target)) return target as HTMLElement;
  const range = target as Range;
  const start = range.startContainer;
  let element: Node | null = range.commonAncestorContainer;
  if (element.nodeType !== 1) element = element.parentElement;
  // A sentence spanning several blocks has body (or a big wrapper) as its common ancestor: outline the
  // block where the sentence starts instead.
  if (!element || element === doc.body || element === doc.documentElement) {
    element = start.nodeType === 1 ? start : start.parentElement;
  }
  return (element as HTMLElement | null) ?? null;
}

export function clearHighlight(): void {
  if (active) {
    const { element } = active;
    element.removeAttribute(HIGHLIGHT_ATTRIBUTE);
    element.style.removeProperty('outline');
    element.style.removeProperty('outline-offset');
    if (active.previousOutline) element.style.setProperty('outline', active.previousOutline, active.previousOutlinePriority);
    if (active.previousOffset) element.style.setProperty('outline-offset', active.previousOffset, active.previousOffsetPriority);
    active = null;
  }
  const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  highlights?.delete(HIGHLIGHT_NAME);
}

/** Highlights the target and scrolls it into view. Returns the outlined element. */
export function highlight(target: Element | Range, doc: Document = document): HTMLElement | null {
  clearHighlight();
  const element = targetElement(target, doc);
  if (!element || !element.style) return null;
  active = {
    element,
    previousOutline: element.style.getPropertyValue('outline'),
    previousOutlinePriority: element.style.getPropertyPriority('outline'),
    previousOffset: element.style.getPropertyValue('outline-offset'),
    previousOffsetPriority: element.style.getPropertyPriority('outline-offset'),
  };
  element.setAttribute(HIGHLIGHT_ATTRIBUTE, '');
  element.style.setProperty('outline', '3px solid #d93025', 'important');
  element.style.setProperty('outline-offset', '1px', 'important');
  if ('commonAncestorContainer' in target) markRange(target as Range, doc);
  const reduced = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
  return element;
}

function markRange(range: Range, doc: Document): void {
  const win = doc.defaultView as (Window & typeof globalThis & { Highlight?: new (...r: Range[]) => unknown }) | null;
  const registry = (win as unknown as { CSS?: { highlights?: Map<string, unknown> } } | null)?.CSS?.highlights;
  if (!win?.Highlight || !registry) return;
  try {
    if (!highlightSheetAdded && 'adoptedStyleSheets' in doc) {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(`::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(255, 213, 0, 0.55); }`);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      highlightSheetAdded = true;
    }
    registry.set(HIGHLIGHT_NAME, new win.Highlight(range));
  } catch {
    // The outline alone is enough.
  }
}
