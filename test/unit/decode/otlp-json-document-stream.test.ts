// An OTLP/JSON document decodes as its chunks arrive (json-scan-frames.ts RequestScan, json-scan.ts
// DocumentScan): wherever a chunk ends (inside a key, a string escape, a number, between a key and its colon,
// inside a span, a resource or a skipped value), the load gives the model of the same bytes loaded whole,
// and the fast path really took it. When the fast path gives up half-way, the whole input is decoded
// instead: from the chunks kept, or read again by the caller (`rereadable`, a File), to the same model.
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ChunkedLoad, type ChunkedLoadOptions } from '../../../src/core/decode/load-chunks.ts';
import { loadInput } from '../../../src/core/decode/load.ts';
import { DocumentScan, jsonFastPath } from '../../../src/core/decode/otlp/json-scan.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { assemble } from '../../../src/core/model/assemble.ts';
import { builderModelText } from '../../support/model-text.ts';
import { shapedDocument } from '../../support/shaped-otlp-json.ts';
import { generateSpans } from '../../../bench/gen.ts';

type Json = Record<string, unknown>;
/** 600 spans made by the SDK: more than the sniffed head (64 KiB), which is read before any decoding. */
const sdkDocument = ((g) => g.world.otlpJson(g.spans))(generateSpans(600, 100, 5));
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Pushes `bytes` in chunks of `sizes` (cycled) through one buffer scribbled over after each push. */
function pushAll(load: { push(chunk: Uint8Array): void }, bytes: Uint8Array, sizes: readonly number[], stopWhen?: () => boolean): void {
  const buffer = new Uint8Array(Math.max(...sizes));
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const piece = bytes.subarray(at, at + sizes[k % sizes.length]!);
    buffer.set(piece);
    load.push(buffer.subarray(0, piece.length));
    buffer.fill(0x7b);
    at += piece.length;
    if (stopWhen?.()) return;
  }
}

function chunked(name: string, bytes: Uint8Array, sizes: readonly number[], options: ChunkedLoadOptions = {}): { text: string; builder: DatasetBuilder } {
  const b = new DatasetBuilder();
  const load = new ChunkedLoad(b, name, { sizeHint: bytes.length, ...options });
  pushAll(load, bytes, sizes);
  load.end();
  return { text: builderModelText(b), builder: b };
}

const bigintSafe = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);
/** What a builder was given: spans, resources and scopes (cheaper than the assembled model, for thousands of loads). */
const given = (b: DatasetBuilder): string => JSON.stringify({ spans: b.spans, resources: b.resources, scopes: b.scopes }, bigintSafe);

/** The document pushed to a DocumentScan in chunks of `sizes` through one reused buffer; what the builder was given. */
function scanned(bytes: Uint8Array, sizes: readonly number[]): string {
  const b = new DatasetBuilder();
  const scan = new DocumentScan(b.beginInput('doc.json').sink);
  pushAll(scan, bytes, sizes);
  scan.end();
  expect(scan.wantsWhole).toBe(false);
  return given(b);
}

function whole(name: string, bytes: Uint8Array): string {
  const b = new DatasetBuilder();
  loadInput(b, name, bytes);
  return builderModelText(b);
}

/** Loads `bytes` into `b` by the walker alone. */
function loadWalked(b: DatasetBuilder, bytes: Uint8Array): void {
  jsonFastPath.enabled = false;
  try {
    loadInput(b, 'doc.json', bytes);
  } finally {
    jsonFastPath.enabled = true;
  }
}

/** The walker's model, the reference the fast path must match. */
function walked(name: string, bytes: Uint8Array): string {
  jsonFastPath.enabled = false;
  try {
    return whole(name, bytes);
  } finally {
    jsonFastPath.enabled = true;
  }
}

