// Reading one attribute of a span kept as a shape and a value of its own (span-attributes.ts) answers what
// reading its formed list answers: the first attribute with the key, in the order the span gave them.
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { KEY_TRIAL_LOOKUPS } from '../../../src/core/model/intern.ts';
import { attr, type KeyValue, type SpanInput } from '../../../src/core/model/records.ts';
import { isOneOffSpan, spanAttr } from '../../../src/core/model/span-attributes.ts';
import { runTraceQL } from '../../../src/core/query/traceql/evaluate.ts';
import type { StoredSpan } from '../../../src/core/model/stored-span.ts';
import { threeWays, withWalkerOnly } from '../../support/both-json-paths.ts';
import { SdkWorld } from '../../support/sdk-world.ts';

const str = (key: string, value: string): KeyValue => ({ key, value: { type: 'string', value } });

function oneOffWorld(): SdkWorld {
  const w = new SdkWorld(41);
  for (let i = 0; i < KEY_TRIAL_LOOKUPS + 400; i++) {
    w.span('shop', {
      name: 'GET /orders/{id}', startMs: i, endMs: i + 1,
      attributes: { 'http.request.method': i % 2 ? 'GET' : 'POST', 'url.full': `https://shop.example/orders/${i}`, 'http.response.status_code': 200 },
    });
  }
  return w;
}

describe('spanAttr', () => {
  it('answers as attr over the formed list, for every key of every span and a missing one', () => {
    const world = oneOffWorld();
    const json = new TextEncoder().encode(world.otlpJson());
    // Lists read decoded (JSON.parse + walk) keep such spans as shapes; the byte decoders keep lists that do
    // not repeat as bytes (encoded-attributes.ts), which spanAttr reads through the decoded list.
    for (const [name, load] of threeWays('own', json, () => world.otlpProto())) {
      const ds = load();
      const numEncoded = ds.spans.filter((s) => ds.table!.isEncoded((s as StoredSpan).row)).length;
      if (name.endsWith('walked')) expect([ds.spans.filter(isOneOffSpan).length, numEncoded], name).toEqual([400 + 1, 0]);
      else expect(numEncoded, name).toBeGreaterThan(300);
      for (const s of ds.spans) {
        for (const key of [...s.attributes.map((a) => a.key), 'no.such.key']) expect(spanAttr(s, key)).toEqual(attr(s.attributes, key));
      }
    }
  });

  it('gives the first of two attributes with one key, whether the value of its own or a shared one comes first', () => {
    const builder = new DatasetBuilder();
    const { sink } = builder.beginInput('x.json');
    // A KeyValue shared while db.query.text was still on trial, then its values declined.
    const early = sink.shareKeyValue!(str('db.query.text', 'SELECT 0'))!;
    for (let i = 1; i < KEY_TRIAL_LOOKUPS + 100; i++) sink.shareKeyValue!(str('db.query.text', `SELECT ${i}`));
    const system = sink.shareKeyValue!(str('db.system.name', 'postgresql'))!;
    const span = (attributes: readonly KeyValue[]): SpanInput => ({
      traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), parentSpanId: '', traceState: '', flags: null, name: 'q', kind: 3, startNs: 1n, endNs: 2n,
      attributes, droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0, status: { code: 0, message: '' },
      resourceIdx: 0, scopeIdx: 0, where: 'here', quirks: 0,
    });
    sink.addSpan(span([str('db.query.text', 'SELECT own'), system, early]), true);
    sink.addSpan(span([early, system, str('db.query.text', 'SELECT own')]), true);
    const [ownFirst, sharedFirst] = builder.spans;
    expect(isOneOffSpan(ownFirst!) && isOneOffSpan(sharedFirst!)).toBe(true);
    expect(spanAttr(ownFirst!, 'db.query.text')).toEqual({ type: 'string', value: 'SELECT own' });
    expect(spanAttr(sharedFirst!, 'db.query.text')).toBe(early.value);
    expect(spanAttr(ownFirst!, 'db.system.name')).toBe(system.value);
  });

  it('lets TraceQL find a span by its value of its own', () => {
    const ds = withWalkerOnly(() => loadDataset([{ name: 'own.json', bytes: new TextEncoder().encode(oneOffWorld().otlpJson()) }]));
    const target = ds.spans.filter(isOneOffSpan).at(-1)!;
    const url = attr(target.attributes, 'url.full');
    expect(url?.type).toBe('string');
    for (const query of [`{ span.url.full = "${url!.type === 'string' ? url!.value : ''}" }`, `{ .url.full =~ ".*/orders/${KEY_TRIAL_LOOKUPS + 399}" }`]) {
      const r = runTraceQL(ds, query);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.traces.flatMap((m) => m.spanIds), query).toEqual([target.spanId]);
    }
  });
});
