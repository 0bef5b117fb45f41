// ChunkedLoad reads a chunk during its push only. The worker reads a file's chunks into one buffer, each read
// filling it again (workers/read-chunks.ts), so nothing a load keeps past a push may be a view of the chunk:
// not the sniffed head, not compressed bytes an inflater holds until it has a whole block (fzstd keeps its
// input chunks), not a line or frame carried over to the next chunk. Each input here (SDK-made spans, in
// every way ChunkedLoad reads: streamed, read whole, inflated) is pushed through one buffer that is
// overwritten right after each push, and must give the model of the same bytes loaded whole.
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateSpans } from '../../../bench/gen.ts';
import { DatasetBuilder } from '../../../src/core/model/dataset-builder.ts';
import { loadInput } from '../../../src/core/decode/load.ts';
import { ChunkedLoad } from '../../../src/core/decode/load-chunks.ts';
import { zstdFrame } from '../../support/zstd-frame.ts';
import { lengthDelimited } from '../../support/otlp-proto-gen.ts';
import { builderModelText } from '../../support/model-text.ts';

const { world, spans } = generateSpans(3000, 100, 61, 'unique');
const enc = (s: string) => new TextEncoder().encode(s);
const requests = Array.from({ length: 12 }, (_, i) => spans.slice(i * 250, (i + 1) * 250));
const jsonl = enc(`${requests.map((r) => world.otlpJson(r)).join('\n')}\n`);
const doc = enc(world.otlpJson(spans));
const framed = lengthDelimited(requests.map((r) => world.otlpProto(r)));

const INPUTS: readonly { name: string; bytes: Uint8Array; streams: boolean }[] = [
  { name: 'spans.jsonl', bytes: jsonl, streams: true },
  { name: 'spans.json', bytes: doc, streams: true },
  { name: 'spans.pb', bytes: framed, streams: true },
  { name: 'spans.jsonl.gz', bytes: gzipSync(jsonl), streams: true },
  { name: 'spans.jsonl.zst', bytes: zstdFrame(jsonl), streams: true },
  { name: 'spans.json.gz', bytes: gzipSync(doc), streams: true },
];

function wholeModel(name: string, bytes: Uint8Array): string {
  const b = new DatasetBuilder();
  loadInput(b, name, bytes);
  return builderModelText(b);
}

/** Pushes `bytes` through one buffer of `chunkBytes`, scribbled over after every push. */
function throughOneBuffer(name: string, bytes: Uint8Array, chunkBytes: number): { model: string; streamed: boolean } {
  const b = new DatasetBuilder();
  const load = new ChunkedLoad(b, name, { sizeHint: bytes.length });
  const buffer = new Uint8Array(chunkBytes);
  let streamed = false;
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    const piece = bytes.subarray(at, at + chunkBytes);
    buffer.set(piece);
    load.push(buffer.subarray(0, piece.length));
    buffer.fill(0xee);
    streamed ||= load.isStreaming;
  }
  load.end();
  return { model: builderModelText(b), streamed };
}

describe('ChunkedLoad with every chunk read into one reused buffer', () => {
  it('the inputs are what the test needs: spans in each, more than the sniffed head', () => {
    for (const { name, bytes } of INPUTS) {
      const b = new DatasetBuilder();
      expect(loadInput(b, name, bytes).spans, name).toBe(3000);
      expect(bytes.length, name).toBeGreaterThan(70_000);
    }
  });

  // 4 KiB: the head is sniffed from several chunks; 70,000 bytes: the first chunk alone completes it.
  for (const chunkBytes of [4096, 70_000]) {
    for (const { name, bytes, streams } of INPUTS) {
      it(`${name} in chunks of ${chunkBytes} bytes gives the whole load's model`, () => {
        const { model, streamed } = throughOneBuffer(name, bytes, chunkBytes);
        expect(streamed).toBe(streams);
        expect(model).toBe(wholeModel(name, bytes));
      });
    }
  }
});
