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
  /**
   * How many attributes, events and links the span has: `attributes`, `events` and `links` may hold only the
   * first of them (spanDetails' limits), so a span of 50,000 events does not cross to the page whole.
   */
  readonly numAttributes: number;
  readonly numEvents: number;
  readonly numLinks: number;
  readonly copies: number;
  readonly input: { readonly file: string; readonly format: string; readonly where: string };
}

/** A span's own time: its duration minus the union of its direct children's intervals, clipped to it. */
export function selfTime(ds: Dataset, trace: TraceModel, row: number): bigint {
  const s = ds.span(trace.spanIdx[row]!);
  const intervals: Array<[bigint, bigint]> = [];
  // Direct children only: jump from sibling to sibling over their subtrees (rows are in pre-order). Testing
  // every row of the subtree made self times of a 20k-deep chain quadratic (span-stats: 0.7 s).
  for (let c = row + 1; c < trace.subtreeEnd[row]!; c = trace.subtreeEnd[c]!) {
    const child = ds.span(trace.spanIdx[c]!);
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
  for (let row = 0; row < trace.numRows; row++) if (ds.span(trace.spanIdx[row]!).spanId === spanId) return { traceId, row };
  return null;
}

/**
 * findSpan for many look-ups (the links of a span or of a trace), with the same answers. A scan per link
 * made a 40k-span trace's links take 3 s, 12 s at 80k. A trace's first look-up is still findSpan's scan
 * (the common case, one link: 3 ms at 200k spans, where building the map takes 55 ms); a second one builds
 * the trace's spanId → first row map, and later ones are map look-ups. The maps live as long as the finder,
 * not the dataset: kept with it, every trace ever asked about would hold a map (7 MB per 200k spans).
 * `own`: a trace whose map the caller keeps (built on its first look-up, here or by the caller), so it is
 * built once for both.
 */
export function spanFinder(ds: Dataset, own?: { readonly traceId: string; readonly rows: () => Map<string, number> }): (traceId: string, spanId: string) => SpanRef | null {
  const rowsBySpanId = new Map<number, Map<string, number> | null>();
  return (traceId, spanId) => {
    const tIdx = ds.traceIdx.get(traceId);
    if (tIdx === undefined) return null;
    let rows = traceId === own?.traceId ? own.rows() : rowsBySpanId.get(tIdx);
    if (rows === undefined) {
      rowsBySpanId.set(tIdx, null);
      return findSpan(ds, traceId, spanId);
    }
    if (rows === null) rowsBySpanId.set(tIdx, (rows = firstRowBySpanId(ds, ds.traces[tIdx]!)));
    const row = rows.get(spanId);
    return row === undefined ? null : { traceId, row };
  };
}

/** spanId → the first row (in row order) holding it: findSpan's answer for every id of a trace at once. */
export function firstRowBySpanId(ds: Dataset, trace: TraceModel): Map<string, number> {
  const rows = new Map<string, number>();
  for (let row = 0; row < trace.numRows; row++) {
    const id = ds.span(trace.spanIdx[row]!).spanId;
    if (!rows.has(id)) rows.set(id, row);
  }
  return rows;
}

/**
 * How many of a span's attributes, events and links the details pane asks for at first: the SDKs' limits
 * (128 events and links by default) are settings, and other formats have none. Handing over and drawing a
 * span of 50,000 events, 20,000 links and 5,000 attributes whole held the page for 31 s (1.9M elements).
 */
export const FIRST_DETAIL_ITEMS = 100;

/** How many of a span's attributes, events and links its details hold at most. */
export interface DetailLimits {
  readonly attributes: number;
  readonly events: number;
  readonly links: number;
}

export const ALL_DETAIL_ITEMS: DetailLimits = { attributes: Infinity, events: Infinity, links: Infinity };
export const FIRST_DETAILS: DetailLimits = { attributes: FIRST_DETAIL_ITEMS, events: FIRST_DETAIL_ITEMS, links: FIRST_DETAIL_ITEMS };

/** The span's details, with the first of its attributes, events and links up to `limits` (all by default). */
export function spanDetails(ds: Dataset, trace: TraceModel, row: number, limits: DetailLimits = ALL_DETAIL_ITEMS): SpanDetails | null {
  const spanIdx = trace.spanIdx[row];
  if (spanIdx === undefined) return null;
  const s = ds.span(spanIdx);
  const parentRow = trace.parentRow[row]!;
  const input = ds.inputs[s.inputIdx];
  const find = spanFinder(ds);
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
    attributes: firstOf(s.attributes, limits.attributes),
    resource: ds.resources[s.resourceIdx]!,
    scope: ds.scopes[s.scopeIdx]!,
    events: firstOf(s.events, limits.events).map((e) => ({
      name: e.name,
      offsetNs: (e.timeNs - s.startNs).toString(),
      timeIso: e.timeNs > 0n ? formatUnixNanosIso(e.timeNs) : '',
      attributes: e.attributes,
      droppedAttributesCount: e.droppedAttributesCount,
    })),
    links: firstOf(s.links, limits.links).map((l) => ({ ...l, target: find(l.traceId, l.spanId) })),
    dropped: { attributes: s.droppedAttributesCount, events: s.droppedEventsCount, links: s.droppedLinksCount },
    numAttributes: s.attributes.length,
    numEvents: s.events.length,
    numLinks: s.links.length,
    copies: trace.copies[row]!,
    input: { file: input?.file ?? '', format: input?.format ?? '', where: s.where },
  };
}

function firstOf<T>(list: readonly T[], n: number): readonly T[] {
  return list.length <= n ? list : list.slice(0, n);
}
