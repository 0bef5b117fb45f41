// One span of an OTLP/JSON request, read from its bytes by the byte scanner (json-scan-frames.ts places it
// under its resource and scope): the span's fields, status, events and links, converted as json-walk.ts
// converts them. Whatever the walker would read differently throws NOT_FAST.
import type { KeyValue, SpanEvent, SpanInput, SpanLink, SpanStatus } from '../../model/records.ts';
import type { FieldReader } from './json-scan-fields.ts';
import { F } from './json-scan-keys.ts';
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from './json-walk.ts';
import { CLOSE_ARRAY, CLOSE_OBJECT, notFast, OPEN_OBJECT } from './json-bytes.ts';


type MutableSpan = { -readonly [K in keyof SpanInput]: SpanInput[K] };

/** Marks a key as seen in `seen`; a duplicate key (JSON.parse keeps the last) is left to the walker. */
export function once(seen: number, field: number): number {
  if (seen & (1 << field)) notFast(); // field ids used here are below 31
  return seen | (1 << field);
}

const NO_STATUS: SpanStatus = Object.freeze({ code: 0, message: '' });
/** A span without attributes, events or links holds this one list (three fresh ones per span were garbage). */
const NONE: readonly never[] = Object.freeze([]);

export function readSpan(r: FieldReader, placeList: string, index: number, resourceIdx: number, scopeIdx: number): SpanInput {
  if (!r.isObject()) notFast();
  r.quirks = 0;
  const span: MutableSpan = {
    traceId: '', spanId: '', spanIdHi: undefined, spanIdLo: undefined, parentSpanId: '', parentIdHi: undefined, parentIdLo: undefined, traceState: '', flags: null, name: '', kind: 0, startNs: 0n, endNs: 0n,
    attributes: NONE, droppedAttributesCount: 0, events: NONE, droppedEventsCount: 0, links: NONE, droppedLinksCount: 0,
    status: NO_STATUS, resourceIdx, scopeIdx, where: { list: placeList, index, byte: -1 }, quirks: 0, encodedAttributes: undefined,
  };
  let seen = 0;
  for (let more = r.first(OPEN_OBJECT, CLOSE_OBJECT); more; more = r.next(CLOSE_OBJECT)) {
    const id = r.key();
    if (id >= F.attributes && id <= F.status) seen = once(seen, id);
    switch (id) {
      case F.traceId: span.traceId = r.id(16); break;
      case F.spanId: readSpanId(r, span); break;
      case F.parentSpanId: readParentId(r, span); break;
      case F.traceState: span.traceState = r.str(); break;
      case F.flags: span.flags = r.flags(); break;
      case F.name: span.name = r.str(); break;
      case F.kind: span.kind = r.enumValue(SPAN_KIND_NAMES); break;
      case F.startTimeUnixNano: span.startNs = r.time(); break;
      case F.endTimeUnixNano: span.endNs = r.time(); break;
      case F.attributes: readAttributes(r, span); break;
      case F.droppedAttributesCount: span.droppedAttributesCount = r.count(); break;
      case F.events: span.events = readEvents(r); break;
      case F.droppedEventsCount: span.droppedEventsCount = r.count(); break;
      case F.links: span.links = readLinks(r); break;
      case F.droppedLinksCount: span.droppedLinksCount = r.count(); break;
      case F.status: span.status = readStatus(r); break;
      default: r.skip();
    }
  }
  if (span.traceId === '' || (span.spanIdHi === undefined && span.spanId === '')) notFast(); // the walker reports it
  span.quirks = r.quirks;
  return span;
}

/** The span's attributes, or the handle of them kept as bytes (FieldReader.spanAttributes). */
function readAttributes(r: FieldReader, span: MutableSpan): void {
  const attributes = r.spanAttributes();
  if (typeof attributes === 'number') span.encodedAttributes = attributes;
  else span.attributes = attributes;
}

/** A span id as words when it is 16 hex digits (see SpanInput.spanIdHi), else as the walker reads it. */
function readSpanId(r: FieldReader, span: MutableSpan): void {
  const words = r.spanIdWords();
  span.spanIdHi = words ? r.words[0]! : undefined;
  span.spanIdLo = words ? r.words[1]! : undefined;
  span.spanId = words ? '' : r.id(8);
}

function readParentId(r: FieldReader, span: MutableSpan): void {
  const words = r.spanIdWords();
  span.parentIdHi = words ? r.words[0]! : undefined;
  span.parentIdLo = words ? r.words[1]! : undefined;
  span.parentSpanId = words ? '' : r.id(8);
}

function readStatus(r: FieldReader): SpanStatus {
  if (!r.isObject()) {
    r.skip();
    return NO_STATUS;
  }
  let code = 0;
  let message = '';
  let seen = 0;
  for (let more = r.first(OPEN_OBJECT, CLOSE_OBJECT); more; more = r.next(CLOSE_OBJECT)) {
    const k = r.key();
    if (k === F.code || k === F.message) seen = once(seen, k);
    if (k === F.code) code = r.enumValue(STATUS_CODE_NAMES);
    else if (k === F.message) message = r.str();
    else r.skip();
  }
  return code === 0 && message === '' ? NO_STATUS : { code, message };
}

function readEvents(r: FieldReader): SpanEvent[] {
  const events: SpanEvent[] = [];
  for (let more = r.list(); more; more = r.next(CLOSE_ARRAY)) {
    if (!r.isObject()) {
      r.skip(); // the walker drops non-object events silently
      continue;
    }
    let timeNs = 0n;
    let name = '';
    let attributes: readonly KeyValue[] = [];
    let droppedAttributesCount = 0;
    let seen = 0;
    for (let m = r.first(OPEN_OBJECT, CLOSE_OBJECT); m; m = r.next(CLOSE_OBJECT)) {
      const k = r.key();
      if (k === F.timeUnixNano || k === F.name || k === F.attributes || k === F.droppedAttributesCount) seen = once(seen, k);
      if (k === F.timeUnixNano) timeNs = r.time();
      else if (k === F.name) name = r.str();
      else if (k === F.attributes) attributes = r.attributes();
      else if (k === F.droppedAttributesCount) droppedAttributesCount = r.count();
      else r.skip();
    }
    events.push({ timeNs, name, attributes, droppedAttributesCount });
  }
  return events;
}

function readLinks(r: FieldReader): SpanLink[] {
  const links: SpanLink[] = [];
  for (let more = r.list(); more; more = r.next(CLOSE_ARRAY)) {
    if (!r.isObject()) {
      r.skip(); // dropped silently, as by the walker
      continue;
    }
    let traceId = '';
    let spanId = '';
    let traceState = '';
    let attributes: readonly KeyValue[] = [];
    let droppedAttributesCount = 0;
    let flags: number | null = null;
    let seen = 0;
    for (let m = r.first(OPEN_OBJECT, CLOSE_OBJECT); m; m = r.next(CLOSE_OBJECT)) {
      const k = r.key();
      if (k >= F.attributes && k <= F.flags) seen = once(seen, k);
      if (k === F.traceId) traceId = r.id(16);
      else if (k === F.spanId) spanId = r.id(8);
      else if (k === F.traceState) traceState = r.str();
      else if (k === F.attributes) attributes = r.attributes();
      else if (k === F.droppedAttributesCount) droppedAttributesCount = r.count();
      else if (k === F.flags) flags = r.flags();
      else r.skip();
    }
    links.push({ traceId, spanId, traceState, attributes, droppedAttributesCount, flags });
  }
  return links;
}
