// Generated OTLP/protobuf input for differential tests of the wire walker: fast-check arbitraries for
// TracesData (as protobufjs `fromObject` input), encoded with the OTLP schema plus unknown fields and the
// pre-1.0 InstrumentationLibrarySpans (field 1000), and what each span must decode to, derived from a
// protobufjs reflection decode of the same bytes. Values come from small shared pools as well as at random,
// so byte-keyed caches in the walker both hit and miss; the same raw bytes appear as names, ids and values.
import fc from 'fast-check';
import protobuf from 'protobufjs';
import type { AnyValue, KeyValue, ResourceRecord, ScopeRecord, SpanEvent, SpanInput, SpanLink, DecodeIssue, EarlySink } from '../../src/core/model/records.ts';
import { parentIdText, spanIdText } from '../../src/core/model/records.ts';
import { OTLP_TRACE_PROTO } from './otlp-proto-schema.ts';

/** The reader's schema: OTLP plus field 1000, so reflection sees what old SDKs send. */
const READER_PROTO = OTLP_TRACE_PROTO.replace('string schema_url = 3; }', 'string schema_url = 3; repeated ScopeSpans instrumentation_library_spans = 1000; }');
/** The writer's schema adds fields no OTLP reader knows, at every level, of every wire type. */
const WRITER_PROTO = READER_PROTO
  .replace('message TracesData { repeated ResourceSpans resource_spans = 1; }', 'message TracesData { repeated ResourceSpans resource_spans = 1; string x_top = 9; }')
  .replace('message KeyValue { string key = 1; AnyValue value = 2; }', 'message KeyValue { string key = 1; AnyValue value = 2; uint64 x_kv = 5; }')
  .replace('bytes bytes_value = 7;\n  }', 'bytes bytes_value = 7;\n  }\n  fixed32 x_any = 12;')
  .replace('Status status = 15;', 'Status status = 15; fixed64 x_span = 99; string x_span_text = 100;')
  .replace('uint32 dropped_attributes_count = 4; }\n  repeated Event', 'uint32 dropped_attributes_count = 4; double x_event = 7; }\n  repeated Event');

export const readerRoot = protobuf.parse(READER_PROTO).root;
export const writerRoot = protobuf.parse(WRITER_PROTO).root;
export const ReaderTracesData = readerRoot.lookupType('otlp.TracesData');
export const WriterTracesData = writerRoot.lookupType('otlp.TracesData');

const utf8 = new TextEncoder();
/** Bytes that are at once a printable name and a 16-byte id. */
const AMBIGUOUS = '0123456789abcdef';
/** U+FEFF leads one: TextDecoder drops it unless told not to (the walker lost it before ignoreBOM). */
const SHARED_TEXT = ['', 'GET', 'é✓ ünïcode 😀', AMBIGUOUS, 'x'.repeat(300), 'a\u0000b', '\ufeffé'];
const text = fc.oneof(fc.constantFrom(...SHARED_TEXT), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 300 }));
const key = fc.oneof(fc.constantFrom('http.request.method', 'k', '', 'server.port', AMBIGUOUS), fc.string({ maxLength: 8 }));
const int64 = fc.oneof(fc.constantFrom('0', '-1', '9007199254740993', '-9223372036854775808', '9223372036854775807'), fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }).map(String));
const fixed64 = fc.oneof(fc.constantFrom('0', '1700000000123456789', '18446744073709551615'), fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(String));
const bytesOf = (n: number, pool: Uint8Array[]): fc.Arbitrary<Uint8Array> =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...pool) }, fc.uint8Array({ minLength: n, maxLength: n }), fc.uint8Array({ maxLength: 20 }));
const traceId = bytesOf(16, [new Uint8Array(16).fill(0xab), Uint8Array.from({ length: 16 }, (_, i) => i * 17), utf8.encode(AMBIGUOUS), new Uint8Array(0)]);
const spanId = bytesOf(8, [new Uint8Array(8).fill(0x01), Uint8Array.from({ length: 8 }, (_, i) => 255 - i), new Uint8Array(0)]);
const u32 = fc.nat({ max: 0xffffffff });
const i32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });

type Obj = Record<string, unknown>;
/** Drops keys whose arbitrary gave undefined, so protobufjs sees the field as absent. */
const present = (o: Obj): Obj => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });

const { keyValue } = fc.letrec<{ anyValue: Obj; keyValue: Obj }>((tie) => ({
  anyValue: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant({}),
    text.map((v) => ({ stringValue: v })),
    fc.boolean().map((v) => ({ boolValue: v })),
    int64.map((v) => ({ intValue: v })),
    fc.double().map((v) => ({ doubleValue: v })),
    fc.uint8Array({ maxLength: 20 }).map((v) => ({ bytesValue: v })),
    fc.array(tie('anyValue'), { maxLength: 3 }).map((values) => ({ arrayValue: { values } })),
    fc.array(tie('keyValue'), { maxLength: 3 }).map((values) => ({ kvlistValue: { values } })),
    fc.tuple(text, u32).map(([v, x]) => ({ stringValue: v, xAny: x })),
  ),
  keyValue: fc.record({ key, value: maybe(tie('anyValue')), xKv: maybe(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(String)) }).map(present),
}));

