// Layered left-to-right layouts with d3-hierarchy: a spanning tree of a directed graph (each node under
// its first caller; callers first) laid out by tree(), with the graph's other edges drawn over it.
import { hierarchy, tree } from 'd3-hierarchy';

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
  const placed = new Set<string>();
  const root: Node = { id: '', children: [] };
  // Breadth-first from the nodes nobody calls, so each node sits under its first caller.
  const queue = nodes.filter((n) => (incoming.get(n) ?? 0) === 0);
  for (const n of queue) {
    placed.add(n);
    root.children.push(byId.get(n)!);
  }
  for (let i = 0; i < queue.length || placed.size < nodes.length; i++) {
    if (i >= queue.length) {
      const rest = nodes.find((n) => !placed.has(n))!; // only callers in a cycle remain: start one
      placed.add(rest);
      root.children.push(byId.get(rest)!);
      queue.push(rest);
    }
    const from = queue[i]!;
    for (const e of edges) {
      if (e.from !== from || placed.has(e.to) || !byId.has(e.to)) continue;
      placed.add(e.to);
      byId.get(from)!.children.push(byId.get(e.to)!);
      queue.push(e.to);
    }
  }
  const laid = tree<Node>().nodeSize([NODE_H + GAP_Y, NODE_W + GAP_X])(hierarchy(root));
  const all = laid.descendants().filter((d) => d.data.id !== '');
  const minX = Math.min(0, ...all.map((d) => d.x));
  const out = all.map((d) => ({ id: d.data.id, x: (d.depth - 1) * (NODE_W + GAP_X) + 10, y: d.x - minX + 10 }));
  return { nodes: out, width: Math.max(0, ...out.map((n) => n.x + NODE_W)) + 10, height: Math.max(0, ...out.map((n) => n.y + NODE_H)) + 10 };
}

export interface TreeNode {
  readonly row: number;
  readonly x: number;
  readonly y: number;
  readonly parentRow: number;
}

export const TREE_DX = 200;
export const TREE_DY = 24;

/**
 * Lays out the visible rows of a trace as a left-to-right tree (d3-hierarchy tree()). Parents are found
 * from depth in pre-order, so collapsed subtrees (absent from `rows`) are simply not laid out.
 */
export function layoutTraceTree(rows: Int32Array, depth: Int32Array): { nodes: TreeNode[]; width: number; height: number } {
  interface T {
    readonly row: number;
    readonly children: T[];
  }
  const root: T = { row: -1, children: [] };
  const stack: T[] = [];
  for (const row of rows) {
    const node: T = { row, children: [] };
    const d = depth[row]!;
    stack.length = Math.min(stack.length, d);
    (stack[d - 1] ?? root).children.push(node);
    stack[d] = node;
  }
  const laid = tree<T>().nodeSize([TREE_DY, TREE_DX])(hierarchy(root));
  const all = laid.descendants().filter((n) => n.data.row >= 0);
  const minY = Math.min(0, ...all.map((n) => n.x));
  const nodes = all.map((n) => ({ row: n.data.row, x: (n.depth - 1) * TREE_DX + 10, y: n.x - minY + 14, parentRow: n.parent?.data.row ?? -1 }));
  return { nodes, width: Math.max(0, ...nodes.map((n) => n.x)) + TREE_DX, height: Math.max(0, ...nodes.map((n) => n.y)) + 30 };
}
