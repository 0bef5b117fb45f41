// Property test: random OTLP/JSON requests, written with random whitespace, key order, escapes, number
// spellings, extra fields and nulls, decode to the same dataset whether the byte scanner reads them or
// JSON.parse + walk does. Some cases must fall back (snake_case, wrong types, bad JSON); both kinds occur.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentScan, jsonFastPath } from '../../../src/core/decode/otlp/json-scan.ts';
import { otlpJsonl } from '../../../src/core/decode/otlp-jsonl.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { datasetFields, decodeBothPaths } from '../../support/both-json-paths.ts';
import { FUZZ_RUNS } from '../../support/fuzz.ts';

/** Text written as is into the JSON (numbers JSON.stringify cannot spell: 12345678901234567890, 1E3, -0). */
class Raw {
  constructor(readonly text: string) {}
}

const hex = (n: number): fc.Arbitrary<string> => fc.uint8Array({ minLength: n, maxLength: n }).map((b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(''));
const b64 = (n: number): fc.Arbitrary<string> => fc.uint8Array({ minLength: n, maxLength: n }).map((b) => btoa(String.fromCharCode(...b)));
const text = fc.oneof(
  fc.constantFrom('', 'GET', 'line\nbreak', 'quote"d', 'back\\slash', 'caf\u00e9', 'smile \ud83d\ude00', 'tab\there', '\u2028', 'lone \ud800', '\ufeffled by U+FEFF'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const bigInt = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n }).map((n) => n.toString());
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(new Raw('1E3'), new Raw('-0'), new Raw('12345678901234567890'), new Raw('2.50')));
const time = fc.oneof(bigInt.filter((s) => /^-?\d{1,20}$/.test(s)), fc.nat().map(String), fc.nat(), fc.constantFrom('', null, new Raw('1714564800000000000'), '1.5', 1.5, 'soon', true));

const anyValue: fc.Memo<unknown> = fc.memo((depth) =>
  fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map((s) => ({ stringValue: s })),
    fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', null)).map((b) => ({ boolValue: b })),
    fc.oneof(bigInt, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })).map((i) => ({ intValue: i })),
    fc.oneof(number, fc.constantFrom('1.25', 'NaN', 'x')).map((d) => ({ doubleValue: d })),
    fc.oneof(b64(3), fc.constantFrom('not base64!', '')).map((b) => ({ bytesValue: b })),
    fc.constantFrom({}, null, 'bare', { unknownValue: 1 }, { stringValue: 'a', intValue: 2 }),
    depth > 2 ? fc.constant({}) : fc.array(anyValue(depth + 1), { maxLength: 3 }).map((values) => ({ arrayValue: { values } })),
    depth > 2 ? fc.constant({}) : fc.array(fc.record({ key: text, value: anyValue(depth + 1) }), { maxLength: 3 }).map((values) => ({ kvlistValue: { values } })),
    fc.constantFrom({ arrayValue: {} }, { kvlistValue: null }, { arrayValue: { values: 5 } }),
  ),
);
const attributes = fc.array(fc.record({ key: fc.oneof(text, fc.constantFrom('http.route', 'service.name')), value: anyValue() }, { requiredKeys: ['key'] }), { maxLength: 4 });
const count = fc.oneof(fc.nat(5), fc.constantFrom('3', null, 'x', 2.5));
const span = fc.record(
  {
    traceId: fc.oneof(hex(16), hex(16).map((s) => s.toUpperCase()), b64(16)),
    spanId: fc.oneof(hex(8), b64(8)),
    parentSpanId: fc.oneof(hex(8), fc.constantFrom('', 'abc')),
    traceState: fc.constantFrom('', 'a=1'),
    flags: fc.oneof(fc.constantFrom(257, 1, 0, -1, 2.5), fc.integer()),
    name: text,
    kind: fc.oneof(fc.nat(6), fc.constantFrom('SPAN_KIND_SERVER', '2', 'WEIRD', null)),
    startTimeUnixNano: time,
    endTimeUnixNano: time,
    attributes,
    droppedAttributesCount: count,
    events: fc.array(fc.oneof(fc.record({ timeUnixNano: time, name: text, attributes, droppedAttributesCount: count }, { requiredKeys: [] }), fc.constant(7)), { maxLength: 2 }),
    droppedEventsCount: count,
    links: fc.array(fc.record({ traceId: hex(16), spanId: hex(8), traceState: text, attributes, flags: fc.constantFrom(0, 256, 769) }, { requiredKeys: [] }), { maxLength: 2 }),
    status: fc.oneof(fc.record({ code: fc.oneof(fc.nat(3), fc.constantFrom('STATUS_CODE_ERROR', 'constructor')), message: text }, { requiredKeys: [] }), fc.constantFrom(null, 'ok')),
    extraField: fc.jsonValue({ maxDepth: 2 }),
    trace_state: fc.constant('snake'),
  },
  { requiredKeys: ['traceId', 'spanId'] },
);
const scope = fc.record({ name: text, version: text, attributes, droppedAttributesCount: count }, { requiredKeys: [] });
const request = fc.record({
  resourceSpans: fc.array(
    fc.record({
      resource: fc.oneof(fc.record({ attributes, droppedAttributesCount: count }, { requiredKeys: [] }), fc.constant(null)),
      schemaUrl: fc.constantFrom('', 'https://opentelemetry.io/schemas/1.26.0', 7),
      scopeSpans: fc.array(fc.record({ scope, schemaUrl: text, spans: fc.array(span, { maxLength: 3 }) }, { requiredKeys: ['spans'] }), { maxLength: 2 }),
    }, { requiredKeys: ['scopeSpans'] }),
    { minLength: 1, maxLength: 2 },
  ),
});

