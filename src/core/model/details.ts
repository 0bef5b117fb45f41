// Everything the details pane shows for one span, as plain structured-cloneable data. Times are exact
// decimal nanoseconds (OTLP carries nanoseconds; bigint does not survive JSON, and display must not round).
import type { Dataset, TraceModel } from './assemble.ts';
import type { KeyValue, ResourceRecord, ScopeRecord } from './records.ts';
import { SpanKind, StatusCode } from './records.ts';
import { formatUnixNanosIso } from './time.ts';

export const KIND_NAME: Record<number, string> = Object.fromEntries(Object.entries(SpanKind).map(([k, v]) => [v, k]));
export const STATUS_NAME: Record<number, string> = Object.fromEntries(Object.entries(StatusCode).map(([k, v]) => [v, k]));

export interface SpanRef {
  readonly traceId: string;
  readonly row: number;
}

export interface SpanDetails {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  /** Where the parent is, when it is loaded. */
  readonly parent: SpanRef | null;
  readonly row: number;
  readonly rowFlags: number;
  readonly name: string;
  readonly service: string;
  readonly kind: number;
  readonly kindName: string;
  readonly status: { readonly code: number; readonly codeName: string; readonly message: string };
  readonly startUnixNs: string;
  readonly endUnixNs: string;
  readonly startIso: string;
  readonly endIso: string;
  /** Exact, in ns; '' when the span never ended. */
  readonly durationNs: string;
  /** Start relative to the trace start, exact ns. */
  readonly offsetNs: string;
  /** Duration minus the union of the direct children's intervals (clipped to this span), exact ns; '' if not ended. */
  readonly selfNs: string;
  readonly traceState: string;
  readonly flags: number | null;
  readonly attributes: readonly KeyValue[];
  readonly resource: ResourceRecord;
  readonly scope: ScopeRecord;
  readonly events: ReadonlyArray<{ name: string; offsetNs: string; timeIso: string; attributes: readonly KeyValue[]; droppedAttributesCount: number | null }>;
  readonly links: ReadonlyArray<{
    traceId: string;
    spanId: string;
    traceState: string;
    attributes: readonly KeyValue[];
    droppedAttributesCount: number | null;
    flags: number | null;
    target: SpanRef | null;
  }>;
  readonly dropped: { readonly attributes: number | null; readonly events: number | null; readonly links: number | null };
  readonly copies: number;
  readonly input: { readonly file: string; readonly format: string; readonly where: string };
}

/** A span's own time: its duration minus the union of its direct children's intervals, clipped to it. */
export function selfTime(ds: Dataset, trace: TraceModel, row: number): bigint {
  const s = ds.spans[trace.spanIdx[row]!]!;
  const intervals: Array<[bigint, bigint]> = [];
  for (let c = row + 1; c < trace.subtreeEnd[row]!; c++) {
    if (trace.parentRow[c] !== row) continue;
    const child = ds.spans[trace.spanIdx[c]!]!;
    const a = child.startNs > s.startNs ? child.startNs : s.startNs;
    const b = child.endNs < s.endNs ? child.endNs : s.endNs;
    if (b > a) intervals.push([a, b]);
  }
  intervals.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  let covered = 0n;
  let cur: [bigint, bigint] | null = null;
  for (const [a, b] of intervals) {
    if (!cur || a > cur[1]) {
      if (cur) covered += cur[1] - cur[0];
      cur = [a, b];
    } else if (b > cur[1]) cur[1] = b;
  }
  if (cur) covered += cur[1] - cur[0];
  const self = s.endNs - s.startNs - covered;
  return self > 0n ? self : 0n;
}

/** Finds a loaded span by ids. With several spans sharing an id, the first (in row order) wins. */
export function findSpan(ds: Dataset, traceId: string, spanId: string): SpanRef | null {
  const tIdx = ds.traceIdx.get(traceId);
  if (tIdx === undefined) return null;
  const trace = ds.traces[tIdx]!;
  for (let row = 0; row < trace.numRows; row++) if (ds.spans[trace.spanIdx[row]!]!.spanId === spanId) return { traceId, row };
  return null;
}

export function spanDetails(ds: Dataset, trace: TraceModel, row: number): SpanDetails | null {
  const spanIdx = trace.spanIdx[row];
  if (spanIdx === undefined) return null;
  const s = ds.spans[spanIdx]!;
  const parentRow = trace.parentRow[row]!;
  const input = ds.inputs[s.inputIdx];
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    parentSpanId: s.parentSpanId,
    parent: parentRow >= 0 ? { traceId: trace.traceId, row: parentRow } : null,
    row,
    rowFlags: trace.flags[row]!,
    name: s.name,
    service: ds.services[ds.spanService[spanIdx]!] ?? '',
    kind: s.kind,
    kindName: KIND_NAME[s.kind] ?? `invalid (${s.kind})`,
    status: { code: s.status.code, codeName: STATUS_NAME[s.status.code] ?? `invalid (${s.status.code})`, message: s.status.message },
    startUnixNs: s.startNs.toString(),
    endUnixNs: s.endNs.toString(),
    startIso: s.startNs > 0n ? formatUnixNanosIso(s.startNs) : '',
    endIso: s.endNs > 0n ? formatUnixNanosIso(s.endNs) : '',
    durationNs: s.endNs > 0n ? (s.endNs - s.startNs).toString() : '',
    offsetNs: trace.startNs > 0n && s.startNs > 0n ? (s.startNs - trace.startNs).toString() : '0',
    selfNs: s.endNs > 0n ? selfTime(ds, trace, row).toString() : '',
    traceState: s.traceState,
    flags: s.flags,
    attributes: s.attributes,
    resource: ds.resources[s.resourceIdx]!,
    scope: ds.scopes[s.scopeIdx]!,
    events: s.events.map((e) => ({
      name: e.name,
      offsetNs: (e.timeNs - s.startNs).toString(),
      timeIso: e.timeNs > 0n ? formatUnixNanosIso(e.timeNs) : '',
      attributes: e.attributes,
      droppedAttributesCount: e.droppedAttributesCount,
    })),
    links: s.links.map((l) => ({ ...l, target: findSpan(ds, l.traceId, l.spanId) })),
    dropped: { attributes: s.droppedAttributesCount, events: s.droppedEventsCount, links: s.droppedLinksCount },
    copies: trace.copies[row]!,
    input: { file: input?.file ?? '', format: input?.format ?? '', where: s.where },
  };
}