describe('an OTLP/JSON document decoded as its chunks arrive', () => {
  const text = shapedDocument();
  const bytes = enc(text);
  const reference = walked('doc.json', bytes);
  const walkerGave = ((b) => (loadWalked(b, bytes), given(b)))(new DatasetBuilder());

  it('the document is what the test needs: the fast path reads it whole, as the walker does', () => {
    expect(text.indexOf('"resourceSpans"')).toBeLessThan(10);
    expect(text).toMatch(/"resource" :/);
    expect(text.length).toBeGreaterThan(30_000);
    const before = jsonFastPath.numFallbacks;
    expect(whole('doc.json', bytes)).toBe(reference);
    expect(jsonFastPath.numFallbacks).toBe(before);
    expect(assemble(chunked('doc.json', bytes, [bytes.length]).builder).spans).toHaveLength(13);
  });

  it('cut in two anywhere, through a reused buffer, gives what the walker gives', () => {
    // Every byte of the odd span and of the resource after its spans, every seventh elsewhere (each load
    // takes ~1 ms: every byte of the document took a minute).
    const near = (needle: string, before: number, after: number): [number, number] => {
      expect(text.indexOf(needle), needle).toBeGreaterThan(0);
      const at = enc(text.slice(0, text.indexOf(needle))).length;
      return [at - before, at + after];
    };
    const dense = [near('GET \\"/a', 700, 900), near('"resource" :', 100, 1600)];
    const cuts = Array.from({ length: bytes.length - 1 }, (_, i) => i + 1).filter((cut) => cut % 7 === 0 || dense.some(([a, b]) => cut >= a && cut < b));
    expect(cuts.length).toBeGreaterThan(6000);
    const before = jsonFastPath.numFallbacks;
    for (const cut of cuts) {
      if (scanned(bytes, [cut, bytes.length]) !== walkerGave) expect.fail(`cut at byte ${cut} (${JSON.stringify(text.slice(cut - 12, cut + 12))}) gave other records`);
    }
    expect(jsonFastPath.numFallbacks).toBe(before);
  });

  it('byte by byte, and in uneven chunks, gives the same', () => {
    expect(scanned(bytes, [1])).toBe(walkerGave);
    expect(scanned(bytes, [5, 1, 64, 3, 700])).toBe(walkerGave);
  });

  it('through ChunkedLoad, past the sniffed head, in chunks of every size from 1 to 40 KiB, gives the whole load’s model', () => {
    const big = enc(sdkDocument);
    const reference = whole('doc.json', big);
    const before = jsonFastPath.numFallbacks;
    for (const size of [1, 7, 100, 4096, 40_000]) expect(chunked('doc.json', big, [size]).text, `chunks of ${size}`).toBe(reference);
    // With a UTF-8 byte order mark, which only the first chunk (the sniffed head) can hold.
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...big]);
    expect(chunked('doc.json', withBom, [4096]).text).toBe(whole('doc.json', withBom));
    expect(chunked('doc.json', withBom, [4096]).builder.inputs[0]!.errors).toEqual([]);
    expect(jsonFastPath.numFallbacks).toBe(before);
  });

  it('a load stopped half-way keeps the spans read, each under a resource and scope, even one that follows them', () => {
    const request = JSON.parse(sdkDocument) as { resourceSpans: Array<{ resource: Json }> };
    const resourceLast = JSON.stringify({ resourceSpans: request.resourceSpans.map(({ resource, ...rest }) => ({ ...rest, resource })) });
    const b = new DatasetBuilder();
    const load = new ChunkedLoad(b, 'doc.json', { rereadable: true });
    pushAll(load, enc(resourceLast).subarray(0, Math.floor(resourceLast.length * 0.6)), [997]);
    const report = load.stop('loading cancelled', 'warning');
    expect(report.spans).toBeGreaterThan(200);
    expect(report.spans).toBeLessThan(600);
    expect(b.spans.every((s) => s.resourceIdx >= 0 && s.scopeIdx >= 0)).toBe(true);
    expect(report.errors).toEqual([expect.objectContaining({ severity: 'warning', message: `loading cancelled; the ${report.spans} spans decoded before it are kept` })]);
  });
});

