// linearHierarchy must give what d3's hierarchy() gives (the same nodes, depths, heights and children, so
// tree() lays it out the same), without hierarchy()'s depth × nodes walk on deep chains.
import { hierarchy, tree, type HierarchyNode } from 'd3-hierarchy';
import { describe, expect, it } from 'vitest';
import { linearHierarchy } from '../../../src/app/graph/linear-hierarchy.ts';
import { layoutTraceTree } from '../../../src/app/graph/layout.ts';

interface Datum {
  readonly id: number;
  readonly children: Datum[];
}

/** A tree of `n` nodes, each under a node chosen by a seeded generator among those made so far. */
function randomTree(n: number, seed: number, reach: number): Datum {
  let state = seed;
  const next = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const nodes: Datum[] = [{ id: 0, children: [] }];
  for (let id = 1; id < n; id++) {
    // Parents near the newest node make deep trees; anywhere, bushy ones.
    const parent = nodes[Math.max(0, id - 1 - Math.floor(next() * Math.min(id, reach)))]!;
    const node = { id, children: [] };
    parent.children.push(node);
    nodes.push(node);
  }
  return nodes[0]!;
}

/** Every node in d3's own order (breadth-first), with what tree() and its callers read. */
function shape(root: HierarchyNode<Datum>) {
  return root.descendants().map((d) => ({ id: d.data.id, depth: d.depth, height: d.height, parent: d.parent?.data.id ?? -1, children: d.children?.map((c) => c.data.id) }));
}

describe('linearHierarchy', () => {
  it('gives hierarchy()\'s nodes, depths, heights and children, and tree() the same places', () => {
    for (const [n, seed, reach] of [[1, 1, 1], [2, 1, 1], [300, 7, 3], [300, 8, 300], [2000, 9, 20]] as const) {
      const data = randomTree(n, seed, reach);
      const ours = linearHierarchy(data);
      const d3s = hierarchy(data);
      expect(shape(ours)).toEqual(shape(d3s));
      const place = (root: HierarchyNode<Datum>) => tree<Datum>().nodeSize([24, 200])(root).descendants().map((d) => [d.data.id, d.x, d.y]);
      expect(place(ours)).toEqual(place(d3s));
      // Its nodes are d3's own, with every method.
      expect(ours.leaves().length).toBe(d3s.leaves().length);
    }
  });

  it('lays out a trace that is one chain of 50,000 spans, each under the one before', () => {
    const n = 50_000;
    const depth = Int32Array.from({ length: n }, (_, row) => row);
    const layout = layoutTraceTree(Int32Array.from({ length: n }, (_, row) => row), depth);
    for (let i = 1; i < n; i++) {
      if (layout.parent[i] !== i - 1) expect.unreachable(`node ${i} is not under node ${i - 1}`);
      if (layout.y[i] !== layout.y[0]) expect.unreachable(`node ${i} is off the chain's line`);
    }
    const root = linearHierarchy(randomTree(n, 3, 1));
    expect([root.height, root.leaves().length]).toEqual([n - 1, 1]);
  });
});
