// The OTLP/JSON fast path never reads past the end of the bytes it is handed (json-bytes.ts byteAt). Reading
// past a typed array's end gives `undefined` and is no error, so only speed shows it: once a read site in V8
// has done so, its optimized code handles `undefined`, and the scanner took 1.3-2 times as long for the rest
// of the page's life. A streamed file's chunks end anywhere, so every read site meets an end sooner or later.
// Each chunk is handed over behind a Proxy that records any index read at or past its length.
import { describe, expect, it } from 'vitest';
import { DocumentScan, jsonFastPath } from '../../../src/core/decode/otlp/json-scan.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { generateSpans } from '../../../bench/gen.ts';
import { shapedDocument } from '../../support/shaped-otlp-json.ts';

/** `bytes` behind a Proxy that records in `pastEnd` every index read at or beyond its length. */
function watched(bytes: Uint8Array, pastEnd: number[]): Uint8Array {
  return new Proxy(bytes, {
    get(target, key) {
      if (typeof key === 'string' && /^\d+$/.test(key) && Number(key) >= target.length) pastEnd.push(Number(key));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Pushes `bytes` to a DocumentScan in chunks of `sizes` (cycled), each watched; the reads past an end. */
function pastEnds(bytes: Uint8Array, sizes: readonly number[]): { pastEnd: number[]; numSpans: number } {
  const pastEnd: number[] = [];
  const b = new DatasetBuilder();
  const scan = new DocumentScan(b.beginInput('doc.json').sink);
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    scan.push(watched(bytes.slice(at, at + size), pastEnd));
    at += size;
  }
  scan.end();
  expect(scan.wantsWhole).toBe(false); // the fast path read it all
  return { pastEnd, numSpans: b.spans.length };
}

describe('the OTLP/JSON fast path reads only within its bytes', () => {
  const documents = {
    'shaped to reach every frame': new TextEncoder().encode(shapedDocument()),
    'made by the SDK (events, errors, unique values)': new TextEncoder().encode(((g) => g.world.otlpJson(g.spans))(generateSpans(300, 100, 3, 'unique'))),
  };

  for (const [label, bytes] of Object.entries(documents)) {
    it(`${label}: cut at thousands of places, no read lands past a chunk's end`, () => {
      const before = jsonFastPath.numFallbacks;
      // Chunks of 1 to 61 bytes in turn, then the same from another offset: ends fall on every kind of byte.
      const sizes = Array.from({ length: 61 }, (_, i) => i + 1);
      for (const turn of [sizes, [7, ...sizes.slice(3)], [64 * 1024, 13, ...sizes]]) {
        const { pastEnd, numSpans } = pastEnds(bytes, turn);
        expect(numSpans).toBeGreaterThan(10);
        expect(pastEnd.slice(0, 5), `${pastEnd.length} reads past a chunk's end`).toEqual([]);
      }
      expect(jsonFastPath.numFallbacks).toBe(before);
    });
  }

  it('the watch sees a read past the end (the check can fail)', () => {
    const pastEnd: number[] = [];
    const bytes = watched(new Uint8Array([1, 2, 3]), pastEnd);
    expect(bytes[3]).toBeUndefined();
    expect(bytes.subarray(1).length).toBe(2);
    expect(pastEnd).toEqual([3]);
  });
});
