// Loads one input handed over chunk by chunk (the worker reads a File with Blob.stream()). The format is
// sniffed from the first SNIFF_BYTES, exactly as loadInput sniffs a whole input. Formats with a stream
// decoder (OTLP JSON lines, length-delimited OTLP/protobuf) then decode each chunk as it arrives, so the
// input is never one string nor one buffer and may exceed V8's ~512 MiB string limit. Compressed input
// (gzip, zstd) is inflated as it arrives and its inflated chunks go to a ChunkedLoad of their own, so a
// gzipped dump streams like a plain one. Everything else (every format that needs the whole document: JSON
// other than OTLP/JSON, console dumps, plain protobuf) is collected into one buffer and handed to loadInput at the end, as before:
// for those a stop (cancel) can only take effect between chunks of reading, before any decoding. An OTLP/JSON
// document is decoded as it arrives too, by a decoder that may give up half-way (its fast path covers the
// well-formed request only) and then needs the whole input: its chunks are also collected, unless they are in
// memory already or the caller can read the input again (`rereadable`: a File), which saves a copy of it.
import type { DatasetBuilder, InputReport } from '../model/dataset-builder.ts';
import type { SpanSink } from '../model/records.ts';
import { DEFAULT_MAX_DECOMPRESSED_BYTES, DecompressionLimitError, decompressionLimitError, detectCompression, InflateStream, MAX_COMPRESSION_LAYERS } from './decompress.ts';
import { closeReport, decodeInto, loadInput, sniffFormat, SNIFF_BYTES, type LoadOptions } from './load.ts';
import { join, type ChunkDecoder } from './stream.ts';
import { shapeOf } from '../warm/keep-shapes.ts';

export interface ChunkedLoadOptions extends LoadOptions {
  /** The expected total size (a Blob's), so a whole-read input is collected into one buffer without regrowing. */
  readonly sizeHint?: number;
  /** The input's bytes when they are already in memory (the chunks are views of them): an input read
   *  whole then uses them instead of a copy. */
  readonly inMemory?: Uint8Array;
  /** Layers of compression around this input already taken off (a .json.gz.gz has two). */
  readonly layers?: number;
  /**
   * The caller can read the input again whole (a File): a stream decoder that gives up (`needsWhole`) is
   * then not backed by a copy of every chunk, and the caller hands the whole input to `endWith` instead.
   */
  readonly rereadable?: boolean;
}

type Mode =
  | { readonly kind: 'sniffing' }
  | { readonly kind: 'whole' }
  | {
      readonly kind: 'streaming';
      readonly decoder: ChunkDecoder;
      readonly sink: SpanSink;
      readonly report: InputReport;
      readonly format: string;
      /** Whether the chunks are collected too, for a decoder that may give up and want the whole input. */
      readonly keep: boolean;
    }
  | { readonly kind: 'inflating'; readonly inflater: InflateStream; readonly inner: ChunkedLoad }
  | { readonly kind: 'finished'; readonly report: InputReport };

/**
 * Whether an input whose first bytes are `head` (SNIFF_BYTES of them, or all of a shorter input) is decoded
 * as it is read: compressed input (inflated as it arrives) and formats with a stream decoder that accepts
 * it. Anything else is collected into one buffer first, so a caller holding it whole may as well hand it over.
 */
