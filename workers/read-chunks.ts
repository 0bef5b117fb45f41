// Reads a load's data chunk by chunk. A large Blob (a File the user chose) is read with Blob.stream(), so
// it is never one ArrayBuffer; bytes already in memory, and small Blobs read at once, are sliced. Between
// chunks the reader hands control back to the worker's event loop at least every YIELD_EVERY_MS, so a
// cancel message sent by the page is received while a load runs (an awaited file read usually lets it in
// anyway; in-memory bytes would not).

/** Chunks larger than this are cut into pieces of this size. */
export const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;
const YIELD_EVERY_MS = 50;

export type ChunkSource = Blob | ArrayBuffer | Uint8Array | string;

/** The source's bytes when they are already in memory, else undefined (a Blob). */
export function bytesInMemory(data: ChunkSource): Uint8Array | undefined {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return undefined;
}

/**
 * Blobs up to this size are read with one `arrayBuffer()` and then handed over in pieces like bytes in
 * memory. In Chromium a 50 MB file took 43-62 ms that way and 54-100 ms through `Blob.stream()`, which also
 * cost a copy into one buffer for formats read whole; at this size reading is over before a progress
 * figure or a cancel could matter. Larger files stream, so formats decoded chunk by chunk never need them whole.
 */
export const WHOLE_READ_BYTES = 64 * 1024 * 1024;

/** The Blob's bytes, read at once, when it is not larger than `maxBytes`; else undefined (read it in chunks). */
export async function readSmallBlob(data: ChunkSource, maxBytes = WHOLE_READ_BYTES): Promise<Uint8Array | undefined> {
  return data instanceof Blob && data.size <= maxBytes ? new Uint8Array(await data.arrayBuffer()) : undefined;
}

/** The first `n` bytes of the source (fewer when it is shorter). Text is never compressed: it gives none. */
export async function headOf(data: ChunkSource, n: number): Promise<Uint8Array> {
  if (typeof data === 'string') return new Uint8Array(0);
  if (data instanceof Blob) return new Uint8Array(await data.slice(0, n).arrayBuffer());
  return (bytesInMemory(data) ?? new Uint8Array(0)).subarray(0, n);
}

const macrotask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The chunks of `data` (at most `maxChunk` bytes each); `inMemory` is the data's bytes when it has them. */
export async function* chunksOf(data: ChunkSource, inMemory: Uint8Array | undefined, maxChunk = DEFAULT_CHUNK_BYTES, now = () => performance.now()): AsyncGenerator<Uint8Array> {
  let lastYield = now();
  const pieces = async function* (bytes: Uint8Array): AsyncGenerator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += maxChunk) {
      if (now() - lastYield >= YIELD_EVERY_MS) {
        await macrotask();
        lastYield = now();
      }
      yield bytes.subarray(at, at + maxChunk);
    }
  };
  if (inMemory) {
    yield* pieces(inMemory);
    return;
  }
  if (!(data instanceof Blob)) return;
  const reader = data.stream().getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield* pieces(r.value);
  } finally {
    // Reached early by a cancel or a read error too: stop the read instead of leaving it running.
    await reader.cancel().catch(() => undefined);
  }
}
