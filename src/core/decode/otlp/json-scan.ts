// The OTLP/JSON fast path: reads an ExportTraceServiceRequest / TracesData straight from its UTF-8 bytes,
// without JSON.parse of the whole input and without the intermediate object tree (issue #7). It covers the
// shape the spec describes (opentelemetry-proto docs/specification.md#json-protobuf-encoding: lowerCamelCase
// keys, hex ids, integer enums, 64-bit integers as strings or numbers) and gives exactly the records, quirks
// and places json-walk.ts gives for the same text. Anything else — snake_case, Jaeger's `result`, Tempo's
// `batches`, bad JSON, whatever the walker would warn about — makes the scan fail, and the caller takes the
// JSON.parse + walk path. Records are buffered and handed to the sink only when the whole request was read,
// since a sink cannot take records back.
//
// The levels above a span are a state machine (json-scan-levels.ts), so the same scan also runs while an
// input's chunks arrive (json-scan-stream.ts).
import type { Sharing, SpanSink } from '../../model/records.ts';
import { FieldReader } from './json-scan-fields.ts';
import { NOT_FAST, notFast, skipWs } from './json-bytes.ts';
import { RequestReader, type ScannedRequest } from './json-scan-levels.ts';

export type { ScannedRequest };

/**
 * Whether decoders try the fast path, and how often it took a request or left it to the walker: tests turn
 * it off to compare both paths, and read the counts to prove the fast path is really taken.
 */
export const jsonFastPath = { enabled: true, numScanned: 0, numFallbacks: 0, numErrors: 0 };

/** Reads several inputs (or lines) with shared byte caches: repeats across lines are recognised too. */
export class TracesScanner {
  readonly r: FieldReader;

  constructor(sharing?: Sharing) {
    this.r = new FieldReader(sharing);
  }

  /**
   * The request in `bytes[start, end)` (surrounding whitespace allowed), or null when it needs the walker.
   * `prefix` goes before each span's place, as walkTracesRequest's prefix does ("line 3: ").
   */
  scan(bytes: Uint8Array, start = 0, end = bytes.length, prefix = ''): ScannedRequest | null {
    if (!jsonFastPath.enabled) return null;
    const r = this.r;
    r.buf = end === bytes.length ? bytes : bytes.subarray(0, end);
    r.pos = start;
    try {
      const request = new RequestReader(r, prefix).read(true)!;
      if (skipWs(r.buf, r.pos) !== r.buf.length) notFast();
      jsonFastPath.numScanned++;
      return request;
    } catch (err) {
      countFallback(err);
      return null;
    } finally {
      r.buf = new Uint8Array(0); // the input is not kept past the call
    }
  }
}

/** Counts a request left to the walker; `err` is why. */
export function countFallback(err: unknown): void {
  // Besides NOT_FAST, a RangeError (nesting too deep for the stack) is expected; whatever else went
  // wrong, the walker's path gives the reference answer.
  if (err !== NOT_FAST) jsonFastPath.numErrors++;
  jsonFastPath.numFallbacks++;
}

/** Whether `bytes` start with a UTF-16 byte-order mark: such text is left to the walker (via TextDecoder). */
export function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Length of a UTF-8 byte-order mark at the start of `bytes` (skipped, as TextDecoder does): 3 or 0. */
export function bomLength(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** A whole OTLP/JSON input: a UTF-8 BOM is skipped (as TextDecoder does); UTF-16 text is left to the walker. */
export function scanWholeInput(bytes: Uint8Array, sharing?: Sharing): ScannedRequest | null {
  if (isUtf16(bytes)) return null;
  return new TracesScanner(sharing).scan(bytes, bomLength(bytes));
}

/** Hands a scanned request to the sink in the walker's order; returns the number of spans. */
export function emitScanned(request: ScannedRequest, sink: SpanSink): number {
  let numSpans = 0;
  for (const { resource, scopes } of request.resources) {
    const resourceIdx = sink.addResource(resource);
    for (const { scope, spans } of scopes) {
      const scopeIdx = sink.addScope(scope);
      for (const span of spans) {
        span.resourceIdx = resourceIdx;
        span.scopeIdx = scopeIdx;
        sink.addSpan(span, true);
        numSpans++;
      }
    }
  }
  return numSpans;
}
