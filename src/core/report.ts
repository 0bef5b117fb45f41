// The CLI's JSON report. Its field names are a contract other tools read: add fields, never rename.
import type { Dataset } from './model/assemble.ts';
import { summarizeTrace } from './model/summary.ts';
import type { InstrumentationScore } from './score/instrumentation-score.ts';

export interface ReportFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly traceId: string;
  readonly spanId: string;
  readonly message: string;
  readonly category?: string;
  readonly row?: number;
  readonly suggestion?: string;
}

export interface CheckReport {
  readonly inputs: Array<{
    file: string;
    format: string;
    spans: number;
    errors: Array<{ message: string; where: string; severity: string }>;
  }>;
  readonly traces: Array<{
    traceId: string;
    spanCount: number;
    rootSpanIds: string[];
    orphanSpanIds: string[];
    services: string[];
    rootName: string;
    durationMs: number;
    errorCount: number;
  }>;
  findings: ReportFinding[];
  /** The Instrumentation Score (trace rules) per service and overall. */
  instrumentationScore?: InstrumentationScore;
}

export function buildReport(ds: Dataset): CheckReport {
  return {
    inputs: ds.inputs.map((i) => ({
      file: i.file,
      format: i.format,
      spans: i.spans,
      errors: i.errors.map((e) => ({ message: e.message, where: e.where, severity: e.severity })),
    })),
    traces: ds.traces.map((t) => {
      const s = summarizeTrace(ds, t);
      return {
        traceId: s.traceId,
        spanCount: s.numSpans,
        rootSpanIds: [...s.rootSpanIds],
        orphanSpanIds: [...s.orphanSpanIds],
        services: [...s.services],
        rootName: s.rootName,
        durationMs: s.durationNs / 1e6,
        errorCount: s.numErrors,
      };
    }),
    findings: [],
  };
}
