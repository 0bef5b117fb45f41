// Byte-keyed reuse for the OTLP/protobuf walker: a value whose bytes were seen before in this input (an
// attribute's whole KeyValue message, a span name, a trace id, a status) is taken from a BytePool instead of
// decoded again. Each pool holds one kind of value, so bytes that are a name in one place and an id in another
// never meet. What a run of bytes decodes to depends on nothing else (KeyValues are pooled only at the top,
// where the nesting limit cannot differ), so reuse gives exactly what decoding would.
import type { KeyValue, SpanStatus } from '../../model/records.ts';
import { BytePool } from '../byte-pool.ts';
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

/** A length-delimited string, reused when its bytes repeat (names, states, messages). */
export function pooledText(r: Reader, pools: ProtoPools): string {
  const end = delimitedEnd(r);
  const start = r.pos;
  r.pos = end;
  let text = pools.texts.get(r.buf, start, end);
  if (text === undefined) {
    text = textAt(r.buf, start, end);
    pools.texts.set(r.buf, start, end, text);
  }
  return text;
}

/** Length-delimited bytes as lowercase hex, reused when they repeat (trace ids, parent span ids). */
export function pooledHex(r: Reader, pools: ProtoPools): string {
  const end = delimitedEnd(r);
  const start = r.pos;
  r.pos = end;
  let hex = pools.hexIds.get(r.buf, start, end);
  if (hex === undefined) {
    hex = bytesToHex(r.buf, start, end);
    pools.hexIds.set(r.buf, start, end, hex);
  }
  return hex;
}

/** A top-level KeyValue (span, event, link, resource or scope attribute), reused when its bytes repeat. */
export function pooledKeyValue(r: Reader, pools: ProtoPools): KeyValue {
  const end = delimitedEnd(r);
  const start = r.pos;
  let kv = pools.keyValues.get(r.buf, start, end);
  if (kv === undefined) {
    kv = pools.share(keyValueBody(r, end, 0));
    pools.keyValues.set(r.buf, start, end, kv);
  }
  r.pos = end;
  return kv;
}

/** A span's Status, reused when its bytes repeat. */
export function pooledStatus(r: Reader, pools: ProtoPools): SpanStatus {
  const end = delimitedEnd(r);
  const start = r.pos;
  let status = pools.statuses.get(r.buf, start, end);
  if (status === undefined) {
    status = statusBody(r, end);
    pools.statuses.set(r.buf, start, end, status);
  }
  r.pos = end;
  return status;
}
