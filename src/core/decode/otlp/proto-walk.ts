// Decodes OTLP/protobuf ExportTraceServiceRequest / TracesData (both hold repeated ResourceSpans in field 1)
// straight from the wire with protobufjs's Reader: no generated code and no reflection, so it runs under a
// Content-Security-Policy without 'unsafe-eval'. Field numbers: opentelemetry-proto
// opentelemetry/proto/trace/v1/trace.proto and common/v1/common.proto (InstrumentationLibrarySpans = 1000
// in releases before 1.0, still sent by old SDKs).
import { whereText, type KeyValue, type ResourceRecord, type ScopeRecord, type SpanEvent, type SpanLink, type SpanPlace, type SpanSink, type SpanStatus } from '../../model/records.ts';
import { bytesToHex } from './ids.ts';
import { event, keyValue, link, statusMessage } from './proto-values.ts';
import { createReader, delimitedEnd, readFixed64, readString, type Reader } from './proto-wire.ts';

/**
 * Where the input was found cut short, if it was. Container messages (ResourceSpans, ScopeSpans) whose
 * declared length runs past the end are read up to the end, so a truncated file keeps every whole span
 * before the cut; a span that is itself cut is reported and skipped.
 */
interface Cut {
  at: number | null;
}

function containerEnd(r: Reader, limit: number, cut: Cut): number {
  const length = r.uint32();
  const end = r.pos + length;
  if (end <= limit) return end;
  cut.at ??= limit;
  return limit;
}

/** Runs a field loop, turning a read past the end into a recorded cut instead of a throw. */
function guarded(r: Reader, cut: Cut, body: () => void): boolean {
  try {
    body();
    return true;
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    cut.at ??= r.pos;
    return false;
  }
}

export function walkTracesProto(bytes: Uint8Array, sink: SpanSink): number {
  const r = createReader(bytes);
  const cut: Cut = { at: null };
  let numSpans = 0;
  let numResourceSpans = 0;
  guarded(r, cut, () => {
    while (r.pos < r.len) {
      const fieldStart = r.pos;
      const tag = r.uint32();
      if (tag >>> 3 === 1 && (tag & 7) === 2) {
        const end = containerEnd(r, r.len, cut);
        numSpans += resourceSpans(r, end, sink, cut, `resourceSpans[${numResourceSpans++}] (byte ${fieldStart})`);
        r.pos = end;
      } else r.skipType(tag & 7);
    }
  });
  if (cut.at !== null) {
    sink.issue({ message: `protobuf input is cut short (truncated?): the ${numSpans} whole spans before the cut are kept`, where: `byte ${cut.at}`, severity: 'error' });
  }
  return numSpans;
}

function resourceSpans(r: Reader, end: number, sink: SpanSink, cut: Cut, where: string): number {
  let resource: ResourceRecord = { attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
  let schemaUrl = '';
  const scopeSpansAt: Array<[number, number]> = [];
  guarded(r, cut, () => {
    while (r.pos < end) {
      const tag = r.uint32();
      switch (tag >>> 3) {
        case 1: {
          const e = delimitedEnd(r);
          resource = resourceMessage(r, e);
          r.pos = e;
          break;
        }
        case 2:
        case 1000: {
          const e = containerEnd(r, end, cut);
          scopeSpansAt.push([r.pos, e]);
          r.pos = e;
          break;
        }
        case 3:
          schemaUrl = readString(r);
          break;
        default:
          r.skipType(tag & 7);
      }
    }
  });
  // The resource may come after its scope spans on the wire; intern it first so spans can point at it.
  const resourceIdx = sink.addResource({ ...resource, schemaUrl });
  let numSpans = 0;
  scopeSpansAt.forEach(([start, e], i) => {
    r.pos = start;
    numSpans += scopeSpans(r, e, sink, cut, resourceIdx, `${where}.scopeSpans[${i}]`);
  });
  r.pos = end;
  return numSpans;
}

function resourceMessage(r: Reader, end: number): ResourceRecord {
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) attributes.push(keyValue(r, 0));
    else if (tag >>> 3 === 2) droppedAttributesCount = r.uint32();
    else r.skipType(tag & 7);
  }
  return { attributes, droppedAttributesCount, schemaUrl: '' };
}

