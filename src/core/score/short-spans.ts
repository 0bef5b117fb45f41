// The spans instrumentation-score SPA-005 counts: "a duration of less than 5 milliseconds" (rules/SPA-005.md),
// grouped by service so a failing trace can be charged to the services that made its short spans.
// Same test as the lint rule too-many-short-spans: unended or negative spans have no real duration.
import type { Dataset, TraceModel } from '../model/assemble.ts';

const SHORT_NS = 5_000_000n;

/** service index → rows of that service's short spans in the trace. */
export function shortSpanRowsByService(ds: Dataset, trace: TraceModel): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let row = 0; row < trace.numRows; row++) {
    const spanIdx = trace.spanIdx[row]!;
    const s = ds.span(spanIdx);
    if (s.endNs === 0n || s.endNs < s.startNs || s.endNs - s.startNs >= SHORT_NS) continue;
    const svc = ds.spanService[spanIdx]!;
    const rows = out.get(svc);
    if (rows) rows.push(row);
    else out.set(svc, [row]);
  }
  return out;
}
