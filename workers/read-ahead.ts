// Reads a byte stream (a File's) ahead of its consumer, into a few buffers taken in turn: while the consumer
// works on one chunk the next is being filled. It runs in a worker of its own (blob-read.worker.ts), so the
// file is read while the trace worker decodes: read in the decoding thread, a 50 MB file cost a load 60-90 ms
// of reads and waits between its chunks (worker CPU profile, `npm run bench:browser`'s file, 2026-12-03).
// The consumer hands each chunk's buffer back when it asks for the next (`next(returned)`), so the buffers
// go round without fresh memory per chunk (read-chunks.ts byobReader: fresh memory is what costs).
import { fillBuffer } from './fill-buffer.ts';

/** What `next` answers: a chunk (the first `length` bytes of `buffer`), the stream's end, or its failure. */
export type ReadAheadChunk =
  | { readonly kind: 'chunk'; readonly buffer: ArrayBuffer; readonly length: number }
  | { readonly kind: 'end' }
  | { readonly kind: 'error'; readonly text: string };

export interface ReadAheadOptions {
  /** The largest chunk, and the buffers' size. */
  readonly chunkBytes: number;
  /**
   * The first chunk's size; each next one doubles up to chunkBytes. Decoding starts on the first chunk, and a
   * file is read about twice as fast as it is decoded, so a small start keeps reading ahead from the first.
   */
  readonly firstChunkBytes: number;
  /** Buffers in turn: the consumer's, the one being filled, and one ready. */
  readonly numBuffers: number;
}

export const READ_AHEAD_DEFAULTS: Omit<ReadAheadOptions, 'chunkBytes'> = { firstChunkBytes: 1024 * 1024, numBuffers: 3 };

export class ReadAhead {
  private readonly free: ArrayBuffer[] = [];
  private readonly ready: ReadAheadChunk[] = [];
  /** The reading loop waits here for a buffer handed back. */
  private bufferBack: (() => void) | null = null;
  /** `next` waits here for a chunk. */
  private chunkReady: (() => void) | null = null;
  private stopped = false;

  constructor(
    private readonly reader: ReadableStreamBYOBReader,
    private readonly options: ReadAheadOptions,
  ) {
    for (let i = 0; i < options.numBuffers; i++) this.free.push(new ArrayBuffer(options.chunkBytes));
    void this.run();
  }

  /** The next chunk; `returned`: the previous chunk's buffer, the caller's no more. */
  async next(returned?: ArrayBuffer): Promise<ReadAheadChunk> {
    if (returned !== undefined && returned.byteLength === this.options.chunkBytes) this.giveBack(returned);
    while (this.ready.length === 0) await new Promise<void>((resolve) => (this.chunkReady = resolve));
    return this.ready.shift()!;
  }

  /** Stops reading: a read under way ends, and the stream is let go. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    void this.reader.cancel().catch(() => undefined);
    this.wakeReading(); // a loop waiting for a buffer then sees `stopped`
    this.put({ kind: 'end' }); // and a `next` waiting for a chunk
  }

  private giveBack(buffer: ArrayBuffer): void {
    this.free.push(buffer);
    this.wakeReading();
  }

  private wakeReading(): void {
    const wake = this.bufferBack;
    this.bufferBack = null;
    wake?.();
  }

  private put(chunk: ReadAheadChunk): void {
    this.ready.push(chunk);
    const wake = this.chunkReady;
    this.chunkReady = null;
    wake?.();
  }

  private async run(): Promise<void> {
    const { chunkBytes, firstChunkBytes } = this.options;
    try {
      for (let size = Math.min(firstChunkBytes, chunkBytes); ; size = Math.min(size * 2, chunkBytes)) {
        while (this.free.length === 0 && !this.stopped) await new Promise<void>((resolve) => (this.bufferBack = resolve));
        if (this.stopped) return;
        const r = await fillBuffer(this.reader, this.free.pop()!, size);
        if (r === null) return; // cancelled
        if (r.filled > 0) this.put({ kind: 'chunk', buffer: r.buffer, length: r.filled });
        else this.free.push(r.buffer);
        if (r.done) {
          this.put({ kind: 'end' });
          return;
        }
      }
    } catch (err) {
      if (!this.stopped) this.put({ kind: 'error', text: String(err) });
    }
  }
}
