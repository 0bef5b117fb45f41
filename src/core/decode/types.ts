// The contract between the decoder registry and each format module: one module per input format owns both
// its sniff and its decode (compare yscope-log-viewer's FILE_TYPE_DEFINITIONS).
import type { FormatName } from '../model/dataset-builder.ts';
import type { SpanSink } from '../model/records.ts';
import type { ChunkDecoder } from './stream.ts';

export interface SniffInput {
  /** The first bytes of the (decompressed) input. */
  readonly bytes: Uint8Array;
  /** The same bytes as text (UTF-8, invalid sequences replaced), BOM stripped. */
  readonly text: string;
  /** A hint only: content decides. */
  readonly name: string;
}

export interface DecodeInput {
  readonly bytes: Uint8Array;
  /** Decodes the whole input as UTF-8 on first use (binary decoders never call it). */
  text(): string;
  readonly name: string;
  /** The stream decoder gave up on this input (load-chunks.ts): a fast path it shares would give up again. */
  readonly streamGaveUp?: boolean;
}

export interface Decoder {
  readonly format: FormatName;
  /** 0 = not this format; higher wins. Must be cheap and must not throw. */
  sniff(input: SniffInput): number;
  /** Emits records into the sink; reports problems through sink.issue and keeps going where it can. */
  decode(input: DecodeInput, sink: SpanSink): void;
  /** Formats that can be decoded while their chunks arrive (see load-chunks.ts); others are read whole. */
  readonly stream?: StreamDecoding;
}

export interface StreamDecoding {
  /** Whether this input can be decoded chunk by chunk, judged from its first bytes (the sniffed head). */
  accepts(head: Uint8Array): boolean;
  /** Starts decoding into `sink`; the head is pushed first, then every later chunk. */
  open(sink: SpanSink): ChunkDecoder;
}
