// OTLP/JSON attribute lists kept as compact runs (json-attribute-run.ts): a list of the run's layout, however
// it is spelled, decodes from its run exactly as the scanner reads it as a list (itself checked against the
// walker elsewhere); any other layout is refused and read as a list; the search's `holds` answers what the
// Matcher answers over the decoded list; and a whole load keeps such lists as runs once its list look-ups
// keep missing, reads back what the walker reads (whole, and in small chunks), and takes its runs back when the
// scanner gives up late.
import { describe, expect, it, vi } from 'vitest';
import { JsonAttributeCodec, readAttributeRun, RunWriter } from '../../../src/core/decode/otlp/json-attribute-run.ts';
import { NOT_FAST } from '../../../src/core/decode/otlp/json-bytes.ts';
import { FieldReader } from '../../../src/core/decode/otlp/json-scan-fields.ts';
import { loadChunkedDataset, loadDataset } from '../../../src/core/load-dataset.ts';
import type { Dataset } from '../../../src/core/model/assemble.ts';
import { anyValueText, type KeyValue } from '../../../src/core/model/records.ts';
import type { StoredSpan } from '../../../src/core/model/stored-span.ts';
import { decodeBothPaths, withWalkerOnly } from '../../support/both-json-paths.ts';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

function reader(text: string): FieldReader {
  const r = new FieldReader();
  r.buf = bytesOf(text);
  r.pos = 0;
  return r;
}

/** The scanner's reading of the list as a list, or 'not fast' when it gives the list to the walker. */
function asList(text: string): readonly KeyValue[] | 'not fast' {
  try {
    return reader(text).attributes();
  } catch (err) {
    if (err === NOT_FAST) return 'not fast';
    throw err;
  }
}

/** The list's run decoded, 'refused' when it is not of the run's layout, 'not fast' when reading it gave up. */
function viaRun(text: string, codec = new JsonAttributeCodec()): readonly KeyValue[] | 'refused' | 'not fast' {
  const w = new RunWriter();
  try {
    if (!readAttributeRun(reader(text), w, codec.keys)) return 'refused';
  } catch (err) {
    if (err === NOT_FAST) return 'not fast';
    throw err;
  }
  // Copied into a page whose next bytes are digits: a number at the run's end must not read on into them.
  const page = new Uint8Array(w.length + 8).fill(0x37);
  page.set(w.bytes.subarray(0, w.length), 3);
  return codec.decode(page, 3, 3 + w.length);
}

