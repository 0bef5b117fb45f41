// Node.js ConsoleSpanExporter output from the real SDK 1.x and 2.x (test/fixtures/generate-node-console.ts),
// checked against the OTLP/JSON the real otlp-transformer wrote for the very same 2.x spans.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';
import { Quirk, type SpanRecord } from '../../../src/core/model/records.ts';
import { checkDumpSnapshot } from '../../support/snapshot.ts';

const fixture = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../fixtures/${path}`, import.meta.url)));
const V1 = 'node-console/sdk-1.x/orders-with-app-logs.txt';
const V2 = 'node-console/sdk-2.x/orders-with-app-logs.txt';
const load = (...paths: string[]): Dataset => loadDataset(paths.map((p) => ({ name: p, bytes: fixture(p) })));
const byName = (ds: Dataset): Map<string, SpanRecord> => new Map(ds.spans.map((s) => [s.name, s]));
/** Values the console exporter could not print in full (and OTLP/JSON carries whole). */
const CUT_KEYS = ['order.line_ids', 'order.note', 'cache.keys', 'link.reason'];

describe('node console exporter', () => {
  it.each([V1, V2])('%s: every span, the format, and the program lines counted as skipped', (path) => {
    const ds = load(path);
    expect(ds.inputs[0]).toMatchObject({ format: 'node-console', spans: 8 });
    expect(ds.inputs[0]!.errors.map((e) => e.message)).toEqual(['skipped 4 lines that are not spans (program output)']);
    expect(new Set(ds.spans.map((s) => s.traceId)).size).toBe(2);
  });

  it.each([[V1, 'sdk-1.x'], [V2, 'sdk-2.x']])('readable dump %s', (path) => {
    expect(checkDumpSnapshot(path, fixture(path), 'node-console')).toMatchSnapshot();
  });

  it('SDK 1.x (parentId) and 2.x (parentSpanContext) give the same tree and kinds', () => {
    const shape = (ds: Dataset): string[] => {
      const names = new Map(ds.spans.map((s) => [s.spanId, s.name]));
      return ds.spans.map((s) => `${s.name} kind=${s.kind} parent=${names.get(s.parentSpanId) ?? '-'} dur=${s.endNs - s.startNs}`).sort();
    };
    const v1 = shape(load(V1));
    expect(v1).toEqual(shape(load(V2)));
    expect(v1).toContain('SELECT shop.orders kind=3 parent=load order dur=6250000');
    expect(v1).toContain('GET /orders/{id} kind=2 parent=GET dur=10500000');
    expect(v1).toContain('publish orders.retry kind=4 parent=GET /orders/{id} dur=750000');
    expect(v1).toContain('process orders.retry kind=5 parent=- dur=12125000');
  });

  it('gives the model the OTLP/JSON of the same spans gives: ids, parentage, kinds, times, status, events, links, attributes', () => {
    const text = byName(load(V2));
    const otlp = byName(load('node-console/sdk-2.x/orders.otlp.json'));
    expect([...text.keys()].sort()).toEqual([...otlp.keys()].sort());
    for (const [name, t] of text) {
      const o = otlp.get(name)!;
      const pick = (s: SpanRecord): unknown => ({ traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId, kind: s.kind, startNs: s.startNs, endNs: s.endNs, status: s.status, traceState: s.traceState });
      expect(pick(t), name).toEqual(pick(o));
      const whole = (attrs: SpanRecord['attributes']): SpanRecord['attributes'] => attrs.filter((a) => !CUT_KEYS.includes(a.key));
      expect(whole(t.attributes), name).toEqual(whole(o.attributes));
      expect(t.events.map((e) => ({ ...e, attributes: whole(e.attributes), droppedAttributesCount: 0 }))).toEqual(o.events.map((e) => ({ ...e, attributes: whole(e.attributes) })));
      expect(t.links.map((l) => [l.traceId, l.spanId, whole(l.attributes)])).toEqual(o.links.map((l) => [l.traceId, l.spanId, whole(l.attributes)]));
    }
  });

  it('keeps spans whose values console.dir cut, and says how each was cut', () => {
    const spans = byName(load(V2));
    const load_ = spans.get('load order')!;
    expect(load_.quirks & Quirk.TRUNCATED_VALUE).toBeTruthy();
    const note = (attrs: SpanRecord['attributes'], key: string): string => {
      const v = attrs.find((a) => a.key === key)!.value;
      return v.type === 'truncated' ? v.note : `not cut: ${v.type}`;
    };
    expect(note(load_.attributes, 'order.line_ids')).toMatch(/50 more items/);
    expect(note(load_.attributes, 'order.note')).toMatch(/500 more characters/);
    expect(note(load_.events[0]!.attributes, 'cache.keys')).toMatch(/\[Array\]/);
    expect(note(spans.get('process orders.retry')!.links[0]!.attributes, 'link.reason')).toMatch(/\[Array\]/);
    // Values printed whole stay whole, with their types.
    expect(load_.attributes.find((a) => a.key === 'order.tags')!.value).toEqual({ type: 'array', values: ['gift', "customer's pick", 'fragile'].map((value) => ({ type: 'string', value })) });
    expect(spans.get('SELECT shop.orders')!.attributes.find((a) => a.key === 'db.query.text')!.value).toEqual({ type: 'string', value: "SELECT id, status\nFROM orders\nWHERE id = $1 AND note <> 'it''s \"quoted\"'" });
    expect(spans.get('charge card')!.quirks & Quirk.TRUNCATED_VALUE).toBe(0);
  });

  it('stays silent about what the format does not carry', () => {
    const s = load(V1).spans[0]!;
    expect(s.flags).toBeNull();
    expect(s.droppedAttributesCount).toBeNull();
    expect(s.quirks & (Quirk.NO_FLAGS | Quirk.NO_DROPPED_COUNTS)).toBe(Quirk.NO_FLAGS | Quirk.NO_DROPPED_COUNTS);
  });

  it('reports a damaged block with its line and keeps the other spans', () => {
    const lines = new TextDecoder().decode(fixture(V2)).split('\n');
    const at = lines.findIndex((l) => l.includes("name: 'charge card'"));
    lines[at] = "  name: 'charge card,"; // unterminated string
    const ds = loadDataset([{ name: 'x.txt', bytes: new TextEncoder().encode(lines.join('\n')) }]);
    expect(ds.inputs[0]!.spans).toBe(7);
    const bad = ds.inputs[0]!.errors.find((e) => e.severity === 'warning')!;
    expect(bad.message).toMatch(/could not be read \(unterminated string\)/);
    expect(bad.where).toBe(`line ${at + 1}`);
  });
});
