// The OTLP/JSON fast path: reads an ExportTraceServiceRequest / TracesData straight from its UTF-8 bytes,
// without JSON.parse of the whole input and without the intermediate object tree (issue #7). It covers the
// shape the spec describes (opentelemetry-proto docs/specification.md#json-protobuf-encoding: lowerCamelCase
// keys, hex ids, integer enums, 64-bit integers as strings or numbers) and gives exactly the records, quirks
// and places json-walk.ts gives for the same text. Anything else — snake_case, Jaeger's `result`, Tempo's
// `batches`, bad JSON, whatever the walker would warn about — makes TracesScanner.scan return null, and the
// caller takes the JSON.parse + walk path. Each span goes to the sink as soon as it is read, placed under
// its resource and scope at once when those came first (Guess), else when they are read whole (EarlySink);
// when the scanner gives up half-way, the sink forgets what this request gave it.
import { isEarlySink, type EarlySink, type KeyValue, type SpanEvent, type SpanInput, type SpanLink, type SpanSink, type SpanStatus } from '../../model/records.ts';
import { utf16Bom, utf8BomLength } from '../bom.ts';
import { FieldReader } from './json-scan-fields.ts';
import { F } from './json-scan-keys.ts';
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from './json-walk.ts';
import { NOT_FAST, notFast, skipWs } from './json-bytes.ts';

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

type MutableSpan = { -readonly [K in keyof SpanInput]: SpanInput[K] };

/**
 * A resource or scope read before its spans, given to the sink on the chance that nothing after them changes
 * it, so each span is placed as it is read (a first look of a big document has services to show:
 * workers/load-preview.ts). Only the `schemaUrl` beside the spans may still follow them (any key twice is left
 * to the walker); when it does, the spans are placed again and the guess, if the sink added it for this
 * guess, is forgotten.
 */
interface Guess {
  readonly idx: number;
  readonly schemaUrl: string;
  /** Whether the sink added the record for this guess (else it was interned before, and other spans use it). */
  readonly isNew: boolean;
}

/** A scope read whole, the sink's span numbers `[from, to)` its spans got, and where they were placed. */
interface ScannedScope {
  readonly scopeIdx: number;
  readonly from: number;
  readonly to: number;
  /** The resource the spans were given as they were read (a guess), or -1. */
  readonly placedResourceIdx: number;
  readonly placedScopeIdx: number;
}

/** Where one scan puts its spans, and how many spans the sink holds. */
interface Out {
  readonly sink: EarlySink;
  numSpans: number;
}

/**
 * Whether decoders try the fast path, and how often it took a request or left it to the walker: tests turn
 * it off to compare both paths, and read the counts to prove the fast path is really taken.
 */
export const jsonFastPath = { enabled: true, numScanned: 0, numFallbacks: 0, numErrors: 0 };

/** Reads several inputs (or lines) with shared byte caches: repeats across lines are recognised too. */
export class TracesScanner {
  private readonly r: FieldReader;
  /** Undefined when the sink cannot take spans early: every request then takes the walker's path. */
  private readonly sink: EarlySink | undefined;

  constructor(sink: SpanSink) {
    this.r = new FieldReader(sink);
    this.sink = isEarlySink(sink) ? sink : undefined;
  }

  /**
   * Reads the request in `bytes[start, end)` (surrounding whitespace allowed) into the sink and returns its
   * number of spans, or null, with nothing given to the sink, when it needs the walker. `prefix` goes before
   * each span's place, as walkTracesRequest's prefix does ("line 3: ").
   */
  scan(bytes: Uint8Array, start = 0, end = bytes.length, prefix = ''): number | null {
    const sink = this.sink;
    if (!jsonFastPath.enabled || sink === undefined) return null;
    const r = this.r;
    r.buf = end === bytes.length ? bytes : bytes.subarray(0, end);
    r.pos = skipWs(r.buf, start);
    const mark = sink.mark();
    try {
      const out: Out = { sink, numSpans: mark.spans };
      readRequest(r, out, prefix);
      if (skipWs(r.buf, r.pos) !== r.buf.length) notFast();
      jsonFastPath.numScanned++;
      return out.numSpans - mark.spans;
    } catch (err) {
      // Besides NOT_FAST, a RangeError (nesting too deep for the stack) is expected; whatever else went
      // wrong, the walker's path gives the reference answer.
      if (err !== NOT_FAST) jsonFastPath.numErrors++;
      jsonFastPath.numFallbacks++;
      sink.rollback(mark);
      return null;
    } finally {
      r.buf = new Uint8Array(0); // the input is not kept past the call
    }
  }
}