/** A few KeyValues that recur byte for byte, some sharing their value's bytes under another key. */
const SHARED_KVS: Obj[] = [
  { key: 'http.request.method', value: { stringValue: 'GET' } },
  { key: 'k', value: { stringValue: 'GET' } },
  { key: 'server.port', value: { intValue: '5432' } },
  { key: 'k', value: { intValue: '5432' } },
  { key: 'flag', value: { boolValue: true } },
  { key: 'list', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: '-1' }, { arrayValue: { values: [{ doubleValue: 0.5 }] } }] } } },
  { key: 'map', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'GET' } }, { key: 'b', value: { bytesValue: utf8.encode(AMBIGUOUS) } }] } } },
  { key: AMBIGUOUS, value: { bytesValue: utf8.encode(AMBIGUOUS) } },
  { key: 'empty' },
];
const attributes = fc.array(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...SHARED_KVS) }, keyValue), { maxLength: 5 });

const event = fc.record({
  timeUnixNano: maybe(fixed64), name: maybe(text), attributes: maybe(attributes), droppedAttributesCount: maybe(u32), xEvent: maybe(fc.double()),
}).map(present);
const link = fc.record({
  traceId: maybe(traceId), spanId: maybe(spanId), traceState: maybe(text), attributes: maybe(attributes), droppedAttributesCount: maybe(u32), flags: maybe(u32),
}).map(present);
const status = fc.record({ message: maybe(fc.oneof(fc.constantFrom('timeout', ''), text)), code: maybe(fc.oneof(fc.constantFrom(0, 1, 2), i32)) }).map(present);

export const span = fc.record({
  traceId: maybe(traceId), spanId: maybe(spanId), traceState: maybe(text), parentSpanId: maybe(spanId), flags: maybe(u32),
  name: maybe(fc.oneof(fc.constantFrom('GET /orders/{id}', AMBIGUOUS, ''), text)), kind: maybe(fc.oneof(fc.constantFrom(1, 2, 3), i32)),
  startTimeUnixNano: maybe(fixed64), endTimeUnixNano: maybe(fixed64), attributes: maybe(attributes), droppedAttributesCount: maybe(u32),
  events: maybe(fc.array(event, { maxLength: 3 })), droppedEventsCount: maybe(u32), links: maybe(fc.array(link, { maxLength: 2 })),
  droppedLinksCount: maybe(u32), status: maybe(status), xSpan: maybe(fixed64), xSpanText: maybe(text),
}).map(present);

const scope = fc.record({ name: maybe(text), version: maybe(text), attributes: maybe(attributes), droppedAttributesCount: maybe(u32) }).map(present);
const scopeSpans = fc.record({ scope: maybe(scope), spans: maybe(fc.array(span, { maxLength: 4 })), schemaUrl: maybe(text) }).map(present);
const resource = fc.record({ attributes: maybe(attributes), droppedAttributesCount: maybe(u32) }).map(present);
export const tracesData = fc.record({
  resourceSpans: fc.array(fc.record({
    resource: maybe(resource), scopeSpans: maybe(fc.array(scopeSpans, { maxLength: 3 })), schemaUrl: maybe(text),
    instrumentationLibrarySpans: maybe(fc.array(scopeSpans, { maxLength: 2 })),
  }).map(present), { minLength: 1, maxLength: 3 }),
  xTop: maybe(text),
}).map(present);

export function encodeTracesData(source: Obj): Uint8Array {
  return WriterTracesData.encode(WriterTracesData.fromObject(source)).finish();
}

/** Everything a walker hands its sink, in order, with the indices a sink would give. */
export interface Recorded {
  readonly resources: ResourceRecord[];
  readonly scopes: ScopeRecord[];
  readonly spans: SpanInput[];
  readonly issues: DecodeIssue[];
}

/** The span with its ids as text, as a sink reads them whether given as words or as text (SpanInput.spanIdHi). */
function withIdTexts(s: SpanInput): SpanInput {
  const { spanIdHi: _sh, spanIdLo: _sl, parentIdHi: _ph, parentIdLo: _pl, ...rest } = s;
  return { ...rest, spanId: spanIdText(s), parentSpanId: parentIdText(s) };
}

