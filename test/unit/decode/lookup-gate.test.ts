// The gate that stops looking up attribute lists that keep missing (spans carrying a value of their own),
// and the decoders behind it: with the gate shut they still read exactly what the walker and reflection
// read, since only the byte caches are skipped.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { LookupGate } from '../../../src/core/decode/byte-pool.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';
import { decodeBothPaths } from '../../support/both-json-paths.ts';
import { FUZZ_RUNS } from '../../support/fuzz.ts';

afterEach(() => vi.restoreAllMocks());

describe('LookupGate', () => {
  it('shuts after a window of misses, rests, then weighs again; hits keep it open', () => {
    const gate = new LookupGate();
    for (let i = 0; i < 256; i++) {
      expect(gate.isOpen()).toBe(true);
      gate.record(false);
    }
    let numShut = 0;
    while (!gate.isOpen()) numShut++;
    expect(numShut).toBe(4096);
    // Open again (the look-up that isOpen just allowed): one hit in eight keeps it open for good.
    gate.record(false);
    for (let i = 1; i < 20_000; i++) {
      expect(gate.isOpen()).toBe(true);
      gate.record(i % 8 === 0);
    }
  });
});

describe('decoders with the list gate shut', () => {
  // 1,500 spans whose lists nearly all hold a value of their own: the gate shuts after 256.
  const { world, spans } = generateSpans(1500, 100, 3, 'unique');
  const json = world.otlpJson(spans);
  const attributesOf = (ds: Dataset): unknown => Object.fromEntries(ds.spans.map((s) => [s.spanId, JSON.parse(JSON.stringify(s.attributes))]));

  it('read what the walker reads (OTLP/JSON) and what the JSON gives (OTLP/protobuf), the gate really shut', () => {
    const shut = vi.spyOn(LookupGate.prototype, 'isOpen');
    const both = decodeBothPaths('unique.json', new TextEncoder().encode(json));
    expect(both.numScanned).toBe(1);
    expect(both.fast).toEqual(both.slow);
    expect(shut.mock.results.filter((r) => r.value === false).length).toBeGreaterThan(1000);
    shut.mockClear();
    const fromProto = loadDataset([{ name: 'unique.pb', bytes: world.otlpProto(spans) }]);
    expect(shut.mock.results.filter((r) => r.value === false).length).toBeGreaterThan(1000);
    expect(attributesOf(fromProto)).toEqual(attributesOf(loadDataset([{ name: 'unique.json', bytes: new TextEncoder().encode(json) }])));
  });

  it('agree with the walker on a late span with one value replaced or the text cut there', () => {
    const hostile = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(null, '', '1e30', 'zz', { values: 7 }));
    const lateStart = Math.floor(json.length * 0.7);
    fc.assert(
      fc.property(fc.nat(json.length - lateStart - 1), hostile, fc.boolean(), (offset, value, cut) => {
        const at = lateStart + offset;
        const start = json.slice(at).search(/["\d{[]/) + at;
        if (start < at) return;
        const text = cut ? json.slice(0, start) : json.slice(0, start) + JSON.stringify(value) + json.slice(start).replace(/^("(\\.|[^"\\])*"|-?\d[\d.eE+-]*|\{\}|\[\])/, '');
        const { fast, slow } = decodeBothPaths('mutated.json', new TextEncoder().encode(text));
        expect(fast).toEqual(slow);
      }),
      { numRuns: Math.max(20, Math.floor(FUZZ_RUNS / 5)) },
    );
  }, 120_000);
});
