// The small load whose objects keep-shapes.ts keeps, run once per process: the made-up export of the
// worker's warm-up (warm-up-doc.ts), 60 spans with every kind of value, events, links, single-span traces and
// values of a span's own, as OTLP/JSON (whole, in chunks, and as JSON lines) and as OTLP/protobuf (whole and
// framed in chunks), then assembled: every class those paths make hands an object to `shapeOf`, and the
// first of each is kept. Chunks as the worker and the CLI read files (load-chunks.ts). It takes ~70 ms on
// cold code and ~50 ms after the warm-up's loads (node, 2026-12-03), so the worker runs it after its
// warm-up's first round or its first load, not before a load.
import { assemble } from '../model/assemble.ts';
import { DatasetBuilder } from '../model/dataset-builder.ts';
import protobuf from 'protobufjs/minimal.js';
import { loadInput } from '../decode/load.ts';
import { join } from '../decode/stream.ts';
import { loadInChunks } from '../load-dataset.ts';
import { createReader, readFixed64 } from '../decode/otlp/proto-wire.ts';
import { keepShapes, shapeOf } from './keep-shapes.ts';
import { warmUpDocument, warmUpJson } from './warm-up-doc.ts';
import { warmUpProtoParts } from './warm-up-proto.ts';

const SEED_SPANS = 60;
/** Small chunks, so the stream decoders carry values over chunk ends as with real files. */
const SEED_CHUNK_BYTES = 4096;

export function seedShapes(): void {
  keepShapes(seedLoad);
}

function seedLoad(): void {
  const doc = warmUpDocument(SEED_SPANS, 20);
  const encoder = new TextEncoder();
  const json = encoder.encode(warmUpJson(doc));
  const lines = encoder.encode(doc.resourceSpans.map((rs) => JSON.stringify({ resourceSpans: [rs] })).join('\n'));
  const parts = [...warmUpProtoParts(doc)];
  const proto = join(parts);
  // Each message after its length as a varint (protobuf's writeDelimitedTo framing): the Writer's `bytes`.
  const framing = protobuf.Writer.create();
  for (const part of parts) framing.bytes(part);
  const framed = framing.finish();
  const builder = new DatasetBuilder();
  loadInput(builder, 'seed.json', json);
  loadInput(builder, 'seed.pb', proto);
  loadInChunks(builder, { name: 'seed-chunks.json', bytes: json }, {}, SEED_CHUNK_BYTES);
  loadInChunks(builder, { name: 'seed.jsonl', bytes: lines }, {}, SEED_CHUNK_BYTES);
  loadInChunks(builder, { name: 'seed-framed.pb', bytes: framed }, {}, SEED_CHUNK_BYTES);
  builder.releasePool();
  assemble(builder);
  // protobufjs's Reader, one per message the walker reads, and its map once readFixed64 gave it a view.
  const reader = createReader(proto);
  readFixed64(reader);
  shapeOf(reader);
}
