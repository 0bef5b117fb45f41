// The trace list as the page receives it at a load's end: core's columns (model/summary-columns.ts) with
// their typed arrays transferred, the trace ids and starts too, as code units (code-units.ts). As one object
// per trace, 100,000 one-span traces cost the page a 175 ms read of the message, inside a 225-265 ms task
// (Chromium, structured clone); with the ids and starts as two strings, their copies alone took 23-54 ms of
// it (3.2M and 1.9M characters, measured in a page). The page makes its TraceListSummary objects from the
// columns itself (src/app/trace-list.ts).
import type { Dataset } from '../src/core/model/assemble.ts';
import { traceListColumns, type TraceListColumns } from '../src/core/model/summary-columns.ts';
import { codeUnits } from './code-units.ts';

export interface PageTraceList extends Omit<TraceListColumns, 'traceIds' | 'starts'> {
  /** TraceListColumns.traceIds as code units. */
  readonly traceIdUnits: Uint8Array | Uint16Array;
  /** TraceListColumns.starts as code units. */
  readonly startUnits: Uint8Array | Uint16Array;
}

export function pageTraceList(ds: Dataset): PageTraceList {
  const { traceIds, starts, ...rest } = traceListColumns(ds);
  return { ...rest, traceIdUnits: codeUnits(traceIds), startUnits: codeUnits(starts) };
}

/** The typed arrays of a PageTraceList, for comlink's transfer list. */
export function pageTraceListBuffers(list: PageTraceList): ArrayBuffer[] {
  const { traceIdEnds, startEnds, rootName, rootService, serviceSet, numSpans, numErrors, numRoots, numOrphans, durationNs, serviceSets, serviceSetEnds, traceIdUnits, startUnits } = list;
  return [traceIdEnds, startEnds, rootName, rootService, serviceSet, numSpans, numErrors, numRoots, numOrphans, durationNs, serviceSets, serviceSetEnds, traceIdUnits, startUnits].map((a) => a.buffer as ArrayBuffer);
}