/** A whole OTLP/JSON input: a UTF-8 BOM is skipped (as TextDecoder does); UTF-16 text is left to the walker. */
export function scanWholeInput(bytes: Uint8Array, sink: SpanSink): number | null {
  return utf16Bom(bytes) ? null : new TracesScanner(sink).scan(bytes, utf8BomLength(bytes));
}

function readRequest(r: FieldReader, out: Out, prefix: string): void {
  let numResourceSpans = -1;
  for (let more = r.first(OPEN_OBJECT, CLOSE_OBJECT); more; more = r.next(CLOSE_OBJECT)) {
    if (r.key() !== F.resourceSpans) {
      r.skip();
      continue;
    }
    if (numResourceSpans >= 0) notFast();
    numResourceSpans = 0;
    for (let rs = r.list(); rs; rs = r.next(CLOSE_ARRAY)) readResourceSpans(r, out, prefix, numResourceSpans++);
  }
  // Without "resourceSpans" this is not a traces request: the walker's path says so.
  if (numResourceSpans < 0) notFast();
}

/** Marks a key as seen in `seen`; a duplicate key (JSON.parse keeps the last) is left to the walker. */
function once(seen: number, field: number): number {
  if (seen & (1 << field)) notFast(); // field ids used here are below 31
  return seen | (1 << field);
}

function readResourceSpans(r: FieldReader, out: Out, prefix: string, rIdx: number): void {
  if (!r.isObject()) notFast(); // the walker reports a non-object
  let seen = 0;
  let attributes: readonly KeyValue[] = [];
  let droppedAttributesCount = 0;
  let schemaUrl = '';
  let guess: Guess | null = null;
  const addResource = (): number => out.sink.addResource({ attributes, droppedAttributesCount, schemaUrl });
  const guessResource = (): number => {
    if (!(seen & (1 << F.resource))) return -1; // the resource may follow its spans
    guess ??= guessed(out.sink, 'resources', schemaUrl, addResource);
    return guess.idx;
  };
  const scopes: ScannedScope[] = [];
  for (let more = r.first(OPEN_OBJECT, CLOSE_OBJECT); more; more = r.next(CLOSE_OBJECT)) {
    const id = r.key();
    if (id === F.resource || id === F.schemaUrl || id === F.scopeSpans) seen = once(seen, id);
    if (id === F.resource && r.isObject()) {
      let seenIn = 0;
      for (let m = r.first(OPEN_OBJECT, CLOSE_OBJECT); m; m = r.next(CLOSE_OBJECT)) {
        const k = r.key();
        if (k === F.attributes || k === F.droppedAttributesCount) seenIn = once(seenIn, k);
        if (k === F.attributes) attributes = r.attributes();
        else if (k === F.droppedAttributesCount) droppedAttributesCount = r.count();
        else r.skip();
      }
    } else if (id === F.schemaUrl) schemaUrl = r.str();
    else if (id === F.scopeSpans) {
      for (let ss = r.list(); ss; ss = r.next(CLOSE_ARRAY)) {
        const list = `resourceSpans[${rIdx}].scopeSpans[${scopes.length}].spans`;
        scopes.push(readScopeSpans(r, out, prefix === '' ? list : [prefix, list].join(''), guessResource));
      }
    } else r.skip();
  }
  // Only now are the resource and its schemaUrl known for certain (either may follow the spans).
  const resourceIdx = settle(out.sink, 'resources', guess, schemaUrl, addResource);
  // Spans are compared by index: a wrong guess forgotten and its final record added at the same index are
  // placed right already, since the index now names the final record.
  for (const s of scopes) if (s.placedResourceIdx !== resourceIdx || s.placedScopeIdx !== s.scopeIdx) out.sink.placeSpans(s.from, s.to, resourceIdx, s.scopeIdx);
}

/** Adds a guess to the sink (`add`), noting whether the sink added a record for it. */
function guessed(sink: EarlySink, list: 'resources' | 'scopes', schemaUrl: string, add: () => number): Guess {
  const before = sink.mark()[list];
  const idx = add();
  return { idx, schemaUrl, isNew: idx >= before };
}

/** The final record's index: the guess when no schemaUrl followed it, else the record added after forgetting it. */
function settle(sink: EarlySink, list: 'resources' | 'scopes', guess: Guess | null, schemaUrl: string, add: () => number): number {
  if (guess !== null && guess.schemaUrl === schemaUrl) return guess.idx;
  if (guess?.isNew) sink.forgetRecords(list, guess.idx);
  return add();
}

