// OTLP/protobuf messages below Span: Status, KeyValue and AnyValue (common/v1/common.proto).
import type { AnyValue, KeyValue, SpanStatus } from '../../model/records.ts';
import { delimitedEnd, hexField, readInt64, readString, type Reader } from './proto-wire.ts';

/** Nested values deeper than this become `truncated`, so hostile nesting cannot overflow the stack. */
export const MAX_VALUE_DEPTH = 64;

/** Status (message = 2, code = 3) up to `end`. */
export function statusBody(r: Reader, end: number): SpanStatus {
  let code = 0;
  let message = '';
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag >>> 3 === 2) message = readString(r);
    else if (tag >>> 3 === 3) code = r.int32();
    else r.skipType(tag & 7);
  }
  return { code, message };
}

/** KeyValue (key = 1, value = 2). The reader sits on the KeyValue's length prefix. */
function keyValue(r: Reader, depth: number): KeyValue {
  return keyValueBody(r, delimitedEnd(r), depth);
}

/** A KeyValue's fields up to `end`; `readKey` reads its key (a caller may pool keys by their bytes). */
export function keyValueBody(r: Reader, end: number, depth: number, readKey: (r: Reader) => string = readString): KeyValue {
  let key = '';
  let value: AnyValue = { type: 'empty' };
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) key = readKey(r);
    else if (tag >>> 3 === 2) value = anyValue(r, depth);
    else r.skipType(tag & 7);
  }
  r.pos = end;
  return { key, value };
}

/** AnyValue oneof: string 1, bool 2, int 3, double 4, array 5, kvlist 6, bytes 7. */
function anyValue(r: Reader, depth: number): AnyValue {
  const end = delimitedEnd(r);
  let value: AnyValue = { type: 'empty' };
  if (depth >= MAX_VALUE_DEPTH) {
    r.pos = end;
    return { type: 'truncated', note: `nested deeper than ${MAX_VALUE_DEPTH} levels` };
  }
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        value = { type: 'string', value: readString(r) };
        break;
      case 2:
        value = { type: 'bool', value: r.bool() };
        break;
      case 3:
        value = { type: 'int', value: readInt64(r).toString() };
        break;
      case 4:
        value = { type: 'double', value: r.double() };
        break;
      case 5:
        value = { type: 'array', values: repeated(r, (rr) => anyValue(rr, depth + 1)) };
        break;
      case 6:
        value = { type: 'kvlist', values: repeated(r, (rr) => keyValue(rr, depth + 1)) };
        break;
      case 7:
        value = { type: 'bytes', value: hexField(r) };
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  r.pos = end;
  return value;
}

/** ArrayValue / KeyValueList: `repeated X values = 1`. */
function repeated<T>(r: Reader, item: (r: Reader) => T): T[] {
  const end = delimitedEnd(r);
  const out: T[] = [];
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === 2) out.push(item(r));
    else r.skipType(tag & 7);
  }
  r.pos = end;
  return out;
}
