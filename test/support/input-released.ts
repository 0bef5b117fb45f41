// Run by test/unit/decode/input-released.test.ts in a child node process with --expose-gc: loads real-SDK
// spans (bench/gen.ts, a value of its own per span, so OTLP/protobuf keeps attribute lists as bytes with a
// codec that lives as long as the dataset) as an OTLP/JSON document, as OTLP/protobuf, as OTLP/JSON lines and
// as a document read in pieces, keeps each dataset, and says whether the input's bytes were collected once
// nothing but the dataset could hold them.
import { setTimeout as sleep } from 'node:timers/promises';
import { generateSpans } from '../../bench/gen.ts';
import { loadChunkedDataset, loadDataset } from '../../src/core/load-dataset.ts';
import type { Dataset } from '../../src/core/model/assemble.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const { world, spans } = generateSpans(2_000, 100, 99, 'unique');
const kept: Dataset[] = [];
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function keep(name: string, ds: Dataset): void {
  if (ds.numSpans !== spans.length) throw new Error(`${name}: ${ds.numSpans} spans, not ${spans.length}`);
  // The lists are still there to read: a span's attributes decode from the dataset alone.
  if (ds.span(0).attributes.length === 0) throw new Error(`${name}: span 0 lost its attributes`);
  kept.push(ds);
}

/** Loads a fresh copy of `make()`'s bytes; the copy is reachable only through the returned WeakRef. */
function load(name: string, make: () => Uint8Array): Array<WeakRef<ArrayBuffer>> {
  const bytes = make().slice();
  keep(name, loadDataset([{ name, bytes }]));
  return [new WeakRef(bytes.buffer)];
}

/** Loads the bytes in pieces of 64 KiB, each in memory of its own, as a file read is (no whole() to read it again). */
async function loadInPieces(name: string, bytes: Uint8Array): Promise<Array<WeakRef<ArrayBuffer>>> {
  const refs: Array<WeakRef<ArrayBuffer>> = [];
  const chunks = async function* (): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += 1 << 16) {
      const piece = bytes.slice(at, at + (1 << 16));
      refs.push(new WeakRef(piece.buffer));
      yield piece;
    }
  };
  keep(name, await loadChunkedDataset([{ name, size: bytes.length, chunks }]));
  return refs;
}

const lines = (): Uint8Array => {
  const requests: string[] = [];
  for (let at = 0; at < spans.length; at += 100) requests.push(world.otlpJson(spans.slice(at, at + 100)));
  return encode(requests.join('\n'));
};
const refs = [
  ['json', load('x.json', () => encode(world.otlpJson(spans)))],
  ['protobuf', load('x.pb', () => world.otlpProto(spans))],
  ['json lines', load('x.jsonl', lines)],
  ['json in pieces', await loadInPieces('x.json', encode(world.otlpJson(spans)))],
] as const;
// A WeakRef holds its target until the job that made it ends.
await sleep(0);
gc();
for (const [format, list] of refs) {
  const numKept = list.filter((ref) => ref.deref() !== undefined).length;
  console.log(`${format}: input ${numKept === 0 ? 'released' : `retained (${numKept} of ${list.length} pieces)`}`);
}
console.log(`datasets kept: ${kept.length}`);
