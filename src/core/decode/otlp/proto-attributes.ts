// A span's attributes kept as their OTLP/protobuf bytes, decoded when asked for (model/encoded-attributes.ts):
// the run of Span.attributes fields (tag 9, each a KeyValue) as the wire holds it. The walker hands a run over
// only when `isPlainRun` finds it well formed: every field of the types common.proto gives it and every
// length inside its message. Such a run decodes the same from a copy as in place, as no read leaves it; any
// other run is decoded at once, as before, and so is cut or kept exactly as it was.
import type { AttributeCodec } from '../../model/encoded-attributes.ts';
import type { KeyValue } from '../../model/records.ts';
import { BytePool } from '../byte-pool.ts';
import { RepeatPool } from '../repeat-pool.ts';
import { keyValueBody, MAX_VALUE_DEPTH } from './proto-values.ts';
import { runHolds } from './proto-attribute-search.ts';
import { isScalarRun } from './proto-scalar-run.ts';
import { createReader, delimitedEnd, textAt, type Reader } from './proto-wire.ts';
import { shapeOf } from '../../warm/keep-shapes.ts';

/**
 * Decodes runs of one input. KeyValues and keys whose bytes that input's walker pooled are taken from its
 * pools (read only), so a decoded list shares their objects with the lists decoded at load; a KeyValue
 * found a second time, in another place, is kept in a pool of the codec's own (repeat-pool.ts).
 */
export class ProtoAttributeCodec implements AttributeCodec {
  private readonly decoded = new RepeatPool<KeyValue>();

  constructor(
    private readonly keyValues: BytePool<KeyValue>,
    private readonly texts: BytePool<string>,
  ) {
    shapeOf(this);
  }

  private readonly readKey = (r: Reader): string => {
    const end = delimitedEnd(r);
    const start = r.pos;
    r.pos = end;
    return this.texts.get(r.buf, start, end) ?? textAt(r.buf, start, end);
  };

  readonly holds = runHolds;

  decode(bytes: Uint8Array, start: number, end: number): KeyValue[] {
    const r = createReader(bytes.subarray(start, end));
    const out: KeyValue[] = [];
    while (r.pos < r.len) {
      r.uint32(); // the attribute's tag
      const kvEnd = delimitedEnd(r);
      out.push(this.keyValue(r, kvEnd, start));
      r.pos = kvEnd;
    }
    return out;
  }

  /** The KeyValue at `r.pos` up to `end`; `base` is where the reader's bytes start in their page. */
  private keyValue(r: Reader, end: number, base: number): KeyValue {
    const { buf, pos } = r;
    const hash = this.decoded.hash(buf, pos, end);
    const known = this.keyValues.get(buf, pos, end, hash) ?? this.decoded.get(buf, pos, end, hash);
    if (known !== undefined) return known;
    const kv = keyValueBody(r, end, 0, this.readKey);
    this.decoded.decoded(buf, pos, end, hash, base + pos, kv);
    return kv;
  }
}

// --- isPlainRun: the wire format (https://protobuf.dev/programming-guides/encoding/) over common.proto ---

const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;

/** Thrown inside isPlainRun when a run is not plain; never leaves it. */
const NOT_PLAIN = new Error('not a plain run');

let buf: Uint8Array = new Uint8Array(0);
let pos = 0;

/**
 * Whether the Span.attributes fields in `bytes[start, end)` (tag and KeyValue, one after another) are well
 * formed: varints end within 10 bytes (tags and lengths within 5, below 2^31), lengths stay inside their
 * message, KeyValue, AnyValue, ArrayValue and KeyValueList fields have their declared wire types (the
 * decoder reads them by number alone), and unknown fields have wire types 0, 1, 2 or 5 (groups are read by
 * protobufjs only).
 */
export function isPlainRun(bytes: Uint8Array, start: number, end: number): boolean {
  return isScalarRun(bytes, start, end) || isPlainGeneralRun(bytes, start, end);
}

