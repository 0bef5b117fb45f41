// The OTLP/JSON byte scanner (core/decode/otlp/json-scan.ts) must give exactly what JSON.parse + walk gives:
// every fixture, demo, lesson, real-world dump and SDK output is decoded both ways and compared field by field.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../../src/core/decode/load.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { scanWholeInput, TracesScanner } from '../../../src/core/decode/otlp/json-scan.ts';
import { generateSpans } from '../../../bench/gen.ts';
import { CORPUS_DIR, HAS_CORPUS } from '../../support/corpus.ts';
import { decodeBothPaths } from '../../support/both-json-paths.ts';
import { recordingSink } from '../../support/otlp-proto-gen.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const JSON_FORMATS = new Set(['otlp-json', 'otlp-jsonl']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Files the registry reads as OTLP/JSON or JSON lines. */
function otlpJsonFiles(dir: string): string[] {
  return filesUnder(dir).filter((path) => {
    if (/\.(ts|md)$/.test(path) || statSync(path).size > 8 * 2 ** 20) return false;
    const format = sniffFormat(new Uint8Array(readFileSync(path)), path)?.format;
    return format !== undefined && JSON_FORMATS.has(format);
  });
}

const committed = [...otlpJsonFiles(join(repoRoot, 'test/fixtures')), ...otlpJsonFiles(join(repoRoot, 'public'))];

