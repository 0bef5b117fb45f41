// Byte-keyed reuse for the OTLP/protobuf walker: a value whose bytes were seen before in this input (an
// attribute's whole KeyValue message, a span name, a trace id, a status) is taken from a BytePool instead of
// decoded again. Each pool holds one kind of value, so bytes that are a name in one place and an id in another
// never meet. What a run of bytes decodes to depends on nothing else (KeyValues are pooled only at the top,
// where the nesting limit cannot differ), so reuse gives exactly what decoding would. One exception, in
// malformed input only: a nested value whose length runs past its KeyValue is read on past it (reflection
// does the same), so what follows the run matters; a reuse then gives the first such reading.
import type { KeyValue, Sharing, SpanStatus } from '../../model/records.ts';
import { AttributeReuse } from '../attribute-reuse.ts';
import { BytePool } from '../byte-pool.ts';
import { IdPool } from '../id-pool.ts';
import { bytesToHex } from './ids.ts';
import { keyValueBody, statusBody } from './proto-values.ts';
import { isPlainRun, ProtoAttributeCodec } from './proto-attributes.ts';
import { delimitedEnd, textAt, type Reader } from './proto-wire.ts';
import { shapeOf } from '../../warm/keep-shapes.ts';

export class ProtoPools {
  /** Attributes reused by their bytes, with the copies the sink keeps (attribute-reuse.ts). */
  readonly attributes: AttributeReuse;

  /**
   * Keeps a span's attributes as bytes (SpanSink.encodeAttributes), for `pooledAttributes`; undefined when the
   * sink keeps none.
   */
  readonly encode: ((buf: Uint8Array, start: number, end: number) => number) | undefined;

  /**
   * `sharing`: the copies the sink keeps of new KeyValues and lists (SpanSink.shareKeyValue, shareAttributes),
   * and where it keeps attributes as bytes (encodeAttributes).
   */
  constructor(sharing: Sharing = {}) {
    this.attributes = new AttributeReuse(sharing);
    const encode = sharing.encodeAttributes;
    if (encode === undefined) return;
    const codec = new ProtoAttributeCodec(this.attributes.keyValues, this.texts);
    this.encode = (buf, start, end) => (isPlainRun(buf, start, end) ? encode(codec, buf, start, end) : -1);
    shapeOf(this);
  }

  readonly texts = new BytePool<string>();
  /** Ids of other lengths than 16 bytes (trace ids, pooled by value below). */
  readonly hexIds = new BytePool<string>();
  readonly traceIds = new IdPool(4);
  readonly statuses = new BytePool<SpanStatus>();
  /** The words of the span id `idWords` read last. */
  readonly words = new Int32Array(2);
  /**
   * Lets go of the input the pools last looked up (BytePool.forgetInput): a codec of encoded attributes keeps
   * `attributes.keyValues` and `texts` for as long as the dataset, and must not keep the input with them.
   */
  forgetInput(): void {
    this.attributes.forgetInput();
    this.texts.forgetInput();
    this.hexIds.forgetInput();
    this.statuses.forgetInput();
  }

  /** A top-level KeyValue's key, pooled by its bytes: a KeyValue the sink declines keeps it (SpanSink.addSpan's `shared`). */
  readonly readKey = (r: Reader): string => pooledText(r, this);
}

/**
 * A length-delimited field taken from `pool` when its bytes were seen before, else decoded by `decode`
 * (which reads `r` from the field's first byte up to `end`) and remembered. Leaves `r` after the field.
 */
function pooled<T>(r: Reader, pool: BytePool<T>, decode: (r: Reader, start: number, end: number) => T): T {
  const end = delimitedEnd(r);
  const start = r.pos;
  const hash = pool.hash(r.buf, start, end);
  let value = pool.get(r.buf, start, end, hash);
  if (value === undefined) {
    value = decode(r, start, end);
    pool.set(r.buf, start, end, value, hash);
  }
  r.pos = end;
  return value;
}

/** A length-delimited string, reused when its bytes repeat (names, states, messages). */
export function pooledText(r: Reader, pools: ProtoPools): string {
  return pooled(r, pools.texts, (rr, start, end) => textAt(rr.buf, start, end));
}

/**
 * Length-delimited bytes as lowercase hex, reused when they repeat: trace ids (16 bytes, by value), and ids of
 * odd lengths. 8-byte span ids are words (`idWords`), or, in a link, one string per link.
 */
