// Sorting the trace list by any of its columns. Pure: the list component derives its order from this.
import type { TraceListSummary } from '../core/model/summary.ts';

export type TraceSortKey = 'service' | 'name' | 'services' | 'spans' | 'duration' | 'errors' | 'start';

export const TRACE_SORT_KEYS: readonly TraceSortKey[] = ['service', 'name', 'services', 'spans', 'duration', 'errors', 'start'];

function compareBy(key: TraceSortKey, a: TraceListSummary, b: TraceListSummary): number {
  switch (key) {
    case 'service':
      return a.rootService.localeCompare(b.rootService);
    case 'name':
      return a.rootName.localeCompare(b.rootName);
    case 'services':
      return a.services.length - b.services.length;
    case 'spans':
      return a.numSpans - b.numSpans;
    case 'duration':
      return a.durationNs - b.durationNs;
    case 'errors':
      return a.numErrors - b.numErrors;
    case 'start':
      // Exact decimal nanoseconds: compare as bigint, not as a rounded number.
      return compareDecimal(a.startUnixNs, b.startUnixNs);
    default: {
      const never: never = key;
      return never;
    }
  }
}

function compareDecimal(a: string, b: string): number {
  const x = BigInt(a || '0');
  const y = BigInt(b || '0');
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A sorted copy; ties keep start order and then trace id, so the order is stable across loads. */
export function sortTraces(traces: readonly TraceListSummary[], key: TraceSortKey, descending: boolean): TraceListSummary[] {
  const sign = descending ? -1 : 1;
  return [...traces].sort(
    (a, b) => sign * compareBy(key, a, b) || compareDecimal(a.startUnixNs, b.startUnixNs) || (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0),
  );
}
