// Every trace's rows are views of columns the whole dataset shares (row-columns.ts RowColumns), so an
// answer that handed one of them to the page by transfer would detach every trace at once. The worker
// transfers what it answers (trace.worker.ts); here each answer is transferred the same way, and the
// loaded traces must come through it whole. Real SDK traces, several services, a few hundred of them.
import { describe, expect, it } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';
import { criticalPathBuffers } from '../../../workers/critical-sections.ts';
import { pageColumnBuffers } from '../../../workers/page-columns.ts';
import { pageTraceListBuffers } from '../../../workers/page-traces.ts';
import { TraceStore } from '../../../workers/trace-store.ts';

function rowsOf(ds: Dataset) {
  return ds.traces.map((t) => [t.traceId, [t.spanIdx, t.parentRow, t.depth, t.subtreeEnd, t.flags, t.rootRows, t.exactDuplicates, t.copies].map((a) => Array.from(a))]);
}

const transferred = <T,>(value: T, transfer: ArrayBuffer[]): T => structuredClone(value, { transfer });

describe('answers transferred to the page', () => {
  it("leave every loaded trace's rows whole", async () => {
    const { world, spans } = generateSpans(3_000, 10, 7);
    const store = new TraceStore();
    await store.load([{ name: 'sdk.json', data: new TextEncoder().encode(world.otlpJson(spans)) }]);
    const ds = store.data;
    expect(ds.traces).toHaveLength(300);
    // The rows do share one buffer per column: this test guards something real.
    expect(new Set(ds.traces.map((t) => t.depth.buffer)).size).toBe(1);
    const before = rowsOf(ds);

    transferred(store.traceList(), pageTraceListBuffers(store.traceList()));
    for (const { traceId } of ds.traces.slice(0, 20)) {
      const columns = store.waterfall(traceId)!;
      transferred(columns, pageColumnBuffers(columns));
      for (const rows of [store.visibleRows(traceId, []), store.visibleRows(traceId, 'all'), store.search(traceId, 'orders')]) transferred(rows, [rows.buffer as ArrayBuffer]);
      const severities = await store.findingRowSeverities(traceId);
      transferred(severities, [severities.buffer as ArrayBuffer]);
      const path = store.criticalPath(traceId)!;
      transferred(path, criticalPathBuffers(path));
    }

    expect(ds.traces[0]!.depth.buffer.byteLength).toBeGreaterThan(0);
    expect(rowsOf(store.data)).toEqual(before);
    expect(store.visibleRows(ds.traces[299]!.traceId, []).length).toBe(ds.traces[299]!.numRows);
  });
});
