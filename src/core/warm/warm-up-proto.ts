// The warm-up's made-up export (warm-up-doc.ts) as OTLP/protobuf, so a protobuf file dropped after the warm-up
// meets a warmed protobuf walker too, not only a warmed builder. Written with protobufjs's Writer (no
// reflection: its generated code would need 'unsafe-eval') from the same document object as the JSON text,
// so both encodings hold the same spans. Field numbers: opentelemetry-proto
// trace/v1/trace.proto, common/v1/common.proto, resource/v1/resource.proto. Only the fields the warm-up
// document writes are mapped; it is not a general OTLP/JSON → protobuf converter.
import protobuf from 'protobufjs/minimal.js';
import { hexToBytes } from '../decode/otlp/ids.ts';
import type { WarmUpDocument, WarmUpKeyValue, WarmUpSpan, WarmUpValue } from './warm-up-doc.ts';

type Writer = protobuf.Writer;

/** Wire types: https://protobuf.dev/programming-guides/encoding/ */
const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;
const tag = (field: number, wireType: number): number => (field << 3) | wireType;

/**
 * `doc` (warmUpDocument) as OTLP/protobuf, one TracesData message per resource: messages of one
 * repeated field laid end to end are one message on the wire, so the parts joined are the whole export.
 * In parts, so the worker can take the page's messages between them (the whole took 45–160 ms in node).
 */
export function* warmUpProtoParts(doc: WarmUpDocument): Generator<Uint8Array> {
  for (const rs of doc.resourceSpans) {
    const w = protobuf.Writer.create();
    w.uint32(tag(1, LEN)).fork();
    w.uint32(tag(1, LEN)).fork();
    for (const kv of rs.resource.attributes) keyValue(w, 1, kv);
    w.ldelim();
    for (const ss of rs.scopeSpans) {
      w.uint32(tag(2, LEN)).fork();
      w.uint32(tag(1, LEN)).fork().uint32(tag(1, LEN)).string(ss.scope.name).uint32(tag(2, LEN)).string(ss.scope.version).ldelim();
      for (const s of ss.spans) span(w, s);
      w.ldelim();
    }
    if (rs.schemaUrl) w.uint32(tag(3, LEN)).string(rs.schemaUrl);
    w.ldelim();
    yield w.finish();
  }
}

function span(w: Writer, s: WarmUpSpan): void {
  w.uint32(tag(2, LEN)).fork();
  w.uint32(tag(1, LEN)).bytes(hexToBytes(s.traceId));
  w.uint32(tag(2, LEN)).bytes(hexToBytes(s.spanId));
  if (s.traceState) w.uint32(tag(3, LEN)).string(s.traceState);
  if (s.parentSpanId) w.uint32(tag(4, LEN)).bytes(hexToBytes(s.parentSpanId));
  w.uint32(tag(5, LEN)).string(s.name);
  w.uint32(tag(6, VARINT)).int32(s.kind);
  fixed64(w.uint32(tag(7, I64)), s.startTimeUnixNano);
  fixed64(w.uint32(tag(8, I64)), s.endTimeUnixNano);
  for (const kv of s.attributes) keyValue(w, 9, kv);
  for (const e of s.events) {
    w.uint32(tag(11, LEN)).fork();
    fixed64(w.uint32(tag(1, I64)), e.timeUnixNano);
    w.uint32(tag(2, LEN)).string(e.name);
    for (const kv of e.attributes) keyValue(w, 3, kv);
    w.ldelim();
  }
  for (const l of s.links) {
    w.uint32(tag(13, LEN)).fork().uint32(tag(1, LEN)).bytes(hexToBytes(l.traceId)).uint32(tag(2, LEN)).bytes(hexToBytes(l.spanId));
    for (const kv of l.attributes) keyValue(w, 4, kv);
    if (l.flags !== undefined) w.uint32(tag(6, I32)).fixed32(l.flags);
    w.ldelim();
  }
  // Status: message 2, code 3 (field 1 is the deprecated code).
  w.uint32(tag(15, LEN)).fork();
  if (s.status.message) w.uint32(tag(2, LEN)).string(s.status.message);
  if (s.status.code) w.uint32(tag(3, VARINT)).int32(s.status.code);
  w.ldelim();
  if (s.flags !== undefined) w.uint32(tag(16, I32)).fixed32(s.flags);
  w.ldelim();
}

function keyValue(w: Writer, field: number, kv: WarmUpKeyValue): void {
  w.uint32(tag(field, LEN)).fork().uint32(tag(1, LEN)).string(kv.key).uint32(tag(2, LEN)).fork();
  anyValue(w, kv.value);
  w.ldelim().ldelim();
}

function anyValue(w: Writer, v: WarmUpValue): void {
  if (v.stringValue !== undefined) w.uint32(tag(1, LEN)).string(v.stringValue);
  else if (v.boolValue !== undefined) w.uint32(tag(2, VARINT)).bool(v.boolValue);
  else if (v.intValue !== undefined) w.uint32(tag(3, VARINT)).int64(Number(v.intValue));
  else if (v.doubleValue !== undefined) w.uint32(tag(4, I64)).double(v.doubleValue);
  else if (v.arrayValue !== undefined) {
    w.uint32(tag(5, LEN)).fork();
    for (const item of v.arrayValue.values) {
      w.uint32(tag(1, LEN)).fork();
      anyValue(w, item);
      w.ldelim();
    }
    w.ldelim();
  } else throw new Error(`warm-up document: a value of no known type: ${JSON.stringify(v)}`);
}

/** A decimal nanosecond count as fixed64: low word, then high word (little-endian). */
function fixed64(w: Writer, decimal: string): void {
  const ns = BigInt(decimal);
  w.fixed32(Number(ns & 0xffff_ffffn)).fixed32(Number(ns >> 32n));
}
