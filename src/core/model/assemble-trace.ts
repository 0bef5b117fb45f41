// One trace's tree, for assemble (assemble.ts): exact duplicates set aside, ids owned, parents linked,
// siblings ordered by start time, rows laid out in pre-order with cycles cut. Everything works on typed
// arrays indexed by a span's position among the trace's kept spans, reused from trace to trace; the rows
// are written into columns shared by every trace of the dataset (RowColumns).
import { IdTable, type IdKeys } from './id-keys.ts';
import type { SpanRecord } from './records.ts';
import type { UnixNanos } from './time.ts';
import { RowFlag } from './trace-model.ts';
import type { SpanSource } from './span-source.ts';
import type { RowColumns } from './row-columns.ts';
import type { AssemblyReads } from './assembly-reads.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

export function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Same ids, parent, times and name; lengths make the key unambiguous whatever the ids contain. */
function identityKey(s: SpanRecord): string {
  return `${s.spanId.length}:${s.spanId}${s.parentSpanId.length}:${s.parentSpanId}${s.startNs}/${s.endNs}/${s.name}`;
}

/**
 * Working arrays indexed by a span's position among its trace's kept spans, sized for the largest trace
 * and reused by every trace (per-trace typed arrays cost more to allocate than to fill).
 */
export class Scratch {
  readonly spanOf: Int32Array;
  readonly copies: Int32Array;
  readonly flags: Uint32Array;
  /** For the first holder of an id: the holder that owns the id (the earliest in start order). */
  readonly owner: Int32Array;
  readonly keyed: Uint8Array;
  /** Start times as numbers: Number() is monotonic, so unequal numbers order exactly; ties fall back to bigint. */
  readonly startNum: Float64Array;
  /** Whether the span at a position has a parent id to look up (not for a self-parent, which is cut at once). */
  readonly hasParent: Uint8Array;
  readonly parentPos: Int32Array;
  readonly order: Int32Array;
  readonly childStart: Int32Array;
  readonly fill: Int32Array;
  readonly children: Int32Array;
  readonly rowOfPos: Int32Array;
  readonly rows: Int32Array;
  readonly stack: Int32Array;
  /** Siblings (and roots) in start order; span id breaks ties, then position, so the order is deterministic. */
  readonly cmp: (a: number, b: number) => number;
  /** Span id → position of its first holder, emptied for each trace. */
  readonly headOf: IdTable;

  constructor(readonly spans: SpanSource, readonly reads: AssemblyReads, readonly keys: IdKeys, size: number) {
    this.headOf = new IdTable(keys, size);
    this.spanOf = new Int32Array(size);
    this.copies = new Int32Array(size);
    this.flags = new Uint32Array(size);
    this.owner = new Int32Array(size);
    this.keyed = new Uint8Array(size);
    this.startNum = new Float64Array(size);
    this.hasParent = new Uint8Array(size);
    this.parentPos = new Int32Array(size);
    this.order = new Int32Array(size);
    this.childStart = new Int32Array(size + 1);
    this.fill = new Int32Array(size);
    this.children = new Int32Array(size);
    this.rowOfPos = new Int32Array(size);
    this.rows = new Int32Array(size);
    this.stack = new Int32Array(size);
    const { startNum, spanOf } = this;
    this.cmp = (a, b) => {
      const x = startNum[a]!;
      const y = startNum[b]!;
      if (x !== y) return x < y ? -1 : 1;
      const c = cmpBig(reads.startNs(spanOf[a]!), reads.startNs(spanOf[b]!));
      if (c !== 0) return c;
      const ia = spans.span(spanOf[a]!).spanId;
      const ib = spans.span(spanOf[b]!).spanId;
      return ia < ib ? -1 : ia > ib ? 1 : a - b;
    };
    shapeOf(this);
  }
}

/** What assembleTrace tells of a trace beside the rows it wrote. */
export interface TraceExtent {
  readonly numRows: number;
  /** Where the trace's roots and exact duplicates start among every trace's (RowColumns.roots, .duplicates). */
  readonly firstRoot: number;
  readonly numRoots: number;
  readonly firstDuplicate: number;
  readonly numDuplicates: number;
  /** Earliest start and latest end over the trace's spans (0n when no span has a time). */
  readonly startNs: UnixNanos;
  readonly endNs: UnixNanos;
}

