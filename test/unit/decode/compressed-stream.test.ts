// Compressed input read chunk by chunk (ChunkedLoad): gzip and zstd are inflated as the chunks arrive, and
// the inflated bytes are sniffed and decoded as plain input would be, so a gzipped JSON-lines dump streams
// (spans before its end, a stop keeps them) and gives the same model as the whole-input path. SDK-made
// spans; zstd through the zstd command when the machine has it, and always through frames of raw blocks
// (RFC 8878 section 3.1.1), which fzstd must read as any encoder's.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder, type InputReport } from '../../../src/core/model/dataset-builder.ts';
import { loadInput } from '../../../src/core/decode/load.ts';
import { ChunkedLoad, type ChunkedLoadOptions } from '../../../src/core/decode/load-chunks.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { generateSpans } from '../../../bench/gen.ts';
import { join } from '../../../src/core/decode/stream.ts';
import { zstdFrame } from '../../support/zstd-frame.ts';
import { builderModelText } from '../../support/model-text.ts';

/** What Chromium's Blob.stream() hands over at a time, or less. */
const CHUNK = 16 * 1024;
const ZSTD = '/usr/bin/zstd';
/** The collector writes a batch per line, longer than the sniffed head: the name tells JSON lines apart. */
const NAME = 'traces.jsonl.gz';

