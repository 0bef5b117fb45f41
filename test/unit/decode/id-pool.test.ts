// The id pool answers exactly like a Map keyed by the id's words: hits only for equal ids, across table growth
// and for ids whose words differ in one bit; and the decoders built on it give one string per id value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdPool } from '../../../src/core/decode/id-pool.ts';
import { scanWholeInput } from '../../../src/core/decode/otlp/json-scan.ts';
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