function scopeSpans(r: Reader, end: number, sink: SpanSink, cut: Cut, resourceIdx: number, where: string): number {
  let scope: ScopeRecord = { name: '', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
  let schemaUrl = '';
  const spansAt: Array<[start: number, end: number, whole: boolean]> = [];
  guarded(r, cut, () => {
    while (r.pos < end) {
      const tag = r.uint32();
      switch (tag >>> 3) {
        case 1: {
          const e = delimitedEnd(r);
          scope = scopeMessage(r, e);
          r.pos = e;
          break;
        }
        case 2: {
          const length = r.uint32();
          spansAt.push([r.pos, Math.min(r.pos + length, end), r.pos + length <= end]);
          r.pos = Math.min(r.pos + length, end);
          break;
        }
        case 3:
          schemaUrl = readString(r);
          break;
        default:
          r.skipType(tag & 7);
      }
    }
  });
  const scopeIdx = sink.addScope({ ...scope, schemaUrl });
  let numSpans = 0;
  const spansList = `${where}.spans`;
  spansAt.forEach(([start, e, whole], i) => {
    r.pos = start;
    const spanWhere: SpanPlace = { list: spansList, index: i, byte: start };
    if (!whole) cut.at ??= e;
    if (whole && guarded(r, cut, () => span(r, e, sink, resourceIdx, scopeIdx, spanWhere))) numSpans++;
    else sink.issue({ message: 'span is cut short; skipped', where: whereText(spanWhere), severity: 'error' });
  });
  r.pos = end;
  return numSpans;
}

function scopeMessage(r: Reader, end: number): ScopeRecord {
  let name = '';
  let version = '';
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        name = readString(r);
        break;
      case 2:
        version = readString(r);
        break;
      case 3:
        attributes.push(keyValue(r, 0));
        break;
      case 4:
        droppedAttributesCount = r.uint32();
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return { name, version, attributes, droppedAttributesCount, schemaUrl: '' };
}

function span(r: Reader, end: number, sink: SpanSink, resourceIdx: number, scopeIdx: number, where: SpanPlace): void {
  let traceId = '';
  let spanId = '';
  let parentSpanId = '';
  let traceState = '';
  let flags: number | null = null;
  let name = '';
  let kind = 0;
  let startNs = 0n;
  let endNs = 0n;
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  const events: SpanEvent[] = [];
  let droppedEventsCount = 0;
  const links: SpanLink[] = [];
  let droppedLinksCount = 0;
  let status: SpanStatus = { code: 0, message: '' };
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        traceId = bytesToHex(r.bytes());
        break;
      case 2:
        spanId = bytesToHex(r.bytes());
        break;
      case 3:
        traceState = readString(r);
        break;
      case 4:
        parentSpanId = bytesToHex(r.bytes());
        break;
      case 5:
        name = readString(r);
        break;
      case 6:
        kind = r.int32();
        break;
      case 7:
        startNs = readFixed64(r);
        break;
      case 8:
        endNs = readFixed64(r);
        break;
      case 9:
        attributes.push(keyValue(r, 0));
        break;
      case 10:
        droppedAttributesCount = r.uint32();
        break;
      case 11:
        events.push(event(r));
        break;
      case 12:
        droppedEventsCount = r.uint32();
        break;
      case 13:
        links.push(link(r));
        break;
      case 14:
        droppedLinksCount = r.uint32();
        break;
      case 15:
        status = statusMessage(r);
        break;
      case 16:
        flags = r.fixed32();
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  if (traceId === '' || spanId === '') {
    sink.issue({ message: 'span has no trace_id or span_id; kept, but it cannot join a trace', where: whereText(where), severity: 'error' });
  }
  sink.addSpan({
    traceId, spanId, parentSpanId, traceState, flags, name, kind, startNs, endNs, attributes,
    droppedAttributesCount, events, droppedEventsCount, links, droppedLinksCount, status,
    resourceIdx, scopeIdx, where, quirks: 0,
  });
}

