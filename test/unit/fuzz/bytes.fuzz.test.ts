// Byte-level fuzzing of every decoder through the real loading path: truncation at every kind of
// boundary, byte flips and splices of real fixtures. Nothing may throw, hang or lose the model's shape.
import fc from 'fast-check';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { FUZZ_RUNS, loadHostile, seedCorpus } from '../../support/fuzz.ts';

const corpus = seedCorpus();

describe('decoders under byte-level mutation', () => {
  it('has a seed corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(3);
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s: truncated anywhere keeps a sound model', (_name, seed) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seed.bytes.length }), (cut) => {
        const whole = loadHostile(seed.name, seed.bytes);
        const ds = loadHostile(seed.name, seed.bytes.subarray(0, cut));
        expect(ds.spans.length).toBeLessThanOrEqual(whole.spans.length);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it.each(corpus.map((c) => [c.name, c] as const))('%s: flipped bytes never crash a decoder', (_name, seed) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), (flips) => {
        const bytes = seed.bytes.slice();
        for (const [pos, value] of flips) bytes[pos % bytes.length] = value;
        loadHostile(seed.name, bytes);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('splices of two fixtures never crash a decoder', () => {
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.nat(corpus.length - 1), fc.double({ min: 0, max: 1 }), fc.double({ min: 0, max: 1 }), (a, b, x, y) => {
        const left = corpus[a]!.bytes;
        const right = corpus[b]!.bytes;
        const joined = new Uint8Array([...left.subarray(0, Math.floor(left.length * x)), ...right.subarray(Math.floor(right.length * y))]);
        loadHostile('splice', joined);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('compressed input under byte-level mutation (inflated piece by piece, load-chunks.ts)', () => {
  const gzipped = corpus.map((c) => ({ name: `${c.name}.gz`, bytes: gzipSync(c.bytes), plain: c.bytes }));

  it.each(gzipped.map((c) => [c.name, c] as const))('%s: inflates to what the plain file loads; cut or flipped, it never crashes', (_name, seed) => {
    expect(loadHostile(seed.name, seed.bytes).spans.length).toBe(loadHostile(seed.name, seed.plain).spans.length);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seed.bytes.length }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), (cut, flips) => {
        const bytes = seed.bytes.slice(0, cut);
        for (const [pos, value] of flips) if (bytes.length > 0) bytes[pos % bytes.length] = value;
        loadHostile(seed.name, bytes);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});

describe('decoding time stays bounded on hostile input', () => {
  // A hang detector, not a speed test (speed is in `npm run bench`): each input is about 1 MB and must
  // finish in well under a second per MB on any machine; catastrophic backtracking or quadratic scans take
  // minutes.
  const MB = 1024 * 1024;
  const cases: Array<[string, string]> = [
    ['unclosed JSON string', `{"resourceSpans":[{"x":"${'a'.repeat(MB)}`],
    ['deep unclosed brackets', `{"resourceSpans":${'['.repeat(MB / 2)}`],
    ['one huge console line', `{\n    "name": "x",\n    "context": {\n        "trace_id": "0x${'0'.repeat(32)}"${' '.repeat(MB)}`],
    ['many collector attribute lines', `ResourceSpans #0\nSpan #0\n    Trace ID       : ${'a'.repeat(32)}\n${'     -> k: Str(('.repeat(MB / 16)}`],
    ['traceparent-like noise', '00-'.repeat(MB / 3)],
  ];
  it.each(cases)('%s', (name, text) => {
    const t0 = performance.now();
    loadHostile(name, new TextEncoder().encode(text));
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