export function decodesAsItStreams(head: Uint8Array, name: string, options: LoadOptions = {}): boolean {
  if (detectCompression(head) !== 'none') return true;
  const decoder = options.format ? undefined : sniffFormat(head, name);
  return decoder?.stream?.accepts(head) === true;
}

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
  private chunksEnded = false;
  numBytes = 0;

  constructor(
    private readonly builder: DatasetBuilder,
    private readonly name: string,
    private readonly options: ChunkedLoadOptions = {},
  ) {
    shapeOf(this);
  }

  /** True once the input is known to decode while it is read. */
  get isStreaming(): boolean {
    return (this.mode.kind === 'streaming' && !this.mode.decoder.wantsWhole) || (this.mode.kind === 'inflating' && this.mode.inner.isStreaming);
  }

  /** True when the input's bytes are held whole as they are read (read whole, or kept for a decoder that may give up). */
  get keepsWhole(): boolean {
    const mode = this.mode;
    if (mode.kind === 'streaming') return mode.keep;
    return mode.kind === 'inflating' ? mode.inner.keepsWhole : mode.kind !== 'finished';
  }

  /**
   * True when the stream decoder gave up and the input is neither in memory nor kept (`rereadable`): more
   * chunks are not needed, and the input must be read again whole and handed to `endWith`.
   */
  get needsWhole(): boolean {
    const mode = this.mode;
    if (mode.kind === 'inflating') return mode.inner.needsWhole;
    return mode.kind === 'streaming' && mode.decoder.wantsWhole === true && !mode.keep && !this.options.inMemory;
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
        if (this.mode.keep) this.collect(chunk, before);
        return this.feed(chunk);
      case 'inflating': {
        const mode = this.mode;
        if (mode.inner.needsWhole) return; // nothing more to decode: the caller reads the input again
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

  /**
   * The chunks are over: a stream decoder finishes, and may give up then (an OTLP/JSON document cut short),
   * which `needsWhole` tells. `end` calls this itself; a caller that can read the input again calls it first.
   */
  endChunks(): void {
    if (this.chunksEnded) return;
    this.chunksEnded = true;
    if (this.mode.kind === 'sniffing') this.decide();
    const mode = this.mode;
    if (mode.kind === 'streaming') this.guard(mode, () => mode.decoder.end());
    if (mode.kind === 'inflating') {
      if (!mode.inner.needsWhole) this.inflate(mode, () => mode.inflater.finish());
      if (this.mode.kind === 'inflating') mode.inner.endChunks();
    }
  }

  /** The input is complete: decodes what is left (or all of it, for a whole-read input). */
  end(): InputReport {
    this.endChunks();
    // decide() always leaves sniffing (TypeScript cannot see through the call).
    const mode = this.mode as Exclude<Mode, { kind: 'sniffing' }>;
    if (mode.kind === 'finished') return mode.report;
    if (mode.kind === 'inflating') {
      if (mode.inner.needsWhole && this.options.inMemory) return this.endWith(this.options.inMemory);
      return this.finish(mode.inner.end());
    }
    if (mode.kind === 'whole') {
      const bytes = this.options.inMemory ?? (this.whole ?? new Uint8Array(0)).subarray(0, this.numBytes);
      this.whole = undefined;
      return this.finish(loadInput(this.builder, this.name, bytes, this.options));
    }
    if (mode.decoder.wantsWhole) {
      const bytes = this.options.inMemory ?? (mode.keep ? this.whole?.subarray(0, this.numBytes) : undefined);
      if (!bytes) throw new Error('ChunkedLoad: the decoder needs the whole input, which only the caller can read again (endWith)');
      return this.endWith(bytes);
    }
    mode.report.bytes = this.numBytes;
    closeReport(mode.report, mode.sink, mode.format);
    return this.finish(mode.report);
  }

  /** Decodes the whole input into this input's report, after the stream decoder gave up (`needsWhole`). */
  endWith(bytes: Uint8Array): InputReport {
    const mode = this.mode;
    // The input read again is the compressed one: the decode inflates it whole (bounded, as decompress() is).
    if (mode.kind === 'inflating') return this.finish(mode.inner.endWith(bytes));
    if (mode.kind !== 'streaming') throw new Error('ChunkedLoad.endWith: only a stream decoder that gave up needs the whole input');
    this.whole = undefined;
    return this.finish(decodeInto(mode.sink, mode.report, this.name, bytes, { ...this.options, format: mode.format, streamGaveUp: true }));
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
      mode.decoder.cutShort?.();
      mode.report.bytes = this.numBytes;
      // A decoder that gave up took back what it gave: nothing was decoded.
      const kept = mode.decoder.wantsWhole ? 'nothing from this input was decoded' : `the ${mode.report.spans} spans decoded before it are kept`;
      mode.sink.issue({ message: `${why}; ${kept}`, where: `byte ${this.numBytes}`, severity });
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
      const stream = decoder.stream.open(sink);
      const keep = stream.wantsWhole !== undefined && !this.options.inMemory && !this.options.rereadable;
      this.mode = { kind: 'streaming', decoder: stream, sink, report, format: decoder.format, keep };
      if (keep) this.collect(head, 0);
      this.feed(head);
    } else {
      this.mode = { kind: 'whole' };
      this.collect(head, 0);
    }
  }

  /**
   * Hands the inflated chunks to a ChunkedLoad of their own, which sniffs and decodes them as it would plain
   * input. Inflated input held whole (read whole, or kept for a decoder that may give up and want it: an
   * OTLP/JSON document) is bounded (maxDecompressedBytes), as decompress() bounds it; inflated input decoded
   * as it streams and not kept is not, as a plain file is not.
   */
  private inflating(kind: 'gzip' | 'zstd', layers: number): Extract<Mode, { kind: 'inflating' }> {
    const { inMemory: _inMemory, sizeHint: _sizeHint, ...options } = this.options;
    // Input that can be read again (or is in memory) is inflated again whole if a decoder gives up, rather
    // than its inflated bytes being kept for that chance.
    const rereadable = this.options.rereadable === true || this.options.inMemory !== undefined;
    const inner = new ChunkedLoad(this.builder, this.name, { ...options, rereadable, layers: layers + 1 });
    const maxBytes = this.options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES;
    const inflater = new InflateStream(kind, (chunk) => {
      inner.push(chunk);
      if (inner.numBytes > maxBytes && inner.keepsWhole) throw decompressionLimitError(kind, maxBytes, this.numBytes);
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
    if (mode.kind === 'streaming' && !mode.decoder.wantsWhole) this.guard(mode, () => mode.decoder.push(chunk));
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
