// Which spans make up one side of a comparison. A trace id loaded from several inputs is merged into one
// trace by assemble(); to compare "the same trace from two files", a side can name one input and get only
// the spans that input brought (exact copies the model set aside included), assembled again on their own.
import { assemble, type Dataset, type TraceModel } from '../model/assemble.ts';

export interface CompareSide {
  readonly traceId: string;
  /** Only the spans this input brought; omitted for the trace as merged from every input. */
  readonly inputIdx?: number;
}

export interface SideModel {
  readonly ds: Dataset;
  readonly trace: TraceModel;
}

/** Every span index of the trace: its rows and the exact duplicates that were given no row. */
function allSpans(trace: TraceModel): number[] {
  return [...trace.spanIdx, ...trace.exactDuplicates];
}

export function sideModel(ds: Dataset, side: CompareSide): SideModel | null {
  const tIdx = ds.traceIdx.get(side.traceId);
  if (tIdx === undefined) return null;
  const trace = ds.traces[tIdx]!;
  if (side.inputIdx === undefined) return { ds, trace };
  const spans = allSpans(trace)
    .map((i) => ds.span(i))
    .filter((s) => s.inputIdx === side.inputIdx);
  if (spans.length === 0) return null;
  // resourceIdx/scopeIdx/inputIdx stay valid: the resource, scope and input tables are shared unchanged.
  const sub = assemble({ inputs: ds.inputs, resources: ds.resources, scopes: ds.scopes, spans });
  return { ds: sub, trace: sub.traces[0]! };
}

/** A trace present in several inputs, and which ones: the copies a user may compare with each other. */
export interface TraceCopies {
  readonly traceId: string;
  readonly inputIdxs: readonly number[];
}

export function tracesInSeveralInputs(ds: Dataset): TraceCopies[] {
  const out: TraceCopies[] = [];
  for (const trace of ds.traces) {
    const inputs = new Set<number>();
    for (const i of allSpans(trace)) inputs.add(ds.span(i).inputIdx);
    if (inputs.size > 1) out.push({ traceId: trace.traceId, inputIdxs: [...inputs].sort((x, y) => x - y) });
  }
  return out;
}
