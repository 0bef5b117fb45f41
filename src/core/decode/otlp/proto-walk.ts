// Decodes OTLP/protobuf ExportTraceServiceRequest / TracesData (both hold repeated ResourceSpans in field 1)
// straight from the wire with protobufjs's Reader: no generated code and no reflection, so it runs under a
// Content-Security-Policy without 'unsafe-eval'. Field numbers: opentelemetry-proto
// opentelemetry/proto/trace/v1/trace.proto and common/v1/common.proto (InstrumentationLibrarySpans = 1000
// in releases before 1.0, still sent by old SDKs).
import { whereText, type KeyValue, type ResourceRecord, type ScopeRecord, type SpanEvent, type SpanLink, type SpanPlace, type SpanSink, type SpanStatus } from '../../model/records.ts';
import { event, link } from './proto-events.ts';
import { idWords, pooledAttributes, pooledHex, pooledKeyValue, pooledStatus, pooledText, ProtoPools } from './proto-pools.ts';
import { createReader, delimitedEnd, readFixed64, readString, type Reader } from './proto-wire.ts';

/** What a span without events, links or attributes holds: shared, as records are never changed. */
const NONE: readonly never[] = Object.freeze([]);
const NO_STATUS: SpanStatus = Object.freeze({ code: 0, message: '' });

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

/**
 * Reads one message into `sink`. Pass the same `pools` to every message of one input (framed streams), so
 * values repeated across messages are reused too.
 */
export function walkTracesProto(bytes: Uint8Array, sink: SpanSink, pools = new ProtoPools(sink)): number {
  const r = createReader(bytes);
  const cut: Cut = { at: null };
  let numSpans = 0;
  let numResourceSpans = 0;
  try {
    guarded(r, cut, () => {
      while (r.pos < r.len) {
        const fieldStart = r.pos;
        const tag = r.uint32();
        if (tag >>> 3 === 1 && (tag & 7) === 2) {
          const end = containerEnd(r, r.len, cut);
          numSpans += resourceSpans(r, end, sink, cut, pools, `resourceSpans[${numResourceSpans++}] (byte ${fieldStart})`);
          r.pos = end;
        } else r.skipType(tag & 7);
      }
    });
  } finally {
    pools.forgetInput();
  }
  if (cut.at !== null) {
    sink.issue({ message: `protobuf input is cut short (truncated?): the ${numSpans} whole spans before the cut are kept`, where: `byte ${cut.at}`, severity: 'error' });
  }
  return numSpans;
}

