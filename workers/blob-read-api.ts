// The file reader worker's API (blob-read.worker.ts): reads a Blob ahead of the trace worker that decodes it
// (read-ahead.ts), one read per id, so two loads under way read side by side.
import * as Comlink from 'comlink';
import { ReadAhead, READ_AHEAD_DEFAULTS, type ReadAheadChunk } from './read-ahead.ts';

export const READ_AHEAD_MARK = 'tracelens: file read ahead';

/** `streamOf`: a Blob's stream (tests give streams that fail or stall). */
export function blobReadApi(streamOf = (blob: Blob): ReadableStream<Uint8Array> => blob.stream()) {
  const reads = new Map<number, ReadAhead>();
  let nextId = 1;
  return {
    /** Starts reading `blob` ahead; the read's id, or null when its stream is not a byte stream (read it in place). */
    open(blob: Blob, chunkBytes: number): number | null {
      let reader: ReadableStreamBYOBReader;
      try {
        reader = streamOf(blob).getReader({ mode: 'byob' });
      } catch {
        return null;
      }
      // A User Timing mark per file read here: seen in DevTools' performance panel, and by the tests.
      performance.mark(READ_AHEAD_MARK, { detail: { numBytes: blob.size } });
      const id = nextId++;
      reads.set(id, new ReadAhead(reader, { ...READ_AHEAD_DEFAULTS, chunkBytes }));
      return id;
    },
    /** The read's next chunk, its buffer transferred; `returned`: the previous chunk's buffer, given back. */
    async next(id: number, returned?: ArrayBuffer): Promise<ReadAheadChunk> {
      const read = reads.get(id);
      if (!read) return { kind: 'error', text: `no read ${id} under way` };
      const chunk = await read.next(returned);
      return chunk.kind === 'chunk' ? Comlink.transfer(chunk, [chunk.buffer]) : chunk;
    },
    /** Ends the read (done, or stopped early): its stream is let go with its buffers. */
    close(id: number): void {
      reads.get(id)?.stop();
      reads.delete(id);
    },
  };
}

export type BlobReadApi = ReturnType<typeof blobReadApi>;
