// Run by test/unit/decode/input-released.test.ts in a child node process with --expose-gc: loads real-SDK
// spans (bench/gen.ts, a value of its own per span, so OTLP/protobuf keeps attribute lists as bytes with a
// codec that lives as long as the dataset) as OTLP/JSON and as OTLP/protobuf, keeps each dataset, and says
// whether the input's bytes were collected once nothing but the dataset could hold them.
import { setTimeout as sleep } from 'node:timers/promises';
import { generateSpans } from '../../bench/gen.ts';
import { loadDataset } from '../../src/core/load-dataset.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const { world, spans } = generateSpans(2_000, 100, 99, 'unique');
const kept: unknown[] = [];

/** Loads a fresh copy of `make()`'s bytes; the copy is reachable only through the returned WeakRef. */
function load(name: string, make: () => Uint8Array): WeakRef<ArrayBuffer> {
  const bytes = make().slice();
  const ds = loadDataset([{ name, bytes }]);
  if (ds.numSpans !== spans.length) throw new Error(`${name}: ${ds.numSpans} spans, not ${spans.length}`);
  // The lists are still there to read: a span's attributes decode from the dataset alone.
  if (ds.span(0).attributes.length === 0) throw new Error(`${name}: span 0 lost its attributes`);
  kept.push(ds);
  return new WeakRef(bytes.buffer);
}

const refs = [
  ['json', load('x.json', () => new TextEncoder().encode(world.otlpJson(spans)))],
  ['protobuf', load('x.pb', () => world.otlpProto(spans))],
] as const;
// A WeakRef holds its target until the job that made it ends.
await sleep(0);
gc();
for (const [format, ref] of refs) console.log(`${format}: input ${ref.deref() === undefined ? 'released' : 'retained'}`);
console.log(`datasets kept: ${kept.length}`);
