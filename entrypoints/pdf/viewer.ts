/**
 * The PDF's pages on screen: one box per page sized at once (so the scroll height is right), the canvas
 * and pdf.js's text layer drawn when the page comes near the viewport, and highlight rectangles laid over
 * a page. No annotation layer: links and form fields in the PDF are never made live.
 */
import { type PDFDocumentProxy, TextLayer } from 'pdfjs-dist';
import { markRect, type PageBox } from '@/utils/anchor/pdf';
import type { PdfPageInput } from '@/utils/pdf';

export interface PageViewer {
  /** Highlights the boxes (all on their pages) and scrolls the first into view. */
  highlight(boxes: PageBox[]): void;
  destroy(): void;
}

export function mountPages(container: HTMLElement, pdf: PDFDocumentProxy, pages: PdfPageInput[], label: (n: number) => string): PageViewer {
  const doc = container.ownerDocument;
  const available = Math.max(320, container.clientWidth - 56); // padding and a vertical scrollbar
  const widest = Math.max(...pages.map((p) => p.width));
  const scale = Math.min(1.6, available / widest);
  const views = pages.map((p) => {
    const el = doc.createElement('section');
    el.className = 'pdf-page';
    el.setAttribute('data-pdf-page', String(p.page));
    el.setAttribute('aria-label', label(p.page));
    el.style.width = `${p.width * scale}px`;
    el.style.height = `${p.height * scale}px`;
    el.style.setProperty('--scale-factor', String(scale));
    el.style.setProperty('--user-unit', '1');
    el.style.setProperty('--total-scale-factor', String(scale));
    const overlay = doc.createElement('div');
    overlay.className = 'pdf-highlights';
    el.appendChild(overlay);
    container.appendChild(el);
    return { page: p, el, overlay, drawn: false };
  });

  const draw = async (view: (typeof views)[number]) => {
    if (view.drawn) return;
    view.drawn = true;
    // A page pdf.js cannot give (a damaged file) stays blank; the check's answer stands.
    const page = await pdf.getPage(view.page.page).catch((error: unknown) => {
      console.warn('[report-lens] page load failed', error);
      return null;
    });
    if (!page) return;
    const viewport = page.getViewport({ scale });
    const ratio = globalThis.devicePixelRatio || 1;
    const canvas = doc.createElement('canvas');
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${viewport.width}px`;
    canvas.style.height = `${viewport.height}px`;
    view.el.insertBefore(canvas, view.overlay);
    const textLayer = doc.createElement('div');
    textLayer.className = 'textLayer';
    view.el.insertBefore(textLayer, view.overlay);
    await Promise.all([
      page.render({
        canvas,
        canvasContext: canvas.getContext('2d')!,
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
      }).promise,
      // pdf.js's text layer writes each run with textContent: selectable, searchable, never markup.
      new TextLayer({ textContentSource: page.streamTextContent(), container: textLayer, viewport }).render(),
    ]).catch((error: unknown) => console.warn('[report-lens] page render failed', error));
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const view = views.find((v) => v.el === entry.target);
        if (view) void draw(view);
      }
    },
    { rootMargin: '600px 0px' },
  );
  for (const view of views) observer.observe(view.el);

  return {
    highlight(boxes) {
      for (const view of views) view.overlay.replaceChildren();
      let first: HTMLElement | null = null;
      for (const { page, box } of boxes) {
        const view = views[page - 1];
        if (!view) continue;
        void draw(view);
        const mark = doc.createElement('div');
        mark.className = 'pdf-highlight';
        mark.setAttribute('data-pdf-highlight', String(page));
        const at = markRect(box, scale);
        mark.style.left = `${at.left}px`;
        mark.style.top = `${at.top}px`;
        mark.style.width = `${at.width}px`;
        mark.style.height = `${at.height}px`;
        view.overlay.appendChild(mark);
        first ??= mark;
      }
      first?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    },
    destroy() {
      observer.disconnect();
      container.replaceChildren();
    },
  };
}
