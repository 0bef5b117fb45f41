// One assembly step turns flat span records into per-trace trees (compare Jaeger UI's transformTraceData,
// but pure: it neither mutates its input nor reads config, so the worker, the CLI and tests share it).
// Partial traces are normal: a span whose parent is absent becomes a root marked ORPHAN; several roots are
// kept; self-parents and parent cycles are cut at one span (marked CYCLE); duplicate span ids are kept
// and marked. No span is ever dropped, and nothing here recurses, so a 100k-deep chain cannot overflow.
import type { InputReport } from './dataset-builder.ts';
import type { ResourceRecord, ScopeRecord, SpanRecord } from './records.ts';
import { attrString } from './records.ts';
import { assembleTrace, cmpBig, Scratch, type TraceExtent } from './assemble-trace.ts';
import { RowColumns } from './row-columns.ts';
import type { TraceModel } from './trace-model.ts';
import { idKeys } from './id-keys.ts';
import { assemblyReads, type AssemblyReads } from './assembly-reads.ts';
import { listSource, type SpanSource } from './span-source.ts';
import type { SpanTable } from './span-table.ts';

export { RowFlag, type TraceModel } from './trace-model.ts';

export interface Dataset {
  readonly inputs: readonly InputReport[];
  readonly resources: readonly ResourceRecord[];
  readonly scopes: readonly ScopeRecord[];
  /**
   * Every span as a list: the input's own list, or for a builder's spans a view of each, made at the first
   * ask and kept. For tests and small loads: the app, the CLI and the benches read spans through `span`.
   */
  readonly spans: readonly SpanRecord[];
  /** The span at index `spanIdx` (below numSpans): for a builder's spans, a view of its row (span-table.ts). */
  span(spanIdx: number): SpanRecord;
  readonly numSpans: number;
  /** The builder's table when the spans are its rows (span-table.ts), for passes that read its columns. */
  readonly table: SpanTable | undefined;
  /** Distinct service.name values; spanService maps a span index to one of them. */
  readonly services: readonly string[];
  readonly spanService: Int32Array;
  /** Traces ordered by start time. */
  readonly traces: readonly TraceModel[];
  readonly traceIdx: ReadonlyMap<string, number>;
}

export const NO_SERVICE = '(no service.name)';

interface Records {
  readonly inputs: readonly InputReport[];
  readonly resources: readonly ResourceRecord[];
  readonly scopes: readonly ScopeRecord[];
}

/** Records and their spans, as a list or (the builder) as a SpanSource. */
export type AssembleInput = Records & ({ readonly spans: readonly SpanRecord[] } | SpanSource);

export function assemble(input: AssembleInput): Dataset {
  const spans = 'span' in input ? input : listSource(input.spans);
  const reads = assemblyReads(spans);
  const { services, spanService } = serviceTable(input.resources, reads);
  const { traceIds, offsets, members } = groupByTrace(reads);
  let largest = 0;
  for (let t = 0; t < traceIds.length; t++) largest = Math.max(largest, offsets[t + 1]! - offsets[t]!);
  const scratch = new Scratch(spans, reads, idKeys(spans), largest);
  const out = new RowColumns(spans.numSpans);
  const extents: TraceExtent[] = [];
  for (let t = 0; t < traceIds.length; t++) extents.push(assembleTrace(members.subarray(offsets[t]!, offsets[t + 1]!), scratch, out, offsets[t]!));
  const traces = traceModels(traceIds, offsets, extents, out);
  const traceIdx = new Map<string, number>();
  for (let i = 0; i < traces.length; i++) traceIdx.set(traces[i]!.traceId, i);
  let list = 'span' in input ? null : input.spans;
  return {
    inputs: input.inputs,
    resources: input.resources,
    scopes: input.scopes,
    get spans() {
      return (list ??= Array.from({ length: spans.numSpans }, (_, i) => spans.span(i)));
    },
    numSpans: spans.numSpans,
    span: (spanIdx) => spans.span(spanIdx),
    table: spans.table,
    services,
    spanService,
    traces,
    traceIdx,
  };
}

