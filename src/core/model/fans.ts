// Huge fans: thousands of similar siblings (a loop of `SELECT`s, one span per queue message) make a trace
// scrollable but not readable. Siblings under one parent with the same service and name form a fan when
// there are at least FAN_MIN of them; the waterfall can fold a fan into one row that shows the count and
// aggregate timing ("×4,812 SELECT orders"). Pure: computed once per opened trace in the worker.
import type { Dataset, TraceModel } from './assemble.ts';

/** Fewer similar siblings than this stay as they are: a short loop reads fine row by row. */
export const FAN_MIN = 20;

export interface Fan {
  /** The first member in waterfall order; a folded fan is drawn at this row. */
  readonly headRow: number;
  /** The members' parent row, -1 for a fan of roots. */
  readonly parentRow: number;
  readonly count: number;
  /** Index into the dataset's services, as the waterfall's `service` column. */
  readonly service: number;
  readonly name: string;
  /** Relative to the trace start, ns: the earliest member start and the latest member end. */
  readonly startNs: number;
  readonly endNs: number;
  /** Sum, shortest and longest member duration, ns. */
  readonly totalNs: number;
  readonly minNs: number;
  readonly maxNs: number;
  readonly numErrors: number;
}

export interface Fans {
  /** row → index into `fans`, or -1 when the row is in no fan. */
  readonly fanOf: Int32Array;
  readonly fans: Fan[];
  /** row → index into `names`: span names numbered per trace in row order, kept for the waterfall's columns. */
  readonly nameIdx: Int32Array;
  readonly names: readonly string[];
}

/** Span names numbered per trace, in the order rows first use them. */
export function rowNames(ds: Dataset, trace: TraceModel): { nameIdx: Int32Array; names: string[] } {
  const n = trace.numRows;
  const nameIdx = new Int32Array(n);
  const names: string[] = [];
  const ids = new Map<string, number>();
  for (let row = 0; row < n; row++) {
    const name = ds.span(trace.spanIdx[row]!).name;
    let id = ids.get(name);
    if (id === undefined) {
      ids.set(name, (id = names.length));
      names.push(name);
    }
    nameIdx[row] = id;
  }
  return { nameIdx, names };
}

export function findFans(ds: Dataset, trace: TraceModel, minCount = FAN_MIN): Fans {
  const n = trace.numRows;
  const fanOf = new Int32Array(n).fill(-1);
  const fans: Fan[] = [];
  // Names numbered per trace, so siblings are grouped under a numeric (service, name) key.
  const { nameIdx, names } = rowNames(ds, trace);
  if (n < minCount) return { fanOf, fans, nameIdx, names };
  const nameOf = nameIdx;
  const numNames = Math.max(1, names.length);
  const { subtreeEnd } = trace;
  // Only families of at least minCount children can hold a fan: count each row's children by jumping from
  // sibling to sibling (subtreeEnd), and group just those. A map of row lists over every row (the way this was
  // done first) made a small array per family of a 1M-row trace: most of the time of opening it.
  const members: number[][] = [];
  for (let parent = -1; parent < n; parent++) {
    const end = parent < 0 ? n : subtreeEnd[parent]!;
    let numChildren = 0;
    for (let c = parent + 1; c < end; c = subtreeEnd[c]!) numChildren++;
    if (numChildren < minCount) continue;
    const groups = new Map<number, number[]>();
    for (let c = parent + 1; c < end; c = subtreeEnd[c]!) {
      const key = ds.spanService[trace.spanIdx[c]!]! * numNames + nameOf[c]!;
      const rows = groups.get(key);
      if (rows) rows.push(c);
      else groups.set(key, [c]);
    }
    for (const rows of groups.values()) if (rows.length >= minCount) members.push(rows);
  }
  // Fans are numbered in waterfall order of their first member.
  members.sort((a, b) => a[0]! - b[0]!);
  for (const rows of members) fans.push(aggregate(ds, trace, rows, fans.length, fanOf));
  return { fanOf, fans, nameIdx, names };
}

/** One fan of `rows` (siblings in waterfall order), marking them in `fanOf` with `fanIdx`. */
function aggregate(ds: Dataset, trace: TraceModel, rows: readonly number[], fanIdx: number, fanOf: Int32Array): Fan {
  const t0 = trace.startNs;
  let startNs = Infinity;
  let endNs = -Infinity;
  let totalNs = 0;
  let minNs = Infinity;
  let maxNs = 0;
  let numErrors = 0;
  for (const row of rows) {
    fanOf[row] = fanIdx;
    const s = ds.span(trace.spanIdx[row]!);
    const sStart = s.startNs;
    const sEnd = s.endNs;
    const start = sStart > 0n && t0 > 0n ? Number(sStart - t0) : 0;
    const dur = sEnd > sStart ? Number(sEnd - sStart) : 0;
    startNs = Math.min(startNs, start);
    endNs = Math.max(endNs, start + dur);
    totalNs += dur;
    minNs = Math.min(minNs, dur);
    maxNs = Math.max(maxNs, dur);
    if (s.status.code === 2) numErrors++;
  }
  const head = rows[0]!;
  const headSpan = trace.spanIdx[head]!;
  return {
    headRow: head, parentRow: trace.parentRow[head]!, count: rows.length, service: ds.spanService[headSpan]!, name: ds.span(headSpan).name,
    startNs, endNs, totalNs, minNs, maxNs, numErrors,
  };
}
/**
 * Rows hidden by folded fans: every member but the head, with its subtree. The head's own subtree is hidden
 * too (the folded row stands for all members), so callers also treat folded heads as collapsed.
 */
export function foldedFanRows(trace: Pick<TraceModel, 'numRows' | 'subtreeEnd'>, fans: Fans, expanded: ReadonlySet<number>): { hidden: Uint8Array; foldedHeads: Set<number> } {
  const hidden = new Uint8Array(trace.numRows);
  const foldedHeads = new Set<number>();
  for (let row = 0; row < trace.numRows; row++) {
    const f = fans.fanOf[row]!;
    if (f < 0 || expanded.has(f)) continue;
    if (fans.fans[f]!.headRow === row) foldedHeads.add(row);
    else hidden[row] = 1;
  }
  return { hidden, foldedHeads };
}
