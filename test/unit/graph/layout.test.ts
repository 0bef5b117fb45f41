import { describe, expect, it } from 'vitest';
import { layoutGraph, layoutTraceTree, TREE_DY } from '../../../src/app/graph/layout.ts';
import { deriveRows } from '../../../src/core/model/rows.ts';
import { smallTree } from '../../support/small-tree.ts';

// root ─ a ─ a1, a2 ; root ─ b ─ b1 (test/support/small-tree.ts)
const ds = smallTree();
const t = ds.traces[0]!;

describe('trace tree layout', () => {
  it('places every visible row once, parents left of children, no two nodes of a column overlapping', () => {
    const { nodes } = layoutTraceTree(deriveRows(t), t.depth);
    expect(nodes.map((n) => n.row).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const n of nodes) {
      expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
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
    const { nodes } = layoutTraceTree(deriveRows(t, { collapsed: new Set([1]) }), t.depth);
    expect(nodes.map((n) => n.row).sort()).toEqual([0, 1, 4, 5]);
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
});
