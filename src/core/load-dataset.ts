// The whole pipeline, load each input and assemble all: `loadDataset` for callers that hold every input at
// once (tests, benches), `loadChunkedDataset` for inputs read piece by piece (the CLI). Both inflate
// compressed input piece by piece as the app's worker does (load-chunks.ts), so a gzipped JSON-lines dump is
// never inflated into one buffer, and is not bounded as one.
import { assemble, type Dataset } from './model/assemble.ts';
import { DatasetBuilder } from './model/dataset-builder.ts';
import { detectCompression } from './decode/decompress.ts';
import { ChunkedLoad } from './decode/load-chunks.ts';
import { loadInput, type LoadOptions } from './decode/load.ts';

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** An input read piece by piece (the CLI's files and standard input); `size` when known in advance. */
export interface ChunkedInput {
  readonly name: string;
  readonly size?: number;
  /** Its bytes in order; a throw is a read error. A piece is read before the next is asked for (its buffer may be refilled then). */
  chunks(): AsyncIterable<Uint8Array>;
  /**
   * Its bytes read again, whole, when it can be (a file): a decoder that gives up half-way then reads them
   * instead of a copy of every piece being kept for that chance (load-chunks.ts `rereadable`).
   */
  whole?(): Promise<Uint8Array>;
}

export function loadDataset(inputs: readonly NamedBytes[], options: LoadOptions = {}): Dataset {
  const builder = new DatasetBuilder();
  for (const input of inputs) {
    if (detectCompression(input.bytes) === 'none') loadInput(builder, input.name, input.bytes, options);
    else loadInChunks(builder, input, options);
  }
  builder.releasePool();
  return assemble(builder);
}

/** Pieces of compressed input handed over at a time (their size does not change the model). */
const CHUNK_BYTES = 1024 * 1024;

/**
 * An input in memory, loaded piece by piece as a file read in chunks is (compressed input is inflated so):
 * its pieces are views of the bytes (no copies), and a decoder that gives up decodes those bytes whole, so
 * nothing inflated is kept for that chance.
 */
export function loadInChunks(builder: DatasetBuilder, input: NamedBytes, options: LoadOptions = {}, chunkBytes = CHUNK_BYTES): void {
  const load = new ChunkedLoad(builder, input.name, { ...options, inMemory: input.bytes });
  for (let at = 0; at < input.bytes.length; at += chunkBytes) load.push(input.bytes.subarray(at, at + chunkBytes));
  load.end();
}

/**
 * loadDataset for inputs read piece by piece: JSON lines, framed OTLP/protobuf and OTLP/JSON documents
 * (compressed or not) are decoded as they are read, so such an input is never whole in memory (a document
 * the fast path gives up on is read again whole when the input can be, else its pieces are kept); other
 * formats are collected and decoded whole, as loadDataset does. A read that fails ends its input there,
 * keeping what was decoded.
 */
export async function loadChunkedDataset(inputs: readonly ChunkedInput[], options: LoadOptions = {}): Promise<Dataset> {
  const builder = new DatasetBuilder();
  for (const input of inputs) {
    const whole = input.whole?.bind(input);
    const load = new ChunkedLoad(builder, input.name, { ...options, rereadable: whole !== undefined, ...(input.size === undefined ? {} : { sizeHint: input.size }) });
    try {
      for await (const chunk of input.chunks()) {
        load.push(chunk);
        if (load.needsWhole) break;
      }
      load.endChunks();
      if (load.needsWhole && whole) load.endWith(await whole());
    } catch (err) {
      load.stop(`cannot read the input: ${err instanceof Error ? err.message : String(err)}`, 'error');
      continue;
    }
    load.end();
  }
  builder.releasePool();
  return assemble(builder);
}
