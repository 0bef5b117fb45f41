// The OTLP/JSON fast path: reads an ExportTraceServiceRequest / TracesData straight from its UTF-8 bytes,
// without JSON.parse of the whole input and without the intermediate object tree (issue #7). It covers the
// shape the spec describes (opentelemetry-proto docs/specification.md#json-protobuf-encoding: lowerCamelCase
// keys, hex ids, integer enums, 64-bit integers as strings or numbers) and gives exactly the records, quirks
// and places json-walk.ts gives for the same text. Anything else (snake_case, Jaeger's `result`, Tempo's
// `batches`, bad JSON, whatever the walker would warn about) makes the scan give up, and the caller takes
// the JSON.parse + walk path. Each span goes to the sink as soon as it is read (json-scan-frames.ts); when
// the scan gives up half-way, the sink forgets what this request gave it.
import { isEarlySink, type EarlySink, type SinkMark, type SpanSink } from '../../model/records.ts';
import { utf16Bom, utf8BomLength } from '../bom.ts';
import type { ChunkDecoder } from '../stream.ts';
import { FieldReader } from './json-scan-fields.ts';
import { RequestScan } from './json-scan-frames.ts';
import { NOT_FAST } from './json-bytes.ts';
import { shapeOf } from '../../warm/keep-shapes.ts';

/**
 * Whether decoders try the fast path, and how often it took a request or left it to the walker: tests turn
 * it off to compare both paths, and read the counts to prove the fast path is really taken.
 */
export const jsonFastPath = { enabled: true, numScanned: 0, numFallbacks: 0, numErrors: 0 };

/** Counts a give-up; besides NOT_FAST, a RangeError (nesting too deep for the stack) is expected. */
function gaveUp(err: unknown): void {
  // Whatever else went wrong, the walker's path gives the reference answer.
  if (err !== NOT_FAST) jsonFastPath.numErrors++;
  jsonFastPath.numFallbacks++;
}

/** Reads several inputs (or lines) with shared byte caches: repeats across lines are recognised too. */
export class TracesScanner {
  private readonly r: FieldReader;
  /** Undefined when the sink cannot take spans early: every request then takes the walker's path. */
  private readonly sink: EarlySink | undefined;

  constructor(sink: SpanSink) {
    this.r = new FieldReader(sink);
    this.sink = isEarlySink(sink) ? sink : undefined;
    shapeOf(this);
  }

  /**
   * Reads the request in `bytes[start, end)` (surrounding whitespace allowed) into the sink and returns its
   * number of spans, or null, with nothing given to the sink, when it needs the walker. `prefix` goes before
   * each span's place, as walkTracesRequest's prefix does ("line 3: ").
   */
  scan(bytes: Uint8Array, start = 0, end = bytes.length, prefix = ''): number | null {
    const sink = this.sink;
    if (!jsonFastPath.enabled || sink === undefined) return null;
    const mark = sink.mark();
    try {
      const scan = new RequestScan(this.r, sink, prefix);
      scan.push(end === bytes.length ? bytes : bytes.subarray(0, end), start);
      scan.end();
      jsonFastPath.numScanned++;
      return scan.numSpans - mark.spans;
    } catch (err) {
      gaveUp(err);
      sink.rollback(mark);
      return null;
    } finally {
      this.r.release(); // the input is not kept past the call
    }
  }
}

/** A whole OTLP/JSON input: a UTF-8 BOM is skipped (as TextDecoder does); UTF-16 text is left to the walker. */
export function scanWholeInput(bytes: Uint8Array, sink: SpanSink): number | null {
  return utf16Bom(bytes) ? null : new TracesScanner(sink).scan(bytes, utf8BomLength(bytes));
}

/** What a DocumentScan holds while it scans: taken back (rollback to `mark`) when it gives up. */
interface Scanning {
  readonly scan: RequestScan;
  readonly r: FieldReader;
  readonly sink: EarlySink;
  readonly mark: SinkMark;
}

/**
 * One OTLP/JSON document read as its chunks arrive (load-chunks.ts), each span given to the sink as soon as
 * it is read. When the fast path gives up (at any chunk, or at the end when the document is cut short), what
 * it gave the sink is taken back and `wantsWhole` turns true: the input must then be decoded whole, as
 * otlpJson.decode decodes it, which reports the problem where it is.
 */
export class DocumentScan implements ChunkDecoder {
  /** Null once the scan gave up, or from the start when the sink cannot take spans early. */
  private state: Scanning | null = null;
  private isFirst = true;

  constructor(sink: SpanSink) {
    if (!jsonFastPath.enabled || !isEarlySink(sink)) return;
    const r = new FieldReader(sink);
    this.state = { scan: new RequestScan(r, sink, ''), r, sink, mark: sink.mark() };
    shapeOf(this);
  }

  get wantsWhole(): boolean {
    return this.state === null;
  }

  push(chunk: Uint8Array): void {
    // The first chunk is the sniffed head, which holds the BOM if there is one.
    const from = this.isFirst ? utf8BomLength(chunk) : 0;
    this.isFirst = false;
    this.guard((scan) => scan.push(chunk, from));
  }

  end(): void {
    this.guard((scan) => scan.end());
    if (this.state) jsonFastPath.numScanned++;
  }

  /** A load stopped half-way keeps the spans read so far, each under its resource and scope as far as they are known. */
  cutShort(): void {
    this.guard((scan) => scan.settleOpen());
  }

  private guard(run: (scan: RequestScan) => void): void {
    const state = this.state;
    if (state === null) return;
    try {
      run(state.scan);
    } catch (err) {
      gaveUp(err);
      state.sink.rollback(state.mark);
      this.state = null;
    } finally {
      state.r.release();
    }
  }
}
