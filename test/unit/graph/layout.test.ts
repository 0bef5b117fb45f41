import { describe, expect, it } from 'vitest';
import { layoutGraph, layoutTraceTree, TREE_DY, type TreeLayout } from '../../../src/app/graph/layout.ts';
import { deriveRows } from '../../../src/core/model/rows.ts';
import { smallTree } from '../../support/small-tree.ts';

// root ─ a ─ a1, a2 ; root ─ b ─ b1 (test/support/small-tree.ts)
const ds = smallTree();
const t = ds.traces[0]!;

/** The layout's columns as one object per node. */
function nodesOf(layout: TreeLayout): Array<{ row: number; x: number; y: number; parentRow: number }> {
  return [...layout.rows].map((row, i) => ({ row, x: layout.x[i]!, y: layout.y[i]!, parentRow: layout.parent[i]! < 0 ? -1 : layout.rows[layout.parent[i]!]! }));
}

describe('trace tree layout', () => {
  it('places every visible row once, parents left of children, no two nodes of a column overlapping', () => {
    const nodes = nodesOf(layoutTraceTree(deriveRows(t), t.depth));
    expect(nodes.map((n) => n.row).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const n of nodes) {
      expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
      expect(n.parentRow).toBe(t.parentRow[n.row]);
      if (n.parentRow >= 0) expect(nodes.find((p) => p.row === n.parentRow)!.x).toBeLessThan(n.x);
    }
    const byColumn = new Map<number, number[]>();
    for (const n of nodes) byColumn.set(n.x, [...(byColumn.get(n.x) ?? []), n.y]);
    for (const ys of byColumn.values()) {
      const sorted = ys.sort((p, q) => p - q);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(TREE_DY);
    }
  });
  it('does not lay out a collapsed subtree', () => {
    const nodes = nodesOf(layoutTraceTree(deriveRows(t, { collapsed: new Set([1]) }), t.depth));
    expect(nodes.map((n) => n.row).sort()).toEqual([0, 1, 4, 5]);
  });
  it('lays out 250,000 visible rows (a spread over them once overflowed the stack), each under its parent', () => {
    // A root over a fan of 50,000 requests, each of five rows: the request, its call, the call's query, and
    // two steps under the query.
    const GROUP = [1, 2, 3, 4, 4];
    const n = 1 + 50_000 * GROUP.length;
    const depth = new Int32Array(n);
    for (let row = 1; row < n; row++) depth[row] = GROUP[(row - 1) % GROUP.length]!;
    const layout = layoutTraceTree(Int32Array.from({ length: n }, (_, row) => row), depth);
    expect(layout.rows.length).toBe(n);
    for (let i = 1; i < n; i++) {
      const p = layout.parent[i]!;
      expect(depth[layout.rows[p]!]).toBe(depth[layout.rows[i]!]! - 1);
      if (layout.x[p]! >= layout.x[i]!) expect.unreachable(`node ${i} is not right of its parent`);
      if (!(layout.y[i]! >= 0 && layout.y[i]! < layout.height)) expect.unreachable(`node ${i} is outside the layout's height`);
    }
    expect(layout.parent[0]).toBe(-1);
  });
});

describe('service graph layout', () => {
  it('puts callers left of callees, also with a cycle', () => {
    const { nodes } = layoutGraph(['web', 'api', 'db', 'x', 'y'], [{ from: 'web', to: 'api' }, { from: 'api', to: 'db' }, { from: 'x', to: 'y' }, { from: 'y', to: 'x' }]);
    const at = new Map(nodes.map((n) => [n.id, n]));
    expect(nodes).toHaveLength(5);
    expect(at.get('web')!.x).toBeLessThan(at.get('api')!.x);
    expect(at.get('api')!.x).toBeLessThan(at.get('db')!.x);
  });
  it('starts each cycle nobody outside calls at its first node in the given order', () => {
    const { nodes } = layoutGraph(['a', 'b', 'c', 'd', 'e'], [{ from: 'a', to: 'b' }, { from: 'b', to: 'a' }, { from: 'c', to: 'd' }, { from: 'd', to: 'e' }, { from: 'e', to: 'c' }, { from: 'e', to: 'e' }]);
    const column = Object.fromEntries(nodes.map((n) => [n.id, n.x]));
    expect([column.a, column.b, column.c, column.d, column.e]).toEqual([10, 350, 10, 350, 690]);
  });
});
