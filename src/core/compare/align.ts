// Path ids for aligning two traces: a span's path is the chain of (service, name) from its root, with
// repeated siblings of the same service and name told apart by their order (siblings are in start order,
// see assemble.ts). Paths are interned as small integers in a table both sides share, so equal ids mean
// equal paths without building strings as long as the tree is deep.
import type { Dataset, TraceModel } from '../model/assemble.ts';

export class PathTable {
  private readonly ids = new Map<string, number>();
  /** path id → its last step, as "service: name" with "#k" for the k-th repeat (k ≥ 2). */
  readonly segments: string[] = [];

  intern(parentId: number, service: string, name: string, occurrence: number): number {
    const key = `${parentId}\u0000${service}\u0000${name}\u0000${occurrence}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.segments.length;
      this.segments.push(`${service}: ${name}${occurrence > 0 ? ` #${occurrence + 1}` : ''}`);
      this.ids.set(key, id);
    }
    return id;
  }
}

/** row → path id, for one trace, in one pass over its pre-order rows. */
export function pathIds(ds: Dataset, trace: TraceModel, table: PathTable): Int32Array {
  const out = new Int32Array(trace.numRows);
  // How many siblings of this (parent path, service, name) came before, per parent row (-1: the roots).
  const seen = new Map<string, number>();
  for (let row = 0; row < trace.numRows; row++) {
    const spanIdx = trace.spanIdx[row]!;
    const service = ds.services[ds.spanService[spanIdx]!] ?? '';
    const name = ds.span(spanIdx).name;
    const parentRow = trace.parentRow[row]!;
    const parentId = parentRow >= 0 ? out[parentRow]! : -1;
    const siblingKey = `${parentRow}\u0000${service}\u0000${name}`;
    const occurrence = seen.get(siblingKey) ?? 0;
    seen.set(siblingKey, occurrence + 1);
    out[row] = table.intern(parentId, service, name, occurrence);
  }
  return out;
}

/** row → its children rows in start order (roots under -1, at index numRows). */
export function childLists(trace: TraceModel): number[][] {
  const out: number[][] = Array.from({ length: trace.numRows + 1 }, () => []);
  for (let row = 0; row < trace.numRows; row++) {
    const p = trace.parentRow[row]!;
    out[p >= 0 ? p : trace.numRows]!.push(row);
  }
  return out;
}

/**
 * Interleaves two sibling lists matched by path id: A's order is kept; a child only B has goes right after
 * the last child both share that precedes it in B. Returns [rowA, rowB] pairs, -1 for the absent side.
 */
export function mergeSiblings(rowsA: readonly number[], pathA: Int32Array, rowsB: readonly number[], pathB: Int32Array): Array<[number, number]> {
  const bByPath = new Map<number, number>();
  for (const b of rowsB) bByPath.set(pathB[b]!, b);
  const posA = new Map<number, number>();
  rowsA.forEach((a, i) => posA.set(pathA[a]!, i));
  const out: Array<[number, number]> = [];
  let ia = 0;
  const flushA = (upToPath: number | null): void => {
    while (ia < rowsA.length) {
      const a = rowsA[ia++]!;
      out.push([a, bByPath.get(pathA[a]!) ?? -1]);
      if (pathA[a] === upToPath) return;
    }
  };
  for (const b of rowsB) {
    const p = pathB[b]!;
    const i = posA.get(p);
    if (i === undefined) out.push([-1, b]);
    else if (i >= ia) flushA(p);
  }
  flushA(null);
  return out;
}
