// The trace worker's side of the file reader worker (blob-read.worker.ts): a File the user chose is read
// there, ahead of its decoding here (read-ahead.ts), and its chunks come over as transferred buffers that go
// back when the next is asked for.
import * as Comlink from 'comlink';
import type { BlobReadApi } from './blob-read-api.ts';

/** Reads Blobs in another thread, ahead of their decoding. */
export interface BlobReadAhead {
  /**
   * The blob's chunks (at most `chunkBytes` each), or null when it cannot be read there (read it in place). A
   * chunk is the consumer's until it asks for the next, which takes its buffer back. When `cancel` aborts,
   * the chunks end at once, and the read stops.
   */
  open(blob: Blob, chunkBytes: number, cancel?: AbortSignal): Promise<AsyncGenerator<Uint8Array> | null>;
}

/** A read that failed there, told as the file's own read error would be here (`String(err)`: its text). */
class ReadFailure extends Error {
  override toString(): string {
    return this.message;
  }
}

export class RemoteReadAhead implements BlobReadAhead {
  private usable = true;

  /** `died` rejects when the reader worker dies (or never starts): comlink would leave calls waiting forever. */
  constructor(
    private readonly remote: Comlink.Remote<BlobReadApi>,
    private readonly died: Promise<never>,
  ) {}

  async open(blob: Blob, chunkBytes: number, cancel?: AbortSignal): Promise<AsyncGenerator<Uint8Array> | null> {
    if (!this.usable) return null;
    try {
      const id = await Promise.race([this.remote.open(blob, chunkBytes), this.died]);
      return id === null ? null : this.chunks(id, cancel);
    } catch {
      this.usable = false; // the reader worker is gone: this load and the next read in place
      return null;
    }
  }

  private async *chunks(id: number, cancel?: AbortSignal): AsyncGenerator<Uint8Array> {
    let onAbort = (): void => undefined;
    const aborted = new Promise<null>((resolve) => (onAbort = () => resolve(null)));
    cancel?.addEventListener('abort', onAbort);
    let returned: ArrayBuffer | undefined;
    try {
      while (!cancel?.aborted) {
        const asked = this.remote.next(id, returned === undefined ? undefined : Comlink.transfer(returned, [returned]));
        returned = undefined;
        const chunk = await Promise.race([asked, aborted, this.died]);
        if (chunk === null || chunk.kind === 'end') return;
        if (chunk.kind === 'error') throw new ReadFailure(chunk.text);
        yield new Uint8Array(chunk.buffer, 0, chunk.length);
        returned = chunk.buffer;
      }
    } finally {
      cancel?.removeEventListener('abort', onAbort);
      void this.remote.close(id).catch(() => undefined);
    }
  }
}

/** Starts the file reader worker; undefined where a worker cannot start one (read in place). */
export function startReadAhead(): BlobReadAhead | undefined {
  if (typeof Worker === 'undefined') return undefined;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./blob-read.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return undefined;
  }
  const died = new Promise<never>((_ok, fail) => worker.addEventListener('error', (e) => fail(new Error(e.message || 'the file reader worker stopped'))));
  died.catch(() => undefined); // heard by the calls under way, if any
  return new RemoteReadAhead(Comlink.wrap<BlobReadApi>(worker), died);
}
