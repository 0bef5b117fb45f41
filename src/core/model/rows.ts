// Visible rows of a trace's waterfall, derived purely from the flat pre-order model (compare Jaeger UI's
// generateRowStates). Collapsing a row hides its subtree: the walk jumps to subtreeEnd.
import type { TraceModel } from './assemble.ts';

export interface RowFilter {
  /** Rows whose subtrees are hidden (the row itself stays visible). */
  readonly collapsed?: ReadonlySet<number>;
  /** When set, only rows with a non-zero entry are shown (e.g. search matches and their ancestors). */
  readonly keep?: Uint8Array;
  /** Rows hidden with their subtrees (members of a folded fan, see fans.ts). */
  readonly hidden?: Uint8Array;
}

export function deriveRows(trace: Pick<TraceModel, 'numRows' | 'subtreeEnd'>, filter: RowFilter = {}): Int32Array {
  const { collapsed, keep, hidden } = filter;
  const out = new Int32Array(trace.numRows);
  let numVisible = 0;
  let row = 0;
  while (row < trace.numRows) {
    if (keep && keep[row] === 0) {
      row++;
      continue;
    }
    if (hidden && hidden[row] !== 0) {
      row = trace.subtreeEnd[row]!;
      continue;
    }
    out[numVisible++] = row;
    row = collapsed?.has(row) ? trace.subtreeEnd[row]! : row + 1;
  }
  return out.slice(0, numVisible);
}

/** Rows that have children: "collapse all" collapses exactly these. */
export function parentRows(trace: Pick<TraceModel, 'numRows' | 'subtreeEnd'>): number[] {
  const out: number[] = [];
  for (let row = 0; row < trace.numRows; row++) if (trace.subtreeEnd[row]! > row + 1) out.push(row);
  return out;
}

/** Marks rows to keep for "show matches only": each match and all its ancestors. */
export function keepWithAncestors(trace: Pick<TraceModel, 'numRows' | 'parentRow'>, matches: Iterable<number>): Uint8Array {
  const keep = new Uint8Array(trace.numRows);
  for (const m of matches) {
    for (let r = m; r >= 0 && keep[r] === 0; r = trace.parentRow[r]!) keep[r] = 1;
  }
  return keep;
}
