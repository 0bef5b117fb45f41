// Python `opentelemetry-sdk` ConsoleSpanExporter: pretty-printed JSON objects one after another with no
// separator (ReadableSpan.to_json(indent=4) in opentelemetry-python sdk/trace/__init__.py), often between
// the program's own output. Ids are `0x…` hex, kind is `SpanKind.SERVER`, times are ISO-8601 with
// microseconds, `parent_id` is null for roots, status is `{status_code: "ERROR", description}`. A
// ConsoleMetricExporter dump (`resource_metrics`) may sit in the same stream: it is skipped as metrics.
import type { AnyValue, KeyValue, SpanSink } from '../model/records.ts';
import { Quirk } from '../model/records.ts';
import { isoToUnixNanos } from '../model/time.ts';
import type { Decoder } from './types.ts';
import { normalizeTextId } from './otlp/ids.ts';
import { decodeConsoleText } from './console-blocks.ts';
import { sniffableText } from './text/streams.ts';
import { jsonText } from './json-text.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const KINDS: Record<string, number> = { 'SpanKind.INTERNAL': 1, 'SpanKind.SERVER': 2, 'SpanKind.CLIENT': 3, 'SpanKind.PRODUCER': 4, 'SpanKind.CONSUMER': 5 };
const STATUS: Record<string, number> = { UNSET: 0, OK: 1, ERROR: 2 };
const MAX_DEPTH = 64;

/** Python attribute values are plain JSON: ints and floats differ only in text, which JSON.parse drops. */
function value(v: unknown, depth = 0): AnyValue {
  if (typeof v === 'string') return { type: 'string', value: v };
  if (typeof v === 'boolean') return { type: 'bool', value: v };
  if (typeof v === 'number') return Number.isInteger(v) ? { type: 'int', value: String(v) } : { type: 'double', value: v };
  if (depth >= MAX_DEPTH) return { type: 'truncated', note: `nested deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(v)) return { type: 'array', values: v.map((x) => value(x, depth + 1)) };
  if (isObject(v)) return { type: 'kvlist', values: Object.entries(v).map(([key, x]) => ({ key, value: value(x, depth + 1) })) };
  return { type: 'empty' };
}

function attributes(v: unknown): KeyValue[] {
  return isObject(v) ? Object.entries(v).map(([key, x]) => ({ key, value: value(x) })) : [];
}

const hexId = (v: unknown, numBytes: number): string => (typeof v === 'string' ? normalizeTextId(v.replace(/^0x/, ''), numBytes).hex : '');
const time = (v: unknown): bigint => (typeof v === 'string' ? (isoToUnixNanos(v) ?? 0n) : 0n);
const traceState = (v: unknown): string => (typeof v === 'string' && v !== '[]' ? v.replace(/^\[|\]$/g, '') : '');

/** True when `o` is one ReadableSpan.to_json() object. */
export function isPythonConsoleSpan(o: unknown): o is Json {
  return isObject(o) && isObject(o.context) && 'trace_id' in o.context;
}

export function emitPythonSpan(o: Json, sink: SpanSink, where: string): void {
  const context = isObject(o.context) ? o.context : {};
  const res = isObject(o.resource) ? o.resource : {};
  const status = isObject(o.status) ? o.status : {};
  const resourceIdx = sink.addResource({ attributes: attributes(res.attributes), droppedAttributesCount: null, schemaUrl: typeof res.schema_url === 'string' ? res.schema_url : '' });
  const scope = isObject(o.instrumentation_scope) ? o.instrumentation_scope : isObject(o.instrumentation_info) ? o.instrumentation_info : {};
  const scopeIdx = sink.addScope({ name: jsonText(scope.name ?? ''), version: jsonText(scope.version ?? ''), attributes: [], droppedAttributesCount: null, schemaUrl: jsonText(scope.schema_url ?? '') });
  sink.addSpan({
    traceId: hexId(context.trace_id, 16), spanId: hexId(context.span_id, 8), parentSpanId: hexId(o.parent_id, 8),
    traceState: traceState(context.trace_state), flags: null, name: jsonText(o.name ?? ''),
    kind: KINDS[jsonText(o.kind)] ?? 0, startNs: time(o.start_time), endNs: time(o.end_time),
    attributes: attributes(o.attributes), droppedAttributesCount: null,
    events: (Array.isArray(o.events) ? o.events : []).filter(isObject).map((e) => ({ timeNs: time(e.timestamp), name: jsonText(e.name ?? ''), attributes: attributes(e.attributes), droppedAttributesCount: null })),
    droppedEventsCount: null,
    links: (Array.isArray(o.links) ? o.links : []).filter(isObject).map((l) => {
      const c = isObject(l.context) ? l.context : {};
      return { traceId: hexId(c.trace_id, 16), spanId: hexId(c.span_id, 8), traceState: traceState(c.trace_state), attributes: attributes(l.attributes), droppedAttributesCount: null, flags: null };
    }),
    droppedLinksCount: null,
    status: { code: STATUS[jsonText(status.status_code)] ?? 0, message: typeof status.description === 'string' ? status.description : '' },
    resourceIdx, scopeIdx, where, quirks: Quirk.NO_FLAGS | Quirk.NO_DROPPED_COUNTS | (scope.name === undefined ? Quirk.NO_SCOPE : 0),
  });
}

export const pythonConsole: Decoder = {
  format: 'python-console',
  sniff(input) {
    const text = sniffableText(input.text);
    return /^\{[^\S\n]*\n\s+"name": .*\n\s+"context": \{[^\S\n]*\n\s+"trace_id": "0x[0-9a-f]{32}"/m.test(text) ? 0.9 : 0;
  },
  decode(input, sink) {
    decodeConsoleText(input.text(), sink);
  },
};
