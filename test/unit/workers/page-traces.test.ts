// The trace list crosses to the page as columns made straight from the dataset (core model/summary-columns.ts,
// transferred by workers/page-traces.ts) and the page makes its summaries back from them
// (src/app/trace-list.ts): they must be listSummaries' summaries exactly, for real SDK traces and odd ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traceListOf } from '../../../src/app/trace-list.ts';
import { assemble } from '../../../src/core/model/assemble.ts';
import type { ResourceRecord, SpanRecord } from '../../../src/core/model/records.ts';
import { listSummaries } from '../../../src/core/model/summary.ts';
import { pageTraceList, pageTraceListBuffers } from '../../../workers/page-traces.ts';
import { TraceStore } from '../../../workers/trace-store.ts';
import { generateSpans } from '../../../bench/gen.ts';

/** Service names whose code-unit order differs from a locale's ('B' < 'b' < 'é' < '🙂'), and an empty one. */
const SERVICE_NAMES = ['b', 'B', 'é', 'z', '🙂', '', 'a'];
const resource = (name: string | null): ResourceRecord => ({
  attributes: name === null ? [] : [{ key: 'service.name', value: { type: 'string', value: name } }], droppedAttributesCount: 0, schemaUrl: '',
});

const arbSpan: fc.Arbitrary<RawSpan> = fc.record({
  trace: fc.constantFrom('t1', 't2', 't3', 'ß→🙂', ''),
  id: fc.constantFrom('s0', 's1', 's2', 's3', ''),
  parent: fc.constantFrom('', 's0', 's1', 's2', 'gone'),
  start: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  dur: fc.bigInt({ min: 0n, max: 5n }),
  name: fc.constantFrom('GET /', 'SELECT', '', '\ud800'),
  error: fc.boolean(),
  resourceIdx: fc.nat(SERVICE_NAMES.length + 1), // the last two: no service.name, and no such resource
});

interface RawSpan {
  readonly trace: string;
  readonly id: string;
  readonly parent: string;
  readonly start: bigint;
  readonly dur: bigint;
  readonly name: string;
  readonly error: boolean;
  readonly resourceIdx: number;
}

function datasetOf(raw: readonly RawSpan[], resources = [...SERVICE_NAMES.map(resource), resource(null)]) {
  const spans: SpanRecord[] = raw.map((r) => ({
    traceId: r.trace, spanId: r.id, parentSpanId: r.parent, traceState: '', flags: null, name: r.name, kind: 1, startNs: r.start, endNs: r.start + r.dur,
    attributes: [], droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0,
    status: { code: r.error ? 2 : 0, message: '' }, resourceIdx: r.resourceIdx, scopeIdx: 0, inputIdx: 0, where: 'here', quirks: 0,
  }));
  return assemble({ inputs: [], resources, scopes: [{ name: 's', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' }], spans });
}

describe('the trace list sent as columns', () => {
  it('gives the page the summaries of real SDK traces, and moves its arrays instead of copying them', async () => {
    const { world, spans } = generateSpans(2_000, 20, 7);
    const store = new TraceStore();
    await store.load([{ name: 'sdk.json', data: world.otlpJson(spans) }]);
    const summaries = store.traces();
    expect(summaries).toHaveLength(100);
    const list = store.traceList();
    expect(list.names.length).toBeLessThan(10); // each root name once
    const received = structuredClone(list, { transfer: pageTraceListBuffers(list) });
    // Transferred, every one: the sender's copies are gone (a column left out of the list would be copied).
    const columns = Object.values(list).filter((v) => ArrayBuffer.isView(v));
    expect(columns).toHaveLength(14);
    for (const c of columns) expect(c.byteLength).toBe(0);
    expect(traceListOf(received)).toEqual(summaries);
  });

  it("gives exactly listSummaries' summaries for any spans (orphans, cycles, several roots, odd names and services), and traces with the same services share one list", () => {
    fc.assert(
      fc.property(fc.array(arbSpan, { maxLength: 30 }), (raw) => {
        const ds = datasetOf(raw);
        const back = traceListOf(structuredClone(pageTraceList(ds)));
        expect(back).toEqual(listSummaries(ds));
        for (let t = 1; t < back.length; t++) {
          const same = back.findIndex((s) => JSON.stringify(s.services) === JSON.stringify(back[t]!.services));
          expect(back[same]!.services).toBe(back[t]!.services);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('carries a trace of 20,000 services', () => {
    const raw = Array.from({ length: 20_000 }, (_, i) => ({ trace: 't', id: `s${i}`, parent: i === 0 ? '' : 's0', start: BigInt(i), dur: 1n, name: 'x', error: false, resourceIdx: i }));
    const many = datasetOf(raw, raw.map((_, i) => resource(`svc-${i}`)));
    const [one] = traceListOf(pageTraceList(many));
    expect(one!.services).toHaveLength(20_000);
    expect(traceListOf(pageTraceList(many))).toEqual(listSummaries(many));
  });
});
