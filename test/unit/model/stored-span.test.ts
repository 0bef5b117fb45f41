// Spans kept compactly read back exactly as decoded: times of every range (the columns overflow to exact
// bigints), ids as words or as text, places formed from parts, shared contexts only where equal, and JSON of
// the plain record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import type { SpanInput } from '../../../src/core/model/records.ts';
import { StoredSpan } from '../../../src/core/model/stored-span.ts';
import { IdForm, SpanColumns } from '../../../src/core/model/span-columns.ts';
import { buildDemoWorld } from '../../support/demo-world.ts';

const span = (over: Partial<SpanInput>): SpanInput => ({
  traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), parentSpanId: '', traceState: '', flags: 1, name: 'n', kind: 1,
  startNs: 1n, endNs: 2n, attributes: [], droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [],
  droppedLinksCount: 0, status: { code: 0, message: '' }, resourceIdx: 0, scopeIdx: 0, where: 'w', quirks: 0, ...over,
});

describe('SpanColumns', () => {
  it('gives back every time exactly, in and beyond the signed 64-bit range, across growth and trim', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })), { maxLength: 3000 }), (pairs) => {
        const cols = new SpanColumns();
        const rows = pairs.map(([s, e]) => cols.push(s, e));
        cols.trim();
        expect(rows).toEqual(pairs.map((_, i) => i));
        pairs.forEach(([s, e], row) => {
          expect(cols.start(row)).toBe(s);
          expect(cols.end(row)).toBe(e);
        });
      }),
      { numRuns: 20 },
    );
  });

  it('across pages: pushes, trims, rollbacks and pushes again read back as one list would', () => {
    const time = fc.bigInt({ min: -(2n ** 65n), max: 2n ** 65n });
    const step = fc.oneof(
      fc.record({ push: fc.array(fc.tuple(time, time), { maxLength: 40 }) }),
      fc.record({ trim: fc.constant(true) }),
      fc.record({ truncateTo: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 8, 32), fc.array(step, { maxLength: 30 }), (pageRows, steps) => {
        const cols = new SpanColumns(pageRows);
        const model: Array<[bigint, bigint]> = [];
        for (const s of steps) {
          if ('push' in s) for (const [a, b] of s.push) expect(cols.push(a, b)).toBe(model.push([a, b]) - 1);
          else if ('trim' in s) cols.trim();
          else {
            model.length = Math.min(model.length, s.truncateTo);
            cols.truncate(s.truncateTo);
          }
          expect(cols.size).toBe(model.length);
          model.forEach(([a, b], row) => {
            expect(cols.start(row)).toBe(a);
            expect(cols.end(row)).toBe(b);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the edge values -2^63 and 2^64-1 exactly', () => {
    const cols = new SpanColumns();
    cols.push(-(2n ** 63n), 2n ** 64n - 1n);
    cols.push(2n ** 63n - 1n, 0n);
    expect([cols.start(0), cols.end(0), cols.start(1), cols.end(1)]).toEqual([-(2n ** 63n), 2n ** 64n - 1n, 2n ** 63n - 1n, 0n]);
  });

  it('gives back every id as given, well-formed ones kept as words, across pages, trims and rollbacks', () => {
    const hex16 = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })).map(([a, b]) => a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0'));
    const id = fc.oneof(hex16, fc.constantFrom('', '0000000000000000', 'B7AD6B7169203331', 'b7ad6b716920333', 'b7ad6b71692033310', 'zz', 'g7ad6b7169203331'));
    const step = fc.oneof(
      fc.record({ push: fc.array(fc.tuple(id, id, fc.boolean()), { maxLength: 20 }) }),
      fc.record({ trim: fc.constant(true) }),
      fc.record({ truncateTo: fc.nat(60) }),
    );
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 8), fc.array(step, { maxLength: 20 }), (pageRows, steps) => {
        const cols = new SpanColumns(pageRows);
        const model: Array<[string, string]> = [];
        for (const s of steps) {
          if ('push' in s) {
            for (const [spanId, parentId, asWords] of s.push) {
              const row = cols.push(1n, 2n);
              // A decoder gives a well-formed id as words or as text: both read back alike.
              if (asWords && /^[0-9a-f]{16}$/.test(spanId)) cols.setSpanWords(row, parseInt(spanId.slice(0, 8), 16) | 0, parseInt(spanId.slice(8), 16) | 0);
              else cols.setSpanId(row, spanId);
              cols.setParentId(row, parentId);
              model.push([spanId, parentId]);
            }
          } else if ('trim' in s) cols.trim();
          else {
            model.length = Math.min(model.length, s.truncateTo);
            cols.truncate(s.truncateTo);
          }
          expect(model.map((_, row) => [cols.spanId(row), cols.parentId(row)])).toEqual(model);
          model.forEach(([spanId], row) => expect(cols.form(row, 0)).toBe(spanId === '' ? IdForm.NONE : /^[0-9a-f]{16}$/.test(spanId) ? IdForm.WORDS : IdForm.TEXT));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('StoredSpan', () => {
  it('reads ids a decoder gave as words as the lowercase hex text', () => {
    const builder = new DatasetBuilder();
    const { sink } = builder.beginInput('x');
    sink.addSpan(span({ spanId: '', spanIdHi: 0xb7ad6b71 | 0, spanIdLo: 0x69203331, parentSpanId: '', parentIdHi: -1, parentIdLo: 0 }));
    sink.addSpan(span({ spanId: 'odd', parentSpanId: '0000000000000001' }));
    expect(builder.spans.map((s) => [s.spanId, s.parentSpanId])).toEqual([['b7ad6b7169203331', 'ffffffff00000000'], ['odd', '0000000000000001']]);
  });

  it('reads back what the decoder gave, including a place given as parts', () => {
    const builder = new DatasetBuilder();
    const { sink } = builder.beginInput('x');
    sink.addSpan(span({ where: { list: 'resourceSpans[0].scopeSpans[1].spans', index: 7, byte: 1234 }, startNs: 2n ** 64n - 1n, endNs: -5n, flags: null, quirks: 3 }));
    sink.addSpan(span({ where: { list: '[2].resourceSpans[0].scopeSpans[0].spans', index: 0, byte: -1 }, traceState: 'k=v', droppedLinksCount: null }));
    sink.addSpan(span({ where: 'line 3: a text place' }));
    const [a, b, c] = builder.spans;
    expect(a).toBeInstanceOf(StoredSpan);
    expect([a!.where, b!.where, c!.where]).toEqual(['resourceSpans[0].scopeSpans[1].spans[7] (byte 1234)', '[2].resourceSpans[0].scopeSpans[0].spans[0]', 'line 3: a text place']);
    expect([a!.startNs, a!.endNs, a!.flags, a!.quirks, a!.inputIdx]).toEqual([2n ** 64n - 1n, -5n, null, 3, 0]);
    expect([b!.traceState, b!.droppedLinksCount, b!.flags]).toEqual(['k=v', null, 1]);
  });

  it('serialises to the plain record, field for field', () => {
    const ds = loadDataset([{ name: 'demo.pb', bytes: buildDemoWorld().otlpProto() }]);
    const s = ds.spans.find((x) => x.events.length > 0)!;
    const json = JSON.parse(JSON.stringify(s, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['attributes', 'droppedAttributesCount', 'droppedEventsCount', 'droppedLinksCount', 'endNs', 'events', 'flags', 'inputIdx', 'kind', 'links', 'name', 'parentSpanId', 'quirks', 'resourceIdx', 'scopeIdx', 'spanId', 'startNs', 'status', 'traceId', 'traceState', 'where'].sort());
    expect([json.startNs, json.where, (json.events as unknown[]).length]).toEqual([`${s.startNs}n`, s.where, s.events.length]);
  });

  it('shares one context between spans that agree, and none between spans that differ', () => {
    const ds = loadDataset([{ name: 'demo.pb', bytes: buildDemoWorld().otlpProto() }]);
    const contexts = new Map<unknown, string>();
    for (const s of ds.spans as StoredSpan[]) {
      const seen = [s.traceState, s.flags, s.droppedAttributesCount, s.droppedEventsCount, s.droppedLinksCount, s.resourceIdx, s.scopeIdx, s.inputIdx, s.quirks, s.events.length, s.links.length].join('|');
      const before = contexts.get(s.context);
      if (before !== undefined) expect(seen).toBe(before);
      contexts.set(s.context, seen);
    }
    expect(contexts.size).toBeLessThan(ds.spans.length);
  });

  it("reuses the previous span's context only when every field it holds agrees (each field changed in turn)", () => {
    // Each span differs from the one before it in one field only: reusing the previous context on any
    // field left out of the comparison would hand the span the previous span's value.
    const changes: Array<Partial<SpanInput>> = [
      {}, { traceState: 'k=v' }, { flags: 0 }, { droppedAttributesCount: 3 }, { droppedEventsCount: 4 }, { droppedLinksCount: 5 },
      { resourceIdx: 1 }, { scopeIdx: 1 }, { quirks: 2 }, {},
    ];
    const builder = new DatasetBuilder();
    const { sink } = builder.beginInput('x');
    changes.forEach((over) => sink.addSpan(span(over), true));
    const fields = (s: Partial<SpanInput>) => [s.traceState, s.flags, s.droppedAttributesCount, s.droppedEventsCount, s.droppedLinksCount, s.resourceIdx, s.scopeIdx, s.quirks];
    expect(builder.spans.map(fields)).toEqual(changes.map((over) => fields(span(over))));
    // The first and last agree in everything: they share one context, and no other span does.
    expect(builder.spans[0]!.context).toBe(builder.spans[changes.length - 1]!.context);
    expect(new Set(builder.spans.map((s) => s.context)).size).toBe(changes.length - 1);
  });
});
