// Spans share what they repeat (ids of their trace, names, attributes, statuses), and only that: values
// stay equal to what the decoder read, and long or unique values are not pooled.
import { describe, expect, it, vi } from 'vitest';
import { bytesToHex } from '../../../src/core/decode/otlp/ids.ts';
import { createReader, readString } from '../../../src/core/decode/otlp/proto-wire.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { InternPool, KEY_TRIAL_LOOKUPS } from '../../../src/core/model/intern.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';
import { decodeBothPaths } from '../../support/both-json-paths.ts';
import { SdkWorld } from '../../support/sdk-world.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import type { KeyValue, SpanInput } from '../../../src/core/model/records.ts';
import type { StoredSpan } from '../../../src/core/model/stored-span.ts';
import { EncodedAttributes } from '../../../src/core/model/encoded-attributes.ts';

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

  it('gives one status per value, whether the same object comes again or an equal one, in any order', () => {
    const pool = new InternPool();
    const unset = { code: 0, message: '' };
    const error = { code: 2, message: 'timeout' };
    const long = { code: 2, message: 'x'.repeat(10_000) };
    const given = [unset, unset, { code: 0, message: '' }, error, error, { code: 2, message: 'timeout' }, unset, { code: 2, message: 'other' }, long, long, error];
    const pooled = given.map((st) => pool.status(st));
    // Equal to what was given, and one object per value.
    expect(pooled).toEqual(given);
    expect(new Set(pooled.filter((st) => st.code === 0)).size).toBe(1);
    expect(new Set(pooled.filter((st) => st.message === 'timeout')).size).toBe(1);
    expect(pooled[8]).toBe(long);
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

describe('keys whose values rarely repeat', () => {
  const str = (key: string, value: string): KeyValue => ({ key, value: { type: 'string', value } });

  it('stop being pooled after their trial; keys whose values repeat stay pooled alongside', () => {
    const pool = new InternPool();
    const gets: KeyValue[] = [];
    for (let i = 0; i < 2 * KEY_TRIAL_LOOKUPS; i++) {
      const url = str('url.full', `https://shop.example/orders/${i}`);
      const shared = pool.sharedKeyValue(url);
      // Pooled (a fresh copy) during the trial, then no longer: the caller keeps its own.
      if (i < KEY_TRIAL_LOOKUPS - 1) expect(shared).toEqual(url);
      if (i >= KEY_TRIAL_LOOKUPS) expect(shared).toBeUndefined();
      gets.push(pool.keyValue(str('http.request.method', i % 3 === 0 ? 'POST' : 'GET')));
    }
    expect(new Set(gets).size).toBe(2);
    // keyValue still answers with an equal value.
    const late = str('url.full', 'https://shop.example/orders/late');
    expect(pool.keyValue(late)).toEqual(late);
  });

  it('a key whose values repeat half the time stays pooled', () => {
    const pool = new InternPool();
    for (let i = 0; i < 4 * KEY_TRIAL_LOOKUPS; i++) {
      const id = str('messaging.message.id', `m-${i >> 1}`);
      const shared = pool.sharedKeyValue(id);
      expect(shared).toEqual(id);
      if (i % 2 === 1) expect(shared).toBe(pool.sharedKeyValue(str('messaging.message.id', `m-${i >> 1}`)));
    }
  });

  it('a list holding such a value is not handed out as shared; equal lists of pooled values are one list', () => {
    const pool = new InternPool();
    for (let i = 0; i < KEY_TRIAL_LOOKUPS + 100; i++) pool.sharedKeyValue(str('db.query.text', `SELECT ${i}`));
    const unique = [str('db.system.name', 'postgresql'), str('db.query.text', 'SELECT 9999')];
    expect(pool.sharedList(unique)).toBeUndefined();
    expect(pool.attributes(unique)).toEqual(unique);
    const a = pool.sharedList([str('db.system.name', 'postgresql'), str('server.address', 'db')]);
    const b = pool.sharedList([str('db.system.name', 'postgresql'), str('server.address', 'db')]);
    expect(a).toBeDefined();
    expect(a).toBe(b);
  });

  it('a list from a decoder that shares by bytes keeps its declined KeyValues as they are; equal shared lists are one', () => {
    const builder = new DatasetBuilder();
    const { sink } = builder.beginInput('x.json');
    for (let i = 0; i < KEY_TRIAL_LOOKUPS + 100; i++) sink.shareKeyValue!(str('db.query.text', `SELECT ${i}`));
    const system = sink.shareKeyValue!(str('db.system.name', 'postgresql'))!;
    const query = str('db.query.text', 'SELECT 9999');
    const other = str('db.query.text', 'SELECT 10000');
    expect(sink.shareKeyValue!(query)).toBeUndefined();
    const span = (attributes: readonly KeyValue[]): SpanInput => ({
      traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), parentSpanId: '', traceState: '', flags: null, name: 'q', kind: 3, startNs: 1n, endNs: 2n,
      attributes, droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0, status: { code: 0, message: '' },
      resourceIdx: 0, scopeIdx: 0, where: 'here', quirks: 0,
    });
    // `shared`: the decoder pooled the key, so a declined KeyValue is kept itself, not copied again (a list
    // with one declined value keeps only its string: one-off-attributes.test.ts).
    sink.addSpan(span([system, query, other]), true);
    sink.addSpan(span([system, query, other]), false);
    sink.addSpan(span([system]), true);
    sink.addSpan(span([system]), true);
    const [sharedSpan, plainSpan, a, b] = builder.spans;
    expect(sharedSpan!.attributes[1]).toBe(query);
    expect(sharedSpan!.attributes[2]).toBe(other);
    expect(sharedSpan!.attributes[0]).toBe(system);
    expect(plainSpan!.attributes[1]).not.toBe(query);
    expect(plainSpan!.attributes).toEqual([system, query, other]);
    expect(a!.attributes).toBe(b!.attributes);
  });

  it('decoders give every value as written, across the trial, and still share the repeated ones', () => {
    const w = new SdkWorld(21);
    for (let i = 0; i < 3000; i++) {
      w.span('shop', { name: 'GET /orders/{id}', startMs: i, endMs: i + 1, attributes: { 'http.request.method': i % 2 ? 'GET' : 'POST', 'url.full': `https://shop.example/orders/${i}`, 'app.n': i } });
    }
    const json = new TextEncoder().encode(w.otlpJson());
    const both = decodeBothPaths('unique.json', json);
    expect(both.numScanned).toBe(1);
    expect(both.fast).toEqual(both.slow);
    for (const [name, bytes] of [['unique.json', json], ['unique.pb', w.otlpProto()]] as const) {
      const ds = loadDataset([{ name, bytes }]);
      expect(ds.spans).toHaveLength(3000);
      const urls = new Set(ds.spans.map((s) => s.attributes.find((a) => a.key === 'url.full')?.value));
      expect([...urls].map((v) => (v?.type === 'string' ? v.value : '')).sort()).toEqual(Array.from({ length: 3000 }, (_, i) => `https://shop.example/orders/${i}`).sort());
      const methods = ds.spans.map((s) => s.attributes.find((a) => a.key === 'http.request.method'));
      // OTLP/protobuf's codec of lists kept as bytes takes the KeyValues its walker pooled; OTLP/JSON's runs
      // are not the input's bytes, so its codec shares a value from its second decode on (repeat-pool.ts):
      // at most two objects more per value.
      if (name.endsWith('.pb')) expect(new Set(methods).size, name).toBe(2);
      else expect(new Set(methods).size, name).toBeLessThanOrEqual(2 * 3);
    }
  });
});

describe('keys whose values repeat, read by decoders that reuse values by their bytes', () => {
  it('stay pooled: a decoder\'s reuse counts as a repeat, so a few thousand values seen many times are shared', () => {
    const w = new SdkWorld(22);
    let seed = 7;
    const next = (): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 8);
    for (let i = 0; i < 12_000; i++) {
      // 2,000 users in random order (each about 6 times), next to a value of each span's own.
      w.span('shop', { name: 'checkout', startMs: i, endMs: i + 1, attributes: { 'enduser.id': `user-${next() % 2000}`, 'app.request.id': `r-${i}` } });
    }
    for (const [name, bytes] of [['users.json', new TextEncoder().encode(w.otlpJson())], ['users.pb', w.otlpProto()]] as const) {
      const ds = loadDataset([{ name, bytes }]);
      const users = ds.spans.map((s) => s.attributes.find((a) => a.key === 'enduser.id')!);
      const distinct = new Set(users.map((u) => (u.value.type === 'string' ? u.value.value : '')));
      // Both byte decoders keep these lists (each holds a request id of its own) as bytes, and decode a list
      // when asked. OTLP/protobuf: a user's KeyValue is shared from its second decode on, or from the first when
      // the walker pooled it (proto-attributes.ts). OTLP/JSON's runs are not the input's bytes, so its codec
      // shares from the second decode on only (repeat-pool.ts): up to a third object per user.
      expect(ds.spans.filter((s) => ds.table!.isEncoded((s as StoredSpan).row)).length, name).toBeGreaterThan(10_000);
      expect(new Set(users).size, name).toBeGreaterThanOrEqual(distinct.size);
      expect(new Set(users).size, name).toBeLessThanOrEqual((name.endsWith('.pb') ? 2 : 3) * distinct.size);
    }
    // With no room to keep lists as bytes (the store holds 2 GiB at most), each list is decoded at load, and
    // the decoders' reuse by bytes keeps the users' trial going: one shared KeyValue per user.
    const full = vi.spyOn(EncodedAttributes.prototype, 'add').mockReturnValue(-1);
    try {
      for (const [name, bytes] of [['users.json', new TextEncoder().encode(w.otlpJson())], ['users.pb', w.otlpProto()]] as const) {
        const ds = loadDataset([{ name, bytes }]);
        expect(ds.spans.filter((s) => ds.table!.isEncoded((s as StoredSpan).row)).length, name).toBe(0);
        const users = ds.spans.map((s) => s.attributes.find((a) => a.key === 'enduser.id')!);
        const distinct = new Set(users.map((u) => (u.value.type === 'string' ? u.value.value : '')));
        expect(new Set(users).size, name).toBe(distinct.size);
      }
      expect(full).toHaveBeenCalled();
    } finally {
      full.mockRestore();
    }
  });
});

describe('flat strings from bytes', () => {
  it('hex ids and protobuf strings decode exactly (ASCII, multi-byte UTF-8, long)', () => {
    expect(bytesToHex(new Uint8Array([0, 1, 0xab, 0xff]))).toBe('0001abff');
    // Every byte value, at every length from 0 to 40 (8 and 16, span and trace ids, take their own path), at an offset.
    const bytes = new Uint8Array(300).map((_, i) => (i * 167 + 13) & 255);
    for (let length = 0; length <= 40; length++) {
      for (const start of [0, 3, 256]) {
        expect(bytesToHex(bytes, start, start + length), `${start}+${length}`).toBe(Buffer.from(bytes.subarray(start, start + length)).toString('hex'));
      }
    }
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
