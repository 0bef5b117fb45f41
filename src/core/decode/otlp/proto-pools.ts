// Byte-keyed reuse for the OTLP/protobuf walker: a value whose bytes were seen before in this input (an
// attribute's whole KeyValue message, a span name, a trace id, a status) is taken from a BytePool instead of
// decoded again. Each pool holds one kind of value, so bytes that are a name in one place and an id in another
// never meet. What a run of bytes decodes to depends on nothing else (KeyValues are pooled only at the top,
// where the nesting limit cannot differ), so reuse gives exactly what decoding would.
import type { KeyValue, SpanStatus } from '../../model/records.ts';
import { BytePool, hashBytes, MAX_POOLED_BYTES } from '../byte-pool.ts';
import { bytesToHex } from './ids.ts';
import { keyValueBody, statusBody } from './proto-values.ts';
import { delimitedEnd, textAt, type Reader } from './proto-wire.ts';

export class ProtoPools {
  /** `share` gives the copy the sink keeps of a new KeyValue (SpanSink.shareKeyValue), which is pooled here. */
  constructor(readonly share: (kv: KeyValue) => KeyValue = (kv) => kv) {}

  readonly keyValues = new BytePool<KeyValue>();
  readonly texts = new BytePool<string>();
  readonly hexIds = new BytePool<string>();
  readonly statuses = new BytePool<SpanStatus>();
}

/**
 * A length-delimited field taken from `pool` when its bytes were seen before, else decoded by `decode`
 * (which reads `r` from the field's first byte up to `end`) and remembered. Leaves `r` after the field.
 */
function pooled<T>(r: Reader, pool: BytePool<T>, decode: (r: Reader, start: number, end: number) => T): T {
  const end = delimitedEnd(r);
  const start = r.pos;
  const hash = end - start <= MAX_POOLED_BYTES ? hashBytes(r.buf, start, end) : 0; // one hash for the look-up and the add
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

/** Length-delimited bytes as lowercase hex, reused when they repeat (trace ids, parent span ids). */
export function pooledHex(r: Reader, pools: ProtoPools): string {
  return pooled(r, pools.hexIds, (rr, start, end) => bytesToHex(rr.buf, start, end));
}

/** A top-level KeyValue (span, event, link, resource or scope attribute), reused when its bytes repeat. */
export function pooledKeyValue(r: Reader, pools: ProtoPools): KeyValue {
  return pooled(r, pools.keyValues, (rr, _start, end) => pools.share(keyValueBody(rr, end, 0)));
}

/** A span's Status, reused when its bytes repeat. */
export function pooledStatus(r: Reader, pools: ProtoPools): SpanStatus {
  return pooled(r, pools.statuses, (rr, _start, end) => statusBody(rr, end));
}