describe('OTLP/JSON fast path gives what JSON.parse + walk gives', () => {
  it('finds the fixtures, the demo and the lessons', () => {
    const names = committed.map((p) => relative(repoRoot, p));
    expect(names).toContain('public/demo/demo.otlp.json');
    expect(names.filter((n) => n.startsWith('public/lessons/')).length).toBeGreaterThanOrEqual(8);
    expect(names.some((n) => n.endsWith('.jsonl'))).toBe(true);
  });

  it.each(committed.map((p) => [relative(repoRoot, p)]))('%s', (name) => {
    const { fast, slow } = decodeBothPaths(name, new Uint8Array(readFileSync(join(repoRoot, name))));
    expect(fast).toEqual(slow);
  });

  it('SDK output (bench/gen.ts, 2,000 spans) is read by the scanner and agrees', () => {
    const { world, spans } = generateSpans(2000, 40);
    const bytes = new TextEncoder().encode(world.otlpJson(spans));
    expect(scanWholeInput(bytes, recordingSink())).toBe(2000);
    const { fast, slow, numScanned } = decodeBothPaths('sdk.json', bytes);
    expect(numScanned).toBe(1);
    expect(fast).toEqual(slow);
    expect((fast as { spans: unknown[] }).spans).toHaveLength(2000);
  });

  it('the demo is read by the scanner, not handed back to the walker', () => {
    const bytes = new Uint8Array(readFileSync(join(repoRoot, 'public/demo/demo.otlp.json')));
    expect(decodeBothPaths('demo.otlp.json', bytes).numScanned).toBe(1);
  });

  it('every line of the SDK JSON lines fixture is read by the scanner', () => {
    const bytes = new Uint8Array(readFileSync(join(repoRoot, 'test/fixtures/otlp/sdk-2.x/checkout-one-request-per-service.jsonl')));
    const numLines = new TextDecoder().decode(bytes).trim().split('\n').length;
    expect(numLines).toBeGreaterThan(1);
    expect(decodeBothPaths('requests.jsonl', bytes).numScanned).toBe(numLines);
  });

  it('a well-formed request needs no whole-input string, so the text size limit does not refuse it', () => {
    const bytes = new Uint8Array(readFileSync(join(repoRoot, 'public/demo/demo.otlp.json')));
    const ds = loadDataset([{ name: 'big.json', bytes }], { maxTextBytes: 1024 });
    expect(bytes.length).toBeGreaterThan(1024);
    expect(ds.inputs[0]!.errors).toEqual([]);
    expect(ds.spans).toHaveLength(13);
  });

  it('repeated attributes with escaped quotes and brackets are found whole and reused', () => {
    // `"}]` inside strings must not end the attribute early; the second span reuses the first's KeyValue.
    const attr = String.raw`{"key":"a\"}]","value":{"stringValue":"x\\\"}{"}}`;
    const span = (id: string): string => `{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"${id}","attributes":[${attr},${attr}]}`;
    const text = `{"resourceSpans":[{"scopeSpans":[{"spans":[${span('b7ad6b7169203331')},${span('b7ad6b7169203332')}]}]}]}`;
    const { fast, slow, numScanned } = decodeBothPaths('escapes.json', new TextEncoder().encode(text));
    expect(numScanned).toBe(1);
    expect(fast).toEqual(slow);
    const spans = (fast as { spans: Array<{ attributes: unknown }> }).spans;
    expect(spans[1]!.attributes).toEqual([
      { key: 'a"}]', value: { type: 'string', value: 'x\\"}{' } },
      { key: 'a"}]', value: { type: 'string', value: 'x\\"}{' } },
    ]);
  });

  it('a span whose attributes array repeats an earlier one byte for byte gets that very list', () => {
    const attrs = '[{"key":"db.system","value":{"stringValue":"postgresql"}},{"key":"n","value":{"intValue":"3"}}]';
    const span = (id: string, a: string): string => `{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"${id}","attributes":${a}}`;
    const spaced = attrs.replace(',{', ', {'); // equal values, other bytes: read on its own
    const text = `{"resourceSpans":[{"scopeSpans":[{"spans":[${span('b7ad6b7169203331', attrs)},${span('b7ad6b7169203332', attrs)},${span('b7ad6b7169203333', spaced)}]}]}]}`;
    const sink = recordingSink();
    expect(scanWholeInput(new TextEncoder().encode(text), sink)).toBe(3);
    const spans = sink.spans;
    expect(spans[1]!.attributes).toBe(spans[0]!.attributes);
    expect(spans[2]!.attributes).not.toBe(spans[0]!.attributes);
    expect(spans[2]!.attributes).toEqual(spans[0]!.attributes);
    expect(spans[0]!.attributes).toEqual([
      { key: 'db.system', value: { type: 'string', value: 'postgresql' } },
      { key: 'n', value: { type: 'int', value: '3' } },
    ]);
    const { fast, slow } = decodeBothPaths('lists.json', new TextEncoder().encode(text));
    expect(fast).toEqual(slow);
  });

  it('reads each key right when spans change the order of their keys or spell one with an escape', () => {
    // The key reader predicts each key from the one before it (json-scan-key-reader.ts): every span here
    // breaks the prediction the spans before it set up, in another way.
    const trace = '"traceId":"0af7651916cd43dd8448eb211c80319c"';
    const spans = [
      `{${trace},"spanId":"b7ad6b7169203331","name":"a","kind":2,"startTimeUnixNano":"1"}`,
      `{${trace},"spanId":"b7ad6b7169203332","name":"b","kind":2,"startTimeUnixNano":"2"}`,
      `{"spanId":"b7ad6b7169203333",${trace},"kind":3,"name":"c","startTimeUnixNano":"3"}`,
      `{${trace},"spanId":"b7ad6b7169203334","kind":1,"name":"d"}`,
      `{${trace},"spanId":"b7ad6b7169203335","nam":"e","names":"f","name":"g","kind":4}`,
      `{${trace}, "spanId" : "b7ad6b7169203336" ,"name":"h"}`,
    ];
    const text = `{"resourceSpans":[{"scopeSpans":[{"spans":[${spans.join(',')}]}]}]}`;
    const { fast, slow, numScanned } = decodeBothPaths('keys.json', new TextEncoder().encode(text));
    expect(numScanned).toBe(1);
    expect(fast).toEqual(slow);
    const read = (fast as { spans: Array<{ name: string; kind: number }> }).spans.map((s) => `${s.name}/${s.kind}`);
    expect(read).toEqual(['a/2', 'b/2', 'c/3', 'd/1', 'g/4', 'h/0']);
    // A key spelled with an escape where `"name"` is predicted: the walker's, as any escaped key.
    const escaped = text.replace('"kind":1,"name":"d"', String.raw`"kind":1,"n\u0061me":"d"`);
    expect(escaped).toContain(String.raw`"n\u0061me"`);
    const both = decodeBothPaths('escaped-key.json', new TextEncoder().encode(escaped));
    expect(both.numScanned).toBe(0);
    expect(both.fast).toEqual(both.slow);
  });

  it('inputs the scanner leaves to the walker return null', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    const span = '{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331","startTimeUnixNano":"1"}';
    expect(scanWholeInput(enc(`{"resourceSpans":[{"scopeSpans":[{"spans":[${span}]}]}]}`), recordingSink())).toBe(1);
    for (const other of [
      `{"resource_spans":[{"scope_spans":[{"spans":[${span}]}]}]}`,
      `{"batches":[{"scopeSpans":[{"spans":[${span}]}]}]}`,
      `{"result":{"resourceSpans":[{"scopeSpans":[{"spans":[${span}]}]}]}}`,
      `[{"resourceSpans":[]}]`,
      `{"resourceSpans":[{"scopeSpans":[{"spans":[${span}]}]}]} x`,
      `{"resourceSpans":[{"scopeSpans":[{"spans":[${span.replace('"1"', '"1.5"')}]}]}]}`,
      `{"resourceSpans":[{"scopeSpans":[{"spans":[${span}],"spans":[]}]}]}`,
      `{"resourceSpans":[{"scopeSpans":[{"spans":["not a span"]}]}]}`,
      `{"resourceSpans":[{"scopeSpans":{}}]}`,
      `{"resourceSpans":[{"scopeSpans":[{"scope":{"name":"bad \\x escape"}}]}]}`,
    ]) {
      const sink = recordingSink();
      expect(scanWholeInput(enc(other), sink), other).toBeNull();
      expect([sink.spans, sink.resources, sink.scopes], other).toEqual([[], [], []]);
    }
  });

  it('a request given up after whole resources leaves nothing behind for the next one (JSON lines)', () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    const span = '{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331"}';
    const sink = recordingSink();
    const scanner = new TracesScanner(sink);
    // The first resource has an empty scope, then the scanner meets snake_case and gives the line up.
    expect(scanner.scan(enc(`{"resourceSpans":[{"resource":{},"scopeSpans":[{"spans":[]}]},{"scopeSpans":[{"spans":[${span}]}]},{"scope_spans":[]}]}`))).toBeNull();
    expect(scanner.scan(enc(`{"resourceSpans":[{"scopeSpans":[{"scope":{"name":"next"},"spans":[${span}]}]}]}`))).toBe(1);
    expect([sink.resources.length, sink.scopes.map((s) => s.name), sink.spans.map((s) => [s.resourceIdx, s.scopeIdx])]).toEqual([1, ['next'], [[0, 0]]]);
  });
});

describe.skipIf(!HAS_CORPUS)('real-world corpus through both OTLP/JSON paths', () => {
  const files = HAS_CORPUS ? otlpJsonFiles(CORPUS_DIR) : [];
  it('compares every OTLP/JSON dump in the corpus (there may be none yet)', () => {
    for (const path of files) {
      const { fast, slow } = decodeBothPaths(path, new Uint8Array(readFileSync(path)));
      expect(fast, path).toEqual(slow);
    }
  });
});

if (!HAS_CORPUS) {
  describe('real-world corpus through both OTLP/JSON paths', () => {
    it.skip(`skipped: ${CORPUS_DIR} is absent (the shared folder sits beside the repository)`, () => {});
  });
}
