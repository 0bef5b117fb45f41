import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../../src/core/decode/json-syntax.ts';

describe('findJsonSyntaxError', () => {
  it.each([
    ['{"a": }', 6, /value/],
    ['{"a": [1, 2', 11, /ends early/],
    ['{"a" 1}', 5, /':'/],
    ['[1 2]', 3, /','/],
    ['{"a": tru}', 6, /value/],
    ['{"a": 1} x', 9, /after the end/],
    ['{"a": "x\u0001"}', 8, /string/],
    ['{a: 1}', 1, /key/],
  ])('%j fails at %i', (text, offset, reason) => {
    const e = findJsonSyntaxError(text);
    expect(e?.offset).toBe(offset);
    expect(e?.reason).toMatch(reason);
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(text) === null).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles 100k-deep nesting without recursion', () => {
    expect(findJsonSyntaxError('['.repeat(100_000) + ']'.repeat(99_999))?.reason).toMatch(/ends early/);
  });
});
