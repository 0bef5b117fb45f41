// REFERENCE COPY of src/core/model/assemble.ts at commit 2a82e8c (before the fast rewrite), kept unchanged but for
// this header and its import paths: assemble-differential.test.ts checks the current assemble gives byte-identical
// results. Do not edit or optimise it; it is the oracle.
// One assembly step turns flat span records into per-trace trees (compare Jaeger UI's transformTraceData,
// but pure: it neither mutates its input nor reads config, so the worker, the CLI and tests share it).
// Partial traces are normal: a span whose parent is absent becomes a root marked ORPHAN; several roots are
// kept; self-parents and parent cycles are cut at one span (marked CYCLE); duplicate span ids are kept
// and marked. No span is ever dropped, and nothing here recurses, so a 100k-deep chain cannot overflow.
import type { InputReport } from '../../../src/core/model/dataset-builder.ts';
import type { ResourceRecord, ScopeRecord, SpanRecord } from '../../../src/core/model/records.ts';
import { attrString, Quirk, StatusCode } from '../../../src/core/model/records.ts';
import type { UnixNanos } from '../../../src/core/model/time.ts';

export const RowFlag = {
  /** No parent in this trace: a true root, or one of the marked cases below. */
  ROOT: 1 << 0,
  /** parent_span_id is set but no span with that id is loaded ("parent not in this data"). */
  ORPHAN: 1 << 1,
  /** The parent link was cut to end a cycle (self-parent or a loop of ancestors). */
  CYCLE: 1 << 2,
  /** Another span of this trace has the same span id. */
  DUPLICATE_ID: 1 << 3,
  ERROR: 1 << 4,
  NOT_ENDED: 1 << 5,
  HAS_LINKS: 1 << 6,
  HAS_CHILDREN: 1 << 7,
  SELF_PARENT: 1 << 8,
} as const;

export interface TraceModel {
  readonly traceId: string;
  readonly numRows: number;
  /** row → index into Dataset.spans. Rows are in pre-order, siblings by start time. */
  readonly spanIdx: Int32Array;
  /** row → parent row, -1 for roots. */
  readonly parentRow: Int32Array;
  readonly depth: Int32Array;
  /** row → first row after its subtree: collapsing a row is "skip to subtreeEnd". */
  readonly subtreeEnd: Int32Array;
  /** row → RowFlag bits. */
  readonly flags: Uint32Array;
  readonly rootRows: Int32Array;
  /**
   * Spans identical to a kept one (same ids, parent, name and times: the same span exported twice, or the
   * same file loaded twice). They are not given rows; `copies[row]` counts the extra copies of each row.
   */
  readonly exactDuplicates: Int32Array;
  readonly copies: Uint16Array;
  /** Earliest start and latest end over the trace's spans (0n when no span has a time). */
  readonly startNs: UnixNanos;
  readonly endNs: UnixNanos;
}

export interface Dataset {
  readonly inputs: readonly InputReport[];
  readonly resources: readonly ResourceRecord[];
  readonly scopes: readonly ScopeRecord[];
  readonly spans: readonly SpanRecord[];
  /** Distinct service.name values; spanService maps a span index to one of them. */
  readonly services: readonly string[];
  readonly spanService: Int32Array;
  /** Traces ordered by start time. */
  readonly traces: readonly TraceModel[];
  readonly traceIdx: ReadonlyMap<string, number>;
}

export const NO_SERVICE = '(no service.name)';

export interface AssembleInput {
  readonly inputs: readonly InputReport[];
  readonly resources: readonly ResourceRecord[];
  readonly scopes: readonly ScopeRecord[];
  readonly spans: readonly SpanRecord[];
}

