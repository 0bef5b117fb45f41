// The chunk splitters and the stream decoders built on them, with a chunk boundary at every byte position of
// small SDK-made inputs (JSON lines with CRLF, a BOM and multi-byte UTF-8 names; length-delimited protobuf):
// fed in two chunks, or one byte at a time, they give exactly what the whole-input decoders give.
import { describe, expect, it } from 'vitest';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { forEachLine } from '../../../src/core/decode/lines.ts';
import { loadInput, sniffFormat } from '../../../src/core/decode/load.ts';
import { ChunkedLoad } from '../../../src/core/decode/load-chunks.ts';
import { otlpJsonl } from '../../../src/core/decode/otlp-jsonl.ts';
import { otlpProto, delimitedFrames } from '../../../src/core/decode/otlp-proto.ts';
import { FrameSplitter, LineSplitter, type ChunkDecoder, type FrameProblem } from '../../../src/core/decode/stream.ts';
import { SdkWorld } from '../../support/sdk-world.ts';
import { lengthDelimited } from '../../support/otlp-proto-gen.ts';
import { builderModelText } from '../../support/model-text.ts';

/** Two traces over two services; one span name has 2-, 3- and 4-byte UTF-8 characters. */
function smallWorld(): SdkWorld {
  const w = new SdkWorld(7);
  const root = w.start('käse-shop', { name: 'GET /größe', startMs: 0 });
  w.span('käse-shop', { name: 'prüfen €5 🧀', startMs: 1, endMs: 3, attributes: { 'app.note': 'naïve → ✓' } }, root);
  w.span('lager', { name: 'SELECT lager', startMs: 2, endMs: 4 }, root);
  root.end([1714564800, 5_000_000]);
  w.span('lager', { name: 'cron', startMs: 10, endMs: 11 });
  return w;
}

const world = smallWorld();
const services = [...new Set(world.finished().map((s) => String(s.resource.attributes['service.name'])))];
const byService = services.map((name) => world.finished().filter((s) => s.resource.attributes['service.name'] === name));
const enc = (s: string) => new TextEncoder().encode(s);
/** One request per service per line, CRLF line ends, a BOM first, a blank line and a trailing newline. */
const jsonl = enc(`\ufeff${byService.map((g) => world.otlpJson(g)).join('\r\n')}\r\n\r\n`);

const framed = lengthDelimited(byService.map((g) => world.otlpProto(g)));

/** Feeds `bytes` to a fresh decoder in pieces cut at `cuts`. */
function feed(open: () => ChunkDecoder, bytes: Uint8Array, cuts: readonly number[]): void {
  const d = open();
  let at = 0;
  for (const cut of [...cuts, bytes.length]) {
    d.push(bytes.subarray(at, cut));
    at = cut;
  }
  d.end();
}

const everyByte = (bytes: Uint8Array) => Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);

function wholeModel(bytes: Uint8Array): string {
  const b = new DatasetBuilder();
  loadInput(b, 'in', bytes);
  return builderModelText(b);
}

function streamedModel(decoder: typeof otlpJsonl, bytes: Uint8Array, cuts: readonly number[]): string {
  const b = new DatasetBuilder();
  const { sink, report } = b.beginInput('in');
  report.format = decoder.format;
  report.bytes = bytes.length;
  feed(() => decoder.stream!.open(sink), bytes, cuts);
  return builderModelText(b);
}

