// Spans share what they repeat (ids of their trace, names, attributes, statuses), and only that: values
// stay equal to what the decoder read, and long or unique values are not pooled.
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '../../../src/core/decode/otlp/ids.ts';
import { createReader, readString } from '../../../src/core/decode/otlp/proto-wire.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { InternPool } from '../../../src/core/model/intern.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';

describe('sharing repeated values', () => {
  it('equal attributes and statuses are one shared object', () => {
    const ds = loadDataset([{ name: 'demo.pb', bytes: buildDemoWorld().otlpProto() }]);
    const methods = ds.spans.flatMap((s) => s.attributes.filter((a) => a.key === 'http.request.method' && a.value.type === 'string' && a.value.value === 'GET'));
    expect(methods.length).toBeGreaterThan(1);
    // One shared KeyValue object for every equal attribute (identity, not just equality).
    expect(new Set(methods).size).toBe(1);
    const unset = ds.spans.map((s) => s.status).filter((st) => st.code === 0);
    expect(new Set(unset).size).toBe(1);
  });

  it('keeps long values and nested values apart, and equal to what was read', () => {
    const pool = new InternPool();
    const long = 'x'.repeat(200);
    const a = pool.keyValue({ key: 'db.query.text', value: { type: 'string', value: long } });
    const b = pool.keyValue({ key: 'db.query.text', value: { type: 'string', value: long } });
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    const list = { key: 'tags', value: { type: 'array' as const, values: [{ type: 'string' as const, value: 'a' }] } };
    expect(pool.keyValue(list)).toEqual(list);
    // Same text, different types: not merged.
    expect(pool.keyValue({ key: 'k', value: { type: 'int', value: '1' } })).not.toEqual(pool.keyValue({ key: 'k', value: { type: 'string', value: '1' } }));
  });
});

describe('flat strings from bytes', () => {
  it('hex ids and protobuf strings decode exactly (ASCII, multi-byte UTF-8, long)', () => {
    expect(bytesToHex(new Uint8Array([0, 1, 0xab, 0xff]))).toBe('0001abff');
    for (const text of ['', 'GET /orders/{id}', 'Grüße, 世界 🙂', 'y'.repeat(5000)]) {
      const utf8 = new TextEncoder().encode(text);
      const framed = new Uint8Array([...encodeVarint(utf8.length), ...utf8]);
      expect(readString(createReader(framed))).toBe(text);
    }
  });
});

function encodeVarint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return out;
}
