// Keyboard moves in the waterfall, decided purely from the visible rows and the tree columns:
// ↑/↓ select the previous/next visible row, ← collapses the selected row or goes to its parent,
// → expands it or goes to its first child, Home/End go to the first/last row. On the head of a fan of
// similar siblings, → unfolds a folded fan and ← folds an unfolded one.
import { ancestorRows } from './tree-walk.ts';

export type KeyMove =
  | { readonly type: 'select'; readonly row: number }
  | { readonly type: 'toggle'; readonly row: number }
  | { readonly type: 'fan'; readonly fanIdx: number };

export interface KeyContext {
  readonly visibleRows: Int32Array;
  readonly depth: Int32Array;
  readonly subtreeEnd: Int32Array;
  readonly collapsed: ReadonlySet<number>;
  readonly selectedRow: number | null;
  /** row → fan index (-1: none), each fan's head row, and the unfolded fans. */
  readonly fanOf?: Int32Array;
  readonly fanHeads?: readonly number[];
  readonly expandedFans?: ReadonlySet<number>;
}

export function keyMove(key: string, c: KeyContext): KeyMove | null {
  const numVisible = c.visibleRows.length;
  if (numVisible === 0) return null;
  const visibleIdx = c.selectedRow === null ? -1 : c.visibleRows.indexOf(c.selectedRow);
  const at = (targetIdx: number): KeyMove => ({ type: 'select', row: c.visibleRows[Math.max(0, Math.min(numVisible - 1, targetIdx))]! });
  if (visibleIdx < 0) return key === 'ArrowDown' || key === 'ArrowUp' || key === 'Home' ? at(0) : key === 'End' ? at(numVisible - 1) : null;
  const row = c.selectedRow!;
  const hasChildren = c.subtreeEnd[row]! > row + 1;
  const fanIdx = c.fanOf?.[row] ?? -1;
  if (fanIdx >= 0 && c.fanHeads?.[fanIdx] === row) {
    const isFolded = !c.expandedFans?.has(fanIdx);
    if ((key === 'ArrowRight' && isFolded) || (key === 'ArrowLeft' && !isFolded)) return { type: 'fan', fanIdx };
  }
  switch (key) {
    case 'ArrowDown':
      return at(visibleIdx + 1);
    case 'ArrowUp':
      return at(visibleIdx - 1);
    case 'Home':
      return at(0);
    case 'End':
      return at(numVisible - 1);
    case 'ArrowLeft': {
      if (hasChildren && !c.collapsed.has(row)) return { type: 'toggle', row };
      const parent = ancestorRows(c.depth, row)[0];
      return parent === undefined ? null : { type: 'select', row: parent };
    }
    case 'ArrowRight':
      if (!hasChildren) return null;
      return c.collapsed.has(row) ? { type: 'toggle', row } : { type: 'select', row: row + 1 };
    default:
      return null;
  }
}
