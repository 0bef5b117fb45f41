// The byte-keyed cache answers exactly like a Map keyed by the same bytes as text: hits only for equal runs,
// across table growth and hash collisions, and it never keeps a reference into the input buffer.
// (The view of the last input it compares against is let go of with forgetInput: input-released.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BytePool, hashBytes, MAX_POOLED_BYTES } from '../../../src/core/decode/byte-pool.ts';
import { MAX_PROBES } from '../../../src/core/decode/slot-table.ts';

const key = (buf: Uint8Array, start: number, end: number): string => Array.from(buf.subarray(start, end)).join(',');

describe('BytePool', () => {
  it('agrees with a Map keyed by the bytes, over many random runs', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 0, maxLength: 12 }).map((b) => b.map((x) => x % 4)), { minLength: 1, maxLength: 3000 }), (runs) => {
        const pool = new BytePool<number>();
        const reference = new Map<string, number>();
        // One buffer holding every run at an offset, as a decoder sees its input.
        const buf = new Uint8Array(runs.reduce((n, r) => n + r.length + 1, 0));
        let at = 0;
        runs.forEach((run, i) => {
          buf.set(run, at + 1);
          const [start, end] = [at + 1, at + 1 + run.length];
          at = end;
          expect(pool.get(buf, start, end)).toBe(reference.get(key(buf, start, end)));
          if (!reference.has(key(buf, start, end))) {
            pool.set(buf, start, end, i);
            reference.set(key(buf, start, end), i);
          }
        });
        expect(pool.size).toBe(reference.size);
      }),
      { numRuns: 30 },
    );
  });

  it('keeps its own copy of the bytes: changing the input afterwards does not change a hit', () => {
    const pool = new BytePool<string>();
    const buf = new TextEncoder().encode('"http.request.method":"GET"');
    pool.set(buf, 0, buf.length, 'kv');
    const again = new TextEncoder().encode('"http.request.method":"GET"');
    buf.fill(0);
    expect(pool.get(again, 0, again.length)).toBe('kv');
    expect(pool.get(buf, 0, buf.length)).toBeUndefined();
  });

  it('tells apart runs that differ in any one byte, whatever their length and offsets (compared four bytes at a time)', () => {
    // Each run is kept and looked up under a hash of its length only, so that only the bytes' compare can
    // tell a changed run from the kept one.
    const pool = new BytePool<number>();
    const kept = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff);
    for (let length = 1; length <= 23; length++) pool.set(kept, 3, 3 + length, length, length);
    for (let length = 1; length <= 23; length++) {
      for (const offset of [0, 1, 2, 3, 5]) {
        // Another buffer, seen through a view that starts part-way into its memory.
        const backing = new Uint8Array(offset + 7 + length + 9);
        const input = backing.subarray(7);
        input.set(kept.subarray(3, 3 + length), offset);
        expect(pool.get(input, offset, offset + length, length)).toBe(length);
        for (let at = 0; at < length; at++) {
          input[offset + at]! ^= 0x40;
          expect(pool.get(input, offset, offset + length, length)).toBeUndefined();
          input[offset + at]! ^= 0x40;
        }
      }
    }
  });

  it('finds runs kept before its arena grew, and after it let go of its input', () => {
    const pool = new BytePool<number>();
    const buf = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) >>> 24);
    for (let i = 0; i < 2_000; i++) pool.set(buf, i * 97, i * 97 + 90, i); // 180 KB: the 64 KiB arena grows
    const copy = buf.slice();
    expect(pool.get(copy, 0, 90)).toBe(0);
    pool.forgetInput();
    for (const i of [0, 1, 700, 1_999]) expect(pool.get(copy, i * 97, i * 97 + 90)).toBe(i);
    expect(pool.get(copy, 1, 91)).toBeUndefined();
  });

  it('does not pool runs longer than the limit', () => {
    const pool = new BytePool<number>();
    const long = new Uint8Array(MAX_POOLED_BYTES + 1).fill(65);
    pool.set(long, 0, long.length, 1);
    expect(pool.get(long, 0, long.length)).toBeUndefined();
    expect(pool.size).toBe(0);
  });

  it('hashes by content, not position', () => {
    const buf = new TextEncoder().encode('xabcyabc');
    expect(hashBytes(buf, 1, 4)).toBe(hashBytes(buf, 5, 8));
    expect(hashBytes(buf, 0, 3)).not.toBe(hashBytes(buf, 1, 4));
  });

  it("hashes for its look-ups only runs it would pool: a pool's own limit decides", () => {
    const buf = new Uint8Array(40).fill(7);
    const small = new BytePool<number>(16);
    expect(small.hash(buf, 0, 16)).toBe(hashBytes(buf, 0, 16));
    expect(small.hash(buf, 0, 17)).toBe(0);
    small.set(buf, 0, 17, 1, small.hash(buf, 0, 17));
    expect(small.get(buf, 0, 17)).toBeUndefined();
    expect(new BytePool<number>().hash(buf, 0, 40)).toBe(hashBytes(buf, 0, 40));
  });

  it('keeps every run of a table grown many times over', () => {
    const buf = new Uint8Array(4 * 20_000);
    const view = new DataView(buf.buffer);
    for (let i = 0; i < 20_000; i++) view.setUint32(i * 4, i * 2654435761);
    const pool = new BytePool<number>();
    for (let i = 0; i < 20_000; i++) pool.set(buf, i * 4, i * 4 + 4, i);
    expect(pool.size).toBe(20_000);
    for (let i = 0; i < 20_000; i++) expect(pool.get(buf, i * 4, i * 4 + 4)).toBe(i);
  });

  it('stops keeping runs that share one hash once their slots are crowded, and still answers each rightly', () => {
    // FNV-1a can be steered (a few free bytes reach any hash), so a file can hold thousands of attribute
    // values with one hash. Kept, each would be walked by every look-up after it: quadratic decoding.
    const buf = new Uint8Array(4 * 5_000);
    const view = new DataView(buf.buffer);
    for (let i = 0; i < 5_000; i++) view.setUint32(i * 4, i);
    const SAME = 0x5eed;
    const pool = new BytePool<number>();
    for (let i = 0; i < 5_000; i++) {
      expect(pool.get(buf, i * 4, i * 4 + 4, SAME)).toBeUndefined();
      pool.set(buf, i * 4, i * 4 + 4, i, SAME);
    }
    expect(pool.size).toBe(MAX_PROBES);
    for (let i = 0; i < 5_000; i++) expect(pool.get(buf, i * 4, i * 4 + 4, SAME)).toBe(i < MAX_PROBES ? i : undefined);
    // Other hashes still find room and are kept.
    pool.set(buf, 0, 4, -1, SAME + 1_000);
    expect(pool.get(buf, 0, 4, SAME + 1_000)).toBe(-1);
  });
});
