// Reads a load's data chunk by chunk. A Blob (a File the user chose) is read with Blob.stream(), so it is
// never one ArrayBuffer and decoding overlaps reading; bytes already in memory are sliced. Between
// chunks the reader hands control back to the worker's event loop at least every YIELD_EVERY_MS, so a
// cancel message sent by the page is received while a load runs (an awaited file read usually lets it in
// anyway; in-memory bytes would not).
import { fillBuffer } from './fill-buffer.ts';
import { macrotask } from './macrotask.ts';
import type { BlobReadAhead } from './read-ahead-client.ts';

/** Chunks larger than this are cut into pieces of this size. */
export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;
const YIELD_EVERY_MS = 50;

/**
 * A download read as it arrives: a fetch's body, transferred to the worker (`?url=`), so decoding, progress,
 * the first look and Cancel start with its first bytes, and the page never holds it whole.
 */
export interface StreamSource {
  readonly stream: ReadableStream<Uint8Array>;
  /** Bytes expected (a Content-Length), or -1 when not known. */
  readonly size: number;
}

export type ChunkSource = Blob | ArrayBuffer | Uint8Array | string | StreamSource;

export function isStreamSource(data: ChunkSource): data is StreamSource {
  return typeof data === 'object' && !(data instanceof Blob) && !(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data);
}

/** The source's bytes when they are already in memory, else undefined (a Blob or a stream). */
export function bytesInMemory(data: ChunkSource): Uint8Array | undefined {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return undefined;
}

/** The source's length in bytes; 0 for a stream of unknown length (see `isSizeKnown`). */
export function sizeOf(data: ChunkSource): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof Blob) return data.size;
  return isStreamSource(data) ? Math.max(0, data.size) : data.byteLength;
}

export function isSizeKnown(data: ChunkSource): boolean {
  return !isStreamSource(data) || data.size >= 0;
}

/**
 * Files up to this size whose format is read whole anyway (not decoded as it streams: console text, plain
 * OTLP/protobuf, JSON other than an OTLP/JSON document) are read with one `arrayBuffer()`: streaming them
 * into one buffer made a 16 MB protobuf's first row 0.98-1.12x as long (six interleaved pairs, 2026-12-01).
 * Larger ones stream, so that they are never one ArrayBuffer and their progress shows.
 */
export const WHOLE_READ_BYTES = 64 * 1024 * 1024;

/**
 * The first `n` bytes of the source (fewer when it is shorter). Text is never compressed: it gives none; nor
 * does a stream, which cannot be read twice.
 */
export async function headOf(data: ChunkSource, n: number): Promise<Uint8Array> {
  if (typeof data === 'string' || isStreamSource(data)) return new Uint8Array(0);
  if (data instanceof Blob) return new Uint8Array(await data.slice(0, n).arrayBuffer());
  return (bytesInMemory(data) ?? new Uint8Array(0)).subarray(0, n);
}

/**
 * A reader that reads a byte stream (a Blob's, a fetch body's) into a buffer of ours, or undefined when the
 * stream is not a byte stream. Reading into one reused buffer is what makes a big file cheap to read: in
 * Chromium a worker read the 498 MiB JSON-lines file of `npm run bench:browser:large` in 0.8-1.1 s that way,
 * against 2.7-2.9 s with a plain reader, which hands over each chunk in a new buffer, and 2.6-3.2 s in
 * 64 MiB `arrayBuffer()` slices (scratch page, two rounds). Fresh memory is what costs: reading a 50 MB file
 * into one new buffer of its size took as long as `arrayBuffer()`.
 */
function byobReader(stream: ReadableStream<Uint8Array>): ReadableStreamBYOBReader | undefined {
  try {
    return stream.getReader({ mode: 'byob' });
  } catch {
    return undefined; // a stream of chunks, not of bytes: read as it comes
  }
}

/**
 * The stream's bytes in chunks of one reused buffer of `size` bytes (each read hands it back). With `fill`,
 * a chunk is a full buffer (but the last): a byte stream gives what it has at the time, in Chromium ~78 KB
 * of a file on average, and every line or frame cut between two chunks is copied to be joined (1.1 s of
 * a 1M-span JSON-lines load went to that, worker profile). Only a local file fills: a download's bytes go on
 * as they come, for progress and the first look.
 */
async function* filledChunks(byob: ReadableStreamBYOBReader, size: number, fill: boolean): AsyncGenerator<Uint8Array> {
  let buffer = new ArrayBuffer(size);
  for (;;) {
    const r = await fillBuffer(byob, buffer, size, !fill);
    if (r === null) return; // cancelled: the load stops
    buffer = r.buffer;
    if (r.filled > 0) yield new Uint8Array(buffer, 0, r.filled);
    if (r.done) return;
  }
}

/** The stream's chunks: read into one buffer through a BYOB reader (filledChunks), else as they come. */
async function* readerChunks(reader: ReadableStreamBYOBReader | ReadableStreamDefaultReader<Uint8Array>, size: number, fill: boolean): AsyncGenerator<Uint8Array> {
  if (reader instanceof ReadableStreamBYOBReader) yield* filledChunks(reader, size, fill);
  else for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
}

/**
 * The chunks of `data` (at most `maxChunk` bytes each); `inMemory` is the data's bytes when it has them. When
 * `cancel` aborts, the chunks end: before the next one, and at once for a read under way (a download waiting
 * for its next bytes), which is stopped. A chunk read from a stream is a view of a buffer the next read
 * fills again: it is the consumer's only until it asks for the next (ChunkedLoad.push copies what it keeps).
 * `readAhead`: where a Blob is read in another thread, ahead of its decoding (read-ahead-client.ts).
 */
export async function* chunksOf(data: ChunkSource, inMemory: Uint8Array | undefined, maxChunk = DEFAULT_CHUNK_BYTES, now = () => performance.now(), cancel?: AbortSignal, readAhead?: BlobReadAhead): AsyncGenerator<Uint8Array> {
  let lastYield = now();
  const pieces = async function* (bytes: Uint8Array): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += maxChunk) {
      if (now() - lastYield >= YIELD_EVERY_MS) {
        await macrotask();
        lastYield = now();
      }
      if (cancel?.aborted) return;
      yield bytes.subarray(at, at + maxChunk);
    }
  };
  if (inMemory) {
    yield* pieces(inMemory);
    return;
  }
  // A File is read in the file reader worker where there is one, ahead of its decoding here (read-ahead.ts).
  const ahead = data instanceof Blob && readAhead && !cancel?.aborted ? await readAhead.open(data, maxChunk, cancel) : null;
  if (ahead) {
    for await (const chunk of ahead) yield* pieces(chunk);
    return;
  }
  // Text and bytes are always in memory; what is left is read as a stream.
  const stream = data instanceof Blob ? data.stream() : isStreamSource(data) ? data.stream : null;
  if (!stream) return;
  const reader = byobReader(stream) ?? stream.getReader();
  // Cancelling the reader ends a pending read (done), and a download's stream stops its fetch.
  const stop = (): void => void reader.cancel().catch(() => undefined);
  cancel?.addEventListener('abort', stop);
  try {
    if (cancel?.aborted) return;
    for await (const chunk of readerChunks(reader, maxChunk, data instanceof Blob)) yield* pieces(chunk);
  } finally {
    cancel?.removeEventListener('abort', stop);
    // Reached early by a cancel or a read error too: stop the read instead of leaving it running.
    await reader.cancel().catch(() => undefined);
  }
}
