// The id pool answers exactly like a Map keyed by the id's words: hits only for equal ids, across table growth
// and for ids whose words differ in one bit; and the decoders built on it give one string per id value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdPool, mix } from '../../../src/core/decode/id-pool.ts';
import { MAX_PROBES } from '../../../src/core/decode/slot-table.ts';
import { scanWholeInput } from '../../../src/core/decode/otlp/json-scan.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { chainOfIds, spanIdWords } from '../../support/colliding-ids.ts';
import { recordingSink } from '../../support/otlp-proto-gen.ts';

describe('IdPool', () => {
  for (const numWords of [2, 4] as const) {
    it(`agrees with a Map keyed by the words (${numWords} words), over many random ids`, () => {
      // Few distinct word values, so ids collide often and differ in one word only.
      const word = fc.constantFrom(0, 1, -1, 0x7fffffff, -0x80000000, 0x10000);
      fc.assert(
        fc.property(fc.array(fc.array(word, { minLength: numWords, maxLength: numWords }), { minLength: 1, maxLength: 5000 }), (ids) => {
          const pool = new IdPool(numWords);
          const reference = new Map<string, string>();
          ids.forEach((words, i) => {
            pool.key.set(words);
            const found = pool.get();
            expect(found).toBe(reference.get(words.join(',')));
            if (found === undefined) {
              pool.add(`id${i}`);
              reference.set(words.join(','), `id${i}`);
            }
          });
        }),
        { numRuns: 30 },
      );
    });
  }

  it('keeps every id of a table grown many times over', () => {
    const pool = new IdPool(2);
    for (let i = 0; i < 100_000; i++) {
      pool.key[0] = i * 7919;
      pool.key[1] = -i;
      expect(pool.get()).toBeUndefined();
      pool.add(String(i));
    }
    for (let i = 0; i < 100_000; i++) {
      pool.key[0] = i * 7919;
      pool.key[1] = -i;
      expect(pool.get()).toBe(String(i));
    }
  });
});

describe('IdPool with ids crafted to share one hash', () => {
  it('the crafted ids do share one hash (else this test proves nothing: craft them anew for the new mix)', () => {
    const hashes = new Set(Array.from({ length: 1_000 }, (_, i) => mix(Int32Array.from(spanIdWords(i)), 0, 2)));
    expect(hashes.size).toBe(1);
  });

  it('keeps only the ids that find a slot within MAX_PROBES, and answers every id rightly', () => {
    // Kept, each new crafted id would walk every earlier one: a crafted file decoded in quadratic time.
    const pool = new IdPool(2);
    for (let i = 0; i < 10_000; i++) {
      pool.key.set(spanIdWords(i));
      expect(pool.get()).toBeUndefined();
      pool.add(`id${i}`);
    }
    expect(pool.size).toBe(MAX_PROBES);
    for (let i = 0; i < 10_000; i++) {
      pool.key.set(spanIdWords(i));
      expect(pool.get()).toBe(i < MAX_PROBES ? `id${i}` : undefined);
    }
    // An id of another hash is still kept and found.
    pool.key.set([1, 2]);
    expect(pool.get()).toBeUndefined();
    pool.add('other');
    expect(pool.get()).toBe('other');
  });
});

describe('ids pooled by value in the OTLP/JSON scanner', () => {
  it('upper- and lower-case spellings of one id read as that id in lower case, through the pool and past it', () => {
    const parent = '{"traceId":"0AF7651916CD43DD8448EB211C80319C","spanId":"B7AD6B7169203331","name":"p"}';
    const child = '{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"00f067aa0ba902b7","parentSpanId":"b7ad6b7169203331","name":"c"}';
    const sink = recordingSink();
    scanWholeInput(new TextEncoder().encode(`{"resourceSpans":[{"scopeSpans":[{"spans":[${parent},${child}]}]}]}`), sink);
    const [p, c] = sink.spans;
    expect(p!.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(c!.traceId).toBe(p!.traceId);
    expect(p!.spanId).toBe('b7ad6b7169203331');
    expect(c!.parentSpanId).toBe(p!.spanId);
    expect(c!.spanId).toBe('00f067aa0ba902b7');
  });
});

describe('a file whose span ids were crafted to share one pool hash', () => {
  // A chain of spans, each the parent of the next, with ids past the pools' probe bound: they are decoded
  // without sharing, and must still be the same ids, joined into the same tree.
  const N = 2_000;
  const chain = chainOfIds(N);

  for (const [name, bytes] of [['chain.json', chain.json], ['chain.pb', chain.proto]] as const) {
    it(`reads every id and joins the chain (${name})`, () => {
      const ds = loadDataset([{ name, bytes }]);
      expect(ds.inputs[0]!.errors).toEqual([]);
      expect(ds.spans.map((s) => s.spanId)).toEqual(chain.spans.map((s) => s.spanId));
      expect(ds.spans.map((s) => s.parentSpanId)).toEqual(chain.spans.map((s) => s.parentSpanId));
      expect(ds.traces).toHaveLength(1);
      const trace = ds.traces[0]!;
      expect(trace.rootRows).toEqual(Int32Array.of(0));
      expect(Math.max(...trace.depth)).toBe(N - 1);
    });
  }
});
