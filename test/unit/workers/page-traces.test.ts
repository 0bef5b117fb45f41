// The trace list crosses to the page as columns (workers/page-traces.ts) and the page makes its summaries
// back from them (src/app/trace-list.ts): the same summaries, for real SDK traces and for odd ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceListOf } from '../../../src/app/trace-list.ts';
import type { TraceListSummary } from '../../../src/core/model/summary.ts';
import { pageTraceList, pageTraceListBuffers } from '../../../workers/page-traces.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { generateSpans } from '../../../bench/gen.ts';

const summaryArb: fc.Arbitrary<TraceListSummary> = fc.record({
  traceId: fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.string({ unit: 'binary' })),
  rootName: fc.oneof(fc.constantFrom('GET /', 'SELECT', ''), fc.string({ unit: 'binary' })),
  rootService: fc.constantFrom('api', 'db', '(no service.name)', ''),
  services: fc.uniqueArray(fc.constantFrom('api', 'db', 'cart', 'ß→🙂', ''), { maxLength: 5 }).map((s) => s.sort()),
  numSpans: fc.nat(),
  numErrors: fc.nat(),
  numRoots: fc.nat(),
  numOrphans: fc.nat(),
  durationNs: fc.oneof(fc.nat(), fc.double({ noNaN: true })),
  startUnixNs: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }).map(String),
});

describe('the trace list sent as columns', () => {
  it('gives the page the summaries of real SDK traces, and moves its arrays instead of copying them', async () => {
    const { world, spans } = generateSpans(2_000, 20, 7);
    const store = new TraceStore();
    await store.load([{ name: 'sdk.json', data: world.otlpJson(spans) }]);
    const summaries = store.traces();
    expect(summaries).toHaveLength(100);
    const list = pageTraceList(summaries);
    expect(list.texts.length).toBeLessThan(20); // names and services, each once
    const received = structuredClone(list, { transfer: pageTraceListBuffers(list) });
    // Transferred, every one: the sender's copies are gone (a column left out of the list would be copied).
    const columns = Object.values(list).filter((v) => ArrayBuffer.isView(v));
    expect(columns).toHaveLength(12);
    for (const c of columns) expect(c.byteLength).toBe(0);
    expect(traceListOf(received)).toEqual(summaries);
  });

  it('gives back any summaries exactly, and traces with the same services share one list', () => {
    fc.assert(
      fc.property(fc.array(summaryArb, { maxLength: 40 }), (summaries) => {
        const back = traceListOf(structuredClone(pageTraceList(summaries)));
        expect(back).toEqual(summaries);
        for (let t = 1; t < back.length; t++) {
          const same = back.findIndex((s) => JSON.stringify(s.services) === JSON.stringify(back[t]!.services));
          expect(back[same]!.services).toBe(back[t]!.services);
        }
      }),
    );
  });

  it('carries a trace of 20,000 services', () => {
    const services = Array.from({ length: 20_000 }, (_, i) => `svc-${i}`);
    const [one] = [{ traceId: 'a'.repeat(32), rootName: 'r', rootService: 'svc-0', services, numSpans: 20_000, numErrors: 0, numRoots: 1, numOrphans: 0, durationNs: 5, startUnixNs: '1' }];
    expect(traceListOf(pageTraceList([one!]))).toEqual([one]);
  });
});
