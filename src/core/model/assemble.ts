// One assembly step turns flat span records into per-trace trees (compare Jaeger UI's transformTraceData,
// but pure: it neither mutates its input nor reads config, so the worker, the CLI and tests share it).
// Partial traces are normal: a span whose parent is absent becomes a root marked ORPHAN; several roots are
// kept; self-parents and parent cycles are cut at one span (marked CYCLE); duplicate span ids are kept
// and marked. No span is ever dropped, and nothing here recurses, so a 100k-deep chain cannot overflow.
import type { InputReport } from './dataset-builder.ts';
import type { ResourceRecord, ScopeRecord, SpanRecord } from './records.ts';
import { attrString } from './records.ts';
import { assembleTrace, cmpBig, Scratch } from './assemble-trace.ts';
import type { TraceModel } from './trace-model.ts';

export { RowFlag, type TraceModel } from './trace-model.ts';

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
  const { traceIds, offsets, members } = groupByTrace(spans);
  let largest = 0;
  for (let t = 0; t < traceIds.length; t++) largest = Math.max(largest, offsets[t + 1]! - offsets[t]!);
  const scratch = new Scratch(spans, largest);
  const traces: TraceModel[] = [];
  for (let t = 0; t < traceIds.length; t++) traces.push(assembleTrace(traceIds[t]!, members.subarray(offsets[t]!, offsets[t + 1]!), scratch));
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

/**
 * Span indexes grouped by trace (a counting sort, so each trace keeps input order): trace t holds
 * members[offsets[t]..offsets[t+1]). Traces are numbered by first appearance.
 */
function groupByTrace(spans: readonly SpanRecord[]) {
  const numSpans = spans.length;
  const traceOf = new Int32Array(numSpans);
  const traceIds: string[] = [];
  const byId = new Map<string, number>();
  // Spans of one trace mostly come together: skip the map while the trace id repeats.
  let lastId: string | null = null;
  let lastIdx = -1;
  for (let i = 0; i < numSpans; i++) {
    const id = spans[i]!.traceId;
    if (id !== lastId) {
      let t = byId.get(id);
      if (t === undefined) {
        t = traceIds.length;
        traceIds.push(id);
        byId.set(id, t);
      }
      lastId = id;
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
