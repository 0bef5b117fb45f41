import { SpanKind } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { SdkWorld } from '../support/sdk-world.ts';
import { checkDumpSnapshot } from '../support/snapshot.ts';

function twoServiceWorld(): SdkWorld {
  const w = new SdkWorld(7);
  const root = w.start('checkout', { name: 'GET /orders/{id}', kind: SpanKind.SERVER, startMs: 0 });
  const c = w.span('checkout', { name: 'GET', kind: SpanKind.CLIENT, startMs: 1, endMs: 10 }, root);
  w.span('payments', { name: 'GET /pay', kind: SpanKind.SERVER, startMs: 2, endMs: 9 }, w.hop(c).context);
  root.end([1714564800, 20_000_000]);
  return w;
}

describe('pipeline over SDK output', () => {
  it('OTLP/JSON and OTLP/protobuf of the same spans give the same tree', () => {
    const w = twoServiceWorld();
    const json = checkDumpSnapshot('a.json', new TextEncoder().encode(w.otlpJson()), 'otlp-json');
    const proto = checkDumpSnapshot('a.pb', w.otlpProto(), 'otlp-proto');
    expect(proto).toBe(json);
    expect(json).toMatchInlineSnapshot(`
      "trace 5f5be8ad000000025f5be8ad00000002 (3 spans)
        GET /orders/{id} [checkout] +0.0ms 20.0ms SERVER
          GET [checkout] +1.0ms 9.0ms CLIENT
            GET /pay [payments] +2.0ms 7.0ms SERVER"
    `);
  });
});
