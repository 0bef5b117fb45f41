// Assembly links parents by id keys (model/id-keys.ts): two keys must be equal exactly when the ids' texts
// are, whether the span is the builder's (ids as words) or a plain record (ids parsed), and the id table must
// answer as a Map of the texts would, also when ids run out of probes (they go to its Map); ids crafted to
// collide under a fixed mix spread under its seeded hash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { IdTable, idKeys } from '../../../src/core/model/id-keys.ts';
import { listSource } from '../../../src/core/model/span-source.ts';
import type { SpanRecord } from '../../../src/core/model/records.ts';
import { spanIdWords } from '../../support/colliding-ids.ts';

const hex16 = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 })).map(([a, b]) => a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0'));
/** Few distinct ids, so equal ones are common: well-formed, upper case, odd lengths, not hex, empty. */
const id = fc.oneof(fc.constantFrom('b7ad6b7169203331', 'B7AD6B7169203331', '0000000000000000', 'b7ad6b716920333', 'x', ''), hex16);

function record(spanId: string, parentSpanId: string): SpanRecord {
  return {
    traceId: 't', spanId, parentSpanId, traceState: '', flags: null, name: 'n', kind: 1, startNs: 1n, endNs: 2n,
    attributes: [], droppedAttributesCount: 0, events: [], droppedEventsCount: 0, links: [], droppedLinksCount: 0,
    status: { code: 0, message: '' }, resourceIdx: 0, scopeIdx: 0, inputIdx: 0, where: 'w', quirks: 0,
  };
}

function stored(records: readonly SpanRecord[]): readonly SpanRecord[] {
  const builder = new DatasetBuilder();
  const { sink } = builder.beginInput('x');
  for (const r of records) sink.addSpan(r);
  return builder.spans;
}

describe('idKeys', () => {
  it('makes keys equal exactly when the ids are, for the builder\'s spans and for plain records alike', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(id, id), { minLength: 1, maxLength: 12 }), (pairs) => {
        const records = pairs.map(([s, p]) => record(s, p));
        for (const spans of [records, stored(records)]) {
          const keys = idKeys(listSource(spans));
          const text = (i: number, w: 0 | 2): string => (w === 0 ? records[i]!.spanId : records[i]!.parentSpanId);
          for (let i = 0; i < spans.length; i++) {
            expect(keys.hasParent(i)).toBe(records[i]!.parentSpanId !== '');
            for (let j = 0; j < spans.length; j++) {
              for (const [wa, wb] of [[0, 0], [2, 2], [2, 0]] as const) expect(keys.same(i, wa, j, wb)).toBe(text(i, wa) === text(j, wb));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('IdTable', () => {
  it('finds the first holder of each id as a Map of the ids would, however few probes it may walk', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(id, id), { minLength: 1, maxLength: 40 }), fc.constantFrom(0, 1, 2, 64), (pairs, maxProbes) => {
        const spans = stored(pairs.map(([s, p]) => record(s, p)));
        const keys = idKeys(listSource(spans));
        const table = new IdTable(keys, spans.length, maxProbes);
        table.reset(spans.length);
        const spanOf = new Int32Array(spans.length);
        const reference = new Map<string, number>();
        for (let i = 0; i < spans.length; i++) {
          spanOf[i] = i;
          const found = table.find(i, 0, spanOf);
          expect(found).toBe(reference.get(spans[i]!.spanId) ?? -1);
          if (found < 0) {
            table.add(i, i);
            reference.set(spans[i]!.spanId, i);
          }
        }
        for (let i = 0; i < spans.length; i++) if (keys.hasParent(i)) expect(table.find(i, 2, spanOf)).toBe(reference.get(spans[i]!.parentSpanId) ?? -1);
      }),
      { numRuns: 300 },
    );
  });

  it('spreads ids crafted to collide under the pools\' fixed mix (test/support/colliding-ids.ts), and finds each', () => {
    const hex = (i: number): string => spanIdWords(i).map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
    const spans = stored(Array.from({ length: 500 }, (_, i) => record(hex(i), i ? hex(i - 1) : '')));
    const keys = idKeys(listSource(spans));
    const poolMix = (i: number): number => {
      const [hi, lo] = spanIdWords(i);
      return Math.imul(hi ^ Math.imul(lo, 0x9e3779b1), 0x85ebca6b);
    };
    expect(new Set(spans.map((_, i) => poolMix(i))).size).toBe(1);
    // Into 1,024 slots, 500 random hashes take ~400 distinct slots.
    expect(new Set(spans.map((_, i) => keys.hash(i, 0) & 1023)).size).toBeGreaterThan(300);
    const table = new IdTable(keys, spans.length);
    table.reset(spans.length);
    const spanOf = Int32Array.from(spans, (_, i) => i);
    for (let i = 0; i < spans.length; i++) {
      expect(table.find(i, 0, spanOf)).toBe(-1);
      table.add(i, i);
    }
    for (let i = 1; i < spans.length; i++) expect(table.find(i, 2, spanOf)).toBe(i - 1);
  });
});
