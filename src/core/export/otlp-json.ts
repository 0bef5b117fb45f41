// Writes loaded spans as spec-conformant OTLP/JSON (opentelemetry-proto docs/specification.md#json-protobuf-
// encoding): lowerCamelCase keys, hex ids, 64-bit integers as decimal strings, integer enums, bytes as
// base64, resource → scope → spans grouping kept. Counts a format could not carry (null) are left out.
import type { Dataset } from '../model/assemble.ts';
import type { AnyValue, KeyValue, SpanRecord } from '../model/records.ts';
import { hexToBytes } from '../decode/otlp/ids.ts';

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

/** The whole dataset (or only some traces) as one ExportTraceServiceRequest. Exact duplicates are written once. */
export function exportOtlpJson(ds: Dataset, traceIds?: ReadonlySet<string>): string {
  const byResource = new Map<number, Map<number, SpanRecord[]>>();
  for (const trace of ds.traces) {
    if (traceIds && !traceIds.has(trace.traceId)) continue;
    for (let row = 0; row < trace.numRows; row++) {
      const s = ds.spans[trace.spanIdx[row]!]!;
      let scopes = byResource.get(s.resourceIdx);
      if (!scopes) byResource.set(s.resourceIdx, (scopes = new Map()));
      const list = scopes.get(s.scopeIdx) ?? [];
      list.push(s);
      scopes.set(s.scopeIdx, list);
    }
  }
  const resourceSpans = [...byResource].map(([resourceIdx, scopes]) => {
    const r = ds.resources[resourceIdx]!;
    return {
      resource: { attributes: r.attributes.map(keyValue), ...counted('droppedAttributesCount', r.droppedAttributesCount) },
      scopeSpans: [...scopes].map(([scopeIdx, spans]) => {
        const sc = ds.scopes[scopeIdx]!;
        return {
          scope: { name: sc.name, ...(sc.version ? { version: sc.version } : {}), attributes: sc.attributes.map(keyValue), ...counted('droppedAttributesCount', sc.droppedAttributesCount) },
          spans: spans.map(span),
          ...(sc.schemaUrl ? { schemaUrl: sc.schemaUrl } : {}),
        };
      }),
      ...(r.schemaUrl ? { schemaUrl: r.schemaUrl } : {}),
    };
  });
  return JSON.stringify({ resourceSpans });
}
