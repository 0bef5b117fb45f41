// Chrome Trace Event JSON (the "Trace Event Format" document: complete events `ph: "X"` with `ts`/`dur` in
// microseconds, `pid`/`tid`, and `M` metadata events naming processes and threads), which Perfetto and
// speedscope open. One process per service, one thread per trace; attributes go in `args`.
import type { Dataset } from '../model/assemble.ts';
import { anyValueText } from '../model/records.ts';

export function exportChromeTrace(ds: Dataset, traceIds?: ReadonlySet<string>): string {
  const events: Array<Record<string, unknown>> = [];
  const pids = new Map<string, number>();
  let numTraces = 0;
  for (const trace of ds.traces) {
    if (traceIds && !traceIds.has(trace.traceId)) continue;
    const tid = ++numTraces;
    for (let row = 0; row < trace.numRows; row++) {
      const spanIdx = trace.spanIdx[row]!;
      const s = ds.spans[spanIdx]!;
      const service = ds.services[ds.spanService[spanIdx]!]!;
      let pid = pids.get(service);
      if (pid === undefined) {
        pids.set(service, (pid = pids.size + 1));
        events.push({ ph: 'M', name: 'process_name', pid, args: { name: service } });
      }
      if (row === 0 || !events.some((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.tid === tid)) {
        events.push({ ph: 'M', name: 'thread_name', pid, tid, args: { name: `trace ${trace.traceId}` } });
      }
      const args: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const kv of s.attributes) args[kv.key] = anyValueText(kv.value);
      events.push({
        ph: 'X', name: s.name, cat: service, pid, tid,
        // Microseconds with fractions keep nanosecond precision.
        ts: Number(s.startNs) / 1000,
        dur: s.endNs > s.startNs ? Number(s.endNs - s.startNs) / 1000 : 0,
        args: { ...args, spanId: s.spanId, parentSpanId: s.parentSpanId, traceId: s.traceId },
      });
    }
  }
  return JSON.stringify({ traceEvents: events, displayTimeUnit: 'ms' });
}
