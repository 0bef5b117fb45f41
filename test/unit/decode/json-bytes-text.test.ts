// The OTLP/JSON scanner's strings from bytes (json-bytes.ts): `ascii` builds a flat string through reused
// arrays, one per length below 256 and one grown or shrunk for longer runs, so a string of one length must
// never carry characters left from a longer one before it.
import { describe, expect, it } from 'vitest';
import { ascii, stringText } from '../../../src/core/decode/otlp/json-bytes.ts';

const bytesOf = (length: number, seed: number): Uint8Array => Uint8Array.from({ length }, (_, i) => 0x20 + ((i * 31 + seed) % 95));

describe('ascii', () => {
  it('gives the text of every length, in any order of lengths, at any offset', () => {
    const lengths = [0, 1, 16, 32, 255, 256, 3, 257, 4096, 2, 4097, 300, 255, 17, 0, 1000, 5];
    lengths.forEach((length, k) => {
      const bytes = bytesOf(length + 7, k);
      const expected = String.fromCharCode(...bytes.subarray(5, 5 + length));
      expect(ascii(bytes, 5, 5 + length), `length ${length}`).toBe(expected);
    });
  });

  it('reads a string literal of each length as JSON.parse does', () => {
    for (let length = 0; length < 300; length += 7) {
      const text = JSON.stringify('x'.repeat(length));
      const bytes = new TextEncoder().encode(text);
      expect(stringText(bytes, 0, bytes.length)).toBe(JSON.parse(text));
    }
  });
});
