// Loads one input handed over chunk by chunk (the worker reads a File with Blob.stream()). The format is
// sniffed from the first SNIFF_BYTES, exactly as loadInput sniffs a whole input. Formats with a stream
// decoder (OTLP JSON lines, length-delimited OTLP/protobuf) then decode each chunk as it arrives, so the
// input is never one string nor one buffer and may exceed V8's ~512 MiB string limit. Compressed input
// (gzip, zstd) is inflated as it arrives and its inflated chunks go to a ChunkedLoad of their own, so a
// gzipped dump streams like a plain one. Everything else (every format that needs the whole document: JSON,
// console dumps, plain protobuf) is collected into one buffer and handed to loadInput at the end, as before:
// for those a stop (cancel) can only take effect between chunks of reading, before any decoding.
import type { DatasetBuilder, InputReport } from '../model/dataset-builder.ts';
import type { SpanSink } from '../model/records.ts';
import { DEFAULT_MAX_DECOMPRESSED_BYTES, DecompressionLimitError, decompressionLimitError, detectCompression, InflateStream, MAX_COMPRESSION_LAYERS } from './decompress.ts';
import { closeReport, loadInput, sniffFormat, SNIFF_BYTES, type LoadOptions } from './load.ts';
import { join, type ChunkDecoder } from './stream.ts';

export interface ChunkedLoadOptions extends LoadOptions {
  /** The expected total size (a Blob's), so a whole-read input is collected into one buffer without regrowing. */
  readonly sizeHint?: number;
  /** The input's bytes when they are already in memory (the chunks are views of them): an input read
   *  whole then uses them instead of a copy. */
  readonly inMemory?: Uint8Array;
  /** Layers of compression around this input already taken off (a .json.gz.gz has two). */
  readonly layers?: number;
}

type Mode =
  | { readonly kind: 'sniffing' }
  | { readonly kind: 'whole' }
  | { readonly kind: 'streaming'; readonly decoder: ChunkDecoder; readonly sink: SpanSink; readonly report: InputReport; readonly format: string }
  | { readonly kind: 'inflating'; readonly inflater: InflateStream; readonly inner: ChunkedLoad }
  | { readonly kind: 'finished'; readonly report: InputReport };

/**
 * Feed with `push`, then call `end` once, or `stop` to give up early. A chunk is read during its `push` only:
 * the caller may fill its buffer again after (the worker reads every chunk of a file into one buffer), so
 * what is kept past the call is copied: the sniffed head, compressed bytes (an inflater may hold them until
 * it has a whole block), and what the stream decoders carry over to the next chunk (stream.ts).
 */
export class ChunkedLoad {
  private mode: Mode = { kind: 'sniffing' };
  private head: Uint8Array[] = [];
  private numHead = 0;
  private whole: Uint8Array | undefined;
  numBytes = 0;

  constructor(
    private readonly builder: DatasetBuilder,
    private readonly name: string,
    private readonly options: ChunkedLoadOptions = {},
  ) {}

  /** True once the input is known to decode while it is read. */
  get isStreaming(): boolean {
    return this.mode.kind === 'streaming' || (this.mode.kind === 'inflating' && this.mode.inner.isStreaming);
  }

  push(chunk: Uint8Array): void {
    const before = this.numBytes;
    this.numBytes += chunk.length;
    switch (this.mode.kind) {
      case 'sniffing':
        this.numHead += chunk.length;
        // A chunk that completes the head is used before this call returns; an earlier one is kept until then.
        this.head.push(this.numHead >= SNIFF_BYTES ? chunk : this.kept(chunk));
        if (this.numHead >= SNIFF_BYTES) this.decide();
        return;
      case 'whole':
        return this.collect(chunk, before);
      case 'streaming':
        return this.feed(chunk);
      case 'inflating': {
        const mode = this.mode;
        return this.inflate(mode, () => mode.inflater.push(this.kept(chunk)));
      }
      case 'finished':
        return;
      default: {
        const never: never = this.mode;
        return never;
      }
    }
  }

  /** The input is complete: decodes what is left (or all of it, for a whole-read input). */
  end(): InputReport {
    if (this.mode.kind === 'sniffing') this.decide();
    // decide() always leaves sniffing (TypeScript cannot see through the call).
    const mode = this.mode as Exclude<Mode, { kind: 'sniffing' }>;
    if (mode.kind === 'finished') return mode.report;
    if (mode.kind === 'inflating') {
      this.inflate(mode, () => mode.inflater.finish());
      return this.mode.kind === 'finished' ? this.mode.report : this.finish(mode.inner.end());
    }
    if (mode.kind === 'whole') {
      const bytes = this.options.inMemory ?? (this.whole ?? new Uint8Array(0)).subarray(0, this.numBytes);
      this.whole = undefined;
      return this.finish(loadInput(this.builder, this.name, bytes, this.options));
    }
    this.guard(mode, () => mode.decoder.end());
    mode.report.bytes = this.numBytes;
    closeReport(mode.report, mode.sink, mode.format);
    return this.finish(mode.report);
  }