/** Takes spans early too (EarlySink), as the OTLP/JSON scanner hands them over: placed and rolled back in place. */
export function recordingSink(): EarlySink & Recorded {
  const rec: Recorded = { resources: [], scopes: [], spans: [], issues: [] };
  return {
    ...rec,
    addResource: (r) => rec.resources.push(r) - 1,
    addScope: (s) => rec.scopes.push(s) - 1,
    addSpan: (s) => void rec.spans.push(withIdTexts(s)),
    issue: (i) => void rec.issues.push(i),
    mark: () => ({ spans: rec.spans.length, resources: rec.resources.length, scopes: rec.scopes.length }),
    rollback: (m) => {
      rec.spans.length = m.spans;
      rec.resources.length = m.resources;
      rec.scopes.length = m.scopes;
    },
    placeSpans: (from, to, resourceIdx, scopeIdx) => {
      for (let i = from; i < to; i++) rec.spans[i] = { ...rec.spans[i]!, resourceIdx, scopeIdx };
    },
    forgetRecords: (list, from) => void (rec[list].length = from),
  };
}

// What reflection says, in the records' terms. `toObject` without defaults leaves absent fields out.
type R = Record<string, never>;
const hex = (b: unknown): string => (b === undefined ? '' : Buffer.from(b as number[]).toString('hex'));
const count = (v: unknown): number => (v as number | undefined) ?? 0;

export function refAnyValue(v: R | undefined): AnyValue {
  if (v === undefined) return { type: 'empty' };
  if (v.stringValue !== undefined) return { type: 'string', value: v.stringValue };
  if (v.boolValue !== undefined) return { type: 'bool', value: v.boolValue };
  if (v.intValue !== undefined) return { type: 'int', value: v.intValue };
  if (v.doubleValue !== undefined) return { type: 'double', value: v.doubleValue };
  if (v.bytesValue !== undefined) return { type: 'bytes', value: hex(v.bytesValue) };
  if (v.arrayValue !== undefined) return { type: 'array', values: ((v.arrayValue as { values?: R[] }).values ?? []).map(refAnyValue) };
  if (v.kvlistValue !== undefined) return { type: 'kvlist', values: ((v.kvlistValue as { values?: R[] }).values ?? []).map(refKeyValue) };
  return { type: 'empty' };
}
const refKeyValue = (kv: R): KeyValue => ({ key: kv.key ?? '', value: refAnyValue(kv.value) });
const refAttributes = (list: unknown): KeyValue[] => ((list as R[] | undefined) ?? []).map(refKeyValue);

export function refEvent(e: R): SpanEvent {
  return { timeNs: BigInt(e.timeUnixNano ?? '0'), name: e.name ?? '', attributes: refAttributes(e.attributes), droppedAttributesCount: count(e.droppedAttributesCount) };
}
export function refLink(l: R): SpanLink {
  return { traceId: hex(l.traceId), spanId: hex(l.spanId), traceState: l.traceState ?? '', attributes: refAttributes(l.attributes), droppedAttributesCount: count(l.droppedAttributesCount), flags: l.flags ?? null };
}

/** One span as the walker must hand it over, but for `where`, resourceIdx and scopeIdx. */
export function refSpan(s: R): Omit<SpanInput, 'where' | 'resourceIdx' | 'scopeIdx'> {
  const st = s.status as R | undefined;
  return {
    traceId: hex(s.traceId), spanId: hex(s.spanId), parentSpanId: hex(s.parentSpanId), traceState: s.traceState ?? '', flags: s.flags ?? null,
    name: s.name ?? '', kind: s.kind ?? 0, startNs: BigInt(s.startTimeUnixNano ?? '0'), endNs: BigInt(s.endTimeUnixNano ?? '0'),
    attributes: refAttributes(s.attributes), droppedAttributesCount: count(s.droppedAttributesCount),
    events: ((s.events as R[] | undefined) ?? []).map(refEvent), droppedEventsCount: count(s.droppedEventsCount),
    links: ((s.links as R[] | undefined) ?? []).map(refLink), droppedLinksCount: count(s.droppedLinksCount),
    status: { code: st?.code ?? 0, message: st?.message ?? '' }, quirks: 0,
  };
}

export function refResource(r: R | undefined, schemaUrl: string | undefined): ResourceRecord {
  return { attributes: refAttributes(r?.attributes), droppedAttributesCount: count(r?.droppedAttributesCount), schemaUrl: schemaUrl ?? '' };
}
export function refScope(s: R | undefined, schemaUrl: string | undefined): ScopeRecord {
  return { name: s?.name ?? '', version: s?.version ?? '', attributes: refAttributes(s?.attributes), droppedAttributesCount: count(s?.droppedAttributesCount), schemaUrl: schemaUrl ?? '' };
}

/** The reflection decode as plain objects: int64/fixed64 as decimal text, bytes as number arrays. */
export function reflect(bytes: Uint8Array): { resourceSpans?: R[] } {
  return ReaderTracesData.toObject(ReaderTracesData.decode(bytes), { longs: String, bytes: Array }) as { resourceSpans?: R[] };
}

/** Messages one after another, each after its varint length: protobuf's writeDelimitedTo framing, as some file exporters write. */
export function lengthDelimited(messages: readonly Uint8Array[]): Uint8Array {
  const w = protobuf.Writer.create();
  for (const m of messages) w.bytes(m); // bytes() writes a varint length, then the message
  return w.finish();
}