/**
 * Assembles the trace of `allMembers` (span indexes) into `out`: its rows go to `out`'s columns from `at`
 * (a trace has at most as many rows as members, so the members' own range fits), its roots and exact
 * duplicates after those of the traces before.
 */
export function assembleTrace(allMembers: Int32Array, sc: Scratch, out: RowColumns, at: number): TraceExtent {
  const { spans, reads, keys, spanOf, copies, flags: flagsByPos, owner, keyed, startNum, hasParent, cmp, headOf } = sc;
  // Set exact duplicates aside first: they are one span seen twice, not two spans sharing an id. Only a
  // span whose id was seen before can be one, so identity keys are made for those alone.
  headOf.reset(allMembers.length);
  let identity: Map<string, number> | null = null;
  let numDuplicates = 0;
  let n = 0;
  // Earliest start and latest end over the kept spans (copies have the same times).
  let startNs: UnixNanos = 0n;
  let endNs: UnixNanos = 0n;
  for (let m = 0; m < allMembers.length; m++) {
    const spanIdx = allMembers[m]!;
    const found = headOf.find(spanIdx, 0, spanOf);
    const head = found >= 0 ? found : undefined;
    if (head === undefined) headOf.add(spanIdx, n);
    else {
      identity ??= new Map();
      if (!keyed[head]) {
        keyed[head] = 1;
        identity.set(identityKey(spans.span(spanOf[head]!)), head);
      }
      const key = identityKey(spans.span(spanIdx));
      const same = identity.get(key);
      if (same !== undefined) {
        copies[same]!++;
        out.duplicates[out.numDuplicates + numDuplicates++] = spanIdx;
        continue;
      }
      identity.set(key, n);
    }
    // Everything needed from the span is read here, in one visit.
    spanOf[n] = spanIdx;
    copies[n] = 0;
    keyed[n] = 0;
    const start = reads.startNs(spanIdx);
    const end = reads.endNs(spanIdx);
    startNum[n] = Number(start);
    let f = reads.ownFlags(spanIdx);
    if (head === undefined) owner[n] = n;
    else {
      // The first span (in start order) holding an id owns it for parent lookups; all holders are marked.
      f |= RowFlag.DUPLICATE_ID;
      flagsByPos[head]! |= RowFlag.DUPLICATE_ID;
      if (cmp(n, owner[head]!) < 0) owner[head] = n;
    }
    const selfParent = keys.hasParent(spanIdx) && keys.same(spanIdx, 2, spanIdx, 0);
    if (selfParent) f |= RowFlag.SELF_PARENT | RowFlag.CYCLE;
    hasParent[n] = keys.hasParent(spanIdx) && !selfParent ? 1 : 0;
    flagsByPos[n] = f;
    if (start > 0n && (startNs === 0n || start < startNs)) startNs = start;
    const last = end > start ? end : start;
    if (last > endNs) endNs = last;
    n++;
  }

  const parentPos = sc.parentPos;
  let lastChild = -1;
  let lastParentPos = -1;
  for (let pos = 0; pos < n; pos++) {
    parentPos[pos] = -1;
    if (!hasParent[pos]) continue;
    // Siblings usually come together and share one parent id: look it up once.
    const child = spanOf[pos]!;
    if (lastChild < 0 || !keys.same(child, 2, lastChild, 2)) {
      const head = headOf.find(child, 2, spanOf);
      lastParentPos = head < 0 ? -1 : owner[head]!;
    }
    lastChild = child;
    if (lastParentPos < 0) flagsByPos[pos]! |= RowFlag.ORPHAN;
    else parentPos[pos] = lastParentPos;
  }

  const order = sc.order;
  let sorted = true;
  for (let pos = 0; pos < n; pos++) {
    order[pos] = pos;
    if (sorted && pos > 0 && cmp(pos - 1, pos) > 0) sorted = false;
  }
  if (!sorted) order.subarray(0, n).sort(cmp);

  preOrder(sc, n);
  const firstRoot = out.numRoots;
  const firstDuplicate = out.numDuplicates;
  const numRoots = writeRows(sc, n, out, at);
  out.numDuplicates += numDuplicates;
  return { numRows: n, firstRoot, numRoots, firstDuplicate, numDuplicates, startNs, endNs };
}

