// Where the tree view looks when a new layout arrives. A big tree's root sits half way down its children,
// far below the first screen, and a fold or unfold moves every node after it: without this, folding the
// root of a 1M-span tree left the view on empty space.
import { nodeIndexOfRow, TREE_DY, type TreeLayout } from './layout.ts';

export interface TreeView {
  /** Screen = layout × k + (x, y). */
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

/** The node a fold was asked on, and where on screen it was: it stays there. */
export interface TreeAnchor {
  readonly row: number;
  readonly screenX: number;
  readonly screenY: number;
}

/**
 * The view for a newly arrived layout, or null to keep `view`: the anchor node where it was on screen; else,
 * for a new trace or when nothing of the tree is left in view, the root at the left, half way down (when it
 * is not in view already).
 */
export function placeView(layout: TreeLayout, view: TreeView, size: Size, anchor: TreeAnchor | null, isNewTrace: boolean): TreeView | null {
  const i = anchor ? nodeIndexOfRow(layout, anchor.row) : -1;
  if (anchor && i >= 0) return { k: view.k, x: anchor.screenX - layout.x[i]! * view.k, y: anchor.screenY - layout.y[i]! * view.k };
  if (layout.rows.length === 0 || isInView(layout, 0, view, size) || (!isNewTrace && anyNodeInView(layout, view, size))) return null;
  return { k: 1, x: 0, y: size.h / 2 - layout.y[0]! };
}

interface Size {
  readonly w: number;
  readonly h: number;
}

function isInView(layout: TreeLayout, i: number, view: TreeView, size: Size): boolean {
  const sx = layout.x[i]! * view.k + view.x;
  const sy = layout.y[i]! * view.k + view.y;
  return sx >= 0 && sx < size.w && sy >= TREE_DY && sy < size.h - TREE_DY;
}

function anyNodeInView(layout: TreeLayout, view: TreeView, size: Size): boolean {
  for (let i = 0; i < layout.rows.length; i++) if (isInView(layout, i, view, size)) return true;
  return false;
}
