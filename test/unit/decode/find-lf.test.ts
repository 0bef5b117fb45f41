// indexOfLf finds what Uint8Array.prototype.indexOf(0x0a) finds, wherever the view starts in its buffer and
// wherever the LF falls in a word, next to bytes that differ from LF by one bit (0x0b, 0x08, 0x8a, 0x0e).
import { describe, expect, it } from 'vitest';
import { indexOfLf } from '../../../src/core/decode/find-lf.ts';

describe('indexOfLf', () => {
  it('agrees with indexOf at every start, offset and position of the LF', () => {
    const near = [0x0b, 0x08, 0x8a, 0x0e, 0x2a, 0x00, 0xff, 0x4a];
    const backing = new Uint8Array(96);
    let numChecked = 0;
    for (let offset = 0; offset < 4; offset++) {
      for (let len = 0; len <= 40; len++) {
        for (let lf = -1; lf < len; lf++) {
          const bytes = backing.subarray(offset, offset + len);
          for (let i = 0; i < len; i++) bytes[i] = near[(i + lf + offset) % near.length]!;
          if (lf >= 0) bytes[lf] = 0x0a;
          for (let from = 0; from <= len; from += 3) {
            expect(indexOfLf(bytes, from)).toBe(bytes.indexOf(0x0a, from));
            numChecked++;
          }
        }
      }
    }
    expect(numChecked).toBeGreaterThan(5000);
  });

  it('finds every line of a long run of text in turn, and none past the last', () => {
    const text = new TextEncoder().encode(Array.from({ length: 300 }, (_, i) => `{"line":${i},"é":"${'x'.repeat(i % 13)}"}`).join('\n'));
    const ends: number[] = [];
    for (let nl = indexOfLf(text); nl >= 0; nl = indexOfLf(text, nl + 1)) ends.push(nl);
    const expected: number[] = [];
    for (let nl = text.indexOf(0x0a); nl >= 0; nl = text.indexOf(0x0a, nl + 1)) expected.push(nl);
    expect(ends).toEqual(expected);
    expect(ends).toHaveLength(299);
  });
});