function random(seed: number): () => number {
  return () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const pick = <T,>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

const KEYS = ['"http.request.method"', '"url.full"', '"a\\"b"', '"caf\u00e9"', '"\\u00e9t\\u00e9"', '"k\\/x"', '""', '"Shop.ID"'];
const SCALARS = [
  ['stringValue', '"GET"'], ['stringValue', '"https://Shop.example/orders/7?q=1"'], ['stringValue', '"line\\nbreak \\t tab"'],
  ['stringValue', '"\\ud83d\\ude00 smile"'], ['stringValue', '"na\u00efve \u20ac"'], ['stringValue', '""'], ['stringValue', '12'],
  ['intValue', '42'], ['intValue', '"9007199254740993"'], ['intValue', '-7'], ['intValue', '1e3'], ['intValue', '"x1"'],
  ['doubleValue', '1.5'], ['doubleValue', '-0'], ['doubleValue', '2.5E-3'], ['doubleValue', '"NaN"'], ['doubleValue', '"Infinity"'],
  ['boolValue', 'true'], ['boolValue', 'false'], ['boolValue', '"true"'],
  ['bytesValue', '"3q2+7w=="'], ['bytesValue', '"not base64!"'],
] as const;

/** An attribute in the run's layout, spelled compactly or with blanks and its fields in either order. */
function plainItem(rnd: () => number): string {
  const [field, literal] = pick(rnd, SCALARS);
  const key = pick(rnd, KEYS);
  if (rnd() < 0.6) return `{"key":${key},"value":{"${field}":${literal}}}`;
  const value = `{ "${field}" : ${literal} }`;
  return rnd() < 0.5 ? `{ "key": ${key}, "value": ${value} }` : `{"value":${value} ,"key":${key}}`;
}

/** An attribute the run does not keep (the list is read as a list). */
const OTHER_ITEMS = [
  '{"key":"a","value":{"arrayValue":{"values":[{"stringValue":"x"}]}}}', '{"key":"a","value":{"kvlistValue":{"values":[]}}}',
  '{"key":"a","value":{}}', '{"key":"a","value":{"stringValue":null}}', '{"key":"a","value":null}', '{"key":"a"}',
  '{"value":{"stringValue":"x"}}', '{"key":7,"value":{"intValue":1}}', '{"key":"a","value":{"stringValue":"x","intValue":2}}',
  '{"key":"a","value":{"stringValue":"x"},"extra":1}', '{"key":"a","value":{"doubleValue":{"x":1}}}', '7', '"a"',
];

describe('a list as a compact run', () => {
  it('decodes as the scanner reads the list, for every value type and spelling, with blanks or without', () => {
    const rnd = random(5);
    let numRuns = 0;
    for (let i = 0; i < 3000; i++) {
      const items = Array.from({ length: pick(rnd, [1, 2, 3, 6]) }, () => (rnd() < 0.9 ? plainItem(rnd) : pick(rnd, OTHER_ITEMS)));
      const text = rnd() < 0.5 ? `[${items.join(',')}]` : `[ ${items.join(' , ')} ]`;
      const run = viaRun(text);
      const list = asList(text);
      if (run === 'refused') {
        // Refused lists hold an attribute of another layout.
        expect(items.some((item) => OTHER_ITEMS.includes(item)), text).toBe(true);
        continue;
      }
      expect(run, text).toEqual(list);
      if (Array.isArray(run)) numRuns++;
    }
    expect(numRuns).toBeGreaterThan(1500);
  });

  it('refuses an empty list, null and each other layout; gives up where reading the list gives up', () => {
    for (const text of ['[]', 'null', '[ ]', ...OTHER_ITEMS.map((item) => `[{"key":"k","value":{"stringValue":"v"}},${item}]`)]) {
      expect(viaRun(text), text).toBe('refused');
    }
    for (const text of ['[{"key":"a\\x","value":{"stringValue":"v"}}]', '[{"key":"a","value":{"stringValue":"\\ud8"}}]', '[{"key":"a","value":{"intValue":-}}]', '[{"key":"a","value":{"boolValue":tru}}]', '[{"key":"a","value":{"stringValue":"v"}}', '[{"key":"a","value":{"stringValue":"v"}x]']) {
      expect([viaRun(text), asList(text)], text).toEqual(['not fast', 'not fast']);
    }
  });

  it('numbers keys as it meets them (two bytes past the 64th, three past the 4,096th), and refuses a key too long to keep', () => {
    const codec = new JsonAttributeCodec();
    for (let i = 0; i < 5000; i++) {
      const text = `[{"key":"app.k${i}","value":{"intValue":${i}}},{"key":"app.k${4999 - i}","value":{"doubleValue":${i}.5}}]`;
      expect(viaRun(text, codec), text).toEqual(asList(text));
    }
    expect(codec.keys.texts.length).toBe(5000);
    expect(codec.keys.texts[4500]).toBe('app.k2250');
    const long = `[{"key":"${'k'.repeat(300)}","value":{"stringValue":"v"}}]`;
    expect(viaRun(long, codec)).toBe('refused');
    expect(asList(long)).toEqual([{ key: 'k'.repeat(300), value: { type: 'string', value: 'v' } }]);
  });

  it("answers a search as the Matcher does over the decoded list (a key or a value's text contains the needle)", () => {
    const rnd = random(9);
    const codec = new JsonAttributeCodec();
    const text = (kv: KeyValue): string => (kv.value.type === 'int' ? kv.value.value : anyValueText(kv.value));
    const needles = ['get', 'nbreak', 'ud83d', 'shop.example', 'orders/7', 'ORDERS', 'café', 'été', 'smile', '\u00e9', '9007199254740993', '42', '1.5', 'nan', 'true', 'dead', 'k/x', 'a"b', '€', 'x'];
    let numChecked = 0;
    for (let i = 0; i < 600; i++) {
      const items = Array.from({ length: pick(rnd, [1, 3, 5]) }, () => plainItem(rnd));
      const w = new RunWriter();
      if (!readAttributeRun(reader(`[${items.join(',')}]`), w, codec.keys)) continue;
      const list = codec.decode(w.bytes, 0, w.length);
      for (const needle of needles.map((n) => n.toLowerCase())) {
        const expected = list.some((kv) => kv.key.toLowerCase().includes(needle) || text(kv).toLowerCase().includes(needle));
        expect(codec.holds(w.bytes, 0, w.length, needle), `${needle} in ${items.join(',')}`).toBe(expected);
        numChecked++;
      }
    }
    expect(numChecked).toBeGreaterThan(5000);
  });
});

describe('loads that keep lists as runs', () => {
  /** 1,200 spans, each with a value of its own (list look-ups keep missing, so the gate shuts after 256). */
  /** `ownValues`' spans as JSON lines of 100 spans each (a collector's file exporter). */
  function ownValueLines(): string {
    const doc = JSON.parse(ownValues()) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: unknown[] }> }> };
    const spans = doc.resourceSpans[0]!.scopeSpans[0]!.spans;
    const lines: string[] = [];
    for (let at = 0; at < spans.length; at += 100) lines.push(JSON.stringify({ resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 's' }, spans: spans.slice(at, at + 100) }] }] }));
    return `${lines.join('\n')}\n`;
  }

  function ownValues(lastSpan = ''): string {
    const spans = Array.from({ length: 1200 }, (_, i) => {
      const attributes = [`{"key":"http.request.method","value":{"stringValue":"${i % 2 ? 'GET' : 'POST'}"}}`, `{"key":"url.full","value":{"stringValue":"https://shop.example/orders/${i}"}}`, `{"key":"app.n","value":{"intValue":"${i}"}}`];
      if (i % 7 === 0) attributes.push(`{ "key" : "app.note" , "value" : { "stringValue" : "n\\u00e9 ${i}" } }`);
      return `{"traceId":"${'ab'.repeat(16)}","spanId":"${(i + 1).toString(16).padStart(16, '0')}","name":"GET /orders/{id}","kind":2,"startTimeUnixNano":"${1000 + i}","endTimeUnixNano":"${2000 + i}","attributes":[${attributes.join(',')}]}`;
    });
    if (lastSpan !== '') spans.push(lastSpan);
    return `{"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"scope":{"name":"s"},"spans":[${spans.join(',')}]}]}]}`;
  }
  const numEncoded = (ds: Dataset): number => ds.spans.filter((s) => ds.table!.isEncoded((s as StoredSpan).row)).length;
  const attributesOf = (ds: Dataset): unknown => ds.spans.map((s) => [s.spanId, JSON.parse(JSON.stringify(s.attributes))]);

  it('read back what the walker reads, whole, in small chunks and as JSON lines', async () => {
    const bytes = bytesOf(ownValues());
    const both = decodeBothPaths('own.json', bytes);
    expect(both.numScanned).toBe(1);
    expect(both.fast).toEqual(both.slow);
    const whole = loadDataset([{ name: 'own.json', bytes }]);
    expect(numEncoded(whole)).toBeGreaterThan(900);
    const chunked = await loadChunkedDataset([{ name: 'own.json', chunks: async function* () { for (let at = 0; at < bytes.length; at += 997) yield bytes.subarray(at, at + 997); } }]);
    expect(numEncoded(chunked)).toBeGreaterThan(900);
    const walked = withWalkerOnly(() => loadDataset([{ name: 'own.json', bytes }]));
    expect(numEncoded(walked)).toBe(0);
    expect(attributesOf(whole)).toEqual(attributesOf(walked));
    expect(attributesOf(chunked)).toEqual(attributesOf(walked));
    // As JSON lines: one scanner, so one key table, for the whole input.
    const lines = bytesOf(ownValueLines());
    const walkedLines = attributesOf(withWalkerOnly(() => loadDataset([{ name: 'own.jsonl', bytes: lines }])));
    const fromLines = loadDataset([{ name: 'own.jsonl', bytes: lines }]);
    const linesInChunks = await loadChunkedDataset([{ name: 'own.jsonl', chunks: async function* () { for (let at = 0; at < lines.length; at += 997) yield lines.subarray(at, at + 997); } }]);
    for (const ds of [fromLines, linesInChunks]) {
      expect(numEncoded(ds)).toBeGreaterThan(900);
      expect(attributesOf(ds)).toEqual(walkedLines);
    }
  });

  it('stop trying runs for a while when lists keep refusing them, and still read what the walker reads', () => {
    // A value of its own and an array value on every span: no list makes a run, and each attempt reads the
    // list's first attributes before it meets the array (1.4× the load's time when tried on every span).
    const spans = Array.from({ length: 3000 }, (_, i) => `{"traceId":"${'cd'.repeat(16)}","spanId":"${(i + 1).toString(16).padStart(16, '0')}","name":"n","attributes":[{"key":"url.full","value":{"stringValue":"/o/${i}"}},{"key":"app.tags","value":{"arrayValue":{"values":[{"stringValue":"a"}]}}}]}`);
    const bytes = bytesOf(`{"resourceSpans":[{"scopeSpans":[{"spans":[${spans.join(',')}]}]}]}`);
    const written = vi.spyOn(RunWriter.prototype, 'keyNumber');
    try {
      const both = decodeBothPaths('arrays.json', bytes);
      expect(both.numScanned).toBe(1);
      expect(both.fast).toEqual(both.slow);
      // Tried on 256 lists (one attribute written each before the refusal), then rested past the last span.
      expect(written.mock.calls.length).toBeGreaterThan(0);
      expect(written.mock.calls.length).toBeLessThan(600);
    } finally {
      written.mockRestore();
    }
  });

  it('take their runs back when the scanner gives up at the last span', () => {
    // A duplicate key: JSON.parse keeps the last, which the scanner leaves to the walker.
    const late = `{"traceId":"${'ab'.repeat(16)}","spanId":"00000000000fffff","name":"a","name":"b","attributes":[{"key":"k","value":{"stringValue":"v"}}]}`;
    const both = decodeBothPaths('late.json', bytesOf(ownValues(late)));
    expect(both.numScanned).toBe(0);
    expect(both.fast).toEqual(both.slow);
    const ds = loadDataset([{ name: 'late.json', bytes: bytesOf(ownValues(late)) }]);
    expect(numEncoded(ds)).toBe(0);
    expect(ds.table!.encoded.mark()).toBe(0);
    expect(ds.spans.find((s) => s.spanId === '00000000000fffff')?.name).toBe('b');
  });
});