describe('an OTLP/JSON document the fast path gives up on half-way', () => {
  // A snake_case key in the last span: the walker reads it (and notes the quirk), the fast path does not.
  const last = sdkDocument.lastIndexOf('"droppedLinksCount"');
  const text = `${sdkDocument.slice(0, last)}"dropped_links_count"${sdkDocument.slice(last + '"droppedLinksCount"'.length)}`;
  const bytes = enc(text);
  const reference = whole('doc.json', bytes);

  it('is decoded whole from the chunks kept, to the whole load’s model', () => {
    expect(text).toContain('dropped_links_count');
    const before = jsonFastPath.numFallbacks;
    expect(chunked('doc.json', bytes, [512]).text).toBe(reference);
    // Given up as it streamed, and not tried again by the whole decode, which walks it at once.
    expect(jsonFastPath.numFallbacks).toBe(before + 1);
  });

  it('read again whole when the caller can (rereadable): no chunk is kept, and reading stops at the give-up', () => {
    const early = enc(text.replace('"traceId"', '"trace_id"'));
    const b = new DatasetBuilder();
    const load = new ChunkedLoad(b, 'doc.json', { rereadable: true });
    let pushed = 0;
    pushAll(load, early, [256], () => ((pushed += 256), load.needsWhole));
    expect(load.needsWhole).toBe(true);
    expect(pushed).toBeLessThan(early.length / 2);
    expect(b.spans).toHaveLength(0); // what the fast path gave was taken back
    expect(() => load.end()).toThrow(/endWith/);
    load.endWith(early);
    expect(builderModelText(b)).toBe(whole('doc.json', early));
  });

  it('a load stopped after the give-up says nothing was decoded', () => {
    const b = new DatasetBuilder();
    const load = new ChunkedLoad(b, 'doc.json', { rereadable: true });
    pushAll(load, enc(text.replace('"traceId"', '"trace_id"')).subarray(0, 100_000), [4096]);
    expect(load.needsWhole).toBe(true);
    const report = load.stop('loading cancelled', 'warning');
    expect(report.spans).toBe(0);
    expect(report.errors).toEqual([expect.objectContaining({ message: 'loading cancelled; nothing from this input was decoded' })]);
  });

  it('a give-up found only at the end (a document cut short) is read again too, and reports what it kept', () => {
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.7));
    const b = new DatasetBuilder();
    const load = new ChunkedLoad(b, 'cut.json', { rereadable: true });
    pushAll(load, cut, [300]);
    expect(load.needsWhole).toBe(false);
    load.endChunks();
    expect(load.needsWhole).toBe(true);
    const report = load.endWith(cut);
    expect(builderModelText(b)).toBe(whole('cut.json', cut));
    expect(report.errors[0]!.message).toMatch(/^not valid JSON from here .*; the \d+ whole spans before it are kept$/);
  });

  it('gzipped: read again whole and inflated again, not kept inflated, when the caller can read it again', () => {
    // Unique values, so that even gzipped it is past the sniffed head (64 KiB), which is read before deciding.
    const doc = ((g) => g.world.otlpJson(g.spans))(generateSpans(6000, 100, 9, 'unique'));
    const at = doc.lastIndexOf('"droppedLinksCount"');
    const gz = gzipSync(enc(`${doc.slice(0, at)}"dropped_links_count"${doc.slice(at + '"droppedLinksCount"'.length)}`));
    expect(gz.length).toBeGreaterThan(128 * 1024);
    const b = new DatasetBuilder();
    const load = new ChunkedLoad(b, 'doc.json.gz', { rereadable: true });
    pushAll(load, gz.subarray(0, gz.length / 2), [1024]);
    expect(load.isStreaming).toBe(true);
    expect(load.keepsWhole).toBe(false);
    pushAll(load, gz.subarray(gz.length / 2), [1024]);
    load.endChunks();
    expect(load.needsWhole).toBe(true);
    load.endWith(gz);
    expect(builderModelText(b)).toBe(whole('doc.json.gz', gz));
    // Without a way to read it again, its inflated bytes were kept: the same model.
    expect(chunked('doc.json.gz', gz, [1024]).text).toBe(whole('doc.json.gz', gz));
    // In memory (loadDataset's compressed input, pushed as views of it), it is inflated again from those
    // bytes: the same model.
    const m = new DatasetBuilder();
    const fromMemory = new ChunkedLoad(m, 'doc.json.gz', { inMemory: gz });
    for (let at = 0; at < gz.length; at += 1024) fromMemory.push(gz.subarray(at, at + 1024));
    expect(fromMemory.keepsWhole).toBe(false);
    fromMemory.end();
    expect(builderModelText(m)).toBe(whole('doc.json.gz', gz));
  });

  it('content after the document is refused as the whole load refuses it', () => {
    const trailing = enc(`${sdkDocument}\n{"more": 1}`);
    expect(chunked('doc.json', trailing, [100]).text).toBe(whole('doc.json', trailing));
  });
});
