// A floor for issue #7's protobuf target: what reading OTLP/protobuf with protobufjs's Reader straight into
// typed-array columns costs when it keeps only what a waterfall row needs (span and parent ids as 32-bit
// halves, the trace id's and name's byte offsets, kind, start, end, status code) and skips the rest (each
// span's attributes, events and links kept as a byte range, to be decoded when asked for). It is not a
// decoder: it makes no strings and checks nothing. The bench reports it beside the reflection decode to show
// how much of the target is the wire and how much is the model the app builds today (a record per span from
// the decoder, its attributes decoded and pooled, a row of the span table).
import protobuf from 'protobufjs/minimal.js';

/** One column per field a row needs, `numSpans` long. */
export class RowColumns {
  readonly traceIdAt: Uint32Array;
  readonly spanIdLo: Uint32Array;
  readonly spanIdHi: Uint32Array;
  readonly parentLo: Uint32Array;
  readonly parentHi: Uint32Array;
  readonly nameAt: Uint32Array;
  readonly kind: Uint8Array;
  readonly startNs: Float64Array;
  readonly endNs: Float64Array;
  readonly statusCode: Uint8Array;
  /** Where the span's attribute, event and link fields run: [first byte, after the last). */
  readonly restAt: Uint32Array;
  readonly restEnd: Uint32Array;

  constructor(capacity: number) {
    this.traceIdAt = new Uint32Array(capacity);
    this.spanIdLo = new Uint32Array(capacity);
    this.spanIdHi = new Uint32Array(capacity);
    this.parentLo = new Uint32Array(capacity);
    this.parentHi = new Uint32Array(capacity);
    this.nameAt = new Uint32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.startNs = new Float64Array(capacity);
    this.endNs = new Float64Array(capacity);
    this.statusCode = new Uint8Array(capacity);
    this.restAt = new Uint32Array(capacity);
    this.restEnd = new Uint32Array(capacity);
  }
}

/** Reads every span of a TracesData / ExportTraceServiceRequest into columns; gives the number of spans. */
export function skimRows(bytes: Uint8Array, cols: RowColumns): number {
  const capacity = cols.kind.length;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const r = protobuf.Reader.create(bytes);
  let n = 0;
  // Field numbers: opentelemetry-proto trace/v1/trace.proto (resource_spans 1, scope_spans 2, spans 2).
  forEachField(r, r.len, 1, (rsEnd) =>
    forEachField(r, rsEnd, 2, (ssEnd) =>
      forEachField(r, ssEnd, 2, (spanEnd) => {
        if (n < capacity) readRow(r, spanEnd, view, cols, n);
        n++;
      })));
  return n;
}

/** Calls `body` with the end of each length-delimited field `fieldNo` up to `end`, skipping other fields. */
function forEachField(r: protobuf.Reader, end: number, fieldNo: number, body: (end: number) => void): void {
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag >>> 3 !== fieldNo || (tag & 7) !== 2) {
      r.skipType(tag & 7);
      continue;
    }
    const fieldEnd = r.uint32() + r.pos;
    body(fieldEnd);
    r.pos = fieldEnd;
  }
}

function readRow(r: protobuf.Reader, end: number, view: DataView, cols: RowColumns, n: number): void {
  let restAt = 0;
  let restEnd = 0;
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        cols.traceIdAt[n] = r.pos;
        r.skipType(2);
        break;
      case 2:
        readId(r, view, cols.spanIdLo, cols.spanIdHi, n);
        break;
      case 4:
        readId(r, view, cols.parentLo, cols.parentHi, n);
        break;
      case 5:
        cols.nameAt[n] = r.pos;
        r.skipType(2);
        break;
      case 6:
        cols.kind[n] = r.uint32();
        break;
      case 7:
        cols.startNs[n] = view.getUint32(r.pos, true) + view.getUint32(r.pos + 4, true) * 2 ** 32;
        r.pos += 8;
        break;
      case 8:
        cols.endNs[n] = view.getUint32(r.pos, true) + view.getUint32(r.pos + 4, true) * 2 ** 32;
        r.pos += 8;
        break;
      case 15:
        cols.statusCode[n] = statusCode(r);
        break;
      default:
        // Trace state (3), attributes (9), events (11), links (13), flags (16), the dropped counts: one range.
        restAt ||= tagAt;
        r.skipType(tag & 7);
        restEnd = r.pos;
    }
  }
  cols.restAt[n] = restAt;
  cols.restEnd[n] = restEnd;
}

/** An 8-byte id as two 32-bit halves (other lengths are skipped: this is a floor, not a decoder). */
function readId(r: protobuf.Reader, view: DataView, lo: Uint32Array, hi: Uint32Array, n: number): void {
  const length = r.uint32();
  if (length === 8) {
    lo[n] = view.getUint32(r.pos, true);
    hi[n] = view.getUint32(r.pos + 4, true);
  }
  r.pos += length;
}

/** Status.code (field 3) of the Status message at `r.pos`. */
function statusCode(r: protobuf.Reader): number {
  const end = r.uint32() + r.pos;
  let code = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag >>> 3 === 3) code = r.uint32();
    else r.skipType(tag & 7);
  }
  return code;
}