export function pooledHex(r: Reader, pools: ProtoPools): string {
  const length = r.buf[r.pos];
  if (length !== 16) return pooled(r, pools.hexIds, (rr, start, end) => bytesToHex(rr.buf, start, end));
  const start = r.pos + 1;
  const end = start + length;
  if (end > r.len) delimitedEnd(r); // throws, as for any field running past the end
  const pool = pools.traceIds;
  const key = pool.key;
  const b = r.buf;
  for (let w = 0, i = start; i < end; w++, i += 4) key[w] = (b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!;
  let id = pool.get();
  if (id === undefined) pool.add((id = bytesToHex(b, start, end)));
  r.pos = end;
  return id;
}

/**
 * An 8-byte id (a span's own or its parent's) at `r.pos` as two words, high first, into `words`, no string
 * made (the sink keeps ids as words, SpanInput.spanIdHi): true when it was one, leaving `r` after it; else
 * nothing is read.
 */
export function idWords(r: Reader, words: Int32Array): boolean {
  const b = r.buf;
  const start = r.pos + 1;
  if (b[r.pos] !== 8 || start + 8 > r.len) return false;
  words[0] = (b[start]! << 24) | (b[start + 1]! << 16) | (b[start + 2]! << 8) | b[start + 3]!;
  words[1] = (b[start + 4]! << 24) | (b[start + 5]! << 16) | (b[start + 6]! << 8) | b[start + 7]!;
  r.pos = start + 8;
  return true;
}

/**
 * A top-level KeyValue (span, event, link, resource or scope attribute), reused when its bytes repeat; one
 * the sink does not keep (its key's values rarely repeat) is not remembered either.
 */
export function pooledKeyValue(r: Reader, pools: ProtoPools): KeyValue {
  const reuse = pools.attributes;
  const end = delimitedEnd(r);
  const start = r.pos;
  const hash = reuse.hashKeyValue(r.buf, start, end);
  const kv = reuse.knownKeyValue(r.buf, start, end, hash) ?? reuse.keptKeyValue(r.buf, start, end, hash, keyValueBody(r, end, 0, pools.readKey));
  r.pos = end;
  return kv;
}

/** A span's Status, reused when its bytes repeat. */
export function pooledStatus(r: Reader, pools: ProtoPools): SpanStatus {
  return pooled(r, pools.statuses, (rr, _start, end) => statusBody(rr, end));
}

/** Span.attributes (field 9) as a length-delimited field: its tag byte. */
const ATTRIBUTE_TAG = (9 << 3) | 2;

/**
 * Index after the length-delimited field whose length prefix is at `pos`, or -1 when it is not plainly
 * there (a length of more than 28 bits, or one running past `end`): the caller then reads field by field.
 */
function fieldEnd(buf: Uint8Array, pos: number, end: number): number {
  let length = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= end) return -1;
    const b = buf[pos++]!;
    length |= (b & 0x7f) << shift;
    if (b < 0x80) return pos + length <= end ? pos + length : -1;
  }
  return -1;
}

/**
 * A span's attributes, from the KeyValue at `r.pos` (its tag just read, starting at `from`) through every
 * attribute field right after it, up to the span's `end`. Spans of one operation repeat this run byte for
 * byte, so the whole list is reused by one look-up (attribute-reuse.ts). A run that look-ups have stopped
 * finding (values of their own) is kept as bytes by the sink, when it can, and its handle returned
 * (SpanInput.encodedAttributes); else each KeyValue is read as before. Attribute fields further on, after
 * another field, are the caller's (rare: encoders write a repeated field in one run). Leaves `r` after the
 * run.
 */
export function pooledAttributes(r: Reader, pools: ProtoPools, from: number, end: number): readonly KeyValue[] | number {
  const buf = r.buf;
  let runEnd = fieldEnd(buf, r.pos, end);
  if (runEnd < 0) return [pooledKeyValue(r, pools)];
  while (runEnd < end && buf[runEnd] === ATTRIBUTE_TAG) {
    const next = fieldEnd(buf, runEnd + 1, end);
    if (next < 0) break;
    runEnd = next;
  }
  const reuse = pools.attributes;
  const isLookedUp = reuse.looksUpList();
  if (!isLookedUp && pools.encode !== undefined) {
    const handle = pools.encode(buf, from, runEnd);
    if (handle >= 0) {
      r.pos = runEnd;
      return handle;
    }
  }
  const hash = isLookedUp ? reuse.hashList(buf, from, runEnd) : 0;
  const known = isLookedUp ? reuse.knownList(buf, from, runEnd, hash) : undefined;
  if (known !== undefined) {
    r.pos = runEnd;
    return known;
  }
  const list = [pooledKeyValue(r, pools)];
  while (r.pos < runEnd) {
    r.uint32(); // the next attribute's tag
    list.push(pooledKeyValue(r, pools));
  }
  return isLookedUp ? reuse.keptList(buf, from, runEnd, hash, list) : list;
}