/** JSON text of `v` with choices from `pick` (a seeded stream): spacing, key order, escapes. */
function write(v: unknown, pick: () => number, oneLine = false): string {
  const ws = (): string => [' ', '', '\n  ', '\t', '\r\n'][pick() % (oneLine ? 2 : 5)]!;
  if (v instanceof Raw) return v.text;
  if (typeof v === 'string') {
    if (pick() % 3 !== 0) return JSON.stringify(v);
    // Escape some code units that need none: \u00e9 for é, \ud83d\ude00 for 😀, \/ for /, \u0041 for A.
    const units = Array.from({ length: v.length }, (_, i) => v[i]!);
    const escaped = units.map((c) => (pick() % 4 === 0 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c === '/' ? '\\/' : JSON.stringify(c).slice(1, -1)));
    return `"${escaped.join('')}"`;
  }
  if (Array.isArray(v)) return `[${ws()}${v.map((x) => write(x, pick, oneLine)).join(`,${ws()}`)}${ws()}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([k]) => k !== 'trace_state' || pick() % 8 === 0);
    // Keys in any order: protojson writes a schemaUrl after the spans beside it, SDKs before or not at all.
    for (let i = entries.length - 1; i > 0; i--) {
      const j = pick() % (i + 1);
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return `{${ws()}${entries.map(([k, x]) => `${pick() % 16 === 0 ? write(k, pick, oneLine) : JSON.stringify(k)}${ws()}:${ws()}${write(x, pick, oneLine)}`).join(`,${ws()}`)}${ws()}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * Streams `bytes` as one document (DocumentScan) in chunks of `chunk` through one reused buffer, and checks
 * that the scanner takes it exactly when it takes it read whole, giving the walker's records. True when taken.
 */
function streamsAsWhole(bytes: Uint8Array, chunk: number): boolean {
  const { slow, numScanned } = decodeBothPaths('doc.json', bytes);
  const b = new DatasetBuilder();
  const scan = new DocumentScan(b.beginInput('doc.json').sink);
  const buffer = new Uint8Array(chunk);
  for (let at = 0; at < bytes.length; at += chunk) {
    const piece = bytes.subarray(at, at + chunk);
    buffer.set(piece);
    scan.push(buffer.subarray(0, piece.length));
    buffer.fill(0x22);
  }
  scan.end();
  expect(scan.wantsWhole).toBe(numScanned === 0);
  if (scan.wantsWhole) {
    expect(b.spans).toHaveLength(0); // what it gave was taken back
    return false;
  }
  const { inputs: _streamedInput, ...got } = datasetFields(b) as Record<string, unknown>;
  const { inputs: _walkedInput, ...want } = slow as Record<string, unknown>;
  expect(got).toEqual(want);
  return true;
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 8);
}

describe('OTLP/JSON byte scanner agrees with JSON.parse + walk', () => {
  it('on random requests with random spelling', () => {
    let numFast = 0;
    let numRuns = 0;
    const numErrors = jsonFastPath.numErrors;
    fc.assert(
      fc.property(request, fc.integer(), (req, seed) => {
        const bytes = new TextEncoder().encode(write(req, seeded(seed)));
        const { fast, slow, numScanned } = decodeBothPaths('random.json', bytes);
        expect(fast).toEqual(slow);
        numFast += numScanned;
        numRuns++;
      }),
      { numRuns: FUZZ_RUNS * 4 },
    );
    // Both paths were exercised: the scanner took a fair share and left the rest to the walker.
    expect(numFast).toBeGreaterThan(numRuns / 10);
    expect(numFast).toBeLessThan(numRuns);
    // Every fallback was a deliberate NOT_FAST, not an exception hiding a scanner bug.
    expect(jsonFastPath.numErrors).toBe(numErrors);
    if (process.env.SCAN_STATS) console.log(`fast path took ${numFast} of ${numRuns}`);
  }, 120_000);

  it('on a real request with one value replaced or its text cut', () => {
    const base = readFileSync(new URL('../../fixtures/otlp/sdk-2.x/checkout-four-services.json', import.meta.url), 'utf8');
    const hostile = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(null, '', '1e30', '-5', 'zz', '0'.repeat(40), { values: 7 }));
    fc.assert(
      fc.property(fc.nat(base.length - 1), hostile, fc.boolean(), fc.integer({ min: 1, max: 2000 }), (at, value, cut, chunk) => {
        // Replace the JSON value starting at a random quote/digit/brace with another, or cut the text there.
        const start = base.slice(at).search(/["\d{[]/) + at;
        const text = cut ? base.slice(0, start) : base.slice(0, start) + JSON.stringify(value) + base.slice(start).replace(/^("(\\.|[^"\\])*"|-?\d[\d.eE+-]*|\{\}|\[\])/, '');
        const { fast, slow } = decodeBothPaths('mutated.json', new TextEncoder().encode(text));
        expect(fast).toEqual(slow);
        // Streamed as it is read, too (a cut text is never taken: the walker reports where it stops).
        streamsAsWhole(new TextEncoder().encode(text), chunk);
      }),
      { numRuns: FUZZ_RUNS * 4 },
    );
  }, 120_000);

  it('on random requests streamed as one document in random chunks through a reused buffer', () => {
    let numStreamed = 0;
    const numErrors = jsonFastPath.numErrors;
    fc.assert(
      fc.property(request, fc.integer(), fc.integer({ min: 1, max: 300 }), (req, seed, chunk) => {
        if (streamsAsWhole(new TextEncoder().encode(write(req, seeded(seed))), chunk)) numStreamed++;
      }),
      { numRuns: FUZZ_RUNS * 2 },
    );
    expect(numStreamed).toBeGreaterThan(FUZZ_RUNS / 10);
    expect(jsonFastPath.numErrors).toBe(numErrors);
  }, 120_000);

  it('on JSON lines, read whole and streamed in random chunks', () => {
    const line = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(request, fc.integer()).map(([req, seed]) => write(req, seeded(seed), true)) },
      fc.constantFrom('', '   ', '{"resourceSpans":', 'not json', '{"resource_spans":[]}', '[1]'),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 400 }), (lines, eol, chunk) => {
        const bytes = new TextEncoder().encode(lines.join(eol));
        const { fast, slow } = decodeBothPaths('dump.jsonl', bytes);
        expect(fast).toEqual(slow);
        // The streaming reader hands line bytes to the scanner first: same records as reading whole.
        const streamed = (enabled: boolean): unknown => {
          jsonFastPath.enabled = enabled;
          try {
            const b = new DatasetBuilder();
            const decoder = otlpJsonl.stream!.open(b.beginInput('dump.jsonl').sink);
            for (let at = 0; at < bytes.length; at += chunk) decoder.push(bytes.slice(at, at + chunk));
            decoder.end();
            return datasetFields(b);
          } finally {
            jsonFastPath.enabled = true;
          }
        };
        expect(streamed(true)).toEqual(streamed(false));
      }),
      { numRuns: FUZZ_RUNS * 2 },
    );
  }, 120_000);
});
