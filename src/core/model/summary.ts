// Per-trace summaries for the trace list and the CLI report: plain data, cheap to send across the worker.
import type { Dataset, TraceModel } from './assemble.ts';
import { RowFlag } from './assemble.ts';

export interface TraceSummary {
  readonly traceId: string;
  readonly rootName: string;
  readonly rootService: string;
  readonly services: readonly string[];
  readonly numSpans: number;
  readonly numErrors: number;
  readonly numRoots: number;
  /** Spans whose parent id is set but not loaded. */
  readonly numOrphans: number;
  readonly durationNs: number;
  /** Trace start, Unix ns as decimal text (exact; bigint does not survive JSON). */
  readonly startUnixNs: string;
  readonly rootSpanIds: readonly string[];
  readonly orphanSpanIds: readonly string[];
}

export function summarizeTrace(ds: Dataset, trace: TraceModel): TraceSummary {
  const serviceSet = new Set<number>();
  let numErrors = 0;
  const orphanSpanIds: string[] = [];
  for (let row = 0; row < trace.numRows; row++) {
    const spanIdx = trace.spanIdx[row]!;
    serviceSet.add(ds.spanService[spanIdx]!);
    const f = trace.flags[row]!;
    if (f & RowFlag.ERROR) numErrors++;
    if (f & RowFlag.ORPHAN) orphanSpanIds.push(ds.spans[spanIdx]!.spanId);
  }
  // The representative root: a true root if there is one (not an orphan or a cut cycle), else the first.
  const rootRows = [...trace.rootRows];
  const mainRoot = rootRows.find((r) => (trace.flags[r]! & (RowFlag.ORPHAN | RowFlag.CYCLE)) === 0) ?? rootRows[0] ?? 0;
  const root = ds.spans[trace.spanIdx[mainRoot]!]!;
  return {
    traceId: trace.traceId,
    rootName: root.name,
    rootService: ds.services[ds.spanService[trace.spanIdx[mainRoot]!]!] ?? '',
    services: [...serviceSet].map((i) => ds.services[i]!).sort(),
    numSpans: trace.numRows,
    numErrors,
    numRoots: rootRows.length,
    numOrphans: orphanSpanIds.length,
    durationNs: Number(trace.endNs - trace.startNs),
    startUnixNs: trace.startNs.toString(),
    rootSpanIds: rootRows.map((r) => ds.spans[trace.spanIdx[r]!]!.spanId),
    orphanSpanIds,
  };
}

export function summarizeAll(ds: Dataset): TraceSummary[] {
  return ds.traces.map((t) => summarizeTrace(ds, t));
}
