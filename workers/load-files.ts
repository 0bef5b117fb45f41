// Reads and decodes one load's files into the store's builder, chunk by chunk, reporting progress (bytes
// read, spans so far, time taken) and stopping at the next chunk once the load is cancelled. A cancelled
// file keeps what it decoded so far (only stream-decoded formats decoded anything; see
// src/core/decode/load-chunks.ts); the files after it are not read. Inputs loaded earlier are untouched.
import { ChunkedLoad, decodesAsItStreams } from '../src/core/decode/load-chunks.ts';
import { SNIFF_BYTES } from '../src/core/decode/load.ts';
import type { CountingBuilder } from './counting-builder.ts';
import type { BlobReadAhead } from './read-ahead-client.ts';
import { bytesInMemory, chunksOf, headOf, isSizeKnown, isStreamSource, sizeOf, WHOLE_READ_BYTES, type ChunkSource } from './read-chunks.ts';

export interface LoadProgress {
  readonly file: string;
  readonly fileIdx: number;
  readonly numFiles: number;
  /** Bytes read so far over all the load's files, updated per chunk. */
  readonly bytesDone: number;
  /** The files' sizes added up; a lower bound while `bytesTotalKnown` is false (a download of unknown length). */
  readonly bytesTotal: number;
  readonly bytesTotalKnown?: boolean;
  readonly numSpans: number;
  readonly phase: 'reading' | 'decoding' | 'assembling' | 'done';
  /** Time since the load started, for a rate (MB/s). */
  readonly elapsedMs: number;
}

export interface LoadFile {
  readonly name: string;
  readonly data: ChunkSource;
}

export interface ReadOptions {
  /** Largest chunk handed to the decoders (tests make it small to put chunk boundaries everywhere). */
  readonly chunkBytes?: number;
  /** Files of a format read whole anyway, up to this size, are read at once (read-chunks.ts WHOLE_READ_BYTES). */
  readonly wholeReadBytes?: number;
  readonly now?: () => number;
  /** Reads a File in another thread, ahead of its decoding (read-ahead-client.ts); without it, in place. */
  readonly readAhead?: BlobReadAhead;
  /** Aborted when the load is cancelled: checked after each chunk, and a read waiting for a download's next bytes stops at once. */
  readonly cancelled: AbortSignal;
  readonly onProgress?: (p: LoadProgress) => void;
  /** Called with the number of spans held so far, every few thousand spans, while a decoder runs. */
  readonly onSpans?: (numSpans: number) => void;
}

/** Per-chunk progress goes out at most this often; phase changes always. */
const PROGRESS_EVERY_MS = 50;

const mb = (numBytes: number): string => `${(numBytes / 1_048_576).toFixed(1)} MB`;

/** Reads one load's files into the builder: `readFile` each in order. */
export class FilesReader {
  bytesDone = 0;
  readonly bytesTotal: number;
  private readonly bytesTotalKnown: boolean;
  private readonly now: () => number;
  private readonly startedAt: number;
  private lastSent = -Infinity;
  private fileIdx = 0;

  constructor(
    private readonly builder: CountingBuilder,
    private readonly files: readonly LoadFile[],
    private readonly options: ReadOptions,
  ) {
    this.bytesTotal = files.reduce((n, f) => n + sizeOf(f.data), 0);
    this.bytesTotalKnown = files.every((f) => isSizeKnown(f.data));
    this.now = options.now ?? (() => performance.now());
    this.startedAt = this.now();
  }

