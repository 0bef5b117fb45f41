// The trace list as the page receives it at a load's end: core's columns (model/summary-columns.ts) with
// their typed arrays transferred. As one object per trace, 100,000 one-span traces cost the page a 175 ms
// read of the message, inside a 225-265 ms task (Chromium, structured clone); the page makes its
// TraceListSummary objects from the columns itself (src/app/trace-list.ts).
import type { TraceListColumns } from '../src/core/model/summary-columns.ts';

export type PageTraceList = TraceListColumns;

/** The typed arrays of a PageTraceList, for comlink's transfer list. */
export function pageTraceListBuffers(list: PageTraceList): ArrayBuffer[] {
  const { traceIdEnds, startEnds, rootName, rootService, serviceSet, numSpans, numErrors, numRoots, numOrphans, durationNs, serviceSets, serviceSetEnds } = list;
  return [traceIdEnds, startEnds, rootName, rootService, serviceSet, numSpans, numErrors, numRoots, numOrphans, durationNs, serviceSets, serviceSetEnds].map((a) => a.buffer as ArrayBuffer);
}