/**
 * The traces ordered by start, then trace id, each with views of the shared row columns (which have a gap
 * only where a trace had exact duplicates); roots and duplicates are copied out at their own size first.
 */
function traceModels(traceIds: readonly string[], offsets: Int32Array, extents: readonly TraceExtent[], out: RowColumns): TraceModel[] {
  const numTraces = traceIds.length;
  const roots = out.roots.slice(0, out.numRoots);
  const duplicates = out.duplicates.slice(0, out.numDuplicates);
  // Number() is monotonic: unequal numbers order as their bigints do; only ties need the bigints.
  const startNum = new Float64Array(numTraces);
  for (let t = 0; t < numTraces; t++) startNum[t] = Number(extents[t]!.startNs);
  const order = new Int32Array(numTraces);
  for (let t = 0; t < numTraces; t++) order[t] = t;
  order.sort((a, b) => startNum[a]! - startNum[b]! || cmpBig(extents[a]!.startNs, extents[b]!.startNs) || (traceIds[a]! < traceIds[b]! ? -1 : 1));
  const traces: TraceModel[] = new Array<TraceModel>(numTraces);
  for (let i = 0; i < numTraces; i++) {
    const t = order[i]!;
    const { numRows, firstRoot, numRoots, firstDuplicate, numDuplicates, startNs, endNs } = extents[t]!;
    const at = offsets[t]!;
    const end = at + numRows;
    traces[i] = {
      traceId: traceIds[t]!,
      numRows,
      spanIdx: out.spanIdx.subarray(at, end),
      parentRow: out.parentRow.subarray(at, end),
      depth: out.depth.subarray(at, end),
      subtreeEnd: out.subtreeEnd.subarray(at, end),
      flags: out.flags.subarray(at, end),
      rootRows: roots.subarray(firstRoot, firstRoot + numRoots),
      exactDuplicates: duplicates.subarray(firstDuplicate, firstDuplicate + numDuplicates),
      copies: out.copies.subarray(at, end),
      startNs,
      endNs,
    };
  }
  return traces;
}

function serviceTable(resources: readonly ResourceRecord[], reads: AssemblyReads) {
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
  const spanService = new Int32Array(reads.numSpans);
  for (let i = 0; i < reads.numSpans; i++) spanService[i] = resourceService[reads.resourceIdx(i)] ?? 0;
  return { services, spanService };
}

/**
 * Span indexes grouped by trace (a counting sort, so each trace keeps input order): trace t holds
 * members[offsets[t]..offsets[t+1]). Traces are numbered by first appearance.
 */
function groupByTrace(reads: AssemblyReads) {
  const { numSpans } = reads;
  const traceOf = new Int32Array(numSpans);
  const traceIds: string[] = [];
  const byId = new Map<string, number>();
  // Spans of one trace mostly come together: skip the look-up while the trace's number repeats. A number
  // seen before gives its trace (a trace id may have two numbers, so the string decides a new number's).
  // Numbers are below numSpans but for rows rolled back (SpanTable.truncate keeps their numbers).
  const byNumber = new Int32Array(numSpans).fill(-1);
  let lastNumber = -1;
  let lastIdx = -1;
  for (let i = 0; i < numSpans; i++) {
    const number = reads.traceNumber(i);
    if (number !== lastNumber) {
      let t = number < numSpans ? byNumber[number]! : -1;
      if (t < 0) {
        const id = reads.traceId(i);
        t = byId.get(id) ?? -1;
        if (t < 0) {
          t = traceIds.length;
          traceIds.push(id);
          byId.set(id, t);
        }
        if (number < numSpans) byNumber[number] = t;
      }
      lastNumber = number;
      lastIdx = t;
    }
    traceOf[i] = lastIdx;
  }
  const offsets = new Int32Array(traceIds.length + 1);
  for (let i = 0; i < numSpans; i++) offsets[traceOf[i]! + 1]!++;
  for (let t = 1; t <= traceIds.length; t++) offsets[t]! += offsets[t - 1]!;
  const next = offsets.slice(0, traceIds.length);
  const members = new Int32Array(numSpans);
  for (let i = 0; i < numSpans; i++) members[next[traceOf[i]!]!++] = i;
  return { traceIds, offsets, members };
}
