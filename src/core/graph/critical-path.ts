// The critical path of a trace: the chain of span sections that decided its end-to-end latency, following
// Jaeger UI's algorithm (packages/jaeger-ui/src/components/TracePage/CriticalPath: computeCriticalPath,
// findLastFinishingChildSpan, sanitizeOverFlowingChildren). Children are first clipped to their parent's
// window (dropped when wholly outside it). From the root, the last-finishing child is followed down; when a
// span has no child finishing before the point we came back from, its own remaining section is critical
// and the walk returns to the parent at this span's start. Iterative, so deep traces cannot overflow.
import type { TraceModel } from '../model/assemble.ts';
import { RowFlag } from '../model/assemble.ts';

export interface CriticalSection {
  readonly row: number;
  /** Offsets from the trace start, ns. */
  readonly startNs: number;
  readonly endNs: number;
}

/** `startNs`/`durNs`: per-row offsets and durations, as in WaterfallColumns. */
export function criticalPath(trace: Pick<TraceModel, 'numRows' | 'parentRow' | 'rootRows' | 'flags'>, startNs: Float64Array, durNs: Float64Array): CriticalSection[] {
  const n = trace.numRows;
  const root = [...trace.rootRows].find((r) => (trace.flags[r]! & (RowFlag.ORPHAN | RowFlag.CYCLE)) === 0) ?? trace.rootRows[0];
  if (root === undefined) return [];
  // Clip every span to its parent's (clipped) window; pre-order means parents come first.
  const s = new Float64Array(n);
  const e = new Float64Array(n);
  const kept = new Uint8Array(n);
  for (let row = 0; row < n; row++) {
    const p = trace.parentRow[row]!;
    let a = startNs[row]!;
    let b = a + durNs[row]!;
    if (p >= 0) {
      if (!kept[p] || b <= s[p]! || a >= e[p]!) continue;
      a = Math.max(a, s[p]!);
      b = Math.min(b, e[p]!);
    }
    s[row] = a;
    e[row] = b;
    kept[row] = 1;
  }
  // Children of each kept span, last-finishing first.
  const { start: first, list: children } = childLists(n, trace.parentRow, kept);
  for (let row = 0; row < n; row++) if (first[row + 1]! - first[row]! > 1) children.subarray(first[row]!, first[row + 1]!).sort((x, y) => e[y]! - e[x]!);

  const path: CriticalSection[] = [];
  // Where each span's child list was last looked at. Coming back to a span, the limit is the start of the
  // child just left, so it only falls: a child passed over once (finishing at or after the limit) is passed
  // over for good. Scanning from the list's head instead took 15 s for one 1M-span trace, 0.6 s at 200k.
  const cursor = first.slice(0, n);
  let row = root;
  let returningFrom: number | null = null;
  for (let steps = 0; steps < 4 * n + 4; steps++) {
    const limit = returningFrom;
    const end = first[row + 1]!;
    if (limit !== null) while (cursor[row]! < end && e[children[cursor[row]!]!]! >= limit) cursor[row]!++;
    const next = cursor[row]! < end ? children[cursor[row]!] : undefined;
    const sectionEnd = limit ?? e[row]!;
    if (next !== undefined) {
      if (e[next]! !== sectionEnd) path.push({ row, startNs: e[next]!, endNs: sectionEnd });
      row = next;
      returningFrom = null;
      continue;
    }
    if (s[row]! !== sectionEnd) path.push({ row, startNs: s[row]!, endNs: sectionEnd });
    const p = trace.parentRow[row]!;
    if (p < 0 || row === root) break;
    returningFrom = s[row]!;
    row = p;
  }
  return path.sort((a, b) => a.startNs - b.startNs);
}

/** Each span's self time: its duration minus the union of its children's intervals, clipped to it. */
export function selfTimes(trace: Pick<TraceModel, 'numRows' | 'parentRow'>, startNs: Float64Array, durNs: Float64Array): Float64Array {
  const n = trace.numRows;
  const out = new Float64Array(n);
  const { start: first, list: children } = childLists(n, trace.parentRow);
  for (let row = 0; row < n; row++) {
    const covered = coveredTime(children, first[row]!, first[row + 1]!, startNs[row]!, startNs[row]! + durNs[row]!, startNs, durNs);
    out[row] = Math.max(0, durNs[row]! - covered);
  }
  return out;
}

/**
 * The union of the intervals of `kids[from, to)` clipped to [a, b). Siblings are in start order
 * (assemble-trace.ts), so clipped starts come in order and one pass merges them; kids found out of order
 * are sorted (a copy) and merged again.
 */
function coveredTime(kids: Int32Array, from: number, to: number, a: number, b: number, startNs: Float64Array, durNs: Float64Array): number {
  let covered = 0;
  let curA = -Infinity;
  let curB = -Infinity;
  for (let i = from; i < to; i++) {
    const c = kids[i]!;
    const x = Math.max(a, startNs[c]!);
    const y = Math.min(b, startNs[c]! + durNs[c]!);
    if (y <= x) continue;
    if (x < curA) {
      const sorted = kids.slice(from, to).sort((p, q) => startNs[p]! - startNs[q]!);
      return coveredTime(sorted, 0, sorted.length, a, b, startNs, durNs);
    }
    if (x > curB) {
      if (curB > curA) covered += curB - curA;
      curA = x;
      curB = y;
    } else curB = Math.max(curB, y);
  }
  return curB > curA ? covered + curB - curA : covered;
}

/**
 * Each row's children in one array, in row order: row r's are `list[start[r]] .. list[start[r + 1] - 1]`.
 * Only rows with `keep[row]` set count, when given. One allocation, not an array per row: at 1M rows the
 * arrays' garbage collection was over half of the critical path's time.
 */
function childLists(n: number, parentRow: Int32Array, keep?: Uint8Array): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let row = 0; row < n; row++) {
    const p = parentRow[row]!;
    if (p >= 0 && (keep === undefined || keep[row])) start[p + 1]!++;
  }
  for (let r = 0; r < n; r++) start[r + 1]! += start[r]!;
  const list = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let row = 0; row < n; row++) {
    const p = parentRow[row]!;
    if (p >= 0 && (keep === undefined || keep[row])) list[fill[p]!++] = row;
  }
  return { start, list };
}
