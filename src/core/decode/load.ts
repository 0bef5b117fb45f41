// Loads one input into a DatasetBuilder: decompress, sniff the format from content (the name is a hint),
// decode. Failures are recorded in the input's report; nothing thrown escapes, so one bad file never stops
// the others.
import type { DatasetBuilder, InputReport } from '../model/dataset-builder.ts';
import { decompress } from './decompress.ts';
import { DECODERS } from './registry.ts';
import { blankInputProblem } from './blank.ts';
import { utf16Bom } from './bom.ts';
import type { Decoder, SniffInput } from './types.ts';
import type { SpanSink } from '../model/records.ts';

/** How much of an input's start sniffing looks at. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * V8 cannot hold a string longer than about 512 MiB (2^29 - 24 characters). Text decoders that need the
 * whole input as one string refuse larger inputs with this error instead of crashing the tab.
 */
export const MAX_TEXT_BYTES = 500 * 1024 * 1024;

export class InputTooLargeError extends Error {}

export interface LoadOptions {
  /** Force a format instead of sniffing. */
  readonly format?: string;
  readonly maxDecompressedBytes?: number;
  /** Defaults to MAX_TEXT_BYTES; lower only in tests. */
  readonly maxTextBytes?: number;
  /** The format's stream decoder gave up on this input (DecodeInput.streamGaveUp). */
  readonly streamGaveUp?: boolean;
}

/** The input as text: UTF-16 when it starts with a UTF-16 byte order mark, else UTF-8. */
export function textOf(bytes: Uint8Array): string {
  return new TextDecoder(utf16Bom(bytes) ?? 'utf-8').decode(bytes);
}

export function sniffFormat(bytes: Uint8Array, name: string): Decoder | undefined {
  const head = bytes.subarray(0, SNIFF_BYTES);
  // Blank bytes are no format's: a blank line is 0x0a, which protobuf reads as a tag, and a text of blank
  // lines passed for a request, one "cut short" error per ten bytes (loadInput names blank input instead).
  if (blankInputProblem(head) !== null) return undefined;
  const input: SniffInput = { bytes: head, text: textOf(head), name };
  let best: Decoder | undefined;
  let bestScore = 0;
  for (const d of DECODERS) {
    const score = d.sniff(input);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function loadInput(builder: DatasetBuilder, name: string, raw: Uint8Array, options: LoadOptions = {}): InputReport {
  const { sink, report } = builder.beginInput(name);
  return decodeInto(sink, report, name, raw, options);
}

/** Decodes a whole input into an input's sink and report (begun by loadInput, or by a stream decoder that gave up). */
export function decodeInto(sink: SpanSink, report: InputReport, name: string, raw: Uint8Array, options: LoadOptions = {}): InputReport {
  let bytes: Uint8Array;
  try {
    bytes = decompress(raw, options.maxDecompressedBytes).bytes;
  } catch (err) {
    sink.issue({ message: err instanceof Error ? err.message : String(err), where: 'byte 0', severity: 'error' });
    return report;
  }
  report.bytes = bytes.length;
  const decoder = options.format ? DECODERS.find((d) => d.format === options.format) : sniffFormat(bytes, name);
  if (!decoder) {
    const blank = options.format ? null : blankInputProblem(bytes);
    if (blank !== null) {
      sink.issue({ message: blank, where: 'byte 0', severity: 'error' });
      return report;
    }
    const why = options.format ? `unknown format "${options.format}"` : 'not a trace format Tracelens knows';
    sink.issue({ message: `${why} (known: ${DECODERS.map((d) => d.format).join(', ')})`, where: 'byte 0', severity: 'error' });
    return report;
  }
  report.format = decoder.format;
  let text: string | undefined;
  try {
    const wholeText = (): string => {
      if (bytes.length > (options.maxTextBytes ?? MAX_TEXT_BYTES)) {
        throw new InputTooLargeError(
          `${Math.round(bytes.length / 2 ** 20)} MiB is more text than a browser tab can hold as one string (~512 MiB); ` +
            'split the file, or export it as OTLP/protobuf or JSON lines',
        );
      }
      return (text ??= textOf(bytes));
    };
    decoder.decode({ bytes, name, text: wholeText, streamGaveUp: options.streamGaveUp === true }, sink);
  } catch (err) {
    if (err instanceof InputTooLargeError) {
      sink.issue({ message: err.message, where: 'whole input', severity: 'error' });
      return report;
    }
    // Decoders report problems as values; anything thrown is a bug or an engine limit, kept as a value too.
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    sink.issue({ message: `decoder stopped: ${message}; the spans before it are kept`, where: 'unknown position', severity: 'error' });
  }
  closeReport(report, sink, decoder.format);
  return report;
}

/** The last word on a decoded input, for whole and chunked loads alike. */
export function closeReport(report: InputReport, sink: SpanSink, format: string): void {
  // A mixed paste is named by the format most of its spans came in; `parts` lists them all.
  if (report.parts?.length) report.format = report.parts.reduce((a, b) => (b.spans > a.spans ? b : a)).format;
  if (report.spans === 0 && report.errors.length === 0) {
    sink.issue({ message: `no spans found in this ${format} input`, where: 'whole input', severity: 'warning' });
  }
}

/** True when the input could not be read at all (CLI exit 2). */
export function inputFailed(report: InputReport): boolean {
  return report.spans === 0 && report.errors.some((e) => e.severity === 'error');
}
