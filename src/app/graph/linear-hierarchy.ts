// d3-hierarchy's hierarchy(), in time linear in the number of nodes. hierarchy() sets each node's height by
// walking up from every node to the root until an ancestor is already high enough (its computeHeight),
// which on a chain is depth × nodes: a trace of 100,000 spans each the child of the one before took the
// tree worker ~22 s to lay out, and a chain of span links in the links view would cost the page the same.
import { hierarchy, type HierarchyNode } from 'd3-hierarchy';

/** What this module sets on a node that d3's types mark readonly. */
type Placed = { depth: number; height: number };

/**
 * The hierarchy of `root` and its descendants (by `children`), as d3's hierarchy() gives it: the same
 * nodes (each made by hierarchy() itself, as a leaf, so it has every method), children in the same order,
 * the same depths and heights. They are joined here, and heights set in one pass from the leaves up.
 */
export function linearHierarchy<T extends { readonly children: readonly T[] }>(root: T): HierarchyNode<T> {
  const noChildren = (): null => null;
  const top = hierarchy(root, noChildren);
  // Breadth-first: every node comes after its parent, so walking the list backwards meets children first.
  const order: Array<HierarchyNode<T>> = [top];
  for (let i = 0; i < order.length; i++) {
    const node = order[i]!;
    const kids = node.data.children;
    if (kids.length === 0) continue;
    const children = new Array<HierarchyNode<T>>(kids.length);
    for (let k = 0; k < kids.length; k++) {
      const child = hierarchy(kids[k]!, noChildren);
      child.parent = node;
      (child as Placed).depth = node.depth + 1;
      children[k] = child;
      order.push(child);
    }
    node.children = children;
  }
  for (let i = order.length - 1; i > 0; i--) {
    const node = order[i]!;
    const parent = node.parent!;
    if (parent.height < node.height + 1) (parent as Placed).height = node.height + 1;
  }
  return top;
}
