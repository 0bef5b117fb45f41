// One read of a byte stream into a buffer of ours, shared by the trace worker's reader (read-chunks.ts) and the
// file reader worker's (read-ahead.ts). A byte stream gives what it has at the time (in Chromium ~78 KB of a
// file on average), so a chunk is filled by several reads.

export interface Filled {
  /** The buffer, handed back by the stream (each read transfers it). */
  readonly buffer: ArrayBuffer;
  /** Bytes read into it, from its start. */
  readonly filled: number;
  /** The stream has ended. */
  readonly done: boolean;
}

/**
 * Reads into `buffer` from its start until `size` bytes are in it or the stream ends; `once`: one read only
 * (a download's bytes go on as they come). Null when the stream was cancelled: it answers without the buffer
 * (it went with the read), and what was filled is dropped. A closed stream hands it back, empty.
 */
export async function fillBuffer(reader: ReadableStreamBYOBReader, buffer: ArrayBuffer, size: number, once = false): Promise<Filled | null> {
  let filled = 0;
  do {
    const r = await reader.read(new Uint8Array(buffer, filled, size - filled));
    if (r.value === undefined) return null;
    buffer = r.value.buffer as ArrayBuffer;
    filled += r.value.length;
    if (r.done) return { buffer, filled, done: true };
  } while (!once && filled < size);
  return { buffer, filled, done: false };
}
