// A `bytes` value too long for one `String.fromCharCode.apply` (V8 takes ~120k arguments, two per byte
// here): a 100 KB attribute once stopped the decoder and lost every span of its input. OTLP/protobuf carries
// it as AnyValue.bytes_value, OTLP/JSON as base64 (common.proto; protojson's bytes encoding).
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { encodeTracesData } from '../../support/otlp-proto-gen.ts';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
/** 100,000 bytes counting up, so every byte value and its position show in the hex. */
const PAYLOAD = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 0xff);
const HEX = [...PAYLOAD].map((b) => b.toString(16).padStart(2, '0')).join('');

function spans(value: unknown) {
  return [
    { traceId: TRACE, spanId: 'b7ad6b7169203331', name: 'upload', attributes: [{ key: 'app.payload', value }] },
    { traceId: TRACE, spanId: 'b7ad6b7169203332', parentSpanId: 'b7ad6b7169203331', name: 'after' },
  ];
}

function expectBothSpans(ds: ReturnType<typeof loadDataset>): void {
  for (const e of ds.inputs[0]!.errors) expect(e.message).not.toMatch(/^decoder stopped/);
  expect(ds.spans.map((s) => s.name)).toEqual(['upload', 'after']);
  expect(ds.span(0).attributes).toEqual([{ key: 'app.payload', value: { type: 'bytes', value: HEX } }]);
}

describe('a 100 KB bytes value', () => {
  it('OTLP/protobuf: loads with every span of its input, as hex', () => {
    const hexId = (h: string) => Buffer.from(h, 'hex');
    const pbSpans = spans({ bytesValue: PAYLOAD }).map((s) => ({ ...s, traceId: hexId(s.traceId), spanId: hexId(s.spanId), ...(s.parentSpanId ? { parentSpanId: hexId(s.parentSpanId) } : {}) }));
    expectBothSpans(loadDataset([{ name: 'big.pb', bytes: encodeTracesData({ resourceSpans: [{ scopeSpans: [{ spans: pbSpans }] }] }) }]));
  });

  it('OTLP/JSON: loads with every span of its input, as hex', () => {
    const json = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: spans({ bytesValue: Buffer.from(PAYLOAD).toString('base64') }) }] }] });
    expectBothSpans(loadDataset([{ name: 'big.json', bytes: new TextEncoder().encode(json) }]));
  });
});
