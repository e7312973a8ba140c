/**
 * How to list a node's children cheaply in this DOM. A browser (and happy-dom) keeps one child list per node:
 * indexing it is cheap, while happy-dom finds a sibling by searching its parent's list. Node's DOM (linkedom)
 * builds a new array on every read of childNodes or children, but follows a sibling link in constant time:
 * there the walks read sibling links. Asked of the document, whose child list is short.
 */
export function bySiblingLinks(node: Node): boolean {
  const doc = node.ownerDocument ?? node;
  const first = doc.childNodes;
  return first !== doc.childNodes;
}

/** Pushes a node's children on a stack in reverse order, so they pop in document order. */
export function pushChildren(stack: Node[], node: Node, siblings: boolean): void {
  if (siblings) {
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    return;
  }
  const children = node.childNodes;
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
}

/**
 * One early-stopping walk over the nodes below an element, in document order (children listed as
 * bySiblingLinks says).
 */
export function someNodeBelow(
  root: Element,
  /** An element met on the way: true stops the walk with true. */
  onElement: (el: Element) => boolean,
  /** A Text or CDATA node (what textContent counts): true stops the walk with true. */
  onText: (node: CharacterData) => boolean,
  /** bySiblingLinks(root), when the caller knows it (per table cell, it cost linkedom two child lists: 3 % of the CLI). */
  siblings = bySiblingLinks(root),
): boolean {
  const stack: Node[] = [];
  pushChildren(stack, root, siblings);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 1) {
      if (onElement(node as Element)) return true;
      pushChildren(stack, node, siblings);
    } else if ((node.nodeType === 3 || node.nodeType === 4) && onText(node as CharacterData)) {
      return true;
    }
  }
  return false;
}
