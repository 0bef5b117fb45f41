// Inputs that start with a byte order mark (decode/bom.ts): UTF-16 text, as a Windows shell redirect writes
// it, and UTF-8 with a BOM load the same spans as plain UTF-8, whole or fed in chunks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { utf16Bom, utf8BomLength } from '../../../src/core/decode/bom.ts';
import { ChunkedLoad } from '../../../src/core/decode/load-chunks.ts';
import { jsonFastPath } from '../../../src/core/decode/otlp/json-scan.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { generateSpans } from '../../../bench/gen.ts';
import { SdkWorld } from '../../support/sdk-world.ts';
import { decodeBothPaths } from '../../support/both-json-paths.ts';

const demo = readFileSync(new URL('../../../public/demo/demo.otlp.json', import.meta.url), 'utf8');
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le'));
const utf16be = (text: string): Uint8Array => utf16le(text).map((_, i, le) => le[i ^ 1]!);
const spansOf = (name: string, bytes: Uint8Array): unknown[] => loadDataset([{ name, bytes }]).spans.map((s) => [s.traceId, s.spanId, s.name, s.where]);

describe('byte order marks', () => {
  it('are recognised only at the very start', () => {
    expect([utf16Bom(utf16le('x')), utf16Bom(utf16be('x')), utf16Bom(new TextEncoder().encode('\ufeffx'))]).toEqual(['utf-16le', 'utf-16be', undefined]);
    expect([utf8BomLength(new TextEncoder().encode('\ufeffx')), utf8BomLength(new TextEncoder().encode('x\ufeff')), utf8BomLength(new Uint8Array(0))]).toEqual([3, 0, 0]);
  });

  it('UTF-16 OTLP/JSON, either byte order, loads the spans of the UTF-8 file (through the walker)', () => {
    const plain = spansOf('demo.json', new TextEncoder().encode(demo));
    expect(plain.length).toBeGreaterThan(10);
    const fallbacks = jsonFastPath.numFallbacks;
    const scanned = jsonFastPath.numScanned;
    expect(spansOf('le.json', utf16le(demo))).toEqual(plain);
    expect(spansOf('be.json', utf16be(demo))).toEqual(plain);
    // Left to the walker before the byte scanner looks at it: no fallback counted, nothing scanned.
    expect([jsonFastPath.numFallbacks, jsonFastPath.numScanned]).toEqual([fallbacks, scanned]);
  });

  it('UTF-8 OTLP/JSON with a BOM is read by the byte scanner', () => {
    const plain = spansOf('demo.json', new TextEncoder().encode(demo));
    const scanned = jsonFastPath.numScanned;
    expect(spansOf('bom.json', new TextEncoder().encode(`\ufeff${demo}`))).toEqual(plain);
    expect(jsonFastPath.numScanned).toBe(scanned + 1);
  });

  it('UTF-16 JSON lines, whole or fed in chunks, load the spans of the UTF-8 lines (they failed to load before)', () => {
    const { world, spans } = generateSpans(300, 100, 8);
    const lines = [world.otlpJson(spans.slice(0, 150)), world.otlpJson(spans.slice(150))].join('\n');
    const chunked = (bytes: Uint8Array): unknown[] => {
      const b = new DatasetBuilder();
      const load = new ChunkedLoad(b, 'dump.jsonl', { sizeHint: bytes.length });
      for (let at = 0; at < bytes.length; at += 4096) load.push(bytes.subarray(at, at + 4096));
      const report = load.end();
      expect(report.errors).toEqual([]);
      return b.spans.map((s) => [s.traceId, s.spanId, s.name]);
    };
    const plain = chunked(new TextEncoder().encode(lines));
    expect(plain).toHaveLength(300);
    expect(chunked(utf16le(lines))).toEqual(plain);
    expect(chunked(utf16be(lines.replaceAll('\n', '\r\n')))).toEqual(plain);
    const whole = loadDataset([{ name: 'dump.jsonl', bytes: utf16le(lines) }]);
    expect([whole.inputs[0]!.format, whole.inputs[0]!.errors, whole.spans.length]).toEqual(['otlp-jsonl', [], 300]);
  });
});

describe('U+FEFF inside the data', () => {
  // TextDecoder drops a leading U+FEFF unless told not to: decoding a field's bytes on their own took it off
  // the start of a name or a value (found by the framed-stream differential test, once in 6,711 runs).
  const BOM = '\ufeff';
  function world(): SdkWorld {
    const w = new SdkWorld(3);
    const root = w.start('api', { name: `${BOM}GET /é`, startMs: 0, attributes: { note: `${BOM}x`, [`${BOM}key`]: 'ü', only: BOM } });
    root.addEvent(`${BOM}ev`, { why: `${BOM}ö` });
    root.setStatus({ code: 2, message: `${BOM}failed` });
    root.end(at(5));
    return w;
  }
  const at = (ms: number): [number, number] => [1_714_564_800 + Math.floor(ms / 1000), (ms % 1000) * 1_000_000];
  const want = (spans: ReturnType<typeof loadDataset>['spans']) => {
    const s = spans[0]!;
    return { name: s.name, attributes: s.attributes.map((a) => [a.key, a.value.type === 'string' ? a.value.value : null]), event: s.events[0]!.name, why: s.events[0]!.attributes[0]!.value, message: s.status.message };
  };
  const expected = {
    name: `${BOM}GET /é`,
    attributes: [['note', `${BOM}x`], [`${BOM}key`, 'ü'], ['only', BOM]],
    event: `${BOM}ev`,
    why: { type: 'string', value: `${BOM}ö` },
    message: `${BOM}failed`,
  };

  it('is kept at the start of any string of OTLP/JSON, by the byte scanner as by JSON.parse', () => {
    const bytes = new TextEncoder().encode(world().otlpJson());
    expect(want(loadDataset([{ name: 'feff.json', bytes }]).spans)).toEqual(expected);
    const { fast, slow, numScanned } = decodeBothPaths('feff.json', bytes);
    expect(numScanned).toBe(1);
    expect(fast).toEqual(slow);
  });

  it('is kept at the start of any string of OTLP/protobuf', () => {
    const bytes = world().otlpProto();
    expect(want(loadDataset([{ name: 'feff.pb', bytes }]).spans)).toEqual(expected);
  });
});
