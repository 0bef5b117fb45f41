// Attributes kept as bytes (encoded-attributes.ts): every run handed over comes back byte for byte through its
// own codec, across pages of every size (small pages here, so runs cross them), after trims, and for runs
// longer than a page.
import { describe, expect, it } from 'vitest';
import { EncodedAttributes, type AttributeCodec } from '../../../src/core/model/encoded-attributes.ts';
import type { KeyValue } from '../../../src/core/model/records.ts';

/** A codec that gives the bytes back as one attribute, its name in the key. */
function bytesCodec(name: string): AttributeCodec {
  return { decode: (bytes, start, end): KeyValue[] => [{ key: name, value: { type: 'bytes', value: Buffer.from(bytes.subarray(start, end)).toString('hex') } }] };
}

function random(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('EncodedAttributes', () => {
  it('gives back every run through the codec it came with, across pages, trims and runs longer than a page', () => {
    const rnd = random(5);
    const codecs = [bytesCodec('a'), bytesCodec('b'), bytesCodec('c')];
    const input = Uint8Array.from({ length: 4096 }, () => Math.floor(rnd() * 256));
    for (const pageBits of [6, 8, 20]) {
      const store = new EncodedAttributes(pageBits);
      const kept: Array<{ handle: number; codec: number; start: number; end: number }> = [];
      for (let i = 0; i < 600; i++) {
        // Mostly short runs, some empty, some longer than a small page (and with a two-byte length).
        const length = i % 50 === 7 ? 150 + Math.floor(rnd() * 300) : i % 13 === 0 ? 0 : Math.floor(rnd() * 40);
        const start = Math.floor(rnd() * (input.length - length));
        const codec = i % 3;
        const handle = store.add(codecs[codec]!, input, start, start + length);
        expect(handle).toBeGreaterThanOrEqual(0);
        expect(handle).toBeLessThan(2 ** 31);
        kept.push({ handle, codec, start, end: start + length });
        if (i % 97 === 0) store.trim();
      }
      expect(new Set(kept.map((k) => k.handle)).size).toBe(kept.length);
      for (const k of kept) {
        const hex = Buffer.from(input.subarray(k.start, k.end)).toString('hex');
        expect(store.decode(k.handle), `pageBits ${pageBits}`).toEqual([{ key: 'abc'[k.codec], value: { type: 'bytes', value: hex } }]);
      }
      // What it holds: at least every run's bytes.
      const numBytes = kept.reduce((n, k) => n + k.end - k.start, 0);
      expect(store.byteLength).toBeGreaterThanOrEqual(numBytes);
    }
  });

  it('declines a 257th codec (the entry keeps a codec in one byte): the caller decodes that run itself', () => {
    const store = new EncodedAttributes();
    const bytes = new Uint8Array([1, 2, 3]);
    for (let i = 0; i < 256; i++) expect(store.add(bytesCodec(`c${i}`), bytes, 0, 3)).toBeGreaterThanOrEqual(0);
    expect(store.add(bytesCodec('one more'), bytes, 0, 3)).toBe(-1);
  });

  it('forgets the runs added since a mark (a load rolled back), their cached lists too, on every page size', () => {
    const rnd = random(7);
    const codec = bytesCodec('a');
    const input = Uint8Array.from({ length: 2048 }, () => Math.floor(rnd() * 256));
    const hexOf = (start: number, end: number): string => Buffer.from(input.subarray(start, end)).toString('hex');
    for (const pageBits of [6, 8, 20]) {
      const store = new EncodedAttributes(pageBits);
      for (const markAt of [0, 1, 40, 300]) {
        const before = Array.from({ length: markAt }, (_, i) => ({ handle: store.add(codec, input, i, i + 1 + (i % 90)), start: i, end: i + 1 + (i % 90) }));
        const mark = store.mark();
        // Runs added after the mark, each decoded (so cached), then forgotten.
        const dropped = Array.from({ length: 50 }, (_, i) => store.add(codec, input, 100 + i, 170 + i));
        for (const handle of dropped) store.decode(handle);
        store.truncate(mark);
        expect(store.mark(), `pageBits ${pageBits}, mark after ${markAt}`).toBe(mark);
        // New runs take the forgotten runs' places (on a big page, the first one the first forgotten handle:
        // a list cached for that handle would be given for it).
        const again = Array.from({ length: 50 }, (_, i) => ({ handle: store.add(codec, input, 1000 + i, 1003 + 2 * i), start: 1000 + i, end: 1003 + 2 * i }));
        if (pageBits === 20) expect(again[0]!.handle).toBe(dropped[0]);
        for (const k of [...before, ...again]) expect(store.decode(k.handle)).toEqual([{ key: 'a', value: { type: 'bytes', value: hexOf(k.start, k.end) } }]);
        store.truncate(0);
      }
    }
  });
});
