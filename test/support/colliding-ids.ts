// Span ids crafted to share one IdPool hash (decode/id-pool.ts `mix`: word 0 cancels word 1's multiply; the
// assembly's id table, model/id-keys.ts, mixes ids the same way), as a hostile file could hold them, and a chain of spans carrying them (each the parent of the next) in
// OTLP/JSON and OTLP/protobuf. `crafted: false` gives the same chain with ordinary ids, as a baseline.
import { tracesDataType } from './otlp-proto-schema.ts';

/** Words of span id `i`; with `crafted`, every id's pool hash is the same. */
export function spanIdWords(i: number, crafted = true): [number, number] {
  const k1 = i + 1;
  return [crafted ? Math.imul(k1, 0x9e3779b1) ^ 0x1234 : Math.imul(k1, 0x2545f491), k1];
}

export interface Chain {
  readonly spans: ReadonlyArray<{ spanId: string; parentSpanId: string }>;
  readonly json: Uint8Array;
  readonly proto: Uint8Array;
}

export const CHAIN_TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

export function chainOfIds(numSpans: number, crafted = true): Chain {
  const hexOf = (i: number): string => spanIdWords(i, crafted).map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
  const bytesOf = (hex: string): Uint8Array => Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
  const spans = Array.from({ length: numSpans }, (_, i) => ({ spanId: hexOf(i), parentSpanId: i === 0 ? '' : hexOf(i - 1) }));
  const json = JSON.stringify({
    resourceSpans: [{
      scopeSpans: [{
        spans: spans.map((s, i) => ({ traceId: CHAIN_TRACE_ID, spanId: s.spanId, parentSpanId: s.parentSpanId, name: 'step', startTimeUnixNano: String(1_000 + i), endTimeUnixNano: String(1_000 + numSpans * 2 - i) })),
      }],
    }],
  });
  const type = tracesDataType();
  const proto = type.encode(type.fromObject({
    resourceSpans: [{
      scopeSpans: [{
        spans: spans.map((s, i) => ({
          traceId: bytesOf(CHAIN_TRACE_ID), spanId: bytesOf(s.spanId), parentSpanId: s.parentSpanId ? bytesOf(s.parentSpanId) : new Uint8Array(0),
          name: 'step', startTimeUnixNano: 1_000 + i, endTimeUnixNano: 1_000 + numSpans * 2 - i,
        })),
      }],
    }],
  })).finish();
  return { spans, json: new TextEncoder().encode(json), proto };
}
