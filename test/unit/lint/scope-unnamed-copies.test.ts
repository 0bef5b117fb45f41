// scope-unnamed reads the quirks of the span it reports. It used to look that span up again by its ids, and
// with one trace loaded twice (OTLP and Zipkin, span ids shared) it found the other input's copy: the OTLP
// unnamed scope was missed when the Zipkin file came first, and a Zipkin span (its format has no scopes)
// was reported when it came second.
import { describe, expect, it } from 'vitest';
import { runLint } from '../../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';

const TRACE = '5b8efff798038103d269b633813fc60c';
const otlpSpan = (spanId: string, name: string, parent = '') => ({ traceId: TRACE, spanId, parentSpanId: parent, name, kind: 1, startTimeUnixNano: '1714564800006000000', endTimeUnixNano: '1714564800007000000' });
const OTLP = {
  resourceSpans: [{
    resource: { attributes: [{ key: 'service.name', value: { stringValue: 'a' } }] },
    scopeSpans: [
      { scope: { name: 'lib' }, spans: [otlpSpan('eee19b7ec3c1b174', 'otlp root')] },
      { scope: { name: '' }, spans: [otlpSpan('eee19b7ec3c1b176', 'otlp unnamed', 'eee19b7ec3c1b174')] },
    ],
  }],
};
const ZIPKIN = [
  { traceId: TRACE, id: 'eee19b7ec3c1b174', name: 'zipkin root', timestamp: 1714564800001000, duration: 9000, localEndpoint: { serviceName: 'a' } },
  { traceId: TRACE, id: 'eee19b7ec3c1b176', parentId: 'eee19b7ec3c1b174', name: 'zipkin child', timestamp: 1714564800001500, duration: 100, localEndpoint: { serviceName: 'a' } },
];

describe('scope-unnamed with one trace loaded from OTLP and from Zipkin', () => {
  it.each([['OTLP first', ['otlp', 'zipkin']], ['Zipkin first', ['zipkin', 'otlp']]])('%s: reports the OTLP span of the unnamed scope, no Zipkin span', (_order, order) => {
    const files = order.map((f) => ({ name: `${f}.json`, bytes: new TextEncoder().encode(JSON.stringify(f === 'otlp' ? OTLP : ZIPKIN)) }));
    const ds = loadDataset(files);
    expect(ds.inputs.map((i) => i.format)).toEqual(order.map((f) => (f === 'otlp' ? 'otlp-json' : 'zipkin-json')));
    const found = runLint(ds, ALL_RULES).filter((f) => f.rule === 'scope-unnamed');
    const trace = ds.traces[ds.traceIdx.get(TRACE)!]!;
    expect(found.map((f) => ds.span(trace.spanIdx[f.row!]!).name)).toEqual(['otlp unnamed']);
  });
});
