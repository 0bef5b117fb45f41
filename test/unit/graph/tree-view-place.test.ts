// Where the tree view looks when a layout arrives: the folded node stays put on screen; a new trace, or a
// view left on empty space, shows the root.
import { describe, expect, it } from 'vitest';
import { layoutTraceTree, nodeIndexOfRow } from '../../../src/app/graph/layout.ts';
import { placeView } from '../../../src/app/graph/tree-view-place.ts';

/** A root over a fan of `n` calls, each with one query under it: rows in pre-order. */
function fan(n: number, folded: ReadonlySet<number> = new Set()) {
  const depth = new Int32Array(1 + 2 * n);
  for (let row = 1; row < depth.length; row++) depth[row] = row % 2 === 1 ? 1 : 2;
  const rows = [...depth.keys()].filter((row) => !(depth[row] === 2 && folded.has(row - 1)));
  return layoutTraceTree(Int32Array.from(rows), depth);
}

const size = { w: 800, h: 400 };
const screenOf = (layout: ReturnType<typeof fan>, row: number, v: { x: number; y: number; k: number }) => {
  const i = nodeIndexOfRow(layout, row);
  return { x: layout.x[i]! * v.k + v.x, y: layout.y[i]! * v.k + v.y };
};

describe('the tree view after a new layout', () => {
  it('opens a big tree with its root in view, half way down; a small one stays as it is', () => {
    const big = fan(10_000);
    const v = placeView(big, { x: 0, y: 0, k: 1 }, size, null, true)!;
    expect(screenOf(big, 0, v)).toEqual({ x: 10, y: 200 });
    expect(placeView(fan(3), { x: 0, y: 0, k: 1 }, size, null, true)).toBeNull();
  });

  it('keeps the node a fold was asked on where it was on screen, at the same zoom', () => {
    const before = fan(10_000);
    const view = { x: -40, y: -123_456, k: 0.5 };
    const row = 2 * 6_000 - 1; // the 6,000th call
    const was = screenOf(before, row, view);
    const after = fan(10_000, new Set([row]));
    const v = placeView(after, view, size, { row, screenX: was.x, screenY: was.y }, false)!;
    expect(v.k).toBe(0.5);
    expect(screenOf(after, row, v)).toEqual(was);
    expect(nodeIndexOfRow(after, row + 1)).toBe(-1); // its query is folded away
  });

  it('shows the root again when a fold elsewhere leaves the view on empty space', () => {
    const view = placeView(fan(10_000), { x: 0, y: 0, k: 1 }, size, null, true)!;
    const folded = fan(3);
    expect(placeView(folded, view, size, null, false)).toEqual({ x: 0, y: 200 - folded.y[0]!, k: 1 });
    expect(placeView(folded, { x: 0, y: 0, k: 1 }, size, null, false)).toBeNull();
  });
});