/** 6,000 SDK spans, each with a value of its own, as JSON lines of 500 spans: ~3.5 MB, ~0.4 MB gzipped. */
function sdkJsonLines(): Uint8Array {
  const { world, spans } = generateSpans(6000, 100, 99, 'unique');
  const lines: string[] = [];
  for (let at = 0; at < spans.length; at += 500) lines.push(world.otlpJson(spans.slice(at, at + 500)));
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

const jsonl = sdkJsonLines();
const gz = gzipSync(jsonl);

/** The first `fraction` of the JSON lines, cut after a whole line. */
const firstLines = (fraction: number): Uint8Array => jsonl.subarray(0, jsonl.lastIndexOf(0x0a, Math.floor(jsonl.length * fraction)) + 1);

function wholeModel(bytes: Uint8Array, name = NAME): string {
  const b = new DatasetBuilder();
  loadInput(b, name, bytes);
  return builderModelText(b);
}

interface Streamed {
  readonly builder: DatasetBuilder;
  readonly report: InputReport;
  /** Spans the builder held when half of the input had been pushed. */
  readonly spansAtHalf: number;
  /** Bytes pushed when the load first said it was streaming (-1: never). */
  readonly streamingAt: number;
}

/** Pushes `bytes` in CHUNK pieces; `stopAt` stops (as a cancel does) once that many bytes are in. */
function streamed(bytes: Uint8Array, options: ChunkedLoadOptions = {}, stopAt = Infinity, name = NAME): Streamed {
  const builder = new DatasetBuilder();
  const load = new ChunkedLoad(builder, name, options);
  let spansAtHalf = -1;
  let streamingAt = -1;
  for (let at = 0; at < bytes.length; at += CHUNK) {
    load.push(bytes.subarray(at, at + CHUNK));
    if (streamingAt < 0 && load.isStreaming) streamingAt = at + CHUNK;
    if (spansAtHalf < 0 && at + CHUNK >= bytes.length / 2) spansAtHalf = builder.spans.length;
    if (at + CHUNK >= stopAt) return { builder, report: load.stop('loading cancelled', 'warning'), spansAtHalf, streamingAt };
  }
  return { builder, report: load.end(), spansAtHalf, streamingAt };
}

describe('compressed input read in chunks', () => {
  it('streams gzipped JSON lines: spans before the end, the same model as the whole-input path', () => {
    expect(gz.length).toBeGreaterThan(4 * CHUNK); // several chunks, or nothing here is tested
    const s = streamed(gz);
    expect(s.streamingAt).toBeGreaterThan(0);
    expect(s.streamingAt).toBeLessThan(gz.length);
    expect(s.spansAtHalf).toBeGreaterThan(0);
    expect(s.report.format).toBe('otlp-jsonl');
    expect(s.report.spans).toBe(6000);
    expect(s.report.bytes).toBe(jsonl.length); // the inflated size, as loadInput reports it
    expect(builderModelText(s.builder)).toBe(wholeModel(gz));
    expect(builderModelText(s.builder)).toBe(wholeModel(jsonl));
  });

  it('takes off two layers (a .jsonl.gz.gz) and reads a gzipped OTLP/JSON document whole', () => {
    const twice = gzipSync(gz);
    expect(builderModelText(streamed(twice).builder)).toBe(wholeModel(jsonl));
    const { world } = generateSpans(300, 100);
    const doc = gzipSync(new TextEncoder().encode(world.otlpJson()));
    const s = streamed(doc, {}, Infinity, 'trace.json.gz');
    expect(s.streamingAt).toBe(-1);
    expect(s.report.format).toBe('otlp-json');
    expect(s.report.spans).toBe(300);
    expect(builderModelText(s.builder)).toBe(wholeModel(doc, 'trace.json.gz'));
  });

  it('reads zstd frames of raw blocks, two frames one after the other too', () => {
    const head = firstLines(0.5);
    const zst = join([zstdFrame(head), zstdFrame(jsonl.subarray(head.length))]);
    const s = streamed(zst);
    expect(s.spansAtHalf).toBeGreaterThan(0);
    expect(s.report.spans).toBe(6000);
    expect(builderModelText(s.builder)).toBe(wholeModel(jsonl));
  });

  it.skipIf(!existsSync(ZSTD))('reads what the zstd command writes (skipped where /usr/bin/zstd is missing)', () => {
    const zst = new Uint8Array(execFileSync(ZSTD, ['-q', '-c', '-3'], { input: jsonl }));
    const s = streamed(zst);
    expect(s.spansAtHalf).toBeGreaterThan(0);
    expect(builderModelText(s.builder)).toBe(wholeModel(jsonl));
  });

  it('a stop half-way keeps the spans inflated and decoded before it, and says so', () => {
    const s = streamed(gz, {}, gz.length / 2);
    expect(s.report.spans).toBeGreaterThan(0);
    expect(s.report.spans).toBeLessThan(6000);
    expect(s.report.errors).toEqual([expect.objectContaining({ severity: 'warning', message: `loading cancelled; the ${s.report.spans} spans decoded before it are kept` })]);
  });

  it('compressed data corrupt half-way or cut short: the spans before it are kept, with where and why', () => {
    const why = (kind: string, spans: number) => new RegExp(`^${kind} data is corrupt or cut short \\(.+\\) in compressed bytes up to \\d+; the ${spans} spans decoded before it are kept$`);
    const head = firstLines(0.5);
    const numHead = wholeModel(head).match(/"spanId"/g)!.length;
    // A second gzip member whose header is damaged; a zstd frame with a reserved block type.
    const badGzip = join([gzipSync(head), Uint8Array.of(0x1f, 0x8c, 8, 0, 0, 0, 0, 0, 0, 3), gzipSync(jsonl.subarray(head.length))]);
    const badZstd = join([zstdFrame(head), zstdFrame(jsonl.subarray(head.length), 3)]);
    for (const [kind, bytes] of [['gzip', badGzip], ['zstd', badZstd]] as const) {
      const bad = streamed(bytes);
      expect(bad.report.spans).toBe(numHead);
      expect(bad.report.errors).toEqual([expect.objectContaining({ severity: 'error', where: `byte ${head.length}`, message: expect.stringMatching(why(kind, numHead)) })]);
      // The whole-input path inflates first and so keeps nothing.
      expect(wholeModel(bytes)).toMatch(/^\{"spans":\[\]/);
    }
    const cut = streamed(gz.subarray(0, Math.floor(gz.length * 0.6)));
    expect(cut.report.spans).toBeGreaterThan(0);
    expect(cut.report.errors.at(-1)).toMatchObject({ severity: 'error', message: expect.stringMatching(why('gzip', cut.report.spans)) });
  });

  it('bounds inflated input that is read whole (a decompression bomb), not inflated input that streams', () => {
    const bomb = gzipSync(new Uint8Array(64 * 1024 * 1024));
    const refused = streamed(bomb, { maxDecompressedBytes: 8 * 1024 * 1024 });
    expect(refused.report.errors).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/^gzip data expands past 8 MiB \(from \d+ bytes\); refused as a possible decompression bomb; nothing from this input was decoded$/) }),
    ]);
    // JSON lines decode as they inflate, so their size is bounded only as a plain file's is.
    const s = streamed(gz, { maxDecompressedBytes: 1024 * 1024 });
    expect(s.report.spans).toBe(6000);
    expect(s.report.errors).toEqual([]);
  });

  it('loadDataset (the CLI) inflates in pieces too: JSON lines and a document past the bound load, a protobuf past it is refused', () => {
    const bound = { maxDecompressedBytes: 1024 * 1024 };
    const ds = loadDataset([{ name: NAME, bytes: gz }], bound);
    expect(ds.spans).toHaveLength(6000);
    expect(ds.inputs[0]!.errors).toEqual([]);
    const { world } = generateSpans(6000, 100, 99, 'unique');
    // A document decodes as it inflates and is not kept: its compressed bytes are in memory, to be inflated
    // again whole (and bounded then) if the scanner gives up. So it loads past the bound, as JSON lines do.
    const doc = gzipSync(new TextEncoder().encode(world.otlpJson()));
    const loaded = loadDataset([{ name: 'trace.json.gz', bytes: doc }], bound);
    expect(loaded.spans).toHaveLength(6000);
    expect(loaded.inputs[0]!.errors).toEqual([]);
    // A format read whole (plain OTLP/protobuf) is held inflated: bounded.
    const pb = gzipSync(world.otlpProto());
    const refused = loadDataset([{ name: 'trace.pb.gz', bytes: pb }], bound);
    expect(refused.spans).toHaveLength(0);
    expect(refused.inputs[0]!.errors[0]!.message).toMatch(/^gzip data expands past 1 MiB .* refused as a possible decompression bomb; nothing from this input was decoded$/);
  });
});