export function assemble(input: AssembleInput): Dataset {
  const { spans } = input;
  const { services, spanService } = serviceTable(input.resources, spans);

  const byTrace = new Map<string, number[]>();
  for (let i = 0; i < spans.length; i++) {
    const traceId = spans[i]!.traceId;
    let list = byTrace.get(traceId);
    if (!list) byTrace.set(traceId, (list = []));
    list.push(i);
  }

  const traces = [...byTrace.entries()].map(([traceId, members]) => assembleTrace(traceId, members, spans));
  traces.sort((a, b) => cmpBig(a.startNs, b.startNs) || (a.traceId < b.traceId ? -1 : 1));
  const traceIdx = new Map(traces.map((t, i) => [t.traceId, i] as const));
  return { ...input, services, spanService, traces, traceIdx };
}

function serviceTable(resources: readonly ResourceRecord[], spans: readonly SpanRecord[]) {
  const services: string[] = [];
  const byName = new Map<string, number>();
  const resourceService = resources.map((r) => {
    const name = attrString(r.attributes, 'service.name') || NO_SERVICE;
    let idx = byName.get(name);
    if (idx === undefined) {
      idx = services.length;
      services.push(name);
      byName.set(name, idx);
    }
    return idx;
  });
  const spanService = new Int32Array(spans.length);
  for (let i = 0; i < spans.length; i++) spanService[i] = resourceService[spans[i]!.resourceIdx] ?? 0;
  return { services, spanService };
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function identityKey(s: SpanRecord): string {
  return `${s.spanId}/${s.parentSpanId}/${s.startNs}/${s.endNs}/${s.name}`;
}

function assembleTrace(traceId: string, allMembers: readonly number[], spans: readonly SpanRecord[]): TraceModel {
  // Set exact duplicates aside first: they are one span seen twice, not two spans sharing an id.
  const firstByIdentity = new Map<string, number>();
  const members: number[] = [];
  const duplicates: number[] = [];
  const copiesByPos: number[] = [];
  for (const spanIdx of allMembers) {
    const key = identityKey(spans[spanIdx]!);
    const pos = firstByIdentity.get(key);
    if (pos === undefined) {
      firstByIdentity.set(key, members.length);
      members.push(spanIdx);
      copiesByPos.push(0);
    } else {
      duplicates.push(spanIdx);
      copiesByPos[pos]!++;
    }
  }
  const n = members.length;
  const flagsByPos = new Uint32Array(n);
  // Siblings (and roots) in start order; span id breaks ties so the order is deterministic.
  const order = [...members.keys()].sort((a, b) => {
    const sa = spans[members[a]!]!;
    const sb = spans[members[b]!]!;
    return cmpBig(sa.startNs, sb.startNs) || (sa.spanId < sb.spanId ? -1 : sa.spanId > sb.spanId ? 1 : a - b);
  });

  // The first span (in start order) holding an id owns it for parent lookups; later holders are marked.
  const owner = new Map<string, number>();
  for (const pos of order) {
    const id = spans[members[pos]!]!.spanId;
    const first = owner.get(id);
    if (first === undefined) owner.set(id, pos);
    else {
      flagsByPos[pos]! |= RowFlag.DUPLICATE_ID;
      flagsByPos[first]! |= RowFlag.DUPLICATE_ID;
    }
  }

  const parentPos = new Int32Array(n).fill(-1);
  for (let pos = 0; pos < n; pos++) {
    const s = spans[members[pos]!]!;
    if (s.status.code === StatusCode.ERROR) flagsByPos[pos]! |= RowFlag.ERROR;
    if (s.endNs === 0n && !(s.quirks & Quirk.NO_TIMES)) flagsByPos[pos]! |= RowFlag.NOT_ENDED;
    if (s.links.length > 0) flagsByPos[pos]! |= RowFlag.HAS_LINKS;
    if (s.parentSpanId === '') continue;
    if (s.parentSpanId === s.spanId) {
      flagsByPos[pos]! |= RowFlag.SELF_PARENT | RowFlag.CYCLE;
      continue;
    }
    const p = owner.get(s.parentSpanId);
    if (p === undefined) flagsByPos[pos]! |= RowFlag.ORPHAN;
    else parentPos[pos] = p;
  }

  // Children lists in compressed form, filled in start order so siblings come out sorted.
  const childCount = new Int32Array(n + 1);
  for (let pos = 0; pos < n; pos++) if (parentPos[pos]! >= 0) childCount[parentPos[pos]! + 1]!++;
  for (let i = 1; i <= n; i++) childCount[i]! += childCount[i - 1]!;
  const childStart = childCount; // childStart[p]..childStart[p+1]
  const fill = childStart.slice(0, n);
  const children = new Int32Array(n);
  for (const pos of order) {
    const p = parentPos[pos]!;
    if (p >= 0) children[fill[p]!++] = pos;
  }

  const rowOfPos = new Int32Array(n).fill(-1);
  const rows: number[] = [];
  const stack: number[] = [];
  const walk = (rootPos: number): void => {
    stack.push(rootPos);
    while (stack.length > 0) {
      const pos = stack.pop()!;
      if (rowOfPos[pos] !== -1) continue;
      rowOfPos[pos] = rows.length;
      rows.push(pos);
      // Push children in reverse so the earliest is visited first.
      for (let c = childStart[pos + 1]! - 1; c >= childStart[pos]!; c--) {
        const child = children[c]!;
        if (rowOfPos[child] === -1) stack.push(child);
      }
    }
  };
  for (const pos of order) if (parentPos[pos] === -1) walk(pos);
  // Whatever is still unvisited hangs off a parent cycle. Every unvisited span has an unvisited parent, so
  // following parents from it must reach the loop; cut the loop where it is entered and walk from there.
  if (rows.length < n) {
    const stamp = new Int32Array(n).fill(-1);
    for (const pos of order) {
      if (rowOfPos[pos] !== -1) continue;
      let cur = pos;
      while (stamp[cur] !== pos) {
        stamp[cur] = pos;
        cur = parentPos[cur]!;
      }
      flagsByPos[cur]! |= RowFlag.CYCLE;
      parentPos[cur] = -1;
      walk(cur);
    }
  }

  const spanIdx = new Int32Array(n);
  const parentRow = new Int32Array(n);
  const depth = new Int32Array(n);
  const subtreeEnd = new Int32Array(n);
  const flags = new Uint32Array(n);
  const copies = new Uint16Array(n);
  const rootRows: number[] = [];
  let startNs: UnixNanos = 0n;
  let endNs: UnixNanos = 0n;
  for (let row = 0; row < n; row++) {
    const pos = rows[row]!;
    const s = spans[members[pos]!]!;
    spanIdx[row] = members[pos]!;
    copies[row] = Math.min(copiesByPos[pos]!, 0xffff);
    const p = parentPos[pos]!;
    // A parent visited after its child (only possible across a cut cycle) does not count as the parent.
    const pRow = p >= 0 && rowOfPos[p]! < row ? rowOfPos[p]! : -1;
    parentRow[row] = pRow;
    depth[row] = pRow >= 0 ? depth[pRow]! + 1 : 0;
    flags[row] = flagsByPos[pos]! | (pRow < 0 ? RowFlag.ROOT : 0);
    if (pRow < 0) rootRows.push(row);
    else flags[pRow]! |= RowFlag.HAS_CHILDREN;
    subtreeEnd[row] = row + 1;
    if (s.startNs > 0n && (startNs === 0n || s.startNs < startNs)) startNs = s.startNs;
    const last = s.endNs > s.startNs ? s.endNs : s.startNs;
    if (last > endNs) endNs = last;
  }
  for (let row = n - 1; row >= 0; row--) {
    const p = parentRow[row]!;
    if (p >= 0 && subtreeEnd[row]! > subtreeEnd[p]!) subtreeEnd[p] = subtreeEnd[row]!;
  }
  return {
    traceId,
    numRows: n,
    spanIdx,
    parentRow,
    depth,
    subtreeEnd,
    flags,
    rootRows: Int32Array.from(rootRows),
    exactDuplicates: Int32Array.from(duplicates),
    copies,
    startNs,
    endNs,
  };
}
