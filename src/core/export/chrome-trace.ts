// Chrome Trace Event JSON (the "Trace Event Format" document: complete events `ph: "X"` with `ts`/`dur` in
// microseconds, `pid`/`tid`, and `M` metadata events naming processes and threads), which Perfetto and
// speedscope open. One process per service, one thread per trace; attributes go in `args`.
import type { Dataset } from '../model/assemble.ts';
import { anyValueText } from '../model/records.ts';
import { PieceWriter, type Write } from '../text-pieces.ts';

/**
 * The spans (or only some traces') as one Trace Event document, written in pieces (see text-pieces.ts): the
 * text is JSON.stringify's of `{ traceEvents, displayTimeUnit }`, one event at a time.
 */
export function writeChromeTrace(ds: Dataset, write: Write, traceIds?: ReadonlySet<string>): void {
  const out = new PieceWriter(write);
  let numEvents = 0;
  const event = (e: Record<string, unknown>): void => out.put(`${numEvents++ === 0 ? '' : ','}${JSON.stringify(e)}`);
  const pids = new Map<string, number>();
  let numTraces = 0;
  out.put('{"traceEvents":[');
  for (const trace of ds.traces) {
    if (traceIds && !traceIds.has(trace.traceId)) continue;
    const tid = ++numTraces;
    // Processes (services) of this trace whose thread is named already: one thread_name event per pair.
    const named = new Set<number>();
    for (let row = 0; row < trace.numRows; row++) {
      const spanIdx = trace.spanIdx[row]!;
      const s = ds.span(spanIdx);
      const service = ds.services[ds.spanService[spanIdx]!]!;
      let pid = pids.get(service);
      if (pid === undefined) {
        pids.set(service, (pid = pids.size + 1));
        event({ ph: 'M', name: 'process_name', pid, args: { name: service } });
      }
      if (!named.has(pid)) {
        named.add(pid);
        event({ ph: 'M', name: 'thread_name', pid, tid, args: { name: `trace ${trace.traceId}` } });
      }
      const args: Record<string, string> = Object.create(null) as Record<string, string>;
      for (const kv of s.attributes) args[kv.key] = anyValueText(kv.value);
      event({
        ph: 'X', name: s.name, cat: service, pid, tid,
        // Microseconds with fractions keep nanosecond precision.
        ts: Number(s.startNs) / 1000,
        dur: s.endNs > s.startNs ? Number(s.endNs - s.startNs) / 1000 : 0,
        args: { ...args, spanId: s.spanId, parentSpanId: s.parentSpanId, traceId: s.traceId },
      });
    }
  }
  out.put('],"displayTimeUnit":"ms"}');
  out.end();
}
