// Writes loaded spans as spec-conformant OTLP/JSON (opentelemetry-proto docs/specification.md#json-protobuf-
// encoding): lowerCamelCase keys, hex ids, 64-bit integers as decimal strings, integer enums, bytes as
// base64, resource → scope → spans grouping kept. Counts a format could not carry (null) are left out.
import type { Dataset } from '../model/assemble.ts';
import type { AnyValue, KeyValue, SpanRecord } from '../model/records.ts';
import { hexToBytes } from '../decode/otlp/ids.ts';
import { PieceWriter, type Write } from '../text-pieces.ts';

type Json = Record<string, unknown>;

function bytesToBase64(hex: string): string {
  const bytes = hexToBytes(hex);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function anyValue(v: AnyValue): Json {
  switch (v.type) {
    case 'string':
      return { stringValue: v.value };
    case 'bool':
      return { boolValue: v.value };
    case 'int':
      return { intValue: v.value };
    case 'double':
      return { doubleValue: v.value };
    case 'bytes':
      return { bytesValue: bytesToBase64(v.value) };
    case 'array':
      return { arrayValue: { values: v.values.map(anyValue) } };
    case 'kvlist':
      return { kvlistValue: { values: v.values.map(keyValue) } };
    case 'empty':
      return {};
    case 'truncated':
      return { stringValue: `(${v.note})` };
    default: {
      const never: never = v;
      return never;
    }
  }
}

const keyValue = (kv: KeyValue): Json => ({ key: kv.key, value: anyValue(kv.value) });
const counted = (name: string, n: number | null): Json => (n === null || n === 0 ? {} : { [name]: n });

function span(s: SpanRecord): Json {
  return {
    traceId: s.traceId,
    spanId: s.spanId,
    ...(s.traceState ? { traceState: s.traceState } : {}),
    ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
    ...(s.flags !== null ? { flags: s.flags } : {}),
    name: s.name,
    kind: s.kind,
    startTimeUnixNano: s.startNs.toString(),
    endTimeUnixNano: s.endNs.toString(),
    attributes: s.attributes.map(keyValue),
    ...counted('droppedAttributesCount', s.droppedAttributesCount),
    events: s.events.map((e) => ({ timeUnixNano: e.timeNs.toString(), name: e.name, attributes: e.attributes.map(keyValue), ...counted('droppedAttributesCount', e.droppedAttributesCount) })),
    ...counted('droppedEventsCount', s.droppedEventsCount),
    links: s.links.map((l) => ({
      traceId: l.traceId, spanId: l.spanId, ...(l.traceState ? { traceState: l.traceState } : {}), attributes: l.attributes.map(keyValue),
      ...counted('droppedAttributesCount', l.droppedAttributesCount), ...(l.flags !== null ? { flags: l.flags } : {}),
    })),
    ...counted('droppedLinksCount', s.droppedLinksCount),
    status: { code: s.status.code, ...(s.status.message ? { message: s.status.message } : {}) },
  };
}

/**
 * The whole dataset (or only some traces) as one ExportTraceServiceRequest, written in pieces: the text of a
 * million spans is over V8's longest string. The text is JSON.stringify's of the request object (keys in the
 * same order), one span at a time. Exact duplicates are written once (they are one row of their trace).
 */
export function writeOtlpJson(ds: Dataset, write: Write, traceIds?: ReadonlySet<string>): void {
  // Span indexes by resource, then scope, in trace order.
  const byResource = new Map<number, Map<number, number[]>>();
  for (const trace of ds.traces) {
    if (traceIds && !traceIds.has(trace.traceId)) continue;
    for (let row = 0; row < trace.numRows; row++) {
      const spanIdx = trace.spanIdx[row]!;
      const s = ds.span(spanIdx);
      let scopes = byResource.get(s.resourceIdx);
      if (!scopes) byResource.set(s.resourceIdx, (scopes = new Map()));
      let list = scopes.get(s.scopeIdx);
      if (!list) scopes.set(s.scopeIdx, (list = []));
      list.push(spanIdx);
    }
  }
  const out = new PieceWriter(write);
  const schemaUrl = (url: string): string => (url ? `,"schemaUrl":${JSON.stringify(url)}` : '');
  out.put('{"resourceSpans":[');
  let numResources = 0;
  for (const [resourceIdx, scopes] of byResource) {
    const r = ds.resources[resourceIdx]!;
    const resource = { attributes: r.attributes.map(keyValue), ...counted('droppedAttributesCount', r.droppedAttributesCount) };
    out.put(`${numResources++ === 0 ? '' : ','}{"resource":${JSON.stringify(resource)},"scopeSpans":[`);
    let numScopes = 0;
    for (const [scopeIdx, spans] of scopes) {
      const sc = ds.scopes[scopeIdx]!;
      const scope = { name: sc.name, ...(sc.version ? { version: sc.version } : {}), attributes: sc.attributes.map(keyValue), ...counted('droppedAttributesCount', sc.droppedAttributesCount) };
      out.put(`${numScopes++ === 0 ? '' : ','}{"scope":${JSON.stringify(scope)},"spans":[`);
      for (let i = 0; i < spans.length; i++) out.put(`${i === 0 ? '' : ','}${JSON.stringify(span(ds.span(spans[i]!)))}`);
      out.put(`]${schemaUrl(sc.schemaUrl)}}`);
    }
    out.put(`]${schemaUrl(r.schemaUrl)}}`);
  }
  out.put(']}');
  out.end();
}
