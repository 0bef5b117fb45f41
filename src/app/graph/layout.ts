// Layered left-to-right layouts with d3-hierarchy: a spanning tree of a directed graph (each node under
// its first caller; callers first) laid out by tree(), with the graph's other edges drawn over it. The
// hierarchies come from linear-hierarchy.ts, not hierarchy() itself, whose cost grows as depth × nodes.
import { tree } from 'd3-hierarchy';
import { linearHierarchy } from './linear-hierarchy.ts';

export interface LaidOutNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

interface Node {
  readonly id: string;
  readonly children: Node[];
}

export const NODE_W = 150;
export const NODE_H = 34;
const GAP_X = 190;
const GAP_Y = 22;

export function layoutGraph(nodes: readonly string[], edges: ReadonlyArray<{ from: string; to: string }>): { nodes: LaidOutNode[]; width: number; height: number } {
  const incoming = new Map<string, number>(nodes.map((n) => [n, 0]));
  for (const e of edges) if (e.from !== e.to) incoming.set(e.to, (incoming.get(e.to) ?? 0) + 1);
  const byId = new Map<string, Node>(nodes.map((n) => [n, { id: n, children: [] }]));
  // Each node's callees in edge order: looking them up, not scanning every edge per node (nodes × edges took
  // the page 1.8 s for a trace with 20k span links).
  const callees = new Map<string, string[]>();
  for (const e of edges) if (byId.has(e.to)) (callees.get(e.from) ?? callees.set(e.from, []).get(e.from)!).push(e.to);
  const placed = new Set<string>();
  const root: Node = { id: '', children: [] };
  // Breadth-first from the nodes nobody calls, so each node sits under its first caller.
  const queue = nodes.filter((n) => (incoming.get(n) ?? 0) === 0);
  for (const n of queue) {
    placed.add(n);
    root.children.push(byId.get(n)!);
  }
  let unplacedFrom = 0;
  for (let i = 0; i < queue.length || placed.size < nodes.length; i++) {
    if (i >= queue.length) {
      while (placed.has(nodes[unplacedFrom]!)) unplacedFrom++;
      const rest = nodes[unplacedFrom]!; // only callers in a cycle remain: start one
      placed.add(rest);
      root.children.push(byId.get(rest)!);
      queue.push(rest);
    }
    const from = queue[i]!;
    for (const to of callees.get(from) ?? []) {
      if (placed.has(to)) continue;
      placed.add(to);
      byId.get(from)!.children.push(byId.get(to)!);
      queue.push(to);
    }
  }
  const laid = tree<Node>().nodeSize([NODE_H + GAP_Y, NODE_W + GAP_X])(linearHierarchy(root));
  const all = laid.descendants().filter((d) => d.data.id !== '');
  const minX = all.reduce((m, d) => Math.min(m, d.x), 0);
  const out = all.map((d) => ({ id: d.data.id, x: (d.depth - 1) * (NODE_W + GAP_X) + 10, y: d.x - minX + 10 }));
  return { nodes: out, width: out.reduce((m, n) => Math.max(m, n.x + NODE_W), 0) + 10, height: out.reduce((m, n) => Math.max(m, n.y + NODE_H), 0) + 10 };
}

/** A trace's visible rows laid out as a tree: node i is `rows[i]`; columns rather than an object per node. */
export interface TreeLayout {
  readonly rows: Int32Array;
  /** Each node's place in layout pixels: x from its depth, y from the tree layout. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** The node index of each node's parent; -1 for a top node. */
  readonly parent: Int32Array;
  readonly width: number;
  readonly height: number;
}

export const TREE_DX = 200;
export const TREE_DY = 24;

/**
 * Lays out the visible rows of a trace as a left-to-right tree (d3-hierarchy tree()). Parents are found
 * from depth in pre-order, so collapsed subtrees (absent from `rows`) are simply not laid out. No spread
 * over the nodes (`Math.min(...xs)`): at 200k nodes that overflows the stack.
 */
export function layoutTraceTree(rows: Int32Array, depth: Int32Array): TreeLayout {
  interface T {
    readonly idx: number;
    readonly children: T[];
  }
  const root: T = { idx: -1, children: [] };
  const stack: T[] = [];
  rows.forEach((row, idx) => {
    const node: T = { idx, children: [] };
    const d = depth[row]!;
    stack.length = Math.min(stack.length, d);
    (stack[d - 1] ?? root).children.push(node);
    stack[d] = node;
  });
  const laid = tree<T>().nodeSize([TREE_DY, TREE_DX])(linearHierarchy(root));
  const n = rows.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const parent = new Int32Array(n);
  let minY = 0;
  laid.each((node) => {
    const i = node.data.idx;
    if (i < 0) return;
    x[i] = (node.depth - 1) * TREE_DX + 10;
    y[i] = node.x;
    parent[i] = node.parent?.data.idx ?? -1;
    minY = Math.min(minY, node.x);
  });
  let width = 0;
  let height = 0;
  for (let i = 0; i < n; i++) {
    y[i] = y[i]! - minY + 14;
    width = Math.max(width, x[i]!);
    height = Math.max(height, y[i]!);
  }
  return { rows: Int32Array.from(rows), x, y, parent, width: width + TREE_DX, height: height + 30 };
}

/** The index of `row`'s node in the layout, -1 when the row is not laid out (folded away). */
export function nodeIndexOfRow(layout: TreeLayout, row: number): number {
  return layout.rows.indexOf(row);
}
