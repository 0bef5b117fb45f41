// Structural fuzzing of OTLP/protobuf: 10,000-deep nested values built on the wire, and random bytes.
import fc from 'fast-check';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, loadHostile } from '../../support/fuzz.ts';
import { OTLP_TRACE_PROTO } from '../../support/otlp-proto-schema.ts';

const root = protobuf.parse(OTLP_TRACE_PROTO).root;
const TracesData = root.lookupType('otlp.TracesData');

/** Wraps `inner` (an encoded message) as length-delimited field `field`. */
function wrap(field: number, inner: Uint8Array): Uint8Array {
  const w = protobuf.Writer.create();
  w.uint32((field << 3) | 2).bytes(inner);
  return w.finish();
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 127) | 128);
    n >>>= 7;
  }
  out.push(n);
  return out;
}

/**
 * AnyValue{kvlist_value: KeyValueList{values: [KeyValue{key: "k", value: <one level down>}]}}, `depth`
 * levels deep. Every level is a pure prefix of the next, so the bytes are built in one pass (inside out
 * for the lengths, then written outside in) instead of copying the growing message 10,000 times.
 */
function deepKvValue(depth: number): Uint8Array {
  const bottom = [0x0a, 6, ...new TextEncoder().encode('bottom')];
  const prefixes: number[][] = [];
  let length = bottom.length;
  for (let i = 0; i < depth; i++) {
    const kv = [0x0a, 1, 0x6b, 0x12, ...varint(length)]; // key "k", value <length>
    const kvLen = kv.length + length;
    const list = [0x0a, ...varint(kvLen)]; // KeyValueList.values
    const listLen = list.length + kvLen;
    const any = [0x32, ...varint(listLen)]; // AnyValue.kvlist_value (field 6)
    prefixes.push([...any, ...list, ...kv]);
    length = any.length + listLen;
  }
  const out = new Uint8Array(length);
  let pos = 0;
  for (let i = prefixes.length - 1; i >= 0; i--) {
    out.set(prefixes[i]!, pos);
    pos += prefixes[i]!.length;
  }
  out.set(bottom, pos);
  return out;
}

describe('OTLP/protobuf with hostile structure', () => {
  it('a 10,000-deep kvlistValue neither overflows nor loses its span', () => {
    const span = TracesData.encode(TracesData.fromObject({
      resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: new Uint8Array(16).fill(1), spanId: new Uint8Array(8).fill(2), name: 'deep', startTimeUnixNano: 1, endTimeUnixNano: 2 }] }] }],
    })).finish();
    // Append attribute 9 = KeyValue{key: "deep", value: <deep AnyValue>} to the one span by re-encoding by hand.
    const deepAttr = wrap(9, new Uint8Array([...wrap(1, new TextEncoder().encode('deep')), ...wrap(2, deepKvValue(10_000))]));
    const spanBytes = TracesData.decode(span) as unknown as { resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> };
    const Span = root.lookupType('otlp.Span');
    const spanMsg = new Uint8Array([...Span.encode(spanBytes.resourceSpans[0]!.scopeSpans[0]!.spans[0] as protobuf.Message).finish(), ...deepAttr]);
    const bytes = wrap(1, wrap(2, wrap(2, spanMsg)));
    const ds = loadHostile('deep.pb', bytes);
    expect(ds.spans).toHaveLength(1);
    expect(JSON.stringify(ds.span(0).attributes[0]!.value)).toContain('truncated');
  });

  it('random bytes that start like a request are refused cleanly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 400 }), (tail) => {
        loadHostile('random.pb', new Uint8Array([0x0a, ...tail]));
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
  });
});
