/**
 * A finding's place in a PDF: from a target in the reconstructed document (what resolve.ts gives: a cell
 * element or a text Range) back to rectangles on the PDF's pages, and those rectangles as pdf.html draws them.
 * Runs carry data-pdf-run="page:index"; blocks and cells carry data-pdf-page and data-pdf-box (a blank cell
 * has no run but still a box).
 */
import type { Box, PdfPageInput } from '../pdf/types';
import type { Location } from '../report/types';
import { isRange, type PageAnchors, type Target } from './resolve';

export interface PageBox {
  page: number;
  box: Box;
}

const RUN = 'data-pdf-run';

function runBox(pages: PdfPageInput[], span: Element): PageBox | null {
  const [p, i] = (span.getAttribute(RUN) ?? '').split(':').map(Number);
  const run = pages[(p ?? 0) - 1]?.runs.find((r) => r.index === i);
  return run && p ? { page: p, box: { x: run.x, y: run.y, w: run.w, h: run.h } } : null;
}

function ownBox(el: Element | null): PageBox | null {
  const holder = el?.closest('[data-pdf-box]');
  if (!holder) return null;
  const page = Number(holder.getAttribute('data-pdf-page'));
  const [x, y, w, h] = (holder.getAttribute('data-pdf-box') ?? '').split(',').map(Number);
  if (!page || [x, y, w, h].some((n) => n === undefined || !Number.isFinite(n))) return null;
  return { page, box: { x: x!, y: y!, w: w!, h: h! } };
}

/** The part of a run's box holding characters [from, to) of its text (characters taken as equally wide). */
function slice(b: PageBox, length: number, from: number, to: number): PageBox {
  if (length <= 0 || (from <= 0 && to >= length)) return b;
  const unit = b.box.w / length;
  return { page: b.page, box: { x: b.box.x + unit * from, y: b.box.y, w: unit * Math.max(1, to - from), h: b.box.h } };
}

/** Rectangles on pages for an element or a text range of the reconstructed document. */
export function locateInPdf(target: Target, pages: PdfPageInput[]): PageBox[] {
  if (!isRange(target)) {
    const el = target;
    const spans = el.hasAttribute(RUN) ? [el] : Array.from(el.querySelectorAll(`[${RUN}]`));
    const boxes = spans.map((s) => runBox(pages, s)).filter((b): b is PageBox => !!b);
    if (boxes.length) return boxes;
    const own = ownBox(el);
    return own ? [own] : [];
  }
  const range = target;
  const common = range.commonAncestorContainer;
  const container = common.nodeType === 1 ? (common as Element) : common.parentElement;
  if (!container) return [];
  const inside = container.closest(`[${RUN}]`);
  const spans = inside ? [inside] : Array.from(container.querySelectorAll(`[${RUN}]`)).filter((s) => range.intersectsNode(s));
  const out: PageBox[] = [];
  for (const span of spans) {
    const box = runBox(pages, span);
    if (!box) continue;
    const length = span.textContent?.length ?? 0;
    const from = span.contains(range.startContainer) ? offsetIn(span, range.startContainer, range.startOffset) : 0;
    const to = span.contains(range.endContainer) ? offsetIn(span, range.endContainer, range.endOffset) : length;
    out.push(slice(box, length, from, to));
  }
  if (out.length) return out;
  const own = ownBox(container);
  return own ? [own] : [];
}

/** Character offset within `root` of a boundary point (node, offset) inside it. */
function offsetIn(root: Node, node: Node, offset: number): number {
  let count = 0;
  let found = false;
  const walk = (n: Node): void => {
    if (found) return;
    if (n === node) {
      if (n.nodeType === 3) count += offset;
      else for (let i = 0; i < offset && i < n.childNodes.length; i++) count += n.childNodes[i]!.textContent?.length ?? 0;
      found = true;
      return;
    }
    if (n.nodeType === 3) count += (n as Text).data.length;
    else for (let c = n.firstChild; c && !found; c = c.nextSibling) walk(c);
  };
  walk(root);
  return count;
}

/** A finding's place as rectangles on the PDF's pages; none when it cannot be found. */
export function pdfBoxes(anchors: Pick<PageAnchors, 'resolve'>, location: Location, pages: PdfPageInput[]): PageBox[] {
  const target = anchors.resolve(location);
  return target ? locateInPdf(target, pages) : [];
}

/** Margin around the glyphs of a drawn box, in PDF points, as a marker pen would leave. */
const MARK_MARGIN = 1.5;

/** A box on a page (PDF points) → where its mark is drawn over the page shown at `scale` (CSS pixels). */
export function markRect(box: Box, scale: number): { left: number; top: number; width: number; height: number } {
  return {
    left: (box.x - MARK_MARGIN) * scale,
    top: (box.y - MARK_MARGIN) * scale,
    width: (box.w + 2 * MARK_MARGIN) * scale,
    height: (box.h + 2 * MARK_MARGIN) * scale,
  };
}