  async readFile(fileIdx: number): Promise<void> {
    const f = this.files[fileIdx]!;
    this.fileIdx = fileIdx;
    if (this.options.cancelled.aborted) {
      // A download not read is stopped too, or its fetch would stay open.
      if (isStreamSource(f.data)) void f.data.stream.cancel().catch(() => undefined);
      const { sink } = this.builder.beginInput(f.name);
      sink.issue({ message: 'not read: the load was cancelled before this file', where: 'byte 0', severity: 'warning' });
      return;
    }
    this.send('reading', this.builder.numSpans, true);
    // Spans so far, reported during the decode of this file too (not only between chunks or files).
    const { onProgress, onSpans } = this.options;
    this.builder.onSpans =
      onProgress || onSpans
        ? (numSpans) => {
            if (onProgress) this.send('decoding', numSpans, true);
            onSpans?.(numSpans);
          }
        : undefined;
    try {
      await this.decode(f);
    } finally {
      this.builder.onSpans = undefined;
    }
  }

  private async decode(f: LoadFile): Promise<void> {
    const size = sizeOf(f.data);
    let inMemory: Uint8Array | undefined;
    try {
      inMemory = bytesInMemory(f.data) ?? (await this.readWholeIfNotStreamed(f));
    } catch (err) {
      new ChunkedLoad(this.builder, f.name).stop(`cannot read the file: ${String(err)}`, 'error');
      return;
    }
    // A File can be read again: a decoder that gives up half-way (an OTLP/JSON document the fast path does
    // not cover) then reads it whole instead of a copy of every chunk being kept for that chance.
    const rereadable = f.data instanceof Blob;
    const load = new ChunkedLoad(this.builder, f.name, { sizeHint: size, rereadable, ...(inMemory ? { inMemory } : {}) });
    try {
      // A cancel ends the chunks early (the awaited read before each lets its message in): no end of the input.
      for await (const chunk of chunksOf(f.data, inMemory, this.options.chunkBytes, this.options.now, this.options.cancelled, this.options.readAhead)) {
        load.push(chunk);
        this.bytesDone += chunk.length;
        this.send(load.isStreaming ? 'decoding' : 'reading', this.builder.numSpans, false);
        if (load.needsWhole) break;
      }
      if (this.options.cancelled.aborted) {
        load.stop(`loading cancelled after ${mb(load.numBytes)}${isSizeKnown(f.data) ? ` of ${mb(size)}` : ''}`, 'warning');
        return;
      }
      load.endChunks();
      if (load.needsWhole && f.data instanceof Blob) {
        this.send('reading', this.builder.numSpans, true);
        const whole = new Uint8Array(await f.data.arrayBuffer());
        this.bytesDone += whole.length - load.numBytes;
        this.send('decoding', this.builder.numSpans, true);
        load.endWith(whole);
        return;
      }
    } catch (err) {
      load.stop(`cannot read the file: ${String(err)}`, 'error');
      return;
    }
    if (!load.isStreaming) this.send('decoding', this.builder.numSpans, true);
    load.end();
  }

  /** A File within wholeReadBytes whose format is read whole anyway: its bytes, read at once; else undefined (stream it). */
  private async readWholeIfNotStreamed(f: LoadFile): Promise<Uint8Array | undefined> {
    const data = f.data;
    if (!(data instanceof Blob) || data.size > (this.options.wholeReadBytes ?? WHOLE_READ_BYTES)) return undefined;
    if (decodesAsItStreams(await headOf(data, SNIFF_BYTES), f.name)) return undefined;
    return new Uint8Array(await data.arrayBuffer());
  }

  private send(phase: LoadProgress['phase'], numSpans: number, always: boolean): void {
    const { onProgress } = this.options;
    const t = this.now();
    if (!onProgress || (!always && t - this.lastSent < PROGRESS_EVERY_MS)) return;
    this.lastSent = t;
    const f = this.files[this.fileIdx]!;
    onProgress({ file: f.name, fileIdx: this.fileIdx, numFiles: this.files.length, bytesDone: this.bytesDone, bytesTotal: this.bytesTotal, bytesTotalKnown: this.bytesTotalKnown, numSpans, phase, elapsedMs: t - this.startedAt });
  }

  /** Time since the load started, for the last phases' progress. */
  elapsedMs(): number {
    return this.now() - this.startedAt;
  }
}
