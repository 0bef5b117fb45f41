// The span table keeps no object per span: a span is a view of its row. These check that what goes into a
// row reads back as given, across the columns' pages, rollbacks and trims, and that a dataset assembled
// earlier keeps its spans while the builder goes on taking (and rolling back) others.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../../src/core/model/assemble.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { OneOffShape } from '../../../src/core/model/one-off-attributes.ts';
import type { SpanInput, SpanStatus } from '../../../src/core/model/records.ts';
import type { SpanContext } from '../../../src/core/model/stored-span.ts';
import { SpanTable, type RowValues } from '../../../src/core/model/span-table.ts';

const statuses: SpanStatus[] = [{ code: 0, message: '' }, { code: 2, message: 'timeout' }, { code: 2, message: 'x'.repeat(300) }];
const shape = new OneOffShape([], 0, 'url.full', 'string');

/** A row's values drawn from small sets, so that rows repeat values (the table numbers them) and differ. */
const rowValues = (contexts: readonly SpanContext[]) =>
  fc.record({
    traceId: fc.constantFrom('t1', 't2', 't3', ''),
    name: fc.constantFrom('GET /', 'SELECT', 'step 1', ''),
    // Malformed inputs give kinds that are no 32-bit integer; a place's byte can pass 2 GiB.
    kind: fc.oneof(fc.integer({ min: -3, max: 300 }), fc.double(), fc.constantFrom(2 ** 40, -(2 ** 31), 2 ** 31, -0.5)),
    status: fc.constantFrom(...statuses),
    context: fc.constantFrom(...contexts),
    own: fc.option(fc.string({ maxLength: 5 })),
    placeList: fc.constantFrom('resourceSpans[0].scopeSpans[0].spans', 'line 3: text'),
    placeIndex: fc.integer({ min: -1, max: 1000 }),
    placeByte: fc.oneof(fc.integer({ min: -1, max: 2 ** 31 - 1 }), fc.constantFrom(2 ** 31, 3e9, 2 ** 40 + 5)),
  }).map(({ own, ...v }): RowValues => ({ ...v, attributes: own === null ? [] : shape, ownValue: own }));

function read(table: SpanTable, row: number) {
  return {
    traceId: table.traceId(row), name: table.name(row), kind: table.kind(row), status: table.status(row), context: table.context(row),
    attributes: table.attributeStore(row), ownValue: table.ownValue(row), placeList: table.placeList(row), placeIndex: table.placeIndex(row),
    placeByte: table.placeByte(row),
  };
}

describe('SpanTable', () => {
  it('reads every row back as given, across pages, rollbacks, trims and new rows', () => {
    // Contexts are numbered by identity: two distinct objects stand for two contexts.
    const contexts = [{ traceState: 'a' }, { traceState: 'b' }] as unknown as SpanContext[];
    const step = fc.oneof(
      fc.record({ add: fc.array(rowValues(contexts), { maxLength: 30 }) }),
      fc.record({ truncate: fc.nat({ max: 200 }) }),
      fc.record({ trim: fc.constant(true) }),
      fc.record({ moveTo: fc.tuple(fc.nat({ max: 200 }), fc.constantFrom(...contexts)) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const table = new SpanTable(8);
        const model: RowValues[] = [];
        for (const s of steps) {
          if ('add' in s) {
            for (const v of s.add) {
              const row = table.columns.push(1n, 2n);
              expect(row).toBe(model.length);
              table.fill(row, v);
              model.push(v);
            }
          } else if ('truncate' in s) {
            table.truncate(s.truncate);
            model.length = Math.min(model.length, s.truncate);
          } else if ('trim' in s) table.trim();
          else if (s.moveTo[0] < model.length) {
            table.setContext(s.moveTo[0], s.moveTo[1]);
            model[s.moveTo[0]] = { ...model[s.moveTo[0]]!, context: s.moveTo[1] };
          }
          expect(table.size).toBe(model.length);
        }
        model.forEach((v, row) => expect(read(table, row)).toEqual(v));
      }),
      { numRuns: 200 },
    );
  });
});

const input = (i: number, over: Partial<SpanInput> = {}): SpanInput => ({
  traceId: `${i % 3}`.repeat(32), spanId: (i + 1).toString(16).padStart(16, '0'), parentSpanId: '', traceState: '', flags: 1,
  name: `op ${i % 4}`, kind: i % 5, startNs: BigInt(i), endNs: BigInt(i + 1), attributes: [{ key: 'k', value: { type: 'int', value: `${i}` } }],
  droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0, status: statuses[i % 2]!, resourceIdx: 0,
  scopeIdx: 0, where: { list: 'spans', index: i, byte: i * 10 }, quirks: 0, ...over,
});

describe('a dataset over the builder\'s table', () => {
  it('keeps its spans while the builder takes more, rolls some back and takes others', () => {
    const builder = new DatasetBuilder();
    const first = builder.beginInput('a.json').sink;
    for (let i = 0; i < 50; i++) first.addSpan(input(i));
    builder.releasePool();
    const ds = assemble(builder);
    const before = Array.from({ length: ds.numSpans }, (_, i) => JSON.stringify(ds.span(i), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)));

    const second = builder.beginInput('b.json').sink;
    const mark = second.mark();
    for (let i = 50; i < 80; i++) second.addSpan(input(i, { name: 'rolled back' }));
    second.rollback(mark);
    for (let i = 50; i < 70; i++) second.addSpan(input(i, { name: 'kept', kind: 9 }));
    builder.releasePool();
    const after = assemble(builder);

    expect(ds.numSpans).toBe(50);
    expect(Array.from({ length: 50 }, (_, i) => JSON.stringify(ds.span(i), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)))).toEqual(before);
    expect(after.numSpans).toBe(70);
    expect(Array.from({ length: 20 }, (_, i) => [after.span(50 + i).name, after.span(50 + i).kind, after.span(50 + i).where])).toEqual(
      Array.from({ length: 20 }, (_, i) => ['kept', 9, `spans[${50 + i}] (byte ${(50 + i) * 10})`]),
    );
  });
});
