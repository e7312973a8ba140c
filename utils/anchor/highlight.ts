/**
 * A finding's place shown in a web page (the target comes from resolve.ts). One highlight at a time: the
 * element (a table cell, or the element containing a sentence) gets the data-report-lens-highlight attribute
 * and an outline set inline with !important, which does not change the layout; for a text Range the CSS Custom
 * Highlight API also marks the exact characters where the browser has it. And every located finding's mark at
 * once, in a layer of our own. In the report script this module is a part (wxt-plugins/report-parts.ts).
 */
import type { Finding, Location } from '../report/types';
import { isRange, type Target } from './resolve';

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
export function targetElement(target: Target, doc: Document = document): HTMLElement | null {
  if (!isRange(target)) return target as HTMLElement;
  const range = target;
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

/**
 * Highlights the target and scrolls it into view; with `panel`, where the panel does not cover it (placeAway).
 * Returns the outlined element.
 */
export function highlight(target: Target, doc: Document = document, panel?: PanelPlacement): HTMLElement | null {
  clearHighlight();
  const element = targetElement(target, doc);
  if (!element?.style) return null;
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
  if (isRange(target)) markRange(target, doc);
  const reduced = doc.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  if (panel) placeAway(target, element, doc, panel, !reduced);
  else element.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'smooth' });
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

/** The panel as the highlighter sees it: where it is, and the two ways to get it out of the way. */
export interface PanelPlacement {
  /** The panel's (or its tab's) box in the viewport; null when it is not shown. */
  rect(): DOMRect | null;
  /** Move it to the other bottom corner. */
  mirror(): void;
  /** Fold it to its small tab. */
  tuck(): void;
}

type Box = Pick<DOMRect, 'top' | 'bottom' | 'left' | 'right'>;

const overlaps = (a: Box, b: Box | null) => !!b && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
/** The same box in the other bottom corner (the panel is fixed at the same distance from either edge). */
const mirrored = (p: Box, width: number): Box => ({ top: p.top, bottom: p.bottom, left: width - p.right, right: width - p.left });

/** The box of what a finding cites: the range itself (a number in a sentence), else the element. */
function boxOf(target: Target, element: HTMLElement): DOMRect {
  const box = isRange(target) ? target.getBoundingClientRect() : element.getBoundingClientRect();
  return box.width || box.height ? box : element.getBoundingClientRect();
}

/**
 * Scroll the cited place into view where the panel does not cover it (issue 21.1): centred when the panel is
 * clear of it; else with the panel moved to the other corner; else just above the panel; else the panel folds
 * to its tab. The scroll is computed once (clamped to what the page can scroll), so the decision holds when a
 * smooth scroll ends.
 */
function placeAway(target: Target, element: HTMLElement, doc: Document, panel: PanelPlacement, smooth: boolean): void {
  const win = doc.defaultView;
  if (!win) return;
  // Inner scrolling boxes first, without moving the window more than needed.
  element.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  const box = boxOf(target, element);
  const root = doc.scrollingElement ?? doc.documentElement;
  const height = root.clientHeight || win.innerHeight;
  const width = doc.documentElement.clientWidth || win.innerWidth;
  const y0 = win.scrollY;
  const maxY = Math.max(0, root.scrollHeight - height);
  // The target's box once its top is at `top` in the viewport (as near as the page can scroll).
  const at = (top: number) => {
    const y = Math.min(maxY, Math.max(0, y0 + box.top - top));
    const dy = y - y0;
    return { y, box: { top: box.top - dy, bottom: box.bottom - dy, left: box.left, right: box.right } };
  };
  const p = panel.rect();
  const centre = at(height / 2 - box.height / 2);
  let choice = centre;
  if (overlaps(centre.box, p)) {
    const above = at(Math.max(8, (p?.top ?? height) - 16 - box.height));
    if (!overlaps(centre.box, mirrored(p!, width))) panel.mirror();
    else if (!overlaps(above.box, p)) choice = above;
    else if (!overlaps(above.box, mirrored(p!, width))) {
      choice = above;
      panel.mirror();
    } else {
      panel.tuck();
      // The tab is small, but may still sit on a target at the bottom of a page that cannot scroll further.
      win.requestAnimationFrame(() => {
        if (overlaps(boxOf(target, element), panel.rect())) panel.mirror();
      });
    }
  }
  win.scrollTo({ top: choice.y, behavior: smooth ? 'smooth' : 'auto' });
}

// ---- Marks: every located finding at once, drawn in a layer of our own (issue 21.1) ----

export const MARKS_TAG = 'report-lens-marks';

export interface Mark {
  /** The finding's index in the panel's list. */
  index: number;
  target: Target;
  severity: 'error' | 'warning' | 'info';
  /** What a screen reader and the tooltip say: the finding's message. */
  label: string;
}

interface MarkLayer {
  host: HTMLElement;
  layer: HTMLElement;
  marks: Mark[];
  open: (index: number) => void;
  frame: number;
  observer: ResizeObserver | null;
  onResize: () => void;
}

let marks: MarkLayer | null = null;

