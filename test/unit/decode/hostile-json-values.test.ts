// Values JSON can hold that JavaScript's conversions choke on: an object whose `toString` is not a function
// (String() throws a TypeError) and a number too large to be finite (`1e999` parses to Infinity, which
// BigInt() refuses). Each once stopped a whole decoder and lost every span after it; both were found by
// `npm run fuzz`. The span must load, the input report no "decoder stopped".
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const HOSTILE = '{"toString":false}';

function load(name: string, text: string): ReturnType<typeof loadDataset> {
  const ds = loadDataset([{ name, bytes: new TextEncoder().encode(text) }]);
  for (const e of ds.inputs[0]!.errors) expect(e.message).not.toMatch(/^decoder stopped/);
  return ds;
}

describe('hostile JSON values are read, not thrown on', () => {
  it('OTLP/JSON: an attribute key and a span name that are objects without a callable toString', () => {
    const span = `{"traceId":"${TRACE}","spanId":"b7ad6b7169203331","name":${HOSTILE},"attributes":[{"key":${HOSTILE},"value":{"stringValue":${HOSTILE}}}]}`;
    const ds = load('a.json', `{"resourceSpans":[{"resource":{"attributes":[{"key":${HOSTILE},"value":{"intValue":${HOSTILE}}}]},"scopeSpans":[{"spans":[${span}]}]}]}`);
    expect(ds.inputs[0]!.format).toBe('otlp-json');
    expect(ds.spans.map((s) => s.spanId)).toEqual(['b7ad6b7169203331']);
    expect(ds.span(0).attributes[0]!.key).toBe(HOSTILE);
    expect(ds.resources[0]!.attributes[0]!.key).toBe(HOSTILE);
  });

  it('Jaeger: an operation name without a callable toString and a start time of 1e999', () => {
    const ds = load('j.json', `{"data":[{"traceID":"${TRACE}","spans":[{"traceID":"${TRACE}","spanID":"b7ad6b7169203331","operationName":${HOSTILE},"startTime":1e999,"duration":5,"processID":"p1","references":[],"logs":[{"timestamp":-1e999,"fields":[]}]},{"traceID":"${TRACE}","spanID":"b7ad6b7169203332","operationName":"next","startTime":1700000000000000,"duration":5,"processID":"p1","references":[]}],"processes":{"p1":{"serviceName":${HOSTILE}}}}]}`);
    expect(ds.inputs[0]!.format).toBe('jaeger-json');
    expect(ds.spans.map((s) => s.name)).toEqual([HOSTILE, 'next']);
    expect(ds.span(0).startNs).toBe(0n);
    expect(ds.span(1).startNs).toBe(1_700_000_000_000_000_000n);
  });

  it('Zipkin: a name and a tag value without a callable toString and a timestamp of 1e999', () => {
    const ds = load('z.json', `[{"traceId":"${TRACE}","id":"b7ad6b7169203331","name":"first","localEndpoint":{"serviceName":"s"},"timestamp":1e999,"duration":1e999,"tags":{"k":${HOSTILE}},"annotations":[{"timestamp":1e999,"value":${HOSTILE}}]},{"traceId":"${TRACE}","id":"b7ad6b7169203332","name":"next","timestamp":1700000000000000,"duration":5}]`);
    expect(ds.inputs[0]!.format).toBe('zipkin-json');
    expect(ds.spans.map((s) => s.spanId)).toEqual(['b7ad6b7169203331', 'b7ad6b7169203332']);
    expect(ds.span(0).attributes.find((kv) => kv.key === 'k')?.value).toEqual({ type: 'string', value: HOSTILE });
  });
});
