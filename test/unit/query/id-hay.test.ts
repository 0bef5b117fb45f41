// Hex needles against ids kept as words (query/id-hay.ts): a needle of 1-8 digits is found in an id's two
// words exactly when the id's text holds it, at every place, across the two words too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexNeedle, wordsHold } from '../../../src/core/query/id-hay.ts';

const word = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const text = (hi: number, lo: number): string => (hi >>> 0).toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');

describe('wordsHold', () => {
  it('agrees with the id text for needles taken from it and for random ones', () => {
    fc.assert(
      fc.property(word, word, fc.nat(15), fc.integer({ min: 1, max: 8 }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 8 }), (hi, lo, from, length, random) => {
        const id = text(hi, lo);
        for (const needle of [id.slice(from, from + length), random]) {
          const hex = hexNeedle(needle)!;
          expect(hex).not.toBeNull();
          expect(wordsHold(hi | 0, lo | 0, hex), `${needle} in ${id}`).toBe(id.includes(needle));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes only 1-8 lowercase hex digits as a short hex needle', () => {
    expect(['', 'abcdef012', 'ABC', 'g1', 'a b'].map(hexNeedle)).toEqual([null, null, null, null, null]);
    expect(hexNeedle('ffffffff')).toEqual({ value: -1, length: 8 });
  });
});
