// TraceStore.traceql: answers and query errors are plain values that survive structured cloning (the
// worker boundary), over the SDK-made demo.
import { describe, expect, it } from 'vitest';
import { TraceStore } from '../../../workers/trace-store.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';

describe('TraceStore.traceql', () => {
  it('returns matches and errors as cloneable values', async () => {
    const store = new TraceStore();
    await store.load([{ name: 'demo.json', data: buildDemoWorld().otlpJson() }]);
    const ok = structuredClone(store.traceql('{ kind = consumer } > { }'));
    expect(ok.ok && ok.traces.map((m) => m.rows.map((r) => store.data.spans[store.data.traces[store.data.traceIdx.get(m.traceId)!]!.spanIdx[r]!]!.name))).toEqual([['INSERT shop.shipments']]);
    expect(ok.ok && ok.numSpans).toBe(1);
    const bad = structuredClone(store.traceql('{ kind = consumer } > '));
    expect(bad).toEqual({ ok: false, error: { code: 'syntax', message: "expected '{' at 22", offset: 22 } });
  });
});