  /**
   * Gives up before the end (a cancel, a read error), reporting `why` with `severity`. Spans a stream decoder
   * already produced are kept (and said so); an input read whole has decoded nothing yet.
   */
  stop(why: string, severity: 'error' | 'warning'): InputReport {
    const mode = this.mode;
    if (mode.kind === 'finished') return mode.report;
    this.head = [];
    this.whole = undefined;
    if (mode.kind === 'inflating') return this.finish(mode.inner.stop(why, severity));
    if (mode.kind === 'streaming') {
      mode.report.bytes = this.numBytes;
      mode.sink.issue({ message: `${why}; the ${mode.report.spans} spans decoded before it are kept`, where: `byte ${this.numBytes}`, severity });
      return this.finish(mode.report);
    }
    const { sink, report } = this.builder.beginInput(this.name);
    report.bytes = this.numBytes;
    sink.issue({ message: `${why}; nothing from this input was decoded`, where: `byte ${this.numBytes}`, severity });
    return this.finish(report);
  }

  /** `chunk` itself when it is a view of the input in memory (never refilled), else a copy. */
  private kept(chunk: Uint8Array): Uint8Array {
    return this.options.inMemory ? chunk : chunk.slice();
  }

  private finish(report: InputReport): InputReport {
    this.mode = { kind: 'finished', report };
    return report;
  }

  /** Sniffs the head (as loadInput would) and picks streaming or whole reading. */
  private decide(): void {
    const head = join(this.head);
    this.head = [];
    const compression = detectCompression(head);
    const layers = this.options.layers ?? 0;
    if (compression !== 'none' && layers < MAX_COMPRESSION_LAYERS) {
      const mode = this.inflating(compression, layers);
      this.mode = mode;
      this.inflate(mode, () => mode.inflater.push(this.kept(head)));
      return;
    }
    const decoder = this.options.format || compression !== 'none' ? undefined : sniffFormat(head, this.name);
    if (decoder?.stream?.accepts(head)) {
      const { sink, report } = this.builder.beginInput(this.name);
      report.format = decoder.format;
      this.mode = { kind: 'streaming', decoder: decoder.stream.open(sink), sink, report, format: decoder.format };
      this.feed(head);
    } else {
      this.mode = { kind: 'whole' };
      this.collect(head, 0);
    }
  }

  /**
   * Hands the inflated chunks to a ChunkedLoad of their own, which sniffs and decodes them as it would plain
   * input. Inflated input read whole is bounded (maxDecompressedBytes), as decompress() bounds it; inflated
   * input decoded as it streams is not, as a plain file is not.
   */
  private inflating(kind: 'gzip' | 'zstd', layers: number): Extract<Mode, { kind: 'inflating' }> {
    const { inMemory: _inMemory, sizeHint: _sizeHint, ...options } = this.options;
    const inner = new ChunkedLoad(this.builder, this.name, { ...options, layers: layers + 1 });
    const maxBytes = this.options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
    const inflater = new InflateStream(kind, (chunk) => {
      inner.push(chunk);
      if (inner.numBytes > maxBytes && !inner.isStreaming) throw decompressionLimitError(kind, maxBytes, this.numBytes);
    });
    return { kind: 'inflating', inflater, inner };
  }

  /** Runs the inflater; corrupt or cut-short data ends the input there, keeping what was decoded before it. */
  private inflate(mode: Extract<Mode, { kind: 'inflating' }>, run: () => void): void {
    try {
      run();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const why = err instanceof DecompressionLimitError ? message : `${mode.inflater.kind} data is corrupt or cut short (${message}) in compressed bytes up to ${this.numBytes}`;
      this.finish(mode.inner.stop(why, 'error'));
    }
  }

  private feed(chunk: Uint8Array): void {
    const mode = this.mode;
    if (mode.kind === 'streaming') this.guard(mode, () => mode.decoder.push(chunk));
  }

  /** Runs the stream decoder; anything thrown is a bug or an engine limit, kept as a value as loadInput does. */
  private guard(mode: Extract<Mode, { kind: 'streaming' }>, run: () => void): void {
    try {
      run();
    } catch (err) {
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      mode.sink.issue({ message: `decoder stopped: ${message}; the spans before it are kept`, where: `byte ${this.numBytes}`, severity: 'error' });
      mode.report.bytes = this.numBytes;
      this.finish(mode.report);
    }
  }

  private collect(chunk: Uint8Array, at: number): void {
    if (this.options.inMemory) return;
    const needed = at + chunk.length;
    if (!this.whole || this.whole.length < needed) {
      const grown = new Uint8Array(Math.max(needed, this.options.sizeHint ?? 0, (this.whole?.length ?? 0) * 2));
      if (this.whole) grown.set(this.whole.subarray(0, at));
      this.whole = grown;
    }
    this.whole.set(chunk, at);
  }
}