describe('LineSplitter', () => {
  const whole: Array<[string, number]> = [];
  forEachLine(jsonl, (line, lineNo) => void whole.push([line, lineNo]));

  it('the input really has what the boundaries must survive', () => {
    expect(jsonl.subarray(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(new TextDecoder().decode(jsonl)).toContain('🧀');
    expect(new TextDecoder().decode(jsonl)).toContain('\r\n');
    expect(whole.length).toBe(byService.length + 1);
  });

  it('gives forEachLine\'s lines with one boundary at every position, and with one byte per chunk', () => {
    for (const cut of everyByte(jsonl)) {
      const lines: Array<[string, number]> = [];
      feed(() => new LineSplitter((line, lineNo) => void lines.push([line, lineNo])), jsonl, [cut]);
      expect(lines, `cut at byte ${cut}`).toEqual(whole);
    }
    const lines: Array<[string, number]> = [];
    feed(() => new LineSplitter((line, lineNo) => void lines.push([line, lineNo])), jsonl, everyByte(jsonl));
    expect(lines).toEqual(whole);
  });

  it('emits a last line without a newline, and nothing for a lone BOM', () => {
    const lines: string[] = [];
    feed(() => new LineSplitter((line) => void lines.push(line)), enc('a\r\nb'), [2]);
    expect(lines).toEqual(['a', 'b']);
    const none: string[] = [];
    feed(() => new LineSplitter((line) => void none.push(line)), jsonl.subarray(0, 3), [1, 2]);
    expect(none).toEqual([]);
  });
});

describe('OTLP JSON lines, decoded while chunks arrive', () => {
  it('gives the whole decode\'s model (every field) with a boundary at every position', () => {
    const reference = wholeModel(jsonl);
    expect(reference).toContain('prüfen €5 🧀');
    for (const cut of everyByte(jsonl)) expect(streamedModel(otlpJsonl, jsonl, [cut]), `cut at byte ${cut}`).toBe(reference);
    expect(streamedModel(otlpJsonl, jsonl, everyByte(jsonl))).toBe(reference);
  });

  it('reports a bad line by its number, as the whole decode does', () => {
    const bad = enc(`${world.otlpJson(byService[0])}\n{"resourceSpans": [\n${world.otlpJson(byService[1])}\n`);
    const reference = wholeModel(bad);
    expect(reference).toContain('"where":"line 2');
    expect(streamedModel(otlpJsonl, bad, [40, 41, bad.length - 5])).toBe(reference);
  });
});

describe('FrameSplitter and framed OTLP/protobuf', () => {
  const bodies = delimitedFrames(framed)!.map(([start, end]) => [start, [...framed.subarray(start, end)]] as const);

  it('emits delimitedFrames\' frames with a boundary at every position', () => {
    expect(bodies.length).toBe(byService.length);
    for (const cut of everyByte(framed)) {
      const got: Array<readonly [number, number[]]> = [];
      feed(() => new FrameSplitter((f, at) => void got.push([at, [...f]]), () => expect.unreachable()), framed, [cut]);
      expect(got, `cut at byte ${cut}`).toEqual(bodies);
    }
  });

  it('gives the whole decode\'s model for every boundary, one byte per chunk included', () => {
    const reference = wholeModel(framed);
    expect(reference).toContain('read 2 length-delimited messages');
    for (const cut of everyByte(framed)) expect(streamedModel(otlpProto, framed, [cut]), `cut at byte ${cut}`).toBe(reference);
    expect(streamedModel(otlpProto, framed, everyByte(framed))).toBe(reference);
  });

  it('a cut-off last frame: the frames before are kept, with the whole decode\'s message', () => {
    const cutOff = framed.subarray(0, framed.length - 10);
    const reference = wholeModel(cutOff);
    expect(reference).toContain('is cut short');
    expect(streamedModel(otlpProto, cutOff, [100])).toBe(reference);
  });

  it('stops at a frame that does not start like a ResourceSpans, keeping the frames before', () => {
    const broken = lengthDelimited([world.otlpProto(byService[0]), enc('not protobuf')]);
    const problems: FrameProblem[] = [];
    let numFrames = 0;
    feed(() => new FrameSplitter(() => numFrames++, (p) => problems.push(p)), broken, [5]);
    expect(numFrames).toBe(1);
    // The second frame's 1-byte length prefix starts 13 bytes before the end ('not protobuf' is 12 bytes).
    expect(problems).toEqual([{ kind: 'bad-start', at: broken.length - 13, numBytesLeft: 0 }]);
  });
});

describe('ChunkedLoad', () => {
  it('sniffs from the first chunks and streams JSON lines; a JSON document is read whole, same models', () => {
    const lines = enc(byService.map((g) => world.otlpJson(g)).join('\n').padEnd(70_000, ' '));
    const b = new DatasetBuilder();
    const load = new ChunkedLoad(b, 'in', { sizeHint: lines.length });
    let streamingAt = -1;
    for (let at = 0; at < lines.length; at += 1000) {
      load.push(lines.subarray(at, at + 1000));
      if (load.isStreaming && streamingAt < 0) streamingAt = at + 1000;
    }
    load.end();
    // Streaming starts once 64 KiB are in, before the end.
    expect(streamingAt).toBe(66_000);
    expect(builderModelText(b)).toBe(wholeModel(lines));

    const doc = enc(world.otlpJson());
    const d = new DatasetBuilder();
    const whole = new ChunkedLoad(d, 'in');
    for (let at = 0; at < doc.length; at += 100) whole.push(doc.subarray(at, at + 100));
    expect(whole.isStreaming).toBe(false);
    whole.end();
    expect(builderModelText(d)).toBe(wholeModel(doc));
  });
});

describe('sniffing JSON lines whose first line is longer than the sniffed head', () => {
  it('a .jsonl name decides; without it the head is taken for one OTLP/JSON document, as before', () => {
    const long = enc(`${world.otlpJson().padEnd(70_000, ' ')}\n${world.otlpJson()}\n`);
    expect(sniffFormat(long, 'dump.jsonl')?.format).toBe('otlp-jsonl');
    expect(sniffFormat(long, 'dump.ndjson.gz')?.format).toBe('otlp-jsonl');
    expect(sniffFormat(long, 'dump.json')?.format).toBe('otlp-json');
  });
});