function isPlainGeneralRun(bytes: Uint8Array, start: number, end: number): boolean {
  buf = bytes;
  pos = start;
  try {
    while (pos < end) {
      if (varint32(end) !== ((9 << 3) | LEN)) return false;
      const kvEnd = lengthEnd(end);
      keyValue(kvEnd, 0);
    }
    return true;
  } catch (err) {
    if (err === NOT_PLAIN) return false;
    throw err;
  } finally {
    buf = new Uint8Array(0);
  }
}

/** A varint of at most 5 bytes below 2^31 (a tag or a length), ending before `limit`. */
function varint32(limit: number): number {
  let value = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (pos >= limit) throw NOT_PLAIN;
    const b = buf[pos++]!;
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) {
      if (value >= 2 ** 31) throw NOT_PLAIN;
      return value;
    }
  }
  throw NOT_PLAIN;
}

/** Skips a varint of at most 10 bytes ending before `limit`. */
function skipVarint(limit: number): void {
  for (let i = 0; i < 10; i++) {
    if (pos >= limit) throw NOT_PLAIN;
    if (buf[pos++]! < 0x80) return;
  }
  throw NOT_PLAIN;
}

/** Reads a length and returns where its bytes end, inside `limit`. */
function lengthEnd(limit: number): number {
  const length = varint32(limit);
  if (pos + length > limit) throw NOT_PLAIN;
  return pos + length;
}

function skip(n: number, limit: number): void {
  if (pos + n > limit) throw NOT_PLAIN;
  pos += n;
}

/** An unknown field's value, as protobufjs's skipType reads it (wire types 0, 1, 2, 5). */
function skipField(wireType: number, limit: number): void {
  if (wireType === VARINT) {
    // skipType reads a varint of any length; a plain one has at most 10 bytes.
    skipVarint(limit);
  } else if (wireType === I64) skip(8, limit);
  else if (wireType === LEN) pos = lengthEnd(limit);
  else if (wireType === I32) skip(4, limit);
  else throw NOT_PLAIN;
}

/** KeyValue up to `end`: key = 1 (string), value = 2 (AnyValue). */
function keyValue(end: number, depth: number): void {
  while (pos < end) {
    const tag = varint32(end);
    const field = tag >>> 3;
    if (field === 1 || field === 2) {
      if ((tag & 7) !== LEN) throw NOT_PLAIN;
      const e = lengthEnd(end);
      if (field === 2) anyValue(e, depth);
      pos = e;
    } else skipField(tag & 7, end);
  }
}

/** The wire type of each AnyValue field by number (proto-values.ts anyValue reads them). */
const ANY_VALUE_WIRE = [-1, LEN, VARINT, VARINT, I64, LEN, LEN, LEN];

/** AnyValue `[pos, end)`; past MAX_VALUE_DEPTH the decoder reads none of it, and neither does this. */
function anyValue(end: number, depth: number): void {
  if (depth >= MAX_VALUE_DEPTH) return;
  while (pos < end) {
    const tag = varint32(end);
    const field = tag >>> 3;
    const wire = field < ANY_VALUE_WIRE.length ? ANY_VALUE_WIRE[field]! : -1;
    if (wire < 0) skipField(tag & 7, end);
    else if ((tag & 7) !== wire) throw NOT_PLAIN;
    else if (field === 5 || field === 6) {
      const e = lengthEnd(end);
      values(e, depth, field === 6);
      pos = e;
    } else skipField(wire, end);
  }
}

/** ArrayValue / KeyValueList: `repeated values = 1`, AnyValues or KeyValues. */
function values(end: number, depth: number, isKvlist: boolean): void {
  while (pos < end) {
    const tag = varint32(end);
    if (tag >>> 3 === 1 && (tag & 7) === LEN) {
      const e = lengthEnd(end);
      if (isKvlist) keyValue(e, depth + 1);
      else anyValue(e, depth + 1);
      pos = e;
    } else if (tag >>> 3 === 1) throw NOT_PLAIN;
    else skipField(tag & 7, end);
  }
}
