// OTLP/protobuf Span.Event and Span.Link (trace/v1/trace.proto), with names, ids and attributes reused by
// their bytes (proto-pools.ts).
import type { KeyValue, SpanEvent, SpanLink } from '../../model/records.ts';
import { pooledHex, pooledKeyValue, pooledText, type ProtoPools } from './proto-pools.ts';
import { delimitedEnd, hexField, readFixed64, type Reader } from './proto-wire.ts';

export function event(r: Reader, pools: ProtoPools): SpanEvent {
  const end = delimitedEnd(r);
  let timeNs = 0n;
  let name = '';
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        timeNs = readFixed64(r);
        break;
      case 2:
        name = pooledText(r, pools);
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
  return { timeNs, name, attributes, droppedAttributesCount };
}

export function link(r: Reader, pools: ProtoPools): SpanLink {
  const end = delimitedEnd(r);
  let traceId = '';
  let spanId = '';
  let traceState = '';
  const attributes: KeyValue[] = [];
  let droppedAttributesCount = 0;
  let flags: number | null = null;
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1:
        traceId = pooledHex(r, pools);
        break;
      case 2:
        spanId = hexField(r);
        break;
      case 3:
        traceState = pooledText(r, pools);
        break;
      case 4:
        attributes.push(pooledKeyValue(r, pools));
        break;
      case 5:
        droppedAttributesCount = r.uint32();
        break;
      case 6:
        flags = r.fixed32();
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return { traceId, spanId, traceState, attributes, droppedAttributesCount, flags };
}
