// The numeric columns the waterfall renders, built once per trace in the worker and transferred to the page
// as typed arrays (no per-span objects cross the boundary; workers/page-columns.ts).
import type { Dataset, TraceModel } from './assemble.ts';
import { findFans, type Fan, type Fans } from './fans.ts';

export interface WaterfallColumns {
  readonly traceId: string;
  readonly numRows: number;
  /** Start relative to the trace start, ns. */
  readonly startNs: Float64Array;
  /** Duration, ns (0 for spans that never ended). */
  readonly durNs: Float64Array;
  readonly depth: Int32Array;
  readonly subtreeEnd: Int32Array;
  /** Index into `services`. */
  readonly service: Int32Array;
  /** RowFlag bits. */
  readonly flags: Uint32Array;
  readonly kind: Uint8Array;
  /** Index into `names` (span names interned per trace). */
  readonly nameIdx: Int32Array;
  readonly names: readonly string[];
  readonly services: readonly string[];
  readonly spanIds: readonly string[];
  readonly traceDurationNs: number;
  /** row → index into `fans` (-1: in no fan). Fans of similar siblings can be folded into one row. */
  readonly fanOf: Int32Array;
  readonly fans: readonly Fan[];
}

/** The columns but the span ids, which the worker sends the page in a form of their own (workers/page-columns.ts). */
export type WaterfallNumbers = Omit<WaterfallColumns, 'spanIds'>;

export function waterfallColumns(ds: Dataset, trace: TraceModel, fans: Fans = findFans(ds, trace)): WaterfallColumns {
  return { ...waterfallNumbers(ds, trace, fans), spanIds: rowSpanIds(ds, trace) };
}

/** Each row's span id. */
export function rowSpanIds(ds: Dataset, trace: TraceModel): string[] {
  const spanIds: string[] = new Array<string>(trace.numRows);
  for (let row = 0; row < trace.numRows; row++) spanIds[row] = ds.span(trace.spanIdx[row]!).spanId;
  return spanIds;
}

export function waterfallNumbers(ds: Dataset, trace: TraceModel, fans: Fans = findFans(ds, trace)): WaterfallNumbers {
  const n = trace.numRows;
  const { startNs, durNs } = rowTimes(ds, trace);
  const service = new Int32Array(n);
  const kind = new Uint8Array(n);
  for (let row = 0; row < n; row++) {
    const spanIdx = trace.spanIdx[row]!;
    const k = ds.span(spanIdx).kind;
    service[row] = ds.spanService[spanIdx]!;
    kind[row] = k >= 0 && k <= 255 ? k : 0;
  }
  return {
    traceId: trace.traceId,
    numRows: n,
    startNs,
    durNs,
    depth: trace.depth.slice(),
    subtreeEnd: trace.subtreeEnd.slice(),
    service,
    flags: trace.flags.slice(),
    kind,
    // Copied: the columns' arrays are transferred to the page, and the fans (with their names) are cached.
    nameIdx: fans.nameIdx.slice(),
    names: fans.names,
    services: ds.services,
    traceDurationNs: Number(trace.endNs - trace.startNs),
    fanOf: fans.fanOf.slice(),
    fans: fans.fans,
  };
}

/**
 * Each row's start (ns from the trace's start; 0 when unknown) and duration (0 when it has no end): all the
 * critical path and self times need, without the rest of the columns (at 1M rows their copies and id list
 * were garbage that the critical path's answer paid for).
 */
export function rowTimes(ds: Dataset, trace: TraceModel): { readonly startNs: Float64Array; readonly durNs: Float64Array } {
  const n = trace.numRows;
  const startNs = new Float64Array(n);
  const durNs = new Float64Array(n);
  const t0 = trace.startNs;
  for (let row = 0; row < n; row++) {
    const s = ds.span(trace.spanIdx[row]!);
    // Each read of a stored span's time makes a bigint (stored-span.ts): read each once.
    const sStart = s.startNs;
    const sEnd = s.endNs;
    startNs[row] = sStart > 0n && t0 > 0n ? Number(sStart - t0) : 0;
    durNs[row] = sEnd > sStart ? Number(sEnd - sStart) : 0;
  }
  return { startNs, durNs };
}