function readScopeSpans(r: FieldReader, out: Out, placeList: string, guessResource: () => number): ScannedScope {
  if (!r.isObject()) notFast();
  let seen = 0;
  let name = '';
  let version = '';
  let attributes: readonly KeyValue[] = [];
  let droppedAttributesCount = 0;
  let schemaUrl = '';
  let guess: Guess | null = null;
  let placedResourceIdx = -1;
  let placedScopeIdx = -1;
  const from = out.numSpans;
  const addScope = (): number => out.sink.addScope({ name, version, attributes, droppedAttributesCount, schemaUrl });
  for (let more = r.first(OPEN_OBJECT, CLOSE_OBJECT); more; more = r.next(CLOSE_OBJECT)) {
    const id = r.key();
    if (id === F.scope || id === F.schemaUrl || id === F.spans) seen = once(seen, id);
    if (id === F.scope && r.isObject()) {
      let seenIn = 0;
      for (let m = r.first(OPEN_OBJECT, CLOSE_OBJECT); m; m = r.next(CLOSE_OBJECT)) {
        const k = r.key();
        if (k === F.name || k === F.version || k === F.attributes || k === F.droppedAttributesCount) seenIn = once(seenIn, k);
        if (k === F.name) name = r.str();
        else if (k === F.version) version = r.str();
        else if (k === F.attributes) attributes = r.attributes();
        else if (k === F.droppedAttributesCount) droppedAttributesCount = r.count();
        else r.skip();
      }
    } else if (id === F.schemaUrl) schemaUrl = r.str();
    else if (id === F.spans) {
      // Both resource and scope must be known before the spans for them to be placed as they are read.
      placedResourceIdx = seen & (1 << F.scope) ? guessResource() : -1;
      if (placedResourceIdx >= 0) {
        guess = guessed(out.sink, 'scopes', schemaUrl, addScope);
        placedScopeIdx = guess.idx;
      }
      for (let s = r.list(); s; s = r.next(CLOSE_ARRAY)) {
        out.sink.addSpan(readSpan(r, placeList, out.numSpans - from, placedResourceIdx, placedScopeIdx), true);
        out.numSpans++;
      }
    } else r.skip();
  }
  const scopeIdx = settle(out.sink, 'scopes', guess, schemaUrl, addScope);
  return { scopeIdx, from, to: out.numSpans, placedResourceIdx, placedScopeIdx };
}

const NO_STATUS: SpanStatus = Object.freeze({ code: 0, message: '' });
/** A span without attributes, events or links holds this one list (three fresh ones per span were garbage). */
const NONE: readonly never[] = Object.freeze([]);

function readSpan(r: FieldReader, placeList: string, index: number, resourceIdx: number, scopeIdx: number): MutableSpan {
  if (!r.isObject()) notFast();
  r.quirks = 0;
  const span: MutableSpan = {
    traceId: '', spanId: '', parentSpanId: '', traceState: '', flags: null, name: '', kind: 0, startNs: 0n, endNs: 0n,
    attributes: NONE, droppedAttributesCount: 0, events: NONE, droppedEventsCount: 0, links: NONE, droppedLinksCount: 0,
    status: NO_STATUS, resourceIdx, scopeIdx, where: { list: placeList, index, byte: -1 }, quirks: 0,
  };
  let seen = 0;
  for (let more = r.first(OPEN_OBJECT, CLOSE_OBJECT); more; more = r.next(CLOSE_OBJECT)) {
    const id = r.key();
    if (id >= F.attributes && id <= F.status) seen = once(seen, id);
    switch (id) {
      case F.traceId: span.traceId = r.id(16, true); break;
      case F.spanId: span.spanId = r.id(8, true); break; // pooled with parent ids: a child shares its parent's string
      case F.parentSpanId: span.parentSpanId = r.id(8, true); break;
      case F.traceState: span.traceState = r.str(); break;
      case F.flags: span.flags = r.flags(); break;
      case F.name: span.name = r.str(); break;
      case F.kind: span.kind = r.enumValue(SPAN_KIND_NAMES); break;
      case F.startTimeUnixNano: span.startNs = r.time(); break;
      case F.endTimeUnixNano: span.endNs = r.time(); break;
      case F.attributes: span.attributes = r.attributes(); break;
      case F.droppedAttributesCount: span.droppedAttributesCount = r.count(); break;
      case F.events: span.events = readEvents(r); break;
      case F.droppedEventsCount: span.droppedEventsCount = r.count(); break;
      case F.links: span.links = readLinks(r); break;
      case F.droppedLinksCount: span.droppedLinksCount = r.count(); break;
      case F.status: span.status = readStatus(r); break;
      default: r.skip();
    }
  }
  if (span.traceId === '' || span.spanId === '') notFast(); // the walker reports it
  span.quirks = r.quirks;
  return span;
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
      if (k === F.traceId) traceId = r.id(16, true);
      else if (k === F.spanId) spanId = r.id(8, false);
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