const MARK_CSS = `:host{all:initial !important;position:absolute !important;left:0 !important;top:0 !important;width:0 !important;height:0 !important;overflow:visible !important;z-index:2147483646 !important;pointer-events:none !important;display:block !important;visibility:visible !important;contain:layout style !important;}
.m{position:absolute;margin:0;padding:0;border:0;background:transparent;cursor:pointer;pointer-events:auto;}
.u{height:5px;border-bottom:2px solid var(--c);opacity:.85;}
.d{width:14px;height:14px;border-radius:50%;background:var(--c);border:2px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,.35);}
.m:hover,.m:focus-visible{outline:2px solid #1a5fb4;outline-offset:1px;}
[data-severity=error]{--c:#b3261e}[data-severity=warning]{--c:#b06f00}[data-severity=info]{--c:#1a5fb4}
@media print{:host{display:none !important}}`;

/** Boxes of a target in the viewport: a range's lines (a few), else the element's box. */
function boxesOf(target: Target): DOMRect[] {
  const rects = [...(target.getClientRects?.() ?? [])].filter((r) => r.width > 0 && r.height > 0);
  return rects.slice(0, 4);
}

function layoutMarks(doc: Document): void {
  const m = marks;
  if (!m) return;
  const win = doc.defaultView!;
  const x0 = win.scrollX;
  const y0 = win.scrollY;
  const children: HTMLElement[] = [];
  for (const mark of m.marks) {
    const target = mark.target;
    if (isRange(target) ? !target.startContainer.isConnected : !target.isConnected) continue;
    const boxes = boxesOf(target);
    if (!boxes.length) continue;
    const make = (cls: string, left: number, top: number, w?: number) => {
      const b = doc.createElement('button');
      b.type = 'button';
      b.className = `m ${cls}`;
      b.dataset.markIndex = String(mark.index);
      b.dataset.severity = mark.severity;
      b.title = mark.label;
      b.setAttribute('aria-label', mark.label);
      b.style.left = `${Math.round(left + x0)}px`;
      b.style.top = `${Math.round(top + y0)}px`;
      if (w !== undefined) b.style.width = `${Math.max(6, Math.round(w))}px`;
      b.addEventListener('click', (event) => {
        event.preventDefault();
        event.stopPropagation();
        m.open(mark.index);
      });
      children.push(b);
      return b;
    };
    // The underline, under each line of the place; only the dot is in the tab order (one stop per finding).
    for (const r of boxes) make('u', r.left, r.bottom - 4, r.width).tabIndex = -1;
    const first = boxes[0]!;
    make('d', first.right - 7, first.top - 7);
  }
  m.layer.replaceChildren(...children);
}

function scheduleLayout(doc: Document): void {
  const m = marks;
  if (!m || m.frame) return;
  m.frame = doc.defaultView!.requestAnimationFrame(() => {
    if (marks !== m) return;
    m.frame = 0;
    layoutMarks(doc);
  });
}

/**
 * Marks every located finding in the page at once, as Hypothesis does: a discreet underline and a dot drawn in
 * a layer of our own (a shadow root over the page, never inside its text), laid out again when the page
 * reflows. A click on a mark calls `open` with its finding's index. Replaces any previous marks.
 */
export function drawMarks(list: Mark[], open: (index: number) => void, doc: Document = document): void {
  if (!marks) {
    const host = doc.createElement(MARKS_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = MARK_CSS;
    const layer = doc.createElement('div');
    shadow.append(style, layer);
    doc.documentElement.append(host);
    const onResize = () => scheduleLayout(doc);
    const win = doc.defaultView!;
    win.addEventListener('resize', onResize);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null;
    if (doc.body) observer?.observe(doc.body);
    marks = { host, layer, marks: [], open, frame: 0, observer, onResize };
  }
  marks.marks = list;
  marks.open = open;
  if (!marks.host.isConnected) doc.documentElement.append(marks.host);
  layoutMarks(doc);
}

export function clearMarks(doc: Document = document): void {
  if (!marks) return;
  const m = marks;
  marks = null;
  if (m.frame) doc.defaultView?.cancelAnimationFrame(m.frame);
  doc.defaultView?.removeEventListener('resize', m.onResize);
  m.observer?.disconnect();
  m.host.remove();
}

/**
 * The marks of a check's findings (drawMarks): every finding whose place resolves in the page, but those `skip`
 * leaves out (dismissed ones) and report-wide ones.
 */
export function markFindings(
  findings: readonly Finding[],
  resolve: (location: Location) => Target | null,
  skip: (finding: Finding) => boolean,
  label: (finding: Finding) => string,
  open: (index: number) => void,
  doc: Document = document,
): void {
  const list: Mark[] = [];
  findings.forEach((finding, index) => {
    if (finding.location.kind === 'report' || skip(finding)) return;
    const target = resolve(finding.location);
    if (target) list.push({ index, target, severity: finding.severity, label: label(finding) });
  });
  drawMarks(list, open, doc);
}

/** The panel in its shadow host as placeAway moves it: the other corner is the host's data-side. */
export function panelPlacement(host: () => HTMLElement | null, tuck: () => void): PanelPlacement {
  return {
    rect: () => host()?.shadowRoot?.querySelector('.rl-panel, .rl-pill')?.getBoundingClientRect() ?? null,
    mirror: () => {
      const h = host();
      if (h) h.dataset.side = h.dataset.side === 'left' ? 'right' : 'left';
    },
    tuck,
  };
}
