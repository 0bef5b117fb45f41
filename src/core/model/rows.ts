// Visible rows of a trace's waterfall, derived purely from the flat pre-order model (compare Jaeger UI's
// generateRowStates). Collapsing a row hides its subtree: the walk jumps to subtreeEnd.
import type { TraceModel } from './assemble.ts';

export interface RowFilter {
  /** Rows whose subtrees are hidden (the row itself stays visible). */
  readonly collapsed?: ReadonlySet<number>;
  /**
   * Every row collapsed ("collapse all"): the same rows as `collapsed` holding every parent row, without
   * gathering them first (at 1M rows the set of 100k parents cost 10-36 ms of the 14-163 ms answer).
   */
  readonly collapseAll?: boolean;
  /** When set, only rows with a non-zero entry are shown (e.g. search matches and their ancestors). */
  readonly keep?: Uint8Array;
  /** Rows hidden with their subtrees (members of a folded fan, see fans.ts). */
  readonly hidden?: Uint8Array;
}

export function deriveRows(trace: Pick<TraceModel, 'numRows' | 'subtreeEnd'>, filter: RowFilter = {}): Int32Array {
  const { collapsed, collapseAll = false, keep, hidden } = filter;
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
    // A leaf's subtree ends right after it, so collapsing every row hides exactly the parents' subtrees.
    row = collapseAll || collapsed?.has(row) ? trace.subtreeEnd[row]! : row + 1;
  }
  return out.slice(0, numVisible);
}

/** Marks rows to keep for "show matches only": each match and all its ancestors. */
export function keepWithAncestors(trace: Pick<TraceModel, 'numRows' | 'parentRow'>, matches: Iterable<number>): Uint8Array {
  const keep = new Uint8Array(trace.numRows);
  for (const m of matches) {
    for (let r = m; r >= 0 && keep[r] === 0; r = trace.parentRow[r]!) keep[r] = 1;
  }
  return keep;
}
