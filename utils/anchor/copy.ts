/**
 * A finding's place in a copy of the page. Tables published as pictures are read into a copy of the live
 * page (the live page is never changed: entrypoints/report.content/pictures.tsx), and the copy is checked; its
 * targets are mapped back here: a node to the node at the same place in the live page, a cell read from a
 * picture to its box on the picture (picture.ts).
 */
import { outlineOnPicture, pictureCellOf } from './picture';
import { isRange, type PageAnchors, type Target } from './resolve';

/** The child indexes from `root` down to `node` (null when node is not under root). */
export function nodePath(node: Node, root: Node): number[] | null {
  const path: number[] = [];
  let at: Node | null = node;
  while (at && at !== root) {
    const parent: Node | null = at.parentNode;
    if (!parent) return null;
    path.push(Array.prototype.indexOf.call(parent.childNodes, at) as number);
    at = parent;
  }
  return at === root ? path.reverse() : null;
}

export function nodeAt(root: Node, path: readonly number[]): Node | null {
  let at: Node | null = root;
  for (const i of path) at = at?.childNodes[i] ?? null;
  return at;
}

/**
 * The node of `live` at the place `node` has in `copy`. The copy is the live document cloned, with only
 * <img> elements replaced one for one by their tables' holders, so every node outside a holder has the
 * same path in both (when the page has not changed since).
 */
export function liveNode(node: Node, copy: Document, live: Document): Node | null {
  const path = nodePath(node, copy);
  if (!path) return null;
  const found = nodeAt(live, path);
  return found && found.nodeName === node.nodeName ? found : null;
}

/**
 * The copy's anchors, resolving in the live page: a cell read from a picture (its `image`-th picture among
 * `pictures`) as the outline of its box on that picture, anything else as the same place in `live`.
 */
export function liveAnchors(anchors: PageAnchors, copy: Document, live: Document, pictures: readonly HTMLImageElement[]): PageAnchors {
  const resolve = (location: Parameters<PageAnchors['resolve']>[0]): Target | null => {
    const target = anchors.resolve(location);
    if (!target) return null;
    const cell = pictureCellOf(target);
    if (cell) {
      const img = pictures[cell.image - 1];
      return img?.isConnected ? outlineOnPicture(img, cell) : null;
    }
    if (!isRange(target)) return liveNode(target, copy, live) as Element | null;
    const start = liveNode(target.startContainer, copy, live);
    const end = liveNode(target.endContainer, copy, live);
    if (!start || !end) return null;
    try {
      const range = live.createRange();
      range.setStart(start, target.startOffset);
      range.setEnd(end, target.endOffset);
      return range;
    } catch {
      return null;
    }
  };
  return { ...anchors, resolve };
}
