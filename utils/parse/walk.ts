/**
 * One early-stopping walk over the nodes below an element, in document order. Indexed children, not sibling
 * links: some DOMs (happy-dom) find a node's sibling by searching its parent's list.
 */
export function someNodeBelow(
  root: Element,
  /** An element met on the way: true stops the walk with true. */
  onElement: (el: Element) => boolean,
  /** A Text or CDATA node (what textContent counts): true stops the walk with true. */
  onText: (node: CharacterData) => boolean,
): boolean {
  const stack: NodeListOf<ChildNode>[] = [root.childNodes];
  const at: number[] = [0];
  while (stack.length) {
    const list = stack[stack.length - 1]!;
    const i = at[at.length - 1]!;
    if (i >= list.length) {
      stack.pop();
      at.pop();
      continue;
    }
    at[at.length - 1] = i + 1;
    const node = list[i]!;
    if (node.nodeType === 1) {
      if (onElement(node as Element)) return true;
      stack.push(node.childNodes);
      at.push(0);
    } else if ((node.nodeType === 3 || node.nodeType === 4) && onText(node as CharacterData)) {
      return true;
    }
  }
  return false;
}
