// A span whose attributes are all shared but one keeps that one as a bare string next to a pooled list of
// the others (one-off-attributes.ts): read back, its attributes are exactly what the decoder gave, in order.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { InternPool, KEY_TRIAL_LOOKUPS } from '../../../src/core/model/intern.ts';
import { OneOffShape, oneOffText, type SpanAttributes } from '../../../src/core/model/one-off-attributes.ts';
import type { AnyValue, KeyValue } from '../../../src/core/model/records.ts';
import type { StoredSpan } from '../../../src/core/model/stored-span.ts';
import { threeWays } from '../../support/both-json-paths.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

const kv = (key: string, value: AnyValue): KeyValue => ({ key, value });
const str = (key: string, value: string): KeyValue => kv(key, { type: 'string', value });
/** The list a span with these attributes reads back (equal to a list formed afresh: the shape's cache holds the last value's). */
const formed = (kept: SpanAttributes, list: readonly KeyValue[]): readonly KeyValue[] => (kept instanceof OneOffShape ? kept.list(oneOffText(list[kept.slot]!.value)) : kept);
const LONG = 'SELECT * FROM orders WHERE id = 1 AND note = '.padEnd(120, 'x');

describe('InternPool.spanAttributes', () => {
  it('keeps one unshared string value on its own, in its place, at the start, the middle and the end', () => {
    const pool = new InternPool();
    const a = str('db.system.name', 'postgresql');
    const b = kv('server.port', { type: 'int', value: '5432' });
    for (const slot of [0, 1, 2]) {
      const list = [a, b];
      list.splice(slot, 0, str('db.query.text', `${LONG}${slot}`));
      const kept = pool.spanAttributes(list, false);
      expect(kept).toBeInstanceOf(OneOffShape);
      expect((kept as OneOffShape).slot).toBe(slot);
      expect(formed(kept, list)).toEqual(list);
    }
  });

  it('gives spans alike one shape, and forms the same list again only for the value asked last', () => {
    const pool = new InternPool();
    const lists = [1, 2].map((n) => [str('http.request.method', 'GET'), str('url.full', `https://x.example/${LONG}${n}`)]);
    const [one, two] = lists.map((list) => pool.spanAttributes(list, false) as OneOffShape);
    expect(one).toBeInstanceOf(OneOffShape);
    expect(one).toBe(two);
    const first = one!.list('u1');
    expect(one!.list('u1')).toBe(first);
    const second = one!.list('u2');
    expect(second).not.toBe(first);
    expect(second.map((kv) => kv.value)).toEqual([{ type: 'string', value: 'GET' }, { type: 'string', value: 'u2' }]);
    expect(one!.list('u1')).toEqual(first);
    expect(second[0]).toBe(first[0]);
    // Another key, type or place of the value of its own is another shape.
    expect(pool.spanAttributes([str('http.request.method', 'GET'), str('url.path', `/${LONG}`)], false)).not.toBe(one);
    expect(pool.spanAttributes([str('url.full', `https://x.example/${LONG}3`), str('http.request.method', 'GET')], false)).not.toBe(one);
  });

  it('keeps int and bytes values on their own too, once their key is no longer pooled', () => {
    const pool = new InternPool();
    for (let i = 0; i < KEY_TRIAL_LOOKUPS + 10; i++) pool.keyValue(kv('app.n', { type: 'int', value: String(i) }));
    const method = str('http.request.method', 'GET');
    const ints = [method, kv('app.n', { type: 'int', value: '123456789012345678' })];
    expect(pool.spanAttributes(ints, false)).toBeInstanceOf(OneOffShape);
    expect(formed(pool.spanAttributes(ints, false), ints)).toEqual(ints);
    const bytes = [method, kv('app.blob', { type: 'bytes', value: 'ab'.repeat(60) })];
    expect(formed(pool.spanAttributes(bytes, false), bytes)).toEqual(bytes);
    expect(pool.spanAttributes(bytes, false)).toBeInstanceOf(OneOffShape);
  });

  it('keeps a list when two values are its own, or the one is not a single string', () => {
    const pool = new InternPool();
    const method = str('http.request.method', 'GET');
    const lists: KeyValue[][] = [
      [method, str('url.full', `${LONG}a`), str('db.query.text', `${LONG}b`)],
      [method, kv('app.tags', { type: 'array', values: [{ type: 'string', value: 'a' }] })],
    ];
    for (const list of lists) {
      const kept = pool.spanAttributes(list, false);
      expect(Array.isArray(kept)).toBe(true);
      expect(kept).toEqual(list);
    }
    // All shared: one pooled list for equal lists.
    expect(pool.spanAttributes([method], false)).toBe(pool.spanAttributes([str('http.request.method', 'GET')], false));
  });
});

describe('spans with a value of their own, through every decoder', () => {
  it('read back every attribute as the SDK wrote it, in order, and keep most such spans compact', () => {
    const w = new SdkWorld(31);
    for (let i = 0; i < 3000; i++) {
      w.span('shop', {
        name: 'GET /orders/{id}', startMs: i, endMs: i + 1,
        attributes: { 'http.request.method': i % 2 ? 'GET' : 'POST', 'url.full': `https://shop.example/orders/${i}?s=${i * 7}`, 'http.response.status_code': 200, ...(i % 5 === 0 ? { 'app.note': `n-${i}` } : {}) },
      });
    }
    const json = w.otlpJson();
    // What the SDK wrote, per span id, from a plain JSON.parse of its OTLP/JSON export.
    type OtlpSpan = { spanId: string; attributes: Array<{ key: string; value: Record<string, unknown> }> };
    const doc = JSON.parse(json) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> };
    const written = new Map<string, Array<[string, string]>>();
    for (const rs of doc.resourceSpans) for (const ss of rs.scopeSpans) for (const s of ss.spans) written.set(s.spanId, s.attributes.map((a) => [a.key, String(Object.values(a.value)[0])]));
    const text = (v: AnyValue): string => ('value' in v ? String(v.value) : v.type);
    const loads = [
      ...threeWays('unique', new TextEncoder().encode(json), () => w.otlpProto()),
      ['unique.jsonl', () => loadDataset([{ name: 'unique.jsonl', bytes: new TextEncoder().encode(`${JSON.stringify(JSON.parse(json))}\n`) }])],
    ] as const;
    for (const [name, load] of loads) {
      const ds = load();
      expect(ds.spans, name).toHaveLength(3000);
      for (const s of ds.spans) expect(s.attributes.map((a) => [a.key, text(a.value)]), name).toEqual(written.get(s.spanId));
      const compact = (ds.spans as StoredSpan[]).filter((s) => s.attributeStore instanceof OneOffShape).length;
      const encoded = (ds.spans as StoredSpan[]).filter((s) => s.table.isEncoded(s.row)).length;
      if (!name.endsWith('walked')) {
        // The byte decoders (OTLP/protobuf, and OTLP/JSON read by its scanner) keep lists that do not repeat
        // as bytes (encoded-attributes.ts) once their list look-ups keep missing (the first 256 are looked up,
        // LookupGate), and decode them when asked.
        expect(encoded, name).toBeGreaterThan(2500);
        expect(compact + encoded, name).toBeGreaterThan(3000 - KEY_TRIAL_LOOKUPS);
        continue;
      }
      expect(encoded, name).toBe(0);
      expect(compact, name).toBe(3000 - (KEY_TRIAL_LOOKUPS - 1));
    }
  });
});
