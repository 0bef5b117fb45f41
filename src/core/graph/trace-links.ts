// The span links of one trace in both directions: links its spans hold to other spans (a consumer to the
// producer, a batch to each message), and links other loaded spans hold to it. Each end says where it is
// when loaded, so a view can open the linked trace at that span; unloaded targets keep their ids.
import type { Dataset } from '../model/assemble.ts';
import { firstRowBySpanId, spanFinder, type SpanRef } from '../model/details.ts';

export interface TraceLink {
  readonly direction: 'out' | 'in';
  /** The span in the selected trace. */
  readonly local: SpanRef & { readonly spanId: string; readonly name: string };
  /** The other end, in any trace (possibly the same one). */
  readonly otherTraceId: string;
  readonly otherSpanId: string;
  readonly other: (SpanRef & { readonly name: string; readonly service: string }) | null;
}

export function traceLinks(ds: Dataset, traceId: string): TraceLink[] {
  const tIdx = ds.traceIdx.get(traceId);
  if (tIdx === undefined) return [];
  const trace = ds.traces[tIdx]!;
  const describe = (ref: SpanRef | null) => {
    if (!ref) return null;
    const t = ds.traces[ds.traceIdx.get(ref.traceId)!]!;
    const spanIdx = t.spanIdx[ref.row]!;
    return { ...ref, name: ds.span(spanIdx).name, service: ds.services[ds.spanService[spanIdx]!]! };
  };
  // This trace's spanId → first row, built once when first needed: by a link inside the trace (which is an
  // 'in' link too) or by a link into it from elsewhere. A trace nobody links into never builds it.
  let rowOf: Map<string, number> | undefined;
  const rowsHere = (): Map<string, number> => (rowOf ??= firstRowBySpanId(ds, trace));
  const find = spanFinder(ds, { traceId, rows: rowsHere });
  const out: TraceLink[] = [];
  for (let row = 0; row < trace.numRows; row++) {
    const s = ds.span(trace.spanIdx[row]!);
    for (const l of s.links) {
      out.push({ direction: 'out', local: { traceId, row, spanId: s.spanId, name: s.name }, otherTraceId: l.traceId, otherSpanId: l.spanId, other: describe(find(l.traceId, l.spanId)) });
    }
  }
  for (const other of ds.traces) {
    for (let row = 0; row < other.numRows; row++) {
      const s = ds.span(other.spanIdx[row]!);
      for (const l of s.links) {
        const localRow = l.traceId === traceId ? rowsHere().get(l.spanId) : undefined;
        if (localRow === undefined) continue;
        const local = ds.span(trace.spanIdx[localRow]!);
        out.push({ direction: 'in', local: { traceId, row: localRow, spanId: local.spanId, name: local.name }, otherTraceId: s.traceId, otherSpanId: s.spanId, other: describe({ traceId: other.traceId, row }) });
      }
    }
  }
  return out;
}