/** Lays the kept spans out as rows in pre-order, cutting parent cycles; fills sc.rows and sc.rowOfPos. */
function preOrder(sc: Scratch, n: number): void {
  const { parentPos, order, childStart, fill, children, rowOfPos, flags: flagsByPos } = sc;
  // Children lists in compressed form, filled in start order so siblings come out sorted.
  childStart.fill(0, 0, n + 1);
  for (let pos = 0; pos < n; pos++) if (parentPos[pos]! >= 0) childStart[parentPos[pos]! + 1]!++;
  for (let i = 1; i <= n; i++) childStart[i]! += childStart[i - 1]!;
  for (let pos = 0; pos < n; pos++) fill[pos] = childStart[pos]!;
  for (let k = 0; k < n; k++) {
    const pos = order[k]!;
    const p = parentPos[pos]!;
    if (p >= 0) children[fill[p]!++] = pos;
  }
  rowOfPos.fill(-1, 0, n);
  let numRows = 0;
  for (let k = 0; k < n; k++) if (parentPos[order[k]!] === -1) numRows = walk(sc, order[k]!, numRows);
  // Whatever is still unvisited hangs off a parent cycle. Every unvisited span has an unvisited parent, so
  // following parents from it must reach the loop; cut the loop where it is entered and walk from there.
  if (numRows < n) {
    const stamp = new Int32Array(n).fill(-1);
    for (let k = 0; k < n; k++) {
      const pos = order[k]!;
      if (rowOfPos[pos] !== -1) continue;
      let cur = pos;
      while (stamp[cur] !== pos) {
        stamp[cur] = pos;
        cur = parentPos[cur]!;
      }
      flagsByPos[cur]! |= RowFlag.CYCLE;
      parentPos[cur] = -1;
      numRows = walk(sc, cur, numRows);
    }
  }
}

/** Depth-first from one root with an explicit stack (no recursion: a 100k-deep chain must not overflow). */
function walk(sc: Scratch, rootPos: number, firstRow: number): number {
  const { childStart, children, rowOfPos, rows, stack } = sc;
  let numRows = firstRow;
  let top = 0;
  stack[top++] = rootPos;
  while (top > 0) {
    const pos = stack[--top]!;
    if (rowOfPos[pos] !== -1) continue;
    rowOfPos[pos] = numRows;
    rows[numRows++] = pos;
    // Push children in reverse so the earliest is visited first.
    for (let c = childStart[pos + 1]! - 1; c >= childStart[pos]!; c--) {
      const child = children[c]!;
      if (rowOfPos[child] === -1) stack[top++] = child;
    }
  }
  return numRows;
}

/** Writes the rows of a laid-out trace into `out` from `at`, and its root rows after the roots before. */
function writeRows(sc: Scratch, n: number, out: RowColumns, at: number): number {
  const { spanOf, copies: copiesByPos, flags: flagsByPos, parentPos, rowOfPos, rows } = sc;
  // Indexes into the shared columns are `at + row`; the values stored are the trace's own rows.
  const { spanIdx, parentRow, depth, subtreeEnd, flags, copies, roots } = out;
  const firstRoot = out.numRoots;
  let numRoots = 0;
  for (let row = 0; row < n; row++) {
    const i = at + row;
    const pos = rows[row]!;
    spanIdx[i] = spanOf[pos]!;
    copies[i] = Math.min(copiesByPos[pos]!, 0xffff);
    const p = parentPos[pos]!;
    // A parent visited after its child (only possible across a cut cycle) does not count as the parent.
    const pRow = p >= 0 && rowOfPos[p]! < row ? rowOfPos[p]! : -1;
    parentRow[i] = pRow;
    depth[i] = pRow >= 0 ? depth[at + pRow]! + 1 : 0;
    flags[i] = flagsByPos[pos]! | (pRow < 0 ? RowFlag.ROOT : 0);
    if (pRow < 0) roots[firstRoot + numRoots++] = row;
    else flags[at + pRow]! |= RowFlag.HAS_CHILDREN;
    subtreeEnd[i] = row + 1;
  }
  for (let row = n - 1; row >= 0; row--) {
    const p = parentRow[at + row]!;
    if (p >= 0 && subtreeEnd[at + row]! > subtreeEnd[at + p]!) subtreeEnd[at + p] = subtreeEnd[at + row]!;
  }
  out.numRoots += numRoots;
  return numRoots;
}