function resourceSpans(r: Reader, end: number, sink: SpanSink, cut: Cut, pools: ProtoPools, where: string): number {
  let resource: ResourceRecord = { attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
  let schemaUrl = '';
  /** [start, end) of each ScopeSpans, read after the resource (which may come after them on the wire). */
  const scopeSpansAt: number[] = [];
  guarded(r, cut, () => {
    while (r.pos < end) {
      const tag = r.uint32();
      switch (tag >>> 3) {
        case 1: {
          const e = delimitedEnd(r);
          resource = resourceMessage(r, e, pools);
          r.pos = e;
          break;
        }
        case 2:
        case 1000: {
          const e = containerEnd(r, end, cut);
          scopeSpansAt.push(r.pos, e);
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
  for (let i = 0; i < scopeSpansAt.length; i += 2) {
    r.pos = scopeSpansAt[i]!;
    numSpans += scopeSpans(r, scopeSpansAt[i + 1]!, sink, cut, pools, resourceIdx, `${where}.scopeSpans[${i >> 1}]`);
  }
  r.pos = end;
  return numSpans;
}

function resourceMessage(r: Reader, end: number, pools: ProtoPools): ResourceRecord {
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) attributes.push(pooledKeyValue(r, pools));
    else if (tag >>> 3 === 2) droppedAttributesCount = r.uint32();
    else r.skipType(tag & 7);
  }
  return { attributes, droppedAttributesCount, schemaUrl: '' };
}

function scopeSpans(r: Reader, end: number, sink: SpanSink, cut: Cut, pools: ProtoPools, resourceIdx: number, where: string): number {
  let scope: ScopeRecord = { name: '', version: '', attributes: [], droppedAttributesCount: 0, schemaUrl: '' };
  let schemaUrl = '';
  /** Each span as [start, end), with end negated (-end - 1) when the span runs past the list's end. */
  const spansAt: number[] = [];
  guarded(r, cut, () => {
    while (r.pos < end) {
      const tag = r.uint32();
      switch (tag >>> 3) {
        case 1: {
          const e = delimitedEnd(r);
          scope = scopeMessage(r, e, pools);
          r.pos = e;
          break;
        }
        case 2: {
          const length = r.uint32();
          const spanEnd = r.pos + length;
          spansAt.push(r.pos, spanEnd <= end ? spanEnd : -end - 1);
          r.pos = Math.min(spanEnd, end);
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
  for (let i = 0; i < spansAt.length; i += 2) {
    const start = spansAt[i]!;
    const e = spansAt[i + 1]!;
    r.pos = start;
    const spanWhere: SpanPlace = { list: spansList, index: i >> 1, byte: start };
    if (e < 0) cut.at ??= -e - 1;
    if (e >= 0 && guardedSpan(r, e, sink, cut, pools, resourceIdx, scopeIdx, spanWhere)) numSpans++;
    else sink.issue({ message: 'span is cut short; skipped', where: whereText(spanWhere), severity: 'error' });
  }
  r.pos = end;
  return numSpans;
}

/** Reads one whole span; a read past its end (a length inside it that lies) is recorded as the cut. */
function guardedSpan(r: Reader, end: number, sink: SpanSink, cut: Cut, pools: ProtoPools, resourceIdx: number, scopeIdx: number, where: SpanPlace): boolean {
  try {
    span(r, end, sink, pools, resourceIdx, scopeIdx, where);
    return true;
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    cut.at ??= r.pos;
    return false;
  }
}

function scopeMessage(r: Reader, end: number, pools: ProtoPools): ScopeRecord {
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
        attributes.push(pooledKeyValue(r, pools));
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

function span(r: Reader, end: number, sink: SpanSink, pools: ProtoPools, resourceIdx: number, scopeIdx: number, where: SpanPlace): void {
  let traceId = '';
  let spanId = '';
  let parentSpanId = '';
  // An 8-byte id is kept as words (SpanInput.spanIdHi), another as its hex text.
  let spanIdHi: number | undefined;
  let spanIdLo: number | undefined;
  let parentIdHi: number | undefined;
  let parentIdLo: number | undefined;
  let traceState = '';
  let flags: number | null = null;
  let name = '';
  let kind = 0;
  let startNs = 0n;
  let endNs = 0n;
  /** A list, or a handle of the attributes kept as bytes (pooledAttributes). */
  let attributes: readonly KeyValue[] | number | null = null;
  /** Where the first run of attribute fields starts and ends (a handle is read again if a second run comes). */
  let attributesAt = 0;
  let attributesEnd = 0;
  /** Attribute fields not in the first run (see pooledAttributes). */
  let moreAttributes: KeyValue[] | null = null;
  let droppedAttributesCount = 0;
  let events: SpanEvent[] | null = null;
  let droppedEventsCount = 0;
  let links: SpanLink[] | null = null;
  let droppedLinksCount = 0;
  let status = NO_STATUS;
  while (r.pos < end) {
    const at = r.pos;
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        traceId = pooledHex(r, pools);
        break;
      case 2: {
        const words = idWords(r, pools.words);
        spanIdHi = words ? pools.words[0] : undefined;
        spanIdLo = words ? pools.words[1] : undefined;
        spanId = words ? '' : pooledHex(r, pools);
        break;
      }
      case 3:
        traceState = pooledText(r, pools);
        break;
      case 4: {
        const words = idWords(r, pools.words);
        parentIdHi = words ? pools.words[0] : undefined;
        parentIdLo = words ? pools.words[1] : undefined;
        parentSpanId = words ? '' : pooledHex(r, pools);
        break;
      }
      case 5:
        name = pooledText(r, pools);
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
        if (attributes === null) {
          attributesAt = at;
          attributes = pooledAttributes(r, pools, at, end);
          attributesEnd = r.pos;
        } else (moreAttributes ??= []).push(pooledKeyValue(r, pools));
        break;
      case 10:
        droppedAttributesCount = r.uint32();
        break;
      case 11:
        (events ??= []).push(event(r, pools));
        break;
      case 12:
        droppedEventsCount = r.uint32();
        break;
      case 13:
        (links ??= []).push(link(r, pools));
        break;
      case 14:
        droppedLinksCount = r.uint32();
        break;
      case 15:
        status = pooledStatus(r, pools);
        break;
      case 16:
        flags = r.fixed32();
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  if (traceId === '' || (spanIdHi === undefined && spanId === '')) {
    sink.issue({ message: 'span has no trace_id or span_id; kept, but it cannot join a trace', where: whereText(where), severity: 'error' });
  }
  // A second run of attribute fields is rare (encoders write a repeated field in one run): the first, if kept
  // as bytes, is read again as a list to join it.
  if (moreAttributes !== null && typeof attributes === 'number') attributes = decodedRun(r, attributesAt, attributesEnd, pools);
  const encodedAttributes = typeof attributes === 'number' ? attributes : undefined;
  const list = typeof attributes === 'number' ? NONE : attributes;
  sink.addSpan({
    traceId, spanId, spanIdHi, spanIdLo, parentSpanId, parentIdHi, parentIdLo, traceState, flags, name, kind, startNs, endNs, attributes: moreAttributes ? [...list!, ...moreAttributes] : list ?? NONE,
    droppedAttributesCount, events: events ?? NONE, droppedEventsCount, links: links ?? NONE, droppedLinksCount, status,
    resourceIdx, scopeIdx, where, quirks: 0, encodedAttributes,
  }, true);
}

/** The attribute fields in `[from, to)` as a list, as pooledAttributes reads a run it does not reuse; `r` stays put. */
function decodedRun(r: Reader, from: number, to: number, pools: ProtoPools): readonly KeyValue[] {
  const pos = r.pos;
  r.pos = from;
  const list: KeyValue[] = [];
  while (r.pos < to) {
    r.uint32(); // the attribute's tag
    list.push(pooledKeyValue(r, pools));
  }
  r.pos = pos;
  return list;
}
